"""Plain-text cleaner: find the title and the article body among pasted or scraped web debris.

The body is the densest run of prose lines (a maximum-sum segment over per-line scores, as in
Finn et al.'s body-text extraction), with debris lines inside it dropped and repeats removed.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Collection, Sequence

from summarizer.clean.lines import normalise_line, split_lines
from summarizer.clean.rules import (
    LineFeatures,
    is_agency_credit,
    is_teaser_header,
    is_time_line,
    measure,
)
from summarizer.values import CleanedText

logger = logging.getLogger(__name__)

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+")
_TITLE_MAX_WORDS = 25

# Line weights for the body search. Prose earns one point per _WORDS_PER_POINT words (at most
# 80 words count); debris costs _BAD, furniture inserted between paragraphs ("Advertisement")
# _INTERSTITIAL, other short lines (menus, headlines) _OTHER, and repeated ones _REPEATED. A
# run of consecutive debris lines (a widget) costs at most _JUNK_RUN_CAP in all.
_WORDS_PER_POINT = 10.0
_BAD = -3.0
_INTERSTITIAL = -0.5
_OTHER = -1.0
_REPEATED = -1.5
_JUNK_RUN_CAP = -6.0
_MAX_GAP = 12.0  # debris weight after a run's best point that ends the run
_MAX_WIDGET_LINES = 6  # runs separated by at most this many widget lines are one body
_ANCHOR_WINDOW = 25  # lines below the headline where the article is expected to start
_ANCHOR_SHARE = 0.4  # the run there wins if it weighs this share of the heaviest run
_TEASER_HEADER_WORDS = 6
_PARAGRAPH_WORDS = 15
_CONTAINMENT_WINDOW = 3
_MIN_CONTAINED_CHARS = 40


def clean_plain_text(text: str, *, known_boilerplate: Collection[str] = ()) -> CleanedText:
    """Split an article's plain text into its title and body paragraphs, dropping web debris.

    Args:
        text: the article as pasted or scraped: title first, then body lines mixed with menus,
            prompts, credits and lists of other headlines.
        known_boilerplate: lines seen repeatedly in other articles of the same source; any
            line equal to one of them (after whitespace normalisation, ignoring case) is dropped.

    Returns:
        The title ("" when the text starts with body text) and the body paragraphs in order.
    """
    lines = split_lines(text)
    if not lines:
        return CleanedText(title="", paragraphs=())
    known = {normalise_line(line).casefold() for line in known_boilerplate}
    features = [measure(line) for line in lines]
    title_at = _title_index(lines, features, known)
    title = _best_title(lines[title_at], lines[title_at + 1 :]) if title_at >= 0 else ""
    bad = _bad_lines(lines, features, known, title_at, title)
    _mark_teaser_lists(lines, features, bad)
    weights = _weights(lines, features, bad)
    anchor = _anchor(lines, title_at, title)
    widget = [b and not f.meta for f, b in zip(features, bad, strict=True)]
    start, end = _main_block(weights, widget, anchor)
    if start == end:
        # No line reads as prose (a list or a table): keep everything that is not debris.
        logger.debug("no prose block found; keeping all %d lines that are not debris", len(lines))
        start, end = 0, len(lines)
    elif title_at >= 0:
        start = _with_standfirst(features, bad, title_at, start)
    paragraphs = _dedupe([lines[i] for i in range(start, end) if not bad[i]])
    return CleanedText(title=title, paragraphs=tuple(paragraphs))


def _title_index(lines: Sequence[str], features: Sequence[LineFeatures], known: set[str]) -> int:
    """Return the index of the headline line, or -1 when the text starts with body text."""
    for i, (line, feats) in enumerate(zip(lines, features, strict=True)):
        if feats.junk or line.casefold() in known or is_time_line(line):
            continue
        looks_like_headline = feats.words <= _TITLE_MAX_WORDS and not line.endswith(".")
        return i if looks_like_headline else -1
    return -1


def _best_title(title: str, rest: Sequence[str]) -> str:
    """Drop a site-name suffix ("Headline - Site") when the bare headline appears below."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p]
    if len(parts) < 2:
        return title
    later = {line.casefold() for line in rest}
    candidates = [p for p in parts if p.casefold() in later]
    joined = [
        sep.join(parts[:k]) for sep in (" - ", " | ", ": ") for k in range(len(parts) - 1, 0, -1)
    ]
    candidates += [c for c in joined if c.casefold() in later]
    return max(candidates, key=len) if candidates else title


def _bad_lines(
    lines: Sequence[str],
    features: Sequence[LineFeatures],
    known: set[str],
    title_at: int,
    title: str,
) -> list[bool]:
    """Mark the lines that are debris wherever they stand."""
    folded = [line.casefold() for line in lines]
    title_forms = {title.casefold(), lines[title_at].casefold()} if title_at >= 0 else set()
    bad = [f.junk or folded[i] in known or folded[i] in title_forms for i, f in enumerate(features)]
    if title_at >= 0:
        bad[title_at] = True
    # A line above a credit line is its caption.
    for i in range(len(lines) - 1):
        if features[i].words <= 80 and is_agency_credit(folded[i + 1], features[i + 1].words):
            bad[i] = True
    # A short line between two debris lines belongs to the same widget (a prompt's pitch).
    flagged = [f.debris and not f.interstitial for f in features]
    for i in range(1, len(lines) - 1):
        if flagged[i - 1] and flagged[i + 1] and features[i].words <= 25:
            bad[i] = True
    return bad


