"""Multi-source event digests: central, non-redundant sentences, each with its source."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from summarizer.events import prose
from summarizer.events.values import (
    DigestDoc,
    DigestSentence,
    EventDigest,
)
from summarizer.events.vectors import SentenceSpace, lexrank, support_counts
from summarizer.text.sentences import split_sentences

logger = logging.getLogger(__name__)

DEFAULT_WORDS = 120
#: Cosine above which two sentences are taken to say the same thing.
REDUNDANCY = 0.5
#: Cosine to anything said before above which a sentence is not news.
ALREADY_SAID = 0.5
_MMR_LAMBDA = 0.7
_DEPENDENT_PENALTY = 0.6

__all__ = ["DigestDoc", "DigestSentence", "EventDigest", "build_digest"]


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: str
    doc: int  # index into the time-ordered docs
    position: int  # sentence index in its article
    words: int


def build_digest(
    docs: Sequence[DigestDoc],
    *,
    words: int | None = None,
    sentences: int | None = None,
    since: datetime | None = None,
    previous: Sequence[str] = (),
    language: str = "en",
) -> EventDigest:
    """Build the digest of one event from its articles.

    Sentences are scored by LexRank centrality on a sparse TF-IDF cosine graph, times a boost for
    every other outlet that has a similar sentence and a mild lead-position prior; sentences that
    cannot open a text on their own are discounted. Selection is greedy MMR with a redundancy cap,
    within the budget (a sentence too long for what is left is skipped, shorter ones may fit).

    Args:
        docs: the event's articles, in any order.
        words: word budget (default 120 when neither budget is given).
        sentences: sentence budget; with `words` too, both apply.
        since: only say what articles published after this time add to earlier ones.
        previous: sentences already sent (e.g. the last digest's lines); never repeated.
        language: ISO 639-1 code for splitting and stemming.

    Returns:
        The digest; `nothing_new` is True (and `lines` empty) when `since`/`previous` leave nothing.

    Raises:
        ValueError: when `docs` is empty or a budget is not positive.
    """
    if not docs:
        raise ValueError("build_digest needs at least one article")
    if (words is not None and words <= 0) or (sentences is not None and sentences <= 0):
        raise ValueError("budgets must be positive (words=120 or sentences=5, for example)")
    if words is None and sentences is None:
        words = DEFAULT_WORDS
    ordered = sorted(docs, key=lambda d: (d.published, d.article_id))
    sources = tuple(dict.fromkeys(d.source for d in ordered))
    candidates = _candidates(ordered, language)
    headline = _headline(ordered, candidates, language)
    first_seen, last_seen = ordered[0].published, ordered[-1].published
    asked_for_news = since is not None or bool(previous)
    if not candidates:
        return EventDigest(headline, (), sources, first_seen, last_seen, asked_for_news)
    space = SentenceSpace([c.text for c in candidates], language)
    scores = _scores(space, candidates, ordered)
    allowed = _allowed(space, candidates, ordered, since, previous)
    if asked_for_news and not allowed.any():
        return EventDigest(headline, (), sources, first_seen, last_seen, True)
    chosen = _select(space, candidates, scores, allowed, words, sentences)
    lines = _arrange([candidates[i] for i in chosen])
    digest_lines = tuple(
        DigestSentence(c.text, ordered[c.doc].article_id, ordered[c.doc].source) for c in lines
    )
    nothing_new = asked_for_news and not digest_lines
    return EventDigest(headline, digest_lines, sources, first_seen, last_seen, nothing_new)


MAX_SENTENCES_PER_ARTICLE = 300  # bounds the graph for a pathological (dumped) article


def _candidates(ordered: Sequence[DigestDoc], language: str) -> list[_Candidate]:
    seen: set[str] = set()
    out: list[_Candidate] = []
    for index, doc in enumerate(ordered):
        sentences = split_sentences(doc.body, language)[:MAX_SENTENCES_PER_ARTICLE]
        for position, text in enumerate(sentences):
            key = " ".join(text.lower().split())
            if key in seen or not prose.is_prose(text):
                continue
            seen.add(key)
            out.append(_Candidate(text, index, position, len(text.split())))
    return out


def _headline(ordered: Sequence[DigestDoc], candidates: Sequence[_Candidate], language: str) -> str:
    titles = [d.title.strip() for d in ordered]
    usable = [i for i, t in enumerate(titles) if prose.is_title(t)] or list(range(len(ordered)))
    if len(usable) == 1 or not candidates:
        return titles[usable[0]]
    space = SentenceSpace([titles[i] for i in usable], language)
    centrality = np.asarray(space.similarity().sum(axis=1)).ravel()
    best = int(np.argmax(centrality))  # the first maximum: the earliest title among equals
    return titles[usable[best]]


def _scores(
    space: SentenceSpace, candidates: Sequence[_Candidate], ordered: Sequence[DigestDoc]
) -> np.ndarray:
    rank = lexrank(space)
    outlet = [ordered[c.doc].source or f"#{ordered[c.doc].article_id}" for c in candidates]
    support = support_counts(space, outlet)
    position = np.array([c.position for c in candidates], dtype=float)
    standalone = np.array([prose.stands_alone(c.text) for c in candidates])
    scores = rank / rank.max() if rank.max() > 0 else rank
    scores = scores * (1.0 + 0.5 * np.log1p(support)) * (1.0 + 1.0 / (2.0 + position))
    return np.asarray(np.where(standalone, scores, scores * _DEPENDENT_PENALTY), dtype=float)


def _allowed(
    space: SentenceSpace,
    candidates: Sequence[_Candidate],
    ordered: Sequence[DigestDoc],
    since: datetime | None,
    previous: Sequence[str],
) -> np.ndarray:
    allowed = np.ones(len(candidates), dtype=bool)
    if since is not None:
        late = np.array([ordered[c.doc].published > since for c in candidates])
        if (~late).any() and late.any():
            said = space.similarity_to_rows(np.flatnonzero(~late))
            allowed &= late & (said < ALREADY_SAID)
        else:
            allowed &= late
    if previous:
        allowed &= space.max_similarity_to_texts(previous) < ALREADY_SAID
    return allowed


def _select(
    space: SentenceSpace,
    candidates: Sequence[_Candidate],
    scores: np.ndarray,
    allowed: np.ndarray,
    words: int | None,
    sentences: int | None,
) -> list[int]:
    chosen: list[int] = []
    redundancy = np.zeros(len(candidates))
    open_ = allowed.copy()
    used = 0
    while open_.any():
        mmr = _MMR_LAMBDA * scores - (1 - _MMR_LAMBDA) * redundancy
        mmr[~open_] = -np.inf
        best = int(np.argmax(mmr))
        open_[best] = False
        if words is not None and used + candidates[best].words > words:
            continue  # too long for what is left; a shorter sentence may still fit
        chosen.append(best)
        used += candidates[best].words
        redundancy = np.maximum(redundancy, space.row_similarity(best))
        open_ &= redundancy < REDUNDANCY
        if sentences is not None and len(chosen) >= sentences:
            break
        if words is not None and words - used < prose.MIN_WORDS:
            break
    return chosen


def _arrange(lines: list[_Candidate]) -> list[_Candidate]:
    lines = sorted(lines, key=lambda c: (c.doc, c.position))
    if lines and not prose.stands_alone(lines[0].text):
        opener = next((c for c in lines if prose.stands_alone(c.text)), None)
        if opener is not None:
            lines.remove(opener)
            lines.insert(0, opener)
    return lines
