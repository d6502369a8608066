"""Lines in which a text speaks of itself: "In this article, we'll ...", "I'm about to show you"."""

from __future__ import annotations

import re

from summarizer.text.language import alternation
from summarizer.text.speech import SAYING_VERBS

__all__ = ["announces_itself"]

# Per language: the writer announcing what the text will do ("Today, we're going to talk about
# ...", "I'm about to show you how ...", "In this guide, you'll learn ...", "Read on for three
# tips"). The line tells the reader of the page what comes next in it; a digest or a briefing,
# which shows a few of its lines, holds none of what it announces. Only the writer's own voice
# counts, an "I", "we" or "you" beside the text's name for itself ("In this video, released by
# the ministry, ..." and "Dans cet article de loi" are news), verbs of presenting ("show you",
# "walk you through", "talk about"), not any plan ("We're going to talk to the Chinese", "We
# are going to cover the cost"), and never inside quotation marks (a speaker's announcement).
# Every blank is matched by one run: a "\s*" beside a "\s+" splits a long blank every way there
# is before a line is given up.
_WE_ARE = r"\b(?:we|i)(?:\s*(?:'re|’re|'m|’m)|\s+(?:are|am))\s+"
_ANNOUNCES: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"^\W*(?:in|with|through)\s+(?:this|today's|today’s)\s+(?:article|post|blog\s+post"
        r"|piece|guide|tutorial|column|episode|video|newsletter)"
        r"(?:\s*,\s*(?:i|we|you)\b|\s+(?:we|you|i)(?:\s*(?:'ll|’ll)|\s+will)\b)"
        + r"|"
        + _WE_ARE
        + r"(?:about|going)\s+to\s+(?:talk\s+about|show\s+you|walk\s+you|take\s+you"
        r"|teach\s+you|look\s+at\s+(?:how|what|why|some)|explain\s+(?:how|what|why)"
        r"|share\s+(?:with\s+you|some|my|our)|dive\s+into|go\s+over)\b"
        # "I'm going to build on that by showing you how ...": the writer's plan for the reader.
         + r"|" + _WE_ARE + r"going\s+to\s+\w+(?:\s+\w+){0,5}\s+by\s+showing\s+you\b"
        r"|\b(?:we|i)(?:\s*(?:'ll|’ll)|\s+will)\s+(?:show\s+you|walk\s+you|take\s+you"
        r"|teach\s+you|go\s+over|dive\s+into)\b"
        r"|^\W*(?:read\s+on|keep\s+reading|scroll\s+down)\s+(?:to|for)\b"
        # A series pointing at its other parts: "In the first article, I talked about ...".
        r"|^\W*in\s+(?:the|my|our)\s+(?:first|previous|last|next|earlier)\s+(?:article|post)"
        r"(?:\s*,)?\s+(?:i|we)\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"^\W*In\s+diesem\s+(?:Artikel|Beitrag|Ratgeber|Video|Newsletter)\s+"
        r"(?:zeigen\s+wir|erklären\s+wir|erfahren\s+(?-i:Sie)|stellen\s+wir)\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"^\W*Dans\s+(?:cet\s+article|ce\s+(?:billet|guide|tutoriel))"
        r"(?:\s*,|\s+(?:nous|je|vous|on)\b)",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"^\W*En\s+(?:este\s+(?:artículo|post|vídeo|video)|esta\s+(?:guía|nota))\s+"
        r"(?:te|les|os|vamos|veremos|explicamos|contamos|mostramos|encontrarás)\b",
        re.IGNORECASE,
    ),
}
# A verb of saying makes the line reported speech, which is news ("We are going to cover the
# cost, the council leader told the BBC."); English only, as the verbs are.
_SAYING = re.compile(r"\b(?:" + alternation(SAYING_VERBS) + r")\b", re.IGNORECASE)
_QUOTATION_MARKS = frozenset('"“”„«»')


def announces_itself(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence is the writer announcing what the text will do.

    "Today, we're going to talk about how to adapt a success mindset ...", "I'm about to show
    you a path forward ...", "Read on for three tips ...", "In this guide, you'll learn ...":
    the page goes on to do it; a digest, which shows a few lines, does not. A sentence holding a
    quotation mark is a speaker's, not the writer's, and never counts, nor does an English
    one holding a verb of saying ("..., the council leader told the BBC.").

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; en, de, fr and es are read (others: False).

    Returns:
        True for the text's announcement of itself.
    """
    pattern = _ANNOUNCES.get(language)
    if pattern is None or not _QUOTATION_MARKS.isdisjoint(sentence):
        return False
    if language == "en" and _SAYING.search(sentence):
        return False
    return pattern.search(sentence) is not None
