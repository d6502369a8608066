"""Translations: every message translated everywhere, placeholders and tags kept, plural forms,
Telegram's language codes, escaping, and English that says what today's code says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from bot import format as fmt
from bot import i18n, texts
from bot.i18n import LANGUAGES, Html, language_for, placeholders, translator
from tests.bot.telegram_html import parse

BOT = Path(i18n.__file__).parent
TEMPLATE = i18n.LOCALES / f"{i18n.DOMAIN}.pot"
KEYWORDS = {"N_": None, "NP_": (1, 2)}  # as in the pybabel extract command of bot.i18n


def catalogue(language: str) -> Catalog:
    with (i18n.LOCALES / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").open("rb") as file:
        return read_po(file, locale=language)


def messages(catalog: Catalog) -> Iterator[Message]:
    return (message for message in catalog if message.id)


def extracted() -> set[str | tuple[str, str]]:
    """The message ids pybabel extract finds in the bot's code today."""
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(BOT), keywords=KEYWORDS, comment_tags=()
    ):
        found.add(message if isinstance(message, str) else (message[0], message[1]))
    return found


def test_the_template_holds_exactly_the_messages_of_the_code() -> None:
    with TEMPLATE.open("rb") as file:
        template = {m.id for m in messages(read_po(file))}
    code = extracted()
    assert code - template == set(), "run pybabel extract and update (see bot.i18n)"
    assert template - code == set(), "the template holds messages the code no longer has"
    assert len(code) > 90


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_message_is_in_every_catalogue_and_translated(language: str) -> None:
    catalog = catalogue(language)
    ids = {m.id for m in messages(catalog)}
    assert ids == extracted(), "run pybabel update (see bot.i18n)"
    assert not catalog.obsolete
    if language == i18n.DEFAULT_LANGUAGE:
        return  # English is the message ids themselves
    assert catalog.num_plurals == 3
    for message in messages(catalog):
        assert not message.fuzzy, message.id
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert len(forms) == (catalog.num_plurals if message.pluralizable else 1), message.id
        assert all(form.strip() for form in forms), f"untranslated in {language}: {message.id}"


TAG = re.compile(r"</?[a-z-]+[^>]*>")
COMMAND = re.compile(r"(?<![\w/])/[a-z_]+")


@pytest.mark.parametrize("language", sorted(set(LANGUAGES) - {i18n.DEFAULT_LANGUAGE}))
def test_translations_keep_placeholders_tags_and_commands(language: str) -> None:
    for message in messages(catalogue(language)):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = placeholders(ids[-1])
        for form in forms:
            found = placeholders(form)
            # A form may leave {count} out ("один раз"), never add or lose another name.
            assert found - {"count"} == expected - {"count"}, (language, message.id, form)
            assert TAG.findall(form) == TAG.findall(ids[-1]), (language, message.id, form)
            assert COMMAND.findall(form) == COMMAND.findall(ids[-1]), (language, message.id)
            # Filling works (no stray braces) and gives valid Telegram HTML.
            parse(i18n._fill(form, {name: "x<y" for name in found}))


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("ru", "ru"),
        ("uk", "uk"),
        ("en", "en"),
        ("en-GB", "en"),
        ("pt-br", "en"),
        ("RU", "ru"),
        ("uk-UA", "uk"),
        ("ru_RU", "ru"),
        ("ua", "uk"),
        (" Uk ", "uk"),
        ("be", "en"),
        ("", "en"),
        (None, "en"),
        ("../../etc/passwd", "en"),
        ("r", "en"),
    ],
)
def test_language_from_telegram_codes_and_what_people_type(code: str | None, language: str) -> None:
    assert language_for(code) == language
    assert translator(code).language == language


