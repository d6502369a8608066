"""The bot's messages in the user's language: gettext catalogues in bot/locales, read with Babel.

The English texts in bot/texts.py are the message ids. Each language has a catalogue,
``bot/locales/<code>/LC_MESSAGES/briefing.po``; only the .po files are kept in the repository,
and `translator` compiles one in memory the first time its language is asked for (tens of
milliseconds, once per process), so a fresh install needs no build step and nothing can go
stale. A message missing from a catalogue, or marked fuzzy, is shown in English.

Translated messages are Telegram HTML: `Translator.text` escapes every value it inserts unless
the value is `Html` (a fragment rendered and escaped already, such as a linked title).

Workflow for a changed or new message (docs/i18n.md has the details):
    pybabel extract -k N_ -k NP_:1,2 --no-location --sort-output -o bot/locales/briefing.pot bot
    pybabel update -i bot/locales/briefing.pot -d bot/locales -D briefing --no-fuzzy-matching
then translate the new entries in each .po; tests/bot/test_i18n.py fails until every message
is translated everywhere with the same placeholders and tags.
"""

from __future__ import annotations

import gettext
import html
import io
import re
import string
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "briefing"
LOCALES = Path(__file__).with_name("locales")
DEFAULT_LANGUAGE = "en"
# The languages with a catalogue, by the name people know them by in that language.
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский", "uk": "Українська"}
_ALIASES = {"ua": "uk"}  # the country code people often type for Ukrainian
_CODE = re.compile(r"[a-z]{2,3}")


class Html(str):
    """A fragment of Telegram HTML, inserted into a translated message as it is."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Plural:
    """A message with a singular and a plural English form (the language picks its form)."""

    singular: str
    plural: str


def N_(message: str) -> str:
    """Mark a message for extraction; translate it later with `Translator.text`."""
    return message


def NP_(singular: str, plural: str) -> Plural:
    """Mark a message with plural forms; translate it later with `Translator.plural`."""
    return Plural(singular, plural)


def language_for(code: str | None) -> str:
    """The catalogue for a Telegram ``language_code`` or a code a user typed.

    Args:
        code: an IETF tag such as "ru", "uk", "en-GB", "pt-br" or "UK" (None: unknown).

    Returns:
        A key of LANGUAGES: the tag's language when there is a catalogue for it, else English.
    """
    primary = (code or "").strip().lower().replace("_", "-").split("-", 1)[0]
    primary = _ALIASES.get(primary, primary)
    return primary if _CODE.fullmatch(primary) and primary in LANGUAGES else DEFAULT_LANGUAGE


def catalogue_for(code: str) -> str | None:
    """The catalogue a user asked for by typing a code ("uk", "UA", "ru_RU"), or None when
    there is none for it (unlike `language_for`, which falls back to English)."""
    primary = code.strip().lower().replace("_", "-").split("-", 1)[0]
    primary = _ALIASES.get(primary, primary)
    return primary if primary in LANGUAGES else None


@dataclass(frozen=True, slots=True)
class Translator:
    """Messages, plural forms and dates in one language."""

    language: str
    catalogue: gettext.NullTranslations

    def text(self, message: str, /, **values: object) -> str:
        """Translate a message and fill its {placeholders}, escaping values that are not Html.

        Args:
            message: a message id from bot.texts.
            **values: the placeholders' values.
        """
        return _fill(self.catalogue.gettext(message), values)

    def plural(self, message: Plural, count: int, /, **values: object) -> str:
        """Translate a message in the form the language uses for `count` ({count} is filled).

        Args:
            message: a Plural from bot.texts.
            count: the number that chooses the form.
            **values: the other placeholders' values.
        """
        template = self.catalogue.ngettext(message.singular, message.plural, count)
        return _fill(template, {"count": count, **values})

    def when(self, moment: datetime, zone: str = "UTC") -> str:
        """An instant in a chat's zone, day and short month in this language: "03 Nov 14:05"."""
        return _when(moment, zone, self.language, "dd MMM HH:mm")

    def dated(self, moment: datetime, zone: str = "UTC") -> str:
        """When news happened, with its year (old news must not pass for this year's):
        "03 Nov 2026 14:05"."""
        return _when(moment, zone, self.language, "dd MMM yyyy HH:mm")

    def day(self, moment: datetime) -> str:
        """The calendar day of a date given without a time of day: "03 Nov 2026"."""
        return str(format_date(moment.date(), "dd MMM yyyy", locale=self.language))


@lru_cache(maxsize=4_096)  # a broadcast shows the same few events' times to every chat
def _when(moment: datetime, zone: str, language: str, pattern: str) -> str:
    return str(format_datetime(moment, pattern, tzinfo=ZoneInfo(zone), locale=language))


def _fill(template: str, values: dict[str, object]) -> str:
    """Fill {name} placeholders; values are HTML-escaped unless they are Html."""
    if not values:
        return template
    safe = {
        key: value if isinstance(value, Html) else html.escape(str(value), quote=False)
        for key, value in values.items()
    }
    return template.format_map(safe)


def translator(code: str | None) -> Translator:
    """The translator for a language code (see `language_for`: unknown codes give English).

    Each language's catalogue is compiled once per process, on first use.
    """
    language = language_for(code)
    return Translator(language, _catalogue(language))


@cache  # one entry per key of LANGUAGES
def _catalogue(language: str) -> gettext.NullTranslations:
    """Compile a language's .po file in memory (a missing file translates nothing)."""
    path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, so they fall back to English
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def placeholders(message: str) -> set[str]:
    """The {placeholder} names of a message (for tests and translators' tools)."""
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "NP_",
    "N_",
    "Html",
    "Plural",
    "Translator",
    "catalogue_for",
    "language_for",
    "placeholders",
    "translator",
]
