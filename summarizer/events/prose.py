"""Sentence tests for digests: is it prose, can it open a digest on its own."""

from __future__ import annotations

import re

from summarizer.text.tokenizer import UNSPACED, word_count

#: Fewer words than this is not a sentence of prose.
MIN_WORDS = 6

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Full stops of a report (a question is a teaser): Latin, CJK, Urdu, Devanagari, Ethiopic, ...
_FULL_STOPS = frozenset(".!…。！۔।॥።။។")
_THAI = re.compile("[\u0e00-\u0e7f]")
_DEBRIS = re.compile(
    r"https?://|www\.|@\w|\b(click|tap) here\b|\bsubscribe\b|\bsign up\b|\bnewsletter|"
    r"\bcookies?\b|all rights reserved|\bcopyright\b|©|\bread more\b|\bfollow us\b|"
    r"\bshare this\b|\bskip to\b|\badvertisement\b|\bterms of (use|service)\b|\bprivacy policy\b",
    re.IGNORECASE,
)
# Cheap substring tests that must hit before the slower debris pattern runs.
_DEBRIS_ANCHORS = (
    "http",
    "www.",
    "@",
    "here",
    "subscri",
    "sign up",
    "newsletter",
    "cookie",
    "reserved",
    "copyright",
    "©",
    "read more",
    "follow us",
    "share this",
    "skip to",
    "advertis",
    "terms of",
    "privacy",
)
_PRONOUNS = ("he", "she", "it", "they", "we", "him", "her", "his", "its", "their", "them")
_POINTERS = ("this", "these", "those", "that", "there", "here", "such", "which", "who", "whose")
_CONNECTORS = ("also", "but", "and", "or", "nor", "so", "yet", "then", "however", "meanwhile")
_ADVERBS = ("moreover", "furthermore", "besides", "thus", "therefore", "instead", "still")
_MORE_ADVERBS = ("otherwise", "nevertheless", "nonetheless", "additionally", "likewise")
_LAST_ADVERBS = ("similarly", "hence", "accordingly", "whom")
_DEPENDENT_OPENERS = frozenset(
    _PRONOUNS + _POINTERS + _CONNECTORS + _ADVERBS + _MORE_ADVERBS + _LAST_ADVERBS
)
_SPEECH_CONTINUATION = re.compile(r"^\W*(he|she|they|it)\s+(added|continued|went on|said)\b", re.I)


def is_prose(sentence: str, *, min_words: int = MIN_WORDS, max_words: int = 80) -> bool:
    """Tell whether a sentence reads as reported prose (not a menu, byline, teaser or call to act).

    Args:
        sentence: one sentence.
        min_words: fewer words than this is not prose (headlines, bylines, labels).
        max_words: more words than this is a run-on list or a splitting failure.

    Returns:
        True for a full sentence of prose.
    """
    text = sentence.strip()
    words = _WORD.findall(text)
    count = len(words) if UNSPACED.search(text) is None else word_count(text)
    if not min_words <= count <= max_words:
        return False
    end = text.rstrip("\"'”’)]」』")[-1:]
    if end not in _FULL_STOPS and not _THAI.search(end):  # Thai writes no full stop
        return False  # no full stop: a label or heading; a question: a teaser, not a report
    lower_text = text.lower()
    if any(anchor in lower_text for anchor in _DEBRIS_ANCHORS) and _DEBRIS.search(text):
        return False
    first = text.lstrip("\"'“‘([「『")
    if not first or first[0].islower():
        return False
    cased = [w for w in words if w.lower() != w.upper()]  # scripts without case pass
    if not first[0].isupper() and not first[0].isdigit() and first[0].lower() != first[0].upper():
        return False
    lower = sum(map(str.islower, cased))
    return lower >= len(cased) / 2


def is_title(title: str) -> bool:
    """Tell whether a title can head a digest (three words or more, no site furniture)."""
    return len(_WORD.findall(title)) >= 3 and _DEBRIS.search(title) is None


def stands_alone(sentence: str) -> bool:
    """Tell whether a sentence can open a digest (no pronoun, connector or speech continuation).

    Args:
        sentence: one sentence.

    Returns:
        False for openings like "He added: ...", "But ...", "This ...", "However, ...".
    """
    words = _WORD.findall(sentence)
    if not words:
        return False
    if words[0].lower() in _DEPENDENT_OPENERS:
        return False
    return _SPEECH_CONTINUATION.search(sentence) is None
