"""Page furniture: short lines that recur across articles of a batch or of one source.

A line seen in three or more plain-text articles of one batch, or of one source over time
(counts kept in the `sourceline` table), is site furniture ("Sign up for our newsletter",
"Advertisement", a standing credit) and is handed to the cleaner as known boilerplate.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from summarizer.clean.lines import normalise_line
from summarizer.ingest.outlet import choose_outlet
from summarizer.values import RawInput

MAX_WORDS = 14
MIN_ARTICLES = 3


def source_guess(raw: RawInput) -> str:
    """The outlet a plain-text input will be stored under (as the pipeline decides it)."""
    return choose_outlet([raw.source], text=raw.content, location=raw.location)


def short_lines(text: str) -> frozenset[str]:
    """Distinct short lines of a text, normalised as the cleaner compares them."""
    lines = (normalise_line(line).casefold() for line in text.splitlines())
    return frozenset(line for line in lines if line and len(line.split()) <= MAX_WORDS)


def line_key(line: str) -> str:
    """A short stable key of a normalised line, for the per-source counts."""
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:16]


class Furniture:
    """Decides, per input of a batch, which of its lines are known furniture."""

    def __init__(
        self,
        inputs: Sequence[RawInput | object],
        history: Mapping[str, Mapping[str, int]] | None = None,
    ) -> None:
        """Count short lines over the batch.

        Args:
            inputs: the batch (non-text inputs and failures are ignored).
            history: per source name, stored article counts per line key (see `wanted`;
                may be set later as the `history` attribute).
        """
        self.history: Mapping[str, Mapping[str, int]] = history or {}
        self.lines: dict[int, frozenset[str]] = {}
        self.sources: dict[int, str] = {}
        self.batch: Counter[str] = Counter()
        self.by_source: dict[str, Counter[str]] = {}
        for index, raw in enumerate(inputs):
            if not isinstance(raw, RawInput) or raw.kind != "text":
                continue
            lines = short_lines(raw.content)
            source = source_guess(raw)
            self.lines[index], self.sources[index] = lines, source
            self.batch.update(lines)
            self.by_source.setdefault(source, Counter()).update(lines)

    def wanted(self) -> dict[str, set[str]]:
        """Per source name, the line keys of the batch: the only stored counts it needs."""
        wanted: dict[str, set[str]] = {}
        for index, lines in self.lines.items():
            wanted.setdefault(self.sources[index], set()).update(line_key(line) for line in lines)
        return wanted

    def known(self, index: int) -> frozenset[str]:
        """Lines of input `index` that recur in enough articles of the batch or of its source."""
        lines = self.lines.get(index, frozenset())
        source = self.sources.get(index, "")
        same_source = self.by_source.get(source, Counter())
        stored = self.history.get(source, {})
        return frozenset(
            line
            for line in lines
            if self.batch[line] >= MIN_ARTICLES
            or same_source[line] + stored.get(line_key(line), 0) >= MIN_ARTICLES
        )

    def counted(self, indexes: Iterable[int]) -> dict[str, Counter[str]]:
        """Per source, line-key counts of the given inputs (the new articles), to store."""
        result: dict[str, Counter[str]] = {}
        for index in indexes:
            if index in self.lines:
                keys = (line_key(line) for line in sorted(self.lines[index]))
                result.setdefault(self.sources[index], Counter()).update(keys)
        return result
