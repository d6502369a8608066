"""Background lines: a standing accusation or stance a report recalls, not the news it reports."""

from __future__ import annotations

import re

__all__ = ["recalls_background"]

# A state that has held for some time, as reports recall it: a perfect with an adverb of
# repetition or duration ("have repeatedly accused Moscow", "has long denied", "have for years
# said"), or a standing accusation in the passive ("The Kremlin has been accused of arming the
# rebels"). A happening the report tells is in the past or a bare perfect ("has agreed to").
_STANDING: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:has|have|had)\s+(?:also\s+)?(?:repeatedly|long|consistently|persistently"
        r"|frequently|often|always|routinely|for\s+(?:years|decades|months))\b"
        r"|\b(?:has|have|had)\s+(?:long\s+)?been\s+(?:accused|blamed|suspected|criticised"
        r"|criticized)\s+(?:of|for)\b",
        re.IGNORECASE,
    ),
    "de": re.compile(r"\b(?:wiederholt|immer wieder|seit langem|seit Jahren)\b", re.IGNORECASE),
    "fr": re.compile(
        r"\b(?:à plusieurs reprises|à maintes reprises|depuis longtemps|depuis des années)\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:en repetidas ocasiones|reiteradamente|repetidamente|desde hace años)\b",
        re.IGNORECASE,
    ),
    "ru": re.compile(r"(?<!\w)(?:неоднократно|неоднократные|давно|многократно)(?!\w)", re.I),
    "uk": re.compile(r"(?<!\w)(?:неодноразово|неодноразові|давно|багаторазово)(?!\w)", re.I),
}


def recalls_background(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence recalls a standing state rather than reporting a happening.

    "Kyiv and many Western countries have repeatedly accused Moscow of providing arms ...",
    "The Kremlin has been accused of arming the rebels, a claim it has repeatedly denied.":
    what has long been said, not what happened. Such a line is true and may help, but a digest
    ranks it below the lines that tell the event's own news.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; en, de, fr, es, ru and uk are read (others: False).

    Returns:
        True for a line of background.
    """
    pattern = _STANDING.get(language)
    return pattern is not None and pattern.search(sentence) is not None
