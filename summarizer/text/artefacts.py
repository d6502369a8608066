"""Page artefacts in a sentence as shown: a word broken at a line's hyphen, market codes."""

from __future__ import annotations

import re

__all__ = ["mend"]


# A hyphen left with a blank after it where a line broke ("anti- terrorism", "time- being"),
# not a prefix shared by two words ("anti- and pro-war", "pre- or post-season").
_BROKEN_HYPHEN = re.compile(
    r"(?<=[^\W\d_])- (?=[^\W\d_A-Z])(?!(?:and|or|nor|to|und|oder|et|ou|y|o|e|of)\b)"
)
# Market instrument codes that newswire pages print after a name (Reuters instrument codes):
# ".DJI", ".MIWD00000PUS", "US30YT=RR", "EUR=", "CLc1". Shown, they read as noise, and a code
# starting with a full stop reads as a sentence's end.
_INSTRUMENT = re.compile(
    r"\s+(?:\.[A-Z][A-Z0-9]{2,}|[A-Z0-9]{2,}=[A-Z]*|[A-Z]{2,4}c\d)(?=[\s,;:)]|$)"
)
_ANCHORS = ("- ", "=", " .", "c1", "c2")


def mend(sentence: str) -> str:
    """Return a sentence without the artefacts of the page it was read from.

    Args:
        sentence: one sentence as split.

    Returns:
        The sentence with words broken at a line's hyphen joined ("anti-terrorism") and market
        instrument codes taken out ("MSCI's gauge .MIWD00000PUS gained" reads "MSCI's gauge
        gained"); unchanged when it holds neither.
    """
    if not any(map(sentence.__contains__, _ANCHORS)):
        return sentence
    return _INSTRUMENT.sub("", _BROKEN_HYPHEN.sub("-", sentence))
