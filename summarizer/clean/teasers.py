"""Lists of other stories on a page: "More news" blocks and runs of headlines with teasers."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from summarizer.clean.rules import LineFeatures, is_teaser_header

# A teaser is one short paragraph under another story's headline; an article's paragraphs
# run longer or follow each other. Three headline + teaser pairs in a row make a list.
_TEASER_MAX_WORDS = 45
_MIN_HEADLINE_WORDS = 3
_MIN_PAIRS = 3
_TEASER_HEADER_WORDS = 6
_PARAGRAPH_WORDS = 15


def mark_teaser_lists(
    lines: Sequence[str],
    features: Sequence[LineFeatures],
    bad: list[bool],
    headlines: Collection[int] = (),
) -> None:
    """Mark lists of other stories as debris, however long they run.

    Two shapes are lists: a "Most read" / "More news" header with the lines under it, up to
    the first paragraph of an article again; and, with or without a header, three or more
    headlines in a row each followed by a one-paragraph teaser (dates and bylines between
    them are allowed). An article's own sections look alike but follow its headline or its
    paragraphs directly, and a subhead is often followed by a longer paragraph, or by several.

    Args:
        lines: the page's normalised lines.
        features: their measurements.
        bad: debris flags, updated in place.
        headlines: indices of the lines that carry the article's own headline.
    """
    teasers = _headline_teaser_pairs(features, headlines)
    in_list = False
    for i in range(len(lines)):
        if features[i].words <= _TEASER_HEADER_WORDS and is_teaser_header(lines[i]):
            in_list = True
        elif in_list and _is_paragraph(features[i]) and i not in teasers:
            in_list = False
        if in_list or i in teasers:
            bad[i] = True


def _is_paragraph(feats: LineFeatures) -> bool:
    """True for a line long enough to be a paragraph of an article."""
    return feats.prose and feats.words >= _PARAGRAPH_WORDS


def _kind(feats: LineFeatures) -> str:
    """Classify a line: "H" headline, "T" teaser, "P" long paragraph, "M" meta, "O" other."""
    if feats.meta:
        return "M"
    if feats.junk:
        return "O"
    if feats.prose:
        return "T" if feats.words <= _TEASER_MAX_WORDS else "P"
    return "H" if feats.words >= _MIN_HEADLINE_WORDS else "O"


def _headline_teaser_pairs(
    features: Sequence[LineFeatures], headlines: Collection[int]
) -> set[int]:
    """Return the indices of lines in runs of at least _MIN_PAIRS headline + teaser pairs
    that do not continue the article (right after its headline or one of its paragraphs)."""
    # Dates, bylines and other meta lines between the items do not break a list.
    kinds = ["O" if i in headlines else _kind(f) for i, f in enumerate(features)]
    seq = [(i, kind) for i, kind in enumerate(kinds) if kind != "M"]
    marked: set[int] = set()
    k = 0
    while k < len(seq):
        m = k
        while m + 1 < len(seq) and seq[m][1] == "H" and seq[m + 1][1] == "T":
            m += 2
        if (m - k) // 2 < _MIN_PAIRS:
            k += 1
            continue
        before = seq[k - 1] if k else None
        continues = before is not None and (before[1] in "TP" or before[0] in headlines)
        if not continues:
            marked.update(i for i, _ in seq[k:m])
        k = m
    return marked
