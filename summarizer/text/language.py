"""Offline language detection (script, then stop words) and per-language stop words."""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import cache

from sumy.utils import get_stop_words

logger = logging.getLogger(__name__)


def word_set(text: str) -> frozenset[str]:
    """Return the blank-separated words of text as a set (how the word lists are written)."""
    return frozenset(text.split())


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, each escaped, longest first ("Sept|Sep"), ties in
    alphabetical order (the same pattern whatever order the words come in).

    Longest first, so that a word that begins another ("Sep" of "Sept") never wins where the
    longer one stands, whatever follows the group. The result has no group of its own: wrap it
    ("(?:...)") before putting anything beside it.

    Args:
        words: the words or phrases, as written (blanks and marks are matched as they are).

    Returns:
        The alternation, such as "September|Sept|Sep".
    """
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


# The articles, by language, elided ones with their apostrophe ("l'"): the word after one opens a
# noun phrase. Russian and Ukrainian have none.
ARTICLES: dict[str, frozenset[str]] = {
    "en": word_set("the a an"),
    "de": word_set("der die das den dem des ein eine einen einem einer eines"),
    "fr": word_set("le la les l' un une des"),
    "es": word_set("el la los las un una unos unas"),
    "it": word_set("il lo la i gli le l' un uno una"),
    "pt": word_set("o a os as um uma uns umas"),
    "nl": word_set("de het een"),
    "ru": frozenset(),
    "uk": frozenset(),
}


#: Question words that open an embedded question, by language: a short line that opens with one
#: and asks nothing is a heading ("How Japan overtook the U.S.": summarizer.text.rules). Left
#: out: words that as often open another clause ("que", "qui"; "come", "como": "as";
#: Portuguese "porque": "because"), and "por qué" and "por que", two words.
QUESTION_WORDS: dict[str, frozenset[str]] = {
    "en": word_set("how why what where when who which"),
    "de": word_set("wie warum weshalb wieso was wo wann wer welche welcher welches"),
    "fr": word_set("comment pourquoi quand où quoi"),
    "es": word_set("cómo cuándo dónde quién quiénes"),
    "it": word_set("perché quando dove chi cosa"),
    "pt": word_set("quando onde quem"),
    "nl": word_set("hoe waarom wat waar wanneer wie welke"),
}


#: Prepositions that open a phrase of time, place or circumstance, by language: before a
#: clause, the phrase frames it ("For most of the night it had ...", "В понедельник он ...":
#: summarizer.text.framed); before a demonstrative, the phrase points back ("For this reason",
#: "in that change": summarizer.text.openers). English "of" is left out: "Some of this growth"
#: shares out what a headline names, and "of" opens no frame.
PREPOSITIONS: dict[str, frozenset[str]] = {
    "en": word_set(
        """for in on at by during after before until within throughout over since across through
        to with from about into under amid amidst despite"""
    ),
    "ru": word_set("в во на по после до с со к от за при через"),
    "uk": word_set("в у на по після до з із зі від за при через"),
    "de": word_set("am im an in auf nach vor bei seit während"),
    "nl": word_set("op in na voor bij sinds tijdens"),
}


#: English subject pronouns: after a sentence's first "May" one makes it a modal verb ("May I
#: ask"), after a comma a frame's subject (openers: "Two blocks farther along, he could ...").
SUBJECT_PRONOUNS: frozenset[str] = word_set("i you he she it we they")


# Every language is summarised; these have a stemmer (Snowball through PyStemmer, or sumy's own),
# the others are compared on lower-cased words, or on character pairs where words are not spaced
# (summarizer.text.tokenizer). Greek and Polish stemmers would need greek-stemmer-pos and pystempel.
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


# (first code point, language or script) of each block, sorted; a block ends where the next begins.
# A script read by one language names it (Hangul: ko, Thai: th, Devanagari: hi, as the language
# most text in it is written in); Latin, Cyrillic and Arabic are told apart further by letters.
_BLOCKS = (
    (0x0000, "latin"),
    (0x0250, "other"),
    (0x0370, "el"),
    (0x0400, "cyrillic"),
    (0x0530, "hy"),
    (0x0590, "he"),
    (0x0600, "arabic"),
    (0x0700, "other"),
    (0x0750, "arabic"),
    (0x0780, "other"),
    (0x0900, "hi"),
    (0x0980, "bn"),
    (0x0A00, "pa"),
    (0x0A80, "gu"),
    (0x0B00, "other"),
    (0x0B80, "ta"),
    (0x0C00, "te"),
    (0x0C80, "kn"),
    (0x0D00, "ml"),
    (0x0D80, "si"),
    (0x0E00, "th"),
    (0x0E80, "lo"),
    (0x0F00, "other"),
    (0x1000, "my"),
    (0x10A0, "ka"),
    (0x1100, "ko"),
    (0x1200, "am"),
    (0x1380, "other"),
    (0x1780, "km"),
    (0x1800, "other"),
    (0x1E00, "latin"),
    (0x1F00, "el"),
    (0x2000, "other"),
    (0x3040, "ja"),
    (0x3100, "other"),
    (0x3400, "zh"),
    (0x4DC0, "other"),
    (0x4E00, "zh"),
    (0xA000, "other"),
    (0xAC00, "ko"),
    (0xD7B0, "other"),
)
_BLOCK_STARTS = [start for start, _ in _BLOCKS]
# Letters Urdu uses and Persian and Arabic do not (ٹ ڈ ڑ ں ے), then Persian's (پ چ ژ گ and the
# Persian forms of yeh and kaf, ی ک, where Arabic writes ي ك).
_URDU = frozenset("\u0679\u0688\u0691\u06ba\u06d2")
_PERSIAN = frozenset("\u067e\u0686\u0698\u06af\u06cc\u06a9")


def _dominant_script(letters: list[str]) -> str:
    """Return "latin", "cyrillic" or a language code for the most common script of the letters."""
    if max(letters) < "\u0250":
        return "latin"  # the common case: no letter beyond Latin Extended-B
    counts: Counter[str] = Counter(
        _BLOCKS[bisect_right(_BLOCK_STARTS, ord(char)) - 1][1] for char in letters
    )
    if counts["ja"] and counts["ja"] * 10 >= counts["zh"]:
        return "ja"  # kana: Japanese even when kanji outnumber them
    script, _ = counts.most_common(1)[0]
    if script == "arabic":
        found = set(letters)
        return "ur" if found & _URDU else "fa" if found & _PERSIAN else "ar"
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
