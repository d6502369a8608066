"""Extractive summary of one article: rank its sentences, then pick readable, distinct ones."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise

from summarizer.config import SUMMARY_SENTENCES
from summarizer.errors import InputError
from summarizer.summarize.methods import METHODS, rank_order
from summarizer.text.rules import (
    close_quotations,
    content_words,
    is_near_duplicate,
    is_prose,
    stands_alone,
    tidy,
)
from summarizer.text.sentences import split_sentences
from summarizer.text.vague import persons_before

__all__ = ["METHODS", "summarize_article"]

logger = logging.getLogger(__name__)

_OPENING_SENTENCES = 3  # a title-case dateline ("Meadow Lake, Sask. – ") only opens a text


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A sentence that may enter the summary."""

    index: int
    text: str
    words: frozenset[str]
    length: int
    opens: bool


def summarize_article(
    title: str,
    body: str,
    *,
    language: str = "en",
    method: str = "default",
    sentences: int | None = None,
    words: int | None = None,
) -> tuple[str, ...]:
    """Summarise one article by picking its best sentences, in article order.

    The summary never repeats a sentence (nor a near-duplicate, nor the title), skips lines that are
    not prose or are promotion (see summarizer.text.rules), drops datelines from sentences and
    does not open with a sentence that leans on an earlier one ("He added:", "But", "It", a thing
    the title has not named) when a standalone sentence can replace it.
    Sentences are never cut, so with ``words`` the summary may be shorter than the budget, and a
    single best sentence longer than the budget is returned alone rather than cut.

    Args:
        title: the article's title (may be empty).
        body: the article's plain text, paragraphs separated by line breaks.
        language: ISO 639-1 code; any language (without a stemmer, words are only lower-cased;
            unspaced scripts are compared on character pairs).
        method: one of METHODS; "default" is vectorised TextRank, chosen by benchmarks/bbc.py.
        sentences: number of sentences wanted (3 when neither limit is given).
        words: word budget instead of a sentence count.

    Returns:
        The chosen sentences in article order; empty when the body holds no prose.

    Raises:
        ValueError: both limits are given, or a limit is below 1.
        InputError: the method is not supported.
    """
    if sentences is not None and words is not None:
        raise ValueError("give either sentences or words, not both")
    for name, limit in (("sentences", sentences), ("words", words)):
        if limit is not None and limit < 1:
            raise ValueError(f"{name} must be at least 1, got {limit}")
    if method not in METHODS:
        raise InputError(f"unknown summary method {method!r}: choose one of {', '.join(METHODS)}")
    all_sentences = split_sentences(body, language)
    order = rank_order(method, all_sentences, title=title, language=language)
    candidates = _Ranked(_candidates(all_sentences, order, title=title, language=language))
    if words is not None:
        chosen = _pick_by_words(candidates, words)
    else:
        chosen = _pick_by_count(candidates, sentences or SUMMARY_SENTENCES)
    chosen = _standalone_first(chosen, candidates, words)
    shown = sorted(chosen, key=lambda c: c.index)
    follows = [after.index == before.index + 1 for before, after in pairwise(shown)]
    return tuple(close_quotations([c.text for c in shown], follows))


class _Ranked:
    """Candidates in rank order, checked only as far as they are read (most are never read)."""

    def __init__(self, source: Iterator[_Candidate]) -> None:
        self._source = source
        self._read: list[_Candidate] = []

    def __iter__(self) -> Iterator[_Candidate]:
        position = 0
        while True:
            if position == len(self._read):
                following = next(self._source, None)
                if following is None:
                    return
                self._read.append(following)
            yield self._read[position]
            position += 1


def _candidates(
    all_sentences: Sequence[str], order: Sequence[int], *, title: str, language: str
) -> Iterator[_Candidate]:
    """Yield the prose sentences by rank, minus near-duplicates of better ones and the title."""
    title_words = content_words(title, language)
    # People a line names by their family name alone where another sentence names them in full
    # ("Patton was beaten ..."), or whom the article names by one word only ("Ushakov said
    # ..."): no line with one opens the summary (digests read the same sets).
    unmet = persons_before(all_sentences, language)
    kept: list[_Candidate] = []
    for index in order:
        text = tidy(all_sentences[index], opens_text=index < _OPENING_SENTENCES, language=language)
        if not is_prose(text, language):
            continue
        bag = content_words(text, language)
        if is_near_duplicate(bag, title_words) and len(bag) <= len(title_words) + 2:
            continue  # the headline again, not news
        if any(is_near_duplicate(bag, other.words) for other in kept):
            continue
        opens = stands_alone(text, language, context=title, introduced=unmet[index])
        candidate = _Candidate(index, text, bag, len(text.split()), opens)
        kept.append(candidate)
        yield candidate


def _pick_by_count(candidates: Iterable[_Candidate], count: int) -> list[_Candidate]:
    """Take the best-ranked candidates."""
    return list(islice(candidates, count))


def _pick_by_words(candidates: Iterable[_Candidate], budget: int) -> list[_Candidate]:
    """Take candidates by rank while they fit the word budget (the best one alone if none fits)."""
    chosen: list[_Candidate] = []
    used = 0
    best: _Candidate | None = None
    for candidate in candidates:
        if best is None:
            best = candidate
        if used + candidate.length <= budget:
            chosen.append(candidate)
            used += candidate.length
    if not chosen and best is not None:
        chosen.append(best)
    return chosen


def _standalone_first(
    chosen: list[_Candidate], candidates: Iterable[_Candidate], budget: int | None
) -> list[_Candidate]:
    """Replace a leading sentence that cannot stand alone by the best unused standalone one."""
    chosen = list(chosen)
    while chosen:
        first = min(chosen, key=lambda c: c.index)
        if first.opens:
            break
        used = sum(c.length for c in chosen) - first.length
        replacement = next(
            (
                c
                for c in candidates
                if c.opens
                and c not in chosen
                and (budget is None or used + c.length <= budget or len(chosen) == 1)
            ),
            None,
        )
        if replacement is None:
            break  # no better opening exists: keep the ranking's choice
        chosen.remove(first)
        chosen.append(replacement)
    return chosen
