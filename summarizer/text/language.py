"""Offline language detection (script, then stop words) and the languages Briefing can summarise."""

from __future__ import annotations

import logging
import re
from collections import Counter
from functools import cache

from sumy.utils import get_stop_words

logger = logging.getLogger(__name__)

# Languages summarize_article accepts: a stemmer works offline with what is installed (Snowball
# through NLTK, or sumy's own) and sentences split without downloads. Chinese is compared on
# character pairs (sumy's jieba tokenizer is not installed). Greek and Polish are left out: sumy's
# stemmers for them need greek-stemmer-pos and pystempel.
SUMMARY_LANGUAGES: tuple[str, ...] = (
    "cs", "da", "de", "en", "es", "fi", "fr", "hu", "it",
    "nl", "no", "pt", "ro", "ru", "sk", "sv", "uk", "zh",
)  # fmt: skip

SUMY_NAMES: dict[str, str] = {
    "cs": "czech", "da": "danish", "de": "german", "el": "greek", "en": "english",
    "es": "spanish", "fi": "finnish", "fr": "french", "hu": "hungarian", "it": "italian",
    "nl": "dutch", "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sk": "slovak", "sv": "swedish", "uk": "ukrainian", "zh": "chinese",
}  # fmt: skip

# Languages with a stop-word list in sumy but no summariser entry above.
_STOP_LIST_NAMES = {"ar": "arabic", "he": "hebrew", "ja": "japanese", "ko": "korean", "th": "thai"}

# sumy ships no Russian or Dutch list; these hold the most frequent function words.
_EXTRA_STOP_WORDS: dict[str, str] = {
    "ru": """и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только
        ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже
        или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они
        тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под
        будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем
        чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после
        над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо
        свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между
        также это которые который которая году года заявил сообщил время""",
    "nl": """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar
        om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar
        haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden
        toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier
        wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand
        geweest andere""",
}

# Letters that tell a language apart from its neighbours in the same script.
_UKRAINIAN = frozenset("іїєґІЇЄҐ")
_RUSSIAN = frozenset("ыэёъЫЭЁЪ")
_SERBIAN = frozenset("ђјљњћџЂЈЉЊЋЏ")
_CZECH = frozenset("řůěŘŮĚ")
_SLOVAK = frozenset("ľĺŕôäĽĹŔÔ")

_LATIN_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "cs", "sk", "pl", "sv")
_WORD = re.compile(r"[^\W\d_]+")
_MIN_LETTERS = 20
_ASCII_NON_LETTERS = dict.fromkeys(i for i in range(128) if not chr(i).isalpha())
_MIN_STOP_SHARE = 0.12


def can_summarize(language: str) -> bool:
    """Tell whether summarize_article accepts a language.

    Args:
        language: ISO 639-1 code.

    Returns:
        True when the language is in SUMMARY_LANGUAGES.
    """
    return language in SUMMARY_LANGUAGES


@cache
def stop_words(language: str) -> frozenset[str]:
    """Return the stop words of a language (sumy's bundled lists plus a few built in).

    Args:
        language: ISO 639-1 code.

    Returns:
        Lower-case stop words; empty when none are known for the language.
    """
    words: set[str] = set(_EXTRA_STOP_WORDS.get(language, "").split())
    name = SUMY_NAMES.get(language) or _STOP_LIST_NAMES.get(language)
    if name is not None:
        try:
            words.update(w.lower() for w in get_stop_words(name))
        except LookupError:
            logger.debug("sumy has no stop words for %s", name)
    return frozenset(words)


def detect_language(text: str) -> str:
    """Guess the language of a text, offline and in a few milliseconds.

    Args:
        text: any text; only the first 5,000 characters are read.

    Returns:
        An ISO 639-1 code such as "en", "ru" or "zh"; "" when the text is too short or unclear.
    """
    sample = text[:5000]
    if sample.isascii():
        # ASCII letters are A-Z and a-z: deleting every other character counts them quickly.
        if len(sample.translate(_ASCII_NON_LETTERS)) < _MIN_LETTERS:
            return ""
        return _latin_language(sample)
    letters = list(filter(str.isalpha, sample))
    if len(letters) < _MIN_LETTERS:
        return ""
    script = _dominant_script(letters)
    if script == "cyrillic":
        return _cyrillic_language(set(letters))
    if script == "latin":
        return _latin_language(sample)
    return script


def _dominant_script(letters: list[str]) -> str:
    """Return "latin", "cyrillic" or a language code for the most common script of the letters."""
    if max(letters) < "\u0250":
        return "latin"  # the common case: no letter beyond Latin Extended-B
    counts: Counter[str] = Counter()
    for char in letters:
        code = ord(char)
        if code < 0x250:
            counts["latin"] += 1
        elif 0x370 <= code < 0x400:
            counts["el"] += 1
        elif 0x400 <= code < 0x530:
            counts["cyrillic"] += 1
        elif 0x590 <= code < 0x600:
            counts["he"] += 1
        elif 0x600 <= code < 0x700:
            counts["ar"] += 1
        elif 0xE00 <= code < 0xE80:
            counts["th"] += 1
        elif 0x3040 <= code < 0x3100:
            counts["ja"] += 1  # kana: Japanese even when kanji outnumber them
        elif 0xAC00 <= code < 0xD7B0 or 0x1100 <= code < 0x1200:
            counts["ko"] += 1
        elif 0x4E00 <= code < 0xA000 or 0x3400 <= code < 0x4DC0:
            counts["zh"] += 1
        else:
            counts["other"] += 1
    if counts["ja"] and counts["ja"] * 10 >= counts["zh"]:
        return "ja"
    script, _ = counts.most_common(1)[0]
    return "" if script == "other" else script


def _cyrillic_language(letters: set[str]) -> str:
    """Tell Ukrainian, Serbian and Russian apart by the letters only one of them uses."""
    if letters & _SERBIAN:
        return "sr"
    if letters & _UKRAINIAN and not letters & _RUSSIAN:
        return "uk"
    return "ru"


@cache
def _latin_stop_languages() -> dict[str, tuple[str, ...]]:
    """Map each stop word of the Latin-script languages to the languages that list it."""
    languages: dict[str, list[str]] = {}
    for lang in _LATIN_LANGUAGES:
        for word in stop_words(lang):
            languages.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in languages.items()}


def _latin_language(sample: str) -> str:
    """Pick the Latin-script language whose stop words cover most of the words, or ""."""
    tokens = [w.lower() for w in _WORD.findall(sample)]
    if len(tokens) < 4:
        return ""
    hits = dict.fromkeys(_LATIN_LANGUAGES, 0)
    stop_languages = _latin_stop_languages()
    for word, count in Counter(tokens).items():
        for lang in stop_languages.get(word, ()):
            hits[lang] += count
    shares = {lang: hits[lang] / len(tokens) for lang in _LATIN_LANGUAGES}
    best = max(shares, key=lambda lang: shares[lang])
    if shares[best] < _MIN_STOP_SHARE:
        return ""
    if best in ("cs", "sk"):
        letters = set(sample)
        if letters & _CZECH and not letters & _SLOVAK:
            return "cs"
        if letters & _SLOVAK and not letters & _CZECH:
            return "sk"
    return best
