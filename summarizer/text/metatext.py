"""Lines in which a text speaks of itself: "In this article, we'll ...", "I'm about to show you"."""

from __future__ import annotations

import re

__all__ = ["announces_itself"]

# Per language: the writer announcing what the text will do ("Today, we're going to talk about
# ...", "I'm about to show you how ...", "In this guide, ...", "Read on for three tips"). The
# line tells the reader of the page what comes next in it; a digest or a briefing, which shows a
# few of its lines, holds none of what it announces. Only the writer's own voice counts: verbs of
# presenting ("show you", "walk you through", "talk about"), not any plan ("We're going to talk
# to the Chinese" is news), and never inside quotation marks (a speaker's announcement).
_ANNOUNCES: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"^\W*(?:in|with|through)\s+(?:this|today's|today’s)\s+(?:article|post|blog\s+post"
        r"|piece|guide|tutorial|column|episode|video|newsletter)\b"
        r"|\b(?:we|i)\s*(?:'re|’re|'m|’m|\s+are|\s+am)\s+(?:about|going)\s+to\s+(?:talk\s+about"
        r"|show\s+you|walk\s+you|take\s+you|teach\s+you|look\s+at\s+(?:how|what|why|some)"
        r"|explain\s+(?:how|what|why)|share\s+(?:with\s+you|some|my|our)|dive\s+into|go\s+over"
        r"|cover)\b"
        r"|\b(?:we|i)\s*(?:'ll|’ll|\s+will)\s+(?:show\s+you|walk\s+you|take\s+you|teach\s+you"
        r"|go\s+over|dive\s+into)\b"
        r"|^\W*(?:read\s+on|keep\s+reading|scroll\s+down)\s+(?:to|for)\b"
        # A series pointing at its other parts: "In the first article, I talked about ...".
        r"|^\W*in\s+(?:the|my|our)\s+(?:first|previous|last|next|earlier)\s+(?:article|post"
        r"|piece|part|episode|installment)\b"
        r"|\bshowing\s+you\s+(?:how|what|why)\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"^\W*In\s+diesem\s+(?:Artikel|Beitrag|Ratgeber|Video|Newsletter)\s+"
        r"(?:zeigen|erklären|erfahren|stellen|lesen)\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"^\W*Dans\s+(?:cet\s+article|ce\s+(?:billet|guide|tutoriel))\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"^\W*En\s+(?:este\s+(?:artículo|post|vídeo|video)|esta\s+(?:guía|nota))\s+"
        r"(?:te|les|os|vamos|veremos|explicamos|contamos|mostramos|encontrarás)\b",
        re.IGNORECASE,
    ),
}
_QUOTATION_MARKS = frozenset('"“”„«»')


def announces_itself(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence is the writer announcing what the text will do.

    "Today, we're going to talk about how to adapt a success mindset ...", "I'm about to show
    you a path forward ...", "Read on for three tips ...", "In this guide, you'll learn ...":
    the page goes on to do it; a digest, which shows a few lines, does not. A sentence holding a
    quotation mark is a speaker's, not the writer's, and never counts.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; en, de, fr and es are read (others: False).

    Returns:
        True for the text's announcement of itself.
    """
    pattern = _ANNOUNCES.get(language)
    if pattern is None or not _QUOTATION_MARKS.isdisjoint(sentence):
        return False
    return pattern.search(sentence) is not None