@pytest.mark.parametrize(
    ("count", "ru", "uk", "en"),
    [
        (1, "1 источник: A", "1 джерело: A", "1 source: A"),
        (2, "2 источника: A", "2 джерела: A", "2 sources: A"),
        (4, "4 источника: A", "4 джерела: A", "4 sources: A"),
        (5, "5 источников: A", "5 джерел: A", "5 sources: A"),
        (11, "11 источников: A", "11 джерел: A", "11 sources: A"),
        (12, "12 источников: A", "12 джерел: A", "12 sources: A"),
        (21, "21 источник: A", "21 джерело: A", "21 sources: A"),
        (22, "22 источника: A", "22 джерела: A", "22 sources: A"),
        (111, "111 источников: A", "111 джерел: A", "111 sources: A"),
    ],
)
def test_plural_forms(count: int, ru: str, uk: str, en: str) -> None:
    for language, expected in (("ru", ru), ("uk", uk), ("en", en)):
        assert translator(language).plural(texts.SOURCE_COUNT, count, names="A") == expected


def test_values_are_escaped_unless_they_are_html() -> None:
    russian = translator("ru")
    assert (
        russian.text(texts.NOTHING_FOUND, query="<b>x</b> & y")
        == "По запросу <b>&lt;b&gt;x&lt;/b&gt; &amp; y</b> ничего не найдено."
    )
    assert russian.text(texts.SOURCES_OF, title=Html("<a href='u'>T</a>")) == (
        "<b>Источники: <a href='u'>T</a></b>"
    )
    assert russian.text(texts.TOP_EVENTS) == "<b>Главные события</b>"


def test_untranslated_and_fuzzy_messages_fall_back_to_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = catalogue("uk")
    catalog[texts.NO_NEWS_YET].flags.add("fuzzy")
    catalog.delete(texts.NO_FEEDS)
    folder = tmp_path / "uk" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / f"{i18n.DOMAIN}.po").open("wb") as file:
        write_po(file, catalog)
    monkeypatch.setattr(i18n, "LOCALES", tmp_path)
    i18n._catalogue.cache_clear()
    try:
        ukrainian = translator("uk")
        assert ukrainian.text(texts.NO_NEWS_YET) == "No news yet."
        assert ukrainian.text(texts.NO_FEEDS) == "No feeds yet."
        assert ukrainian.text(texts.NO_EVENTS_IN_STORY) == "У цьому сюжеті поки немає подій."
        assert translator("ru").text(texts.NO_FEEDS) == "No feeds yet."  # no file: English
    finally:
        i18n._catalogue.cache_clear()


MOMENT = datetime(2026, 11, 3, 14, 5, tzinfo=UTC)


def test_dates_in_the_chats_language_and_zone() -> None:
    assert translator("en").when(MOMENT, "UTC") == "03 Nov 14:05"
    assert translator("ru").when(MOMENT, "Europe/Moscow") == "03 нояб. 17:05"
    assert translator("uk").when(MOMENT, "Europe/Kyiv") == "03 лист. 16:05"
    assert translator("en").dated(MOMENT, "UTC") == "03 Nov 2026 14:05"  # news: with its year
    for zone in ("UTC", "America/New_York", "Asia/Kolkata"):
        assert translator("en").dated(MOMENT, zone) == fmt.when(MOMENT, zone)


def test_english_templates_render_what_bot_format_renders_today() -> None:
    english = translator("en")
    when = english.when(MOMENT, "UTC")
    title = english.text(texts.BRIEFING_TITLE, when=when)
    assert fmt.briefing([], now=MOMENT) == f"{title}\n\n{english.text(texts.NO_NEWS_YET)}"
    assert fmt.briefing([], now=MOMENT, since=MOMENT) == (
        f"{title}\n\n{english.text(texts.NOTHING_NEW_SINCE, when=when)}"
    )
    assert fmt.search("a<b", []) == english.text(texts.NOTHING_FOUND, query="a<b")
    assert fmt.events_page([], 1) == english.text(texts.NO_EVENTS_YET)


@pytest.mark.parametrize(
    ("code", "language"),
    [("uk", "uk"), ("UA", "uk"), ("ru_RU", "ru"), ("en-GB", "en"), ("xx", None), ("english", None)],
)
def test_the_language_a_user_types_or_none(code: str, language: str | None) -> None:
    assert i18n.catalogue_for(code) == language
