"""Page furniture: short lines that recur across the stored articles of one source.

A short line carried by MIN_ARTICLES or more plain-text articles of one source (one outlet, however
its inputs spell it: summarizer.outlets.outlet_key), counting the new article and the ones
stored before it (counts kept in the `sourceline` table), is site furniture ("Sign up for our
newsletter", "Advertisement", a standing credit) and is handed to the cleaner as known boilerplate.
Texts whose outlet nothing names (stored under UNKNOWN_OUTLET) have none: they are not one site,
and a line unrelated ones share (a headline, a one-line paragraph) says nothing of a site's pages.
The decision reads only what was stored before the article, under the ingest lock, so it depends on
the order articles are stored in and on nothing else: a stream split into batches, or between
processes, gives the articles one batch would. (No look-ahead: the first articles of a source that
carry a line keep it; a feed poll always did.)

Preparing an article (cleaning it: most of the work) happens before storing, outside the lock,
on a guess: the latest counts read (each turn under the lock reads those of the next inputs
too), with the batch's inputs not stored yet before it added as if each were stored. When
storing finds other counts (another process stored articles of the source meanwhile, or an
earlier input was a copy), the article is prepared again.

What a short line is, its key and MIN_ARTICLES live in summarizer.clean.furniture_lines: the
store prunes the same counts.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from summarizer.clean.furniture_lines import MIN_ARTICLES, line_key, short_lines
from summarizer.ingest.outlet import choose_outlet, title_masthead
from summarizer.outlets import outlet_key
from summarizer.store.articles import stored_name
from summarizer.values import RawInput
from summarizer.views import UNKNOWN_OUTLET


def source_guess(raw: RawInput) -> str:
    """The source a plain-text input will be stored under (as the pipeline decides it)."""
    names = [title_masthead(raw), raw.source]
    return stored_name(choose_outlet(names, text=raw.content, location=raw.location))


def _is_furniture(stored_before: int) -> bool:
    """Whether a line is furniture in an article, given how many stored articles carried it."""
    return stored_before + 1 >= MIN_ARTICLES


class Furniture:
    """The short lines of a batch's inputs and their sources' stored counts, as far as read.

    `counts` holds, per source name, the stored article count of every line key read so far
    (`learn`) plus the articles of this batch stored since (`stored`): exact for the keys in
    `fresh` (read since the counts last may have changed: `forget`), the latest known for the
    others. `pending` holds this batch's additions until they are written (`take_pending`);
    `next` is the first input not stored yet.
    """

    def __init__(self, inputs: Sequence[RawInput | object]) -> None:
        """Read the short lines of the batch's plain-text inputs.

        Args:
            inputs: the batch (non-text inputs, failures and texts of no known outlet have
                no furniture).
        """
        self.lines: dict[int, tuple[str, ...]] = {}  # sorted: new counts in a stable order
        self.keys: dict[int, tuple[str, ...]] = {}
        self.sources: dict[int, str] = {}
        self.of_source: dict[str, list[int]] = {}  # each source's inputs, in order
        spellings: dict[str, str] = {}  # one outlet's inputs go under its first spelling
        for index, raw in enumerate(inputs):
            if not isinstance(raw, RawInput) or raw.kind != "text":
                continue
            source = source_guess(raw)
            if source == UNKNOWN_OUTLET:
                continue
            source = spellings.setdefault(outlet_key(source), source)
            self.lines[index] = tuple(sorted(short_lines(raw.content)))
            self.keys[index] = tuple(line_key(line) for line in self.lines[index])
            self.sources[index] = source
            self.of_source.setdefault(source, []).append(index)
        self.counts: dict[str, dict[str, int]] = {}
        self.fresh: dict[str, set[str]] = {}
        self.pending: dict[str, Counter[str]] = {}
        self.next = 0

    def wanted(self, indexes: Iterable[int] | None = None) -> dict[str, set[str]]:
        """Per source name, the line keys of these inputs (default all) not read since `forget`."""
        wanted: dict[str, set[str]] = {}
        for index in self.lines if indexes is None else indexes:
            source = self.sources.get(index)
            if source is None:
                continue
            keys = set(self.keys[index]) - self.fresh.get(source, set())
            if keys:
                wanted.setdefault(source, set()).update(keys)
        return wanted

    def learn(
        self, wanted: Mapping[str, Iterable[str]], stored: Mapping[str, Mapping[str, int]]
    ) -> None:
        """Take the stored counts read for `wanted` (a key without a row: no article yet)."""
        for source, keys in wanted.items():
            found = stored.get(source, {})
            counts = self.counts.setdefault(source, {})
            for key in keys:
                counts[key] = found.get(key, 0)
            self.fresh.setdefault(source, set()).update(keys)

    def forget(self) -> None:
        """Take every count read as possibly out of date (another process may have changed it)."""
        self.fresh.clear()
        self.pending.clear()

    def known(self, index: int) -> frozenset[str]:
        """Lines of input `index` that are furniture, from the counts stored before it."""
        source = self.sources.get(index, "")
        counts = self.counts.get(source, {})
        lines, keys = self.lines.get(index, ()), self.keys.get(index, ())
        return frozenset(
            line for line, key in zip(lines, keys, strict=True) if _is_furniture(counts.get(key, 0))
        )

    def guess(self, index: int) -> frozenset[str]:
        """Input `index`'s furniture if the inputs before it not stored yet are stored as new
        articles: what it is prepared with before storing (see the module docstring)."""
        source = self.sources.get(index)
        if source is None:
            return frozenset()
        same = self.of_source[source]
        before: Counter[str] = Counter()
        for earlier in same[bisect_left(same, self.next) : bisect_left(same, index)]:
            before.update(self.keys[earlier])
        counts = self.counts.get(source, {})
        return frozenset(
            line
            for line, key in zip(self.lines[index], self.keys[index], strict=True)
            if _is_furniture(counts.get(key, 0) + before[key])
        )

    def stored(self, index: int) -> None:
        """Count input `index`'s lines: it was stored as a new article."""
        source = self.sources.get(index)
        if source is None:
            return
        counts = self.counts.setdefault(source, {})
        pending = self.pending.setdefault(source, Counter())
        for key in self.keys[index]:
            counts[key] = counts.get(key, 0) + 1
            pending[key] += 1

    def take_pending(self) -> dict[str, Counter[str]]:
        """Per source name, the line-key counts added since last taken, to store."""
        pending, self.pending = self.pending, {}
        return pending
