"""Checks on single sentences: is it prose, can it open a summary, does it repeat another one."""

from __future__ import annotations

import logging
import re

from summarizer.text.language import stop_words
from summarizer.text.tokenizer import UNSPACED, character_bigrams, words

logger = logging.getLogger(__name__)


def _word_set(text: str) -> frozenset[str]:
    """Return the blank-separated words of text as a set."""
    return frozenset(text.split())


# First words that point back to something said before: a summary must not open with them.
_DEPENDENT_OPENERS: dict[str, frozenset[str]] = {
    "en": _word_set(
        """he she it they them his her hers its their theirs him this that these those but however
        and or nor so yet also although though meanwhile moreover furthermore nevertheless
        nonetheless instead then thus therefore hence still besides otherwise such both another
        others further additionally likewise similarly accordingly consequently indeed there's
        he's she's it's they're that's here"""
    ),
    "de": _word_set("er sie es ihr ihre sein seine dies diese dieser dieses aber jedoch doch"),
    "fr": _word_set("il elle ils elles son sa ses leur leurs ce cette ces mais cependant"),
    "es": _word_set("él ella ellos ellas su sus este esta estos estas pero sin embargo"),
    "ru": _word_set("он она оно они его её ее их это этот эта эти но однако тогда"),
    "uk": _word_set("він вона воно вони його її їх це цей ця ці але однак проте"),
}
_OPENING_WORD = re.compile(r"[\"“‘'«(\[]*([^\W\d_]+(?:['’][^\W\d_]+)?)")
_TERMINAL = re.compile(r"[.!?…。！？؟۔।॥።။។][\"”’'»)\]]*$")
_QUOTES = re.compile(r"[\"“”]")
_CJK = UNSPACED  # scripts without spaces between words: prose is counted in characters

MIN_WORDS = 4
_MIN_CJK_CHARACTERS = 8
_UNPUNCTUATED_PROSE_WORDS = 12
_DUPLICATE_SHARE = 0.8
_MIN_COMPARED_WORDS = 3


def is_prose(sentence: str) -> bool:
    """Tell whether a sentence reads as prose rather than a headline, caption or label.

    Prose has at least four words and ends with sentence punctuation; a line without it passes only
    when it is long (twelve words or more). A line whose words are all capitalised is a headline.

    Args:
        sentence: one sentence or line.

    Returns:
        True for prose.
    """
    if _CJK.search(sentence):
        return len(_CJK.findall(sentence)) >= _MIN_CJK_CHARACTERS
    tokens = [w for w in sentence.split() if any(map(str.isalpha, w))]
    if len(tokens) < MIN_WORDS:
        return False
    if all(w.lstrip("\"“‘'«([")[:1].isupper() for w in tokens):
        return False
    return bool(_TERMINAL.search(sentence)) or len(tokens) >= _UNPUNCTUATED_PROSE_WORDS


def stands_alone(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence can open a summary without the sentence before it.

    It cannot when it starts in lower case, closes a quotation it did not open, or opens with a
    pronoun or connector ("He added:", "But", "However", "It", "They", "This").

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; the word list exists for en, de, fr, es, ru and uk.

    Returns:
        True when the sentence can stand alone.
    """
    text = sentence.strip()
    if not text:
        return False
    if len(_QUOTES.findall(text)) % 2 == 1 and not text.startswith(('"', "“")):
        return False  # the tail of a quotation split across sentences
    match = _OPENING_WORD.match(text)
    if match is None:
        return not text[0].isalpha()
    first = match.group(1)
    if first[0].islower():
        return False
    return first.lower().replace("’", "'") not in _DEPENDENT_OPENERS.get(language, frozenset())


def content_words(sentence: str, language: str = "en") -> frozenset[str]:
    """Return the lower-cased words of a sentence without stop words.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code, to choose the stop words.

    Returns:
        The set of words (character pairs for Chinese and Japanese).
    """
    if _CJK.search(sentence):
        return frozenset(character_bigrams(sentence))
    return frozenset(words(sentence)) - stop_words(language)


def is_near_duplicate(first: frozenset[str], second: frozenset[str]) -> bool:
    """Tell whether two sentences, given as word sets, say the same thing.

    Args:
        first: words of one sentence.
        second: words of the other.

    Returns:
        True when at least 80% of the smaller set's words occur in the other set (the sets are
        equal when the smaller holds fewer than three words).
    """
    smaller = min(len(first), len(second))
    if smaller < _MIN_COMPARED_WORDS:
        return first == second
    return len(first & second) >= _DUPLICATE_SHARE * smaller
