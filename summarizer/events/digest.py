"""Multi-source digests of an event or a whole story: central, non-redundant, sourced sentences."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice, pairwise

import numpy as np

from summarizer.config import DIGEST_WORDS
from summarizer.events.values import DigestDoc, DigestLine, EventDigest
from summarizer.events.vectors import SentenceSpace, lexrank, support_counts
from summarizer.text import rules
from summarizer.text.facts import Fact, fact_of, same_fact
from summarizer.text.sentences import split_sentences
from summarizer.text.vague import bare_family_name, persons_before

logger = logging.getLogger(__name__)

#: Cosine above which two sentences are taken to say the same thing (two outlets' wordings of
#: one fact, "agreed on Thursday on a draft treaty ... 150 cubic metres", share about 0.42).
REDUNDANCY = 0.4
#: Cosine to anything said before above which a sentence is not news.
ALREADY_SAID = 0.5
#: In a story digest, each line already taken from an event multiplies the event's other
#: sentences' scores by this, so the digest tells the whole story, not its biggest event twice.
EVENT_SPREAD = 0.5
_MMR_LAMBDA = 0.7
_DEPENDENT_PENALTY = 0.6
# A line of background, a standing state recalled ("have repeatedly accused Moscow ...") or a
# standing fact ("The Customs Union includes ..."), ranks below the lines that tell the event's
# news (rules.is_background).
_BACKGROUND_PENALTY = 0.3
MAX_SENTENCES_PER_ARTICLE = 300  # bounds the graph for a pathological (dumped) article
_OPENING_SENTENCES = 3  # a dateline in title case ("Meadow Lake, Sask. – ") only opens a text
_MIN_FALLBACK_WORDS = 3
# Longest fallback line: a longer one is a page's text without full stops, never a digest line,
# and the rules would read all of it.
_MAX_FALLBACK_CHARS = 1_000
_QUOTE_MARKS = "\"“„«‘'"
_OPENERS_READ = 400  # best-scored sentences whose openers are checked (a digest takes a few)
_ENDS_READ = 20  # in a story, best-scored sentences of each end event checked too

__all__ = ["DigestDoc", "DigestLine", "EventDigest", "build_digest", "build_story_digest"]


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: str
    doc: int  # index into the time-ordered docs
    position: int  # sentence index in its article
    words: int
    lead: int = 0  # how many prose sentences of its article come before it (0: the lead)
    introduced: frozenset[str] = frozenset()  # people not met in it alone (vague.persons_before)


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
    every other outlet that has a similar sentence and a prior for its article's lead (the first
    prose sentences, whatever headline or date lines come before them); sentences that
    cannot open a text on their own are discounted. Selection is greedy MMR with a redundancy cap
    and no second wording of a fact already chosen (summarizer.text.facts),
    within the budget (a sentence too long for what is left is skipped, shorter ones may fit). The
    lede leads (a chosen line that can open a text: a report before a quotation, an article's own
    first sentence before later ones, then the best scored); the others follow in time order.
    When no chosen line can open a text (each leans back: "He added ...", "But ..."), the
    selection is made again starting from the best scored line that can, so the digest holds a
    line that can lead. What is prose, promotion, a dateline or a
    dead opener is decided by summarizer.text.rules; an event whose articles hold no prose at
    all still gets its best plain sentences.

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
    return _Digest(docs, words, sentences, language, story=False).build(since, previous)


def build_story_digest(
    docs: Sequence[DigestDoc],
    *,
    words: int | None = None,
    headline: str = "",
    language: str = "en",
) -> EventDigest:
    """Build the "catch me up" digest of a story from the articles of all its events.

    As build_digest, over every article of the story at once, with these differences: the
    story's first and latest events (the latest: the one that began last) each give a line
    first (the best of theirs that can open a text, however close it is to a line taken before
    it), so the digest tells how the story began and where it stands however few outlets told
    either; an end event goes without one only when no line of its can open a text, fit what
    the budget has left and tell a fact that no chosen line of another article told; each line
    an event gives halves the scores of that event's other sentences (EVENT_SPREAD), so the
    digest covers the story's events rather than repeating its biggest one; a line can open
    only if it can under the story's headline and under its own article's title (the
    headline's "talks" are another event's "meeting"), and so must a later line of an event
    whose articles do not carry the headline (a reader sees the headline, not that title);
    and lines keep
    strict time order, so a leading line that cannot stand alone is left out instead of moved.

    Args:
        docs: the story's articles, each with its `event_id`, in any order.
        words: word budget (default 120).
        headline: the story's title, which the opening line may lean on.
        language: ISO 639-1 code for splitting and stemming.

    Returns:
        The digest, its lines in time order, each with its article, outlet, date and event.

    Raises:
        ValueError: when `docs` is empty or the budget is not positive.
    """
    digest = _Digest(docs, words, None, language, story=True, headline=headline)
    return digest.build(None, ())


class _Digest:
    """One digest being built: the candidates, their vectors and scores, and the selection."""

    def __init__(
        self,
        docs: Sequence[DigestDoc],
        words: int | None,
        sentences: int | None,
        language: str,
        *,
        story: bool,
        headline: str = "",
    ) -> None:
        if not docs:
            raise ValueError("a digest needs at least one article")
        if (words is not None and words <= 0) or (sentences is not None and sentences <= 0):
            raise ValueError("budgets must be positive (words=120 or sentences=5, for example)")
        self.words = DIGEST_WORDS if words is None and sentences is None else words
        self.sentences = sentences
        self.language = language
        self.story = story
        self.docs = sorted(docs, key=lambda d: (d.published, d.article_id))
        self.candidates, self.prose = _candidates(self.docs, language)
        self.voiced: dict[int, bool] = {}  # article index: in its narrator's voice (see _voiced)
        self.facts: dict[int, Fact] = {}  # candidate index: what it tells (see _fact)
        self.headline = headline or _headline(self.docs, self.candidates, language)
        # the events whose articles carry the headline: their lines may lean on it (see _titles)
        self.headline_events = {
            d.event_id for d in self.docs if d.title.strip() == self.headline.strip()
        }
        self.scores = np.zeros(len(self.candidates))
        # candidate: among the best-scored and read for its opener, it can open a digest
        self.standalone = np.zeros(len(self.candidates), dtype=bool)

    def build(self, since: datetime | None, previous: Sequence[str]) -> EventDigest:
        """Select and arrange the lines (only news after `since`, nothing in `previous`)."""
        ordered = self.docs
        sources = tuple(dict.fromkeys(d.source for d in ordered))
        asked_for_news = since is not None or bool(previous)

        def digest(lines: Sequence[DigestLine], nothing_new: bool) -> EventDigest:
            first, last = ordered[0].published, ordered[-1].published
            return EventDigest(self.headline, tuple(lines), sources, first, last, nothing_new)

        if not self.candidates:
            return digest((), asked_for_news)
        space = SentenceSpace([c.text for c in self.candidates], self.language)
        scores = self.scores = self._scores(space)
        allowed = _allowed(space, self.candidates, ordered, since, previous)
        if asked_for_news and not allowed.any():
            return digest((), True)
        chosen = self._choose(space, scores, allowed)
        shown = [self.candidates[i] for i in chosen]
        follows = [
            after.doc == before.doc and after.position == before.position + 1
            for before, after in pairwise(shown)
        ]
        texts = rules.close_quotations([c.text for c in shown], follows)
        lines = [self._line(c, text) for c, text in zip(shown, texts, strict=True)]
        return digest(lines, asked_for_news and not lines)

    def _line(self, candidate: _Candidate, text: str) -> DigestLine:
        """A chosen line as shown (text: its quotations closed where the speech is cut)."""
        doc = self.docs[candidate.doc]
        return DigestLine(
            text=text,
            article_id=doc.article_id,
            source=doc.source,
            published=doc.published,
            event_id=doc.event_id,
            published_estimated=doc.published_estimated,
            published_date_only=doc.published_date_only,
        )

    def _scores(self, space: SentenceSpace) -> np.ndarray:
        candidates = self.candidates
        rank = lexrank(space)
        outlet = [self.docs[c.doc].source or f"#{self.docs[c.doc].article_id}" for c in candidates]
        support = support_counts(space, outlet)
        position = np.array([c.lead for c in candidates], dtype=float)
        scores = rank / rank.max() if rank.max() > 0 else rank
        scores = scores * (1.0 + 0.5 * np.log1p(support)) * (1.0 + 1.0 / (1.0 + position))
        # Only sentences good enough to be chosen are read for their openers; the rest count as
        # dependent, so an unread sentence never beats a read one.
        standalone = np.zeros(len(candidates), dtype=bool)
        for i in self._read_for_openers(scores):
            standalone[i] = self._stands(candidates[i])
        background = np.fromiter(
            (self._background(c) for c in candidates), dtype=bool, count=len(candidates)
        )
        scores = np.where(background, scores * _BACKGROUND_PENALTY, scores)
        self.standalone = standalone
        return np.asarray(np.where(standalone, scores, scores * _DEPENDENT_PENALTY), dtype=float)

    def _read_for_openers(self, scores: np.ndarray) -> list[int]:
        """The candidates read for their openers: the _OPENERS_READ best scored; in a story, also
        the _ENDS_READ best of each end event (see _ends), which gives a line first only when one
        of its lines is read as able to open, however far down a big story's scores they are."""
        order = np.argsort(-scores, kind="stable")
        read = [int(i) for i in order[:_OPENERS_READ]]
        if self.story and len(order) > _OPENERS_READ:
            events = [self.docs[c.doc].event_id for c in self.candidates]
            for end in self._ends():
                read.extend(islice((int(i) for i in order if events[i] == end), _ENDS_READ))
        return list(dict.fromkeys(read))

    def _stands(self, candidate: _Candidate) -> bool:
        """Tell whether a line can open the digest (rules.stands_alone under its headline); in a
        story, also under its own article's title: the story's headline belongs to one of its
        events, and a thing it names ("talks", "the meeting") is another event's for a line of
        another event, so such a line would be read as telling of the wrong happening."""

        def stands(context: str) -> bool:
            return rules.stands_alone(
                candidate.text, self.language, context=context, introduced=candidate.introduced
            )

        if not stands(self.headline):
            return False
        title = self.docs[candidate.doc].title
        return not self.story or title.strip() == self.headline.strip() or stands(title)

    def _background(self, candidate: _Candidate) -> bool:
        """Tell whether a line is background (rules.is_background); in a story, also a line
        that dates what it tells before its article's month (rules.recalls_earlier): the story
        shows each line at its article's date, in time order, and would misplace it."""
        if rules.is_background(candidate.text, self.language):
            return True
        doc = self.docs[candidate.doc]
        return (
            self.story
            and not doc.published_estimated
            and rules.recalls_earlier(candidate.text, doc.published.date(), self.language)
        )

    def _choose(self, space: SentenceSpace, scores: np.ndarray, allowed: np.ndarray) -> list[int]:
        """Select, arrange, and select again without lines that cannot be placed; when no chosen
        line can open a digest (each leans back: "He added ...", "But ..."), select again starting
        from the best line that can (see _opener); the lede is then placed as any other (see
        _arrange)."""
        allowed = allowed.copy()
        arranged: list[int] = []
        lead: int | None = None
        for _ in range(3):
            if lead is not None and not allowed[lead]:
                lead = None  # arranging dropped it: choose again among what is left
            chosen = self._select(space, scores, allowed, lead)
            if lead is None and chosen and not self.standalone[chosen].any():
                lead = self._opener(allowed)
                if lead is not None:
                    chosen = self._select(space, scores, allowed, lead)
            arranged, dropped = self._arrange(chosen)
            if not dropped:
                break
            allowed[dropped] = False
        return arranged

    def _opener(self, allowed: np.ndarray) -> int | None:
        """The best-scored allowed line that can open a digest and fits its budget, if any."""
        fits = np.array([self.words is None or c.words <= self.words for c in self.candidates])
        openers = np.flatnonzero(allowed & self.standalone & fits)
        return int(openers[np.argmax(self.scores[openers])]) if openers.size else None

    def _select(
        self, space: SentenceSpace, scores: np.ndarray, allowed: np.ndarray, lead: int | None
    ) -> list[int]:
        """Greedy MMR within the budgets, starting from `lead` when given."""
        candidates = self.candidates
        events = [self.docs[c.doc].event_id for c in candidates]
        ends = self._ends()
        taken: dict[int | None, int] = {}
        chosen: list[int] = []
        redundancy = np.zeros(len(candidates))
        spread = np.ones(len(candidates))
        open_ = allowed.copy()
        used = 0
        best = lead
        while best is not None or open_.any():
            if best is None:
                mmr = _MMR_LAMBDA * scores * spread - (1 - _MMR_LAMBDA) * redundancy
                mmr[~open_] = -np.inf
                if self.story:  # how it began and where it stands first (see _ends)
                    due = [e in ends and e not in taken for e in events]
                    untold = open_ & self.standalone & np.array(due)
                    if untold.any():
                        mmr[~untold] = -np.inf
                best = int(np.argmax(mmr))
                open_[best] = False
                if self.words is not None and used + candidates[best].words > self.words:
                    best = None
                    continue  # too long for what is left; a shorter sentence may still fit
                if self._retold(best, chosen):
                    best = None
                    continue  # one fact in another outlet's words: the cosine misses a rewording
            open_[best] = False
            chosen.append(best)
            used += candidates[best].words
            redundancy = np.maximum(redundancy, space.row_similarity(best))
            if self.story:
                taken[events[best]] = taken.get(events[best], 0) + 1
                spread = np.array([EVENT_SPREAD ** taken.get(e, 0) for e in events])
            # an end event still due keeps its lines however close to a line taken they are: it
            # tells another stage of the story in words the story shares
            due = [self.story and e in ends and e not in taken for e in events]
            open_ &= (redundancy < REDUNDANCY) | np.array(due, dtype=bool)
            best = None
            if self.sentences is not None and len(chosen) >= self.sentences:
                break
            if self.words is not None and self.words - used < rules.MIN_WORDS:
                break
        return chosen

    def _ends(self) -> set[int | None]:
        """The story's first and latest events (none outside a story): a story digest tells
        how the story began and where it stands before anything else, each with a line that
        can open a text, kept from the redundancy cap until its event has a line (see
        _select). Centrality over the whole story favours the event most outlets told; a later
        turn told by one outlet in words of its own (a visit, a phone call) shares few of them
        and would never be told, however the event spread discounts the big event's second
        line. The latest event is the one that began last (whose earliest article is
        the latest), not that of the latest article: a late recap of an earlier event ("the
        talks last Tuesday") is no turn of the story, and would hide the one it took."""
        if not self.story:
            return set()
        began: dict[int | None, int] = {}
        for index, doc in enumerate(self.docs):
            began.setdefault(doc.event_id, index)
        return {self.docs[0].event_id, max(began, key=lambda event: began[event])}

    def _retold(self, line: int, chosen: Sequence[int]) -> bool:
        """Tell whether another article's chosen line tells a line's fact in other words (an
        article's own lines go on from each other: "The pier will be closed." then "The ferries
        will dock at the south pier.")."""
        doc = self.candidates[line].doc
        return any(
            self.candidates[other].doc != doc and same_fact(self._fact(line), self._fact(other))
            for other in chosen
        )

    def _fact(self, line: int) -> Fact:
        """What a candidate tells (text.facts), read once, only for lines a digest weighs."""
        if line not in self.facts:
            self.facts[line] = fact_of(self.candidates[line].text, self.language)
        return self.facts[line]

    def _arrange(self, chosen: list[int]) -> tuple[list[int], list[int]]:
        """Order lines by time; return them and those that must go (see build_digest)."""
        candidates = self.candidates
        lines = sorted(chosen, key=lambda i: (candidates[i].doc, candidates[i].position))
        if not lines:
            return [], []
        opens = [self._stands(candidates[i]) for i in lines]
        dropped: list[int] = []
        if self.story:  # strict time order: leading lines that cannot open go, choose again
            if not opens[0] and any(opens):
                first = opens.index(True)
                dropped, lines = lines[:first], lines[first:]
        elif any(opens):  # the lede leads; the rest follow in time order
            lede = max((i for i, ok in zip(lines, opens, strict=True) if ok), key=self._lede_rank)
            lines.remove(lede)
            lines.insert(0, lede)
        # A line naming what no line before it has named ("the protest") goes after the line that
        # does, or goes; a line that leans back ("He added ...") stays only right after the
        # sentence it follows in its article.
        placed = [lines[0]]
        waiting = lines[1:]
        while waiting:
            told = " ".join(candidates[i].text for i in placed)
            ready = next((i for i in waiting if self._fits(i, placed[-1], told)), None)
            if ready is None:
                break
            waiting.remove(ready)
            placed.append(ready)
        return placed, dropped + waiting

    def _titles(self, line: int) -> tuple[str, ...]:
        """The titles a line after the first must lean on, each: the digest's headline; in a
        story, for a line of an event whose articles do not carry the headline, its own
        article's title too. The headline's "meet" tells nothing of another event's "The
        meeting" (see _stands), and a reader of the story sees its headline, never the title
        of the line's article: what only that title names ("Hunter diagnosed ...": "the
        hunter") the reader has not met."""
        doc = self.docs[self.candidates[line].doc]
        if not self.story or doc.event_id in self.headline_events:
            return (self.headline,)
        return (self.headline, doc.title)

    def _lede_rank(self, line: int) -> tuple[bool, bool, float]:
        """How well a line can lead an event's digest: a report before a quotation, an article's
        own lede (its first prose sentence) before its later sentences, then the score."""
        candidate = self.candidates[line]
        quoted = candidate.text.lstrip()[:1] in _QUOTE_MARKS
        return (not quoted, candidate.lead == 0, float(self.scores[line]))

    def _fits(self, line: int, before: int, told: str) -> bool:
        """Tell whether a line can follow the line `before`, the digest's lines having told
        `told` under each title the line leans on (see _titles)."""
        candidate, previous = self.candidates[line], self.candidates[before]
        for title in self._titles(line):
            said = f"{title} {told}"
            if rules.unresolved_reference(candidate.text, self.language, context=said):
                return False
            if bare_family_name(candidate.text, candidate.introduced, context=said):
                return False  # "Patton was beaten ..." before any line names Ben Patton
        follows = previous.doc == candidate.doc and previous.position == candidate.position - 1
        if follows or not rules.leans_back(candidate.text, self.language):
            return True
        # In a blog or a how-to, a narrator's aside ("I talked about ...", "you can ...") reads on
        # after a line of its own article: it points at no sentence, it is the article's voice.
        same = previous.doc == candidate.doc and self._voiced(candidate.doc)
        return same and not rules.leans_back(candidate.text, self.language, voice=False)

    def _voiced(self, doc: int) -> bool:
        """Tell whether an article's prose is in its narrator's voice (rules.written_to_reader);
        read only for the articles whose lines a digest places, once each."""
        if doc not in self.voiced:
            prose = [c.text for c in self.candidates if c.doc == doc] if self.prose else []
            self.voiced[doc] = rules.written_to_reader(prose, self.language)
        return self.voiced[doc]


