"""Events and stories: incremental clustering, multi-source digests, ranking."""

from summarizer.events.cluster import EventAssignment, EventDoc, EventIndex
from summarizer.events.digest import build_digest, build_story_digest
from summarizer.events.rank import importance
from summarizer.events.stories import StoryLink, StoryLinker
from summarizer.events.values import DigestDoc, DigestLine, EventDigest

__all__ = [
    "DigestDoc",
    "DigestLine",
    "EventAssignment",
    "EventDigest",
    "EventDoc",
    "EventIndex",
    "StoryLink",
    "StoryLinker",
    "build_digest",
    "build_story_digest",
    "importance",
]
