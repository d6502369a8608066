"""Offline word and sentence tokenizer that sumy accepts in place of its NLTK Punkt tokenizer."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from summarizer.text.sentences import split_sentences

logger = logging.getLogger(__name__)

# A word is an initialism ("U.S."), a run of letters (with inner apostrophes or hyphens) or a number
# whose inner separators (2,000 / 3.5 / 9:30) are followed by digits, so "2,000" stays one token.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,:]\d+)*%?|[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Share of a line's words that are capitalised above which it is in title case (see
#: in_title_case).
TITLE_CASE_SHARE = 0.6
# A word (letters and digits, with inner apostrophes or hyphens) or one punctuation mark: the
# tokens the sentence rules read ("Ford’s", ",", "5-1A").
WORD_OR_MARK = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]")
# The words sumy should see: letters only, as sumy's own tokenizer keeps (numbers carry no topic).
_SUMY_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Scripts written without spaces between words: Japanese kana, Chinese characters (CJK unified,
# extension A, compatibility), Thai, Lao, Khmer and Myanmar. Without a dictionary segmenter
# (none is installed) overlapping character pairs stand in for words, which is enough to compare
# sentences and articles; search indexes single characters (summarizer.store.search).
UNSPACED_CHARACTERS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\u0e00-\u0e7f\u0e80-\u0eff\u1780-\u17ff\u1000-\u109f"
)
UNSPACED = re.compile(f"[{UNSPACED_CHARACTERS}]")
#: Marks that may open a sentence before its first word: quotes, brackets, Spanish ¿ and ¡.
OPENING_MARKS = "\"'“‘«„([¿¡「『（"
_UNSPACED_RUN = re.compile(f"[{UNSPACED_CHARACTERS}]+")
_UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my"})


def _run_bigrams(run: str) -> list[str]:
    """Overlapping character pairs of one run (a run of one character gives that character)."""
    return [run[i : i + 2] for i in range(max(len(run) - 1, 1))]


def character_bigrams(text: str) -> list[str]:
    """Return overlapping character pairs of the unspaced runs of text (Chinese, Japanese, Thai).

    Args:
        text: any text.

    Returns:
        The pairs in order (a run of one character gives that character), then the other
        words of the text.
    """
    grams: list[str] = []
    for match in _UNSPACED_RUN.finditer(text):
        grams.extend(_run_bigrams(match.group(0)))
    grams.extend(m.group(0) for m in _SUMY_WORD.finditer(_UNSPACED_RUN.sub(" ", text)))
    return grams


def word_count(text: str) -> int:
    """Words of a text; in unspaced scripts (Chinese, Japanese, Thai) two characters count as one.

    Args:
        text: any text.

    Returns:
        The blank-separated words outside unspaced runs, plus half their characters.
    """
    if UNSPACED.search(text) is None:
        return len(text.split())
    unspaced = len(UNSPACED.findall(text))
    return len(UNSPACED.sub(" ", text).split()) + unspaced // 2


def spaced_bigrams(text: str) -> str:
    """The text with each unspaced run written as its character pairs, separated by spaces.

    Word-based features (event clustering, story linking) then see "東京 京都" where the text
    says "東京都"; text in spaced scripts comes back unchanged (and at once).

    Args:
        text: any text.

    Returns:
        The text, unspaced runs replaced by their overlapping pairs between spaces.
    """
    if UNSPACED.search(text) is None:
        return text
    return _UNSPACED_RUN.sub(lambda m: " " + " ".join(_run_bigrams(m.group(0))) + " ", text)


def in_title_case(words: Sequence[str]) -> bool:
    """Tell whether a line's words are in title case, where capitals mark no names.

    More than three words, and more than TITLE_CASE_SHARE of them capitalised ("June Jobs Report
    Beats Forecasts", "Putin and Poroshenko Come Face to Face").

    Args:
        words: the line's words (marks left out).

    Returns:
        Whether it is in title case.
    """
    capitalised = sum(1 for word in words if word[:1].isupper())
    return len(words) > 3 and capitalised > TITLE_CASE_SHARE * len(words)


def cased_words(text: str) -> list[str]:
    """Split text into word tokens as written (see words): "U.S.", "3.5", "Ford’s"."""
    return _WORD.findall(text)


def words(text: str) -> list[str]:
    """Split text into lower-cased word tokens.

    Args:
        text: any text.

    Returns:
        Words and numbers in order, lower-cased; numbers such as "2,000" or "3.5" are one token
        and punctuation is dropped.
    """
    return [word.lower() for word in _WORD.findall(text)]  # no capturing groups: whole matches


class OfflineTokenizer:
    """A sumy tokenizer that needs no NLTK data: sentences by sentencex, words by a regex."""

    def __init__(self, language: str) -> None:
        """Create a tokenizer for one language.

        Args:
            language: ISO 639-1 code ("en") or a sumy language name ("english").
        """
        self._language = language

    @property
    def language(self) -> str:
        """The language this tokenizer was made for."""
        return self._language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split a paragraph into sentences; a line break always ends a sentence.

        Args:
            paragraph: plain text.

        Returns:
            The stripped, non-empty sentences in order.
        """
        return tuple(split_sentences(paragraph, _iso_code(self._language)))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Split a sentence into words as sumy expects them (letters only, case kept).

        Args:
            sentence: one sentence.

        Returns:
            The words in order, without punctuation and numbers (character pairs for unspaced
            scripts such as Chinese, Japanese and Thai).
        """
        if _iso_code(self._language) in _UNSPACED_LANGUAGES or UNSPACED.search(sentence):
            return tuple(character_bigrams(sentence))
        return tuple(_SUMY_WORD.findall(sentence))


_NAMES_TO_CODES = {
    "english": "en",
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "portuguese": "pt",
    "russian": "ru",
    "ukrainian": "uk",
    "czech": "cs",
    "slovak": "sk",
    "polish": "pl",
    "dutch": "nl",
    "swedish": "sv",
    "greek": "el",
    "chinese": "zh",
    "japanese": "ja",
    "danish": "da",
    "finnish": "fi",
    "hungarian": "hu",
    "norwegian": "no",
    "romanian": "ro",
    "thai": "th",
}


def _iso_code(language: str) -> str:
    """Return the ISO 639-1 code for a code or a sumy language name."""
    language = language.lower()
    return _NAMES_TO_CODES.get(language, language)
