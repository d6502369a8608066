"""Topics people follow or exclude, and whether an event matches them in its articles' languages.

The syntax is `word`, `"a phrase"`, `-word` and `-"a phrase"`. A chat's topics are stored as
their `Topic.key` strings; `TopicFilter.from_keys(chat.topics)` builds the rules once, and
`TopicFilter.admits(texts)` tells whether an event passes, given its articles as
`summarizer.text.terms.StemmedText` (made once per article with `stem_text`, best cached by
article id or stored at ingest: an article's text never changes). An event passes when it
matches a followed topic (or none is followed) and no excluded one; a topic matches when its
words occur in a title or body as consecutive stems, so "football" finds "footballers" and
"выборы" finds "выборах".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from summarizer.text.terms import StemmedText, stems_of

MAX_TOPIC_CHARS = 80  # cut before anything is compared; the key (quotes, minus) fits 100
MAX_PHRASE_WORDS = 8
QUOTES = '"“”„«»'  # phones turn " into typographic quotes; Russian keyboards type «»
MINUS = "-−–—"  # phones turn "-" into a dash
_ITEM = re.compile(rf"[{MINUS}]?[{QUOTES}][^{QUOTES}]*[{QUOTES}]?|[^\s,;{QUOTES}]+")
_EDGES = "!?,;:#@()[]{}<>*_~'`|/\\"  # kept off a word's ends ("#election", "football!")


@dataclass(frozen=True, slots=True)
class Topic:
    """One rule: ``words`` (lower-case, as typed) followed, or excluded when ``exclude``."""

    words: tuple[str, ...]
    exclude: bool = False
    phrase: bool = False  # typed in quotes

    @property
    def key(self) -> str:
        """The canonical text, as stored and shown: word, "a phrase", -word or -"a phrase"."""
        text = " ".join(self.words)
        if self.phrase:
            text = f'"{text}"'
        return f"-{text}" if self.exclude else text


def parse_topics(text: str) -> tuple[list[Topic], list[str]]:
    """Read what follows `/topics add`: words, "quoted phrases", and either with a leading minus.

    Items are separated by spaces, commas or semicolons; typographic quotes and dashes count
    as " and -. A repeated item is kept once.

    Args:
        text: the command's argument text.

    Returns:
        The topics in order, and one problem line per item that holds no word or is too long.
    """
    topics: dict[str, Topic] = {}
    problems: list[str] = []
    for match in _ITEM.finditer(text):
        item = match.group(0)
        exclude = item[0] in MINUS
        body = item[1:] if exclude else item
        phrase = body[:1] in QUOTES
        body = body.strip(QUOTES).strip()[:MAX_TOPIC_CHARS]
        clean = body.lower().strip(_EDGES)
        tokens = tuple(clean.split()) if phrase else (clean,)
        if not stems_of(body, ""):
            problems.append(f"{item[:MAX_TOPIC_CHARS]}: no word to follow")
            continue
        if len(tokens) > MAX_PHRASE_WORDS:
            problems.append(f"{item[:40]}…: a phrase has at most {MAX_PHRASE_WORDS} words")
            continue
        topic = Topic(tokens, exclude=exclude, phrase=phrase and len(tokens) > 1)
        topics.setdefault(topic.key, topic)
    return list(topics.values()), problems


@dataclass(frozen=True, slots=True)
class TopicFilter:
    """A chat's followed and excluded topics; empty, it admits everything."""

    follow: tuple[Topic, ...] = ()
    exclude: tuple[Topic, ...] = ()

    @classmethod
    def from_keys(cls, keys: Iterable[str]) -> TopicFilter:
        """Build the filter from stored topic keys (older plain keywords read as words).

        Args:
            keys: `Topic.key` strings, e.g. a chat's topics.
        """
        topics, _ = parse_topics(" ".join(keys))
        return cls(
            follow=tuple(t for t in topics if not t.exclude),
            exclude=tuple(t for t in topics if t.exclude),
        )

    def __bool__(self) -> bool:
        """True when the filter has any rule."""
        return bool(self.follow or self.exclude)

    def admits(self, texts: Iterable[StemmedText]) -> bool:
        """Tell whether an event passes: a followed topic matches (or none is followed) and no
        excluded topic matches any of its articles.

        Args:
            texts: the event's articles, stemmed (`stem_text`), or merged by language
                (`join_texts`: one search per topic and language instead of per article).
        """
        if not self:
            return True
        followed = not self.follow
        for text in texts:
            if any(_matches(topic, text) for topic in self.exclude):
                return False
            followed = followed or any(_matches(topic, text) for topic in self.follow)
        return followed


def _matches(topic: Topic, text: StemmedText) -> bool:
    return text.has(_stems(topic.words, text.language))


@lru_cache(maxsize=4_096)
def _stems(words: tuple[str, ...], language: str) -> tuple[str, ...]:
    """A topic's words as stems in a language (a hyphenated word gives two)."""
    return stems_of(" ".join(words), language)
