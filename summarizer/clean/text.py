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
from summarizer.clean.repeats import without_repeats
from summarizer.clean.rules import (
    LineFeatures,
    is_agency_credit,
    is_byline,
    is_dateline,
    is_time_line,
    measure,
)
from summarizer.clean.teasers import mark_teaser_lists
from summarizer.values import CleanedText

logger = logging.getLogger(__name__)

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+")
_TITLE_MAX_WORDS = 25
_SITE_NAME_WORDS = 4

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
_DATELINE_SHARE = 0.25  # a dateline is a stronger cue than the headline: a smaller share
_LEAD_MIN_WORDS = 8
_LIST_SENTENCES = 3


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
    anchor = _anchor(lines, title_at, title)
    mark_teaser_lists(lines, features, bad, headlines={title_at, anchor})
    weights = _weights(lines, features, bad)
    widget = [b and not f.meta for f, b in zip(features, bad, strict=True)]
    datelines = [
        i for i, f in enumerate(features) if f.prose and not bad[i] and is_dateline(lines[i])
    ]
    start, end = _main_block(weights, widget, anchor, datelines)
    if start == end:
        # No line reads as prose (a list or a table): keep everything that is not debris.
        logger.debug("no prose block found; keeping all %d lines that are not debris", len(lines))
        start, end = 0, len(lines)
    elif title_at >= 0 and start not in datelines:  # a dateline opens the story itself
        start = _with_standfirst(features, bad, title_at, start)
        start = _with_lead(lines, features, bad, anchor, start)
    end = _with_own_list(features, bad, weights, (start, end))
    kept = [i for i in range(start, end) if not bad[i]]
    paragraphs = without_repeats(lines, features, kept)
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
    """Drop a site-name suffix ("Headline - Site") when the bare headline or the site's name
    appears below."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p]
    if len(parts) < 2:
        return title
    later = {line.casefold() for line in rest}
    candidates = [p for p in parts if p.casefold() in later]
    joined = [
        sep.join(parts[:k]) for sep in (" - ", " | ", ": ") for k in range(len(parts) - 1, 0, -1)
    ]
    candidates += [c for c in joined if c.casefold() in later]
    if not candidates:
        return title
    best = max(candidates, key=len)
    if best == parts[-1] and len(best.split()) <= _SITE_NAME_WORDS:
        # Only the site's name is repeated below (a logo line): the headline is the rest.
        last = list(_TITLE_SEPARATORS.finditer(title))[-1]
        head = title[: last.start()]
        if len(head.split()) > len(best.split()):
            return head
    return best


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


def _main_block(
    weights: Sequence[float], widget: Sequence[bool], anchor: int, datelines: Sequence[int]
) -> tuple[int, int]:
    """Return [start, end) of the article body.

    The body is the heaviest run of lines (runs split by nothing but a widget count as one),
    unless a run holding a dateline weighs at least _DATELINE_SHARE of it (the story then
    starts at the dateline), or a run that starts just below the headline weighs at least
    _ANCHOR_SHARE of it: pages put comments, teasers and disclaimers that can outweigh a
    short article below it, but the article comes first.
    """
    runs = _merge_widget_gaps(_runs(weights), widget)
    if not runs:
        return 0, 0
    total, start, end = max(runs)
    for at in datelines:
        run = next((r for r in runs if r[1] <= at < r[2]), None)
        if run is not None and run[0] >= _DATELINE_SHARE * total:
            return at, run[2]
    if anchor >= 0 and not anchor < start <= anchor + _ANCHOR_WINDOW:
        near = next((r for r in runs if anchor < r[1] <= anchor + _ANCHOR_WINDOW), None)
        if near is not None and near[0] >= _ANCHOR_SHARE * total:
            return near[1], near[2]
    return start, end


def _with_lead(
    lines: Sequence[str],
    features: Sequence[LineFeatures],
    bad: Sequence[bool],
    anchor: int,
    start: int,
) -> int:
    """Move the body start up to the first sentence below the headline when only sentences
    and debris (a photo and its caption) stand between them.

    A lead paragraph full of names reads like a headline, and a photo between the lead and
    the rest of the article splits them into two runs. A sentence above the byline or the
    date is a standfirst or a caption, not the lead.
    """
    if anchor < 0 or not anchor < start <= anchor + _ANCHOR_WINDOW:
        return start
    first = next((i for i in range(anchor + 1, start) if _sentence(features[i], bad[i])), start)
    between = range(first, start)
    if any(_signs_article(lines[i]) for i in between):
        return start
    if all(bad[i] or _sentence(features[i], bad[i]) for i in between):
        return first
    return start


def _with_own_list(
    features: Sequence[LineFeatures],
    bad: Sequence[bool],
    weights: Sequence[float],
    block: tuple[int, int],
) -> int:
    """Move the body end down over the article's own list (a recipe, results, a schedule).

    Short lines weigh against a run, so a list that an article sets out after its opening
    paragraphs ends the run early. Lines that run on with no debris up to the next debris
    line (a share widget, a "Related" header) and hold at least _LIST_SENTENCES sentences are
    still the article: link lists, tags and author boxes after an article hold fewer, or
    stop at debris sooner. A stretch holding a run of prose heavier than the body is another
    text (a second story, a comment thread), not a list.
    """
    start, end = block
    stop = end
    while stop < len(features) and not bad[stop]:
        stop += 1
    sentences = sum(features[i].prose for i in range(end, stop))
    heaviest = max((run[0] for run in _runs(weights[end:stop])), default=0.0)
    if sentences < _LIST_SENTENCES or heaviest > sum(weights[start:end]):
        return end
    return stop


def _signs_article(line: str) -> bool:
    """True for a byline or a date line (not a bare number such as a photo counter)."""
    return is_byline(line) or (is_time_line(line) and not line.isdigit())


def _sentence(feats: LineFeatures, is_bad: bool) -> bool:
    """True for a line that is not debris and reads as a sentence of some length."""
    return not is_bad and feats.terminal and feats.words >= _LEAD_MIN_WORDS


def _with_standfirst(
    features: Sequence[LineFeatures], bad: Sequence[bool], title_at: int, start: int
) -> int:
    """Move the body start up over a standfirst: sentence-length lines right below the title."""
    first = start
    while first - 1 > title_at and not bad[first - 1] and features[first - 1].words >= 8:
        first -= 1
    return first if first == title_at + 1 else start