def _candidates(ordered: Sequence[DigestDoc], language: str) -> tuple[list[_Candidate], bool]:
    """Prose sentences of the articles, datelines removed, each text once, and True; or, when no
    article holds prose (a page of captions, a list), plain sentences of three words or more
    that are not promotion, and False: an event never has an empty digest.
    """
    strict: list[_Candidate] = []
    loose: list[_Candidate] = []
    seen: set[str] = set()
    for index, doc in enumerate(ordered):
        sentences = split_sentences(doc.body, language)[:MAX_SENTENCES_PER_ARTICLE]
        prose = 0
        unmet = persons_before(sentences, language)
        for position, raw in enumerate(sentences):
            introduced = unmet[position]
            text = rules.tidy(raw, opens_text=position < _OPENING_SENTENCES, language=language)
            key = " ".join(text.lower().split())
            if key in seen:
                continue
            seen.add(key)
            if rules.is_prose(text, language):
                strict.append(
                    _Candidate(text, index, position, len(text.split()), prose, introduced)
                )
                prose += 1
            elif not strict and _fallback(text, language):
                loose.append(_Candidate(text, index, position, len(text.split()), position))
    return (strict, True) if strict else (loose, False)


def _fallback(text: str, language: str) -> bool:
    """A sentence good enough when an event has no prose at all."""
    return (
        len(text) <= _MAX_FALLBACK_CHARS
        and len(text.split()) >= _MIN_FALLBACK_WORDS
        and not text[:1].islower()
        and not rules.is_promotional(text, language)
    )


def _headline(ordered: Sequence[DigestDoc], candidates: Sequence[_Candidate], language: str) -> str:
    titles = [d.title.strip() for d in ordered]
    usable = [i for i, t in enumerate(titles) if rules.is_headline(t)] or list(range(len(ordered)))
    if len(usable) == 1 or not candidates:
        return titles[usable[0]]
    space = SentenceSpace([titles[i] for i in usable], language)
    centrality = np.asarray(space.similarity().sum(axis=1)).ravel()
    best = int(np.argmax(centrality))  # the first maximum: the earliest title among equals
    return titles[usable[best]]


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