def _weights(
    lines: Sequence[str], features: Sequence[LineFeatures], bad: Sequence[bool]
) -> list[float]:
    """Score each line: prose gains with its length, debris and furniture cost."""
    counts = Counter(line.casefold() for line in lines)
    weights: list[float] = []
    junk_run = 0.0  # a widget of several debris lines inside an article costs at most this
    for line, feats, is_bad in zip(lines, features, bad, strict=True):
        if is_bad and not feats.meta:
            weight = max(_INTERSTITIAL if feats.interstitial else _BAD, _JUNK_RUN_CAP - junk_run)
            junk_run += weight
            weights.append(weight)
            continue
        junk_run = 0.0
        if is_bad:
            weights.append(_BAD)
        elif feats.prose:
            weights.append(min(feats.words, 80) / _WORDS_PER_POINT)
        else:
            weights.append(_REPEATED if counts[line.casefold()] > 1 else _OTHER)
    return weights


def _anchor(lines: Sequence[str], title_at: int, title: str) -> int:
    """Return the index of the headline as repeated above the article, else of the title line."""
    if title_at < 0:
        return -1
    forms = {title.casefold(), lines[title_at].casefold()}
    for i in range(title_at + 1, len(lines)):
        if lines[i].casefold() in forms:
            return i
    return title_at


def _runs(weights: Sequence[float]) -> list[tuple[float, int, int]]:
    """Split the lines into heavy runs: (sum, start, end) of each maximal-sum segment.

    A run ends when its running sum falls to zero or when the debris lines since its best weigh
    more than _MAX_GAP: a stretch of furniture separates the article from the comments or
    teasers below it, while lists inside an article are made of plain short lines.
    """
    runs: list[tuple[float, int, int]] = []
    i, n = 0, len(weights)
    while i < n:
        while i < n and weights[i] <= 0:
            i += 1
        if i == n:
            break
        start, total, best, best_end, junk = i, 0.0, 0.0, i, 0.0
        while i < n:
            total += weights[i]
            if weights[i] < _OTHER:
                junk -= weights[i]
            i += 1
            if total > best:
                best, best_end, junk = total, i, 0.0
            elif total <= 0 or junk > _MAX_GAP:
                break
        runs.append((best, start, best_end))
        i = best_end
    return runs


def _merge_widget_gaps(
    runs: list[tuple[float, int, int]], widget: Sequence[bool]
) -> list[tuple[float, int, int]]:
    """Join runs separated only by a few widget lines (a subscription box or an advert)."""
    merged: list[tuple[float, int, int]] = []
    for run in runs:
        if merged:
            total, start, end = merged[-1]
            gap = range(end, run[1])
            if len(gap) <= _MAX_WIDGET_LINES and all(widget[i] for i in gap):
                merged[-1] = (total + run[0], start, run[2])
                continue
        merged.append(run)
    return merged


def _main_block(weights: Sequence[float], widget: Sequence[bool], anchor: int) -> tuple[int, int]:
    """Return [start, end) of the article body.

    The body is the heaviest run of lines (runs split by nothing but a widget count as one),
    unless a run that starts just below the headline weighs at least _ANCHOR_SHARE of it:
    pages put comments, teasers and disclaimers that can outweigh a short article below it,
    but the article comes first.
    """
    runs = _merge_widget_gaps(_runs(weights), widget)
    if not runs:
        return 0, 0
    total, start, end = max(runs)
    if anchor >= 0 and not anchor < start <= anchor + _ANCHOR_WINDOW:
        near = next((r for r in runs if anchor < r[1] <= anchor + _ANCHOR_WINDOW), None)
        if near is not None and near[0] >= _ANCHOR_SHARE * total:
            return near[1], near[2]
    return start, end


def _with_standfirst(
    features: Sequence[LineFeatures], bad: Sequence[bool], title_at: int, start: int
) -> int:
    """Move the body start up over a standfirst: sentence-length lines right below the title."""
    first = start
    while first - 1 > title_at and not bad[first - 1] and features[first - 1].words >= 8:
        first -= 1
    return first if first == title_at + 1 else start


def _mark_teaser_lists(
    lines: Sequence[str], features: Sequence[LineFeatures], bad: list[bool]
) -> None:
    """Mark a "Most read" / "Related stories" header and the short lines listed under it.

    The list ends at the first line long enough to be a paragraph of an article again; inside
    an article the marked lines then count as a widget that the body runs across.
    """
    in_list = False
    for i in range(len(lines)):
        if features[i].words <= _TEASER_HEADER_WORDS and is_teaser_header(lines[i]):
            in_list = True
        elif in_list and features[i].prose and features[i].words >= _PARAGRAPH_WORDS:
            in_list = False
        if in_list:
            bad[i] = True


def _dedupe(paragraphs: Sequence[str]) -> list[str]:
    """Keep the first copy of repeated lines; drop a line contained in a longer one close by
    (a summary repeated as the start of the dateline paragraph)."""
    seen: set[str] = set()
    unique: list[str] = []
    for paragraph in paragraphs:
        key = paragraph.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(paragraph)
    folded = [p.casefold() for p in unique]
    kept = []
    for i, (paragraph, key) in enumerate(zip(unique, folded, strict=True)):
        near = folded[max(0, i - _CONTAINMENT_WINDOW) : i + _CONTAINMENT_WINDOW + 1]
        if len(key) < _MIN_CONTAINED_CHARS or not any(key in o and key != o for o in near):
            kept.append(paragraph)
    return kept
