"""An article's event features as stored with it (JSON): rebuilding an index reads them."""

from __future__ import annotations

import json
import logging
from collections import Counter

from summarizer.events.cluster import EventDoc
from summarizer.events.features import FEATURES_VERSION, PROFILES_SINCE, ArticleFeatures
from summarizer.store.models import Article

logger = logging.getLogger(__name__)


def features_json(features: ArticleFeatures) -> str:
    """The features as stored: counts and people in their order, the sets sorted (one text per
    value), with the version that computed them."""
    return json.dumps(
        {
            "v": FEATURES_VERSION,
            "counts": dict(features.counts),
            "names": sorted(features.names),
            "headline": sorted(features.headline),
            "dates": sorted(features.dates),
            **({} if features.told is None else {"told": sorted(features.told)}),
            **({} if features.opening is None else {"opening": sorted(features.opening)}),
            "people": [list(pair) for pair in features.people],  # in order: it is a tuple
            "compounds": sorted(features.compounds),
            "actor": features.actor,
            "particulars": sorted(features.particulars),
            "name_firsts": sorted(features.name_firsts),
            "subject": features.subject,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def current_prefix() -> str:
    """How every text `features_json` writes now begins (its version first): a text that does
    not begin so was written by another version, or is none (a query can tell them apart)."""
    return _prefix(FEATURES_VERSION)


def profile_prefixes() -> tuple[str, ...]:
    """How the stored features that give today's story profiles begin: those of the versions
    from `PROFILES_SINCE` on (a query tells the features that profiles need made again)."""
    return tuple(_prefix(v) for v in range(PROFILES_SINCE, FEATURES_VERSION + 1))


def _prefix(version: int) -> str:
    return f'{{"v":{version},'


def read_features(text: str | None) -> ArticleFeatures | None:
    """The stored features, or None when there are none, they cannot be read or another version
    of `article_features` computed them (the caller computes them again from the text)."""
    if not text:
        return None
    try:
        stored = json.loads(text)
        if not isinstance(stored, dict):
            raise TypeError("features must be an object")
        if stored.get("v") != FEATURES_VERSION:
            return None  # stored before the features last changed: not a fault
        counts = stored["counts"]
        if not isinstance(counts, dict) or not all(type(n) is int for n in counts.values()):
            raise TypeError("counts must be whole numbers")
        return ArticleFeatures(
            counts=Counter(counts),
            names=_texts(stored["names"]),
            headline=_texts(stored["headline"]),
            dates=_texts(stored["dates"]),
            told=_texts(stored["told"]) if "told" in stored else None,
            opening=_texts(stored["opening"]) if "opening" in stored else None,
            people=tuple((str(name), str(full)) for name, full in stored["people"]),
            compounds=_texts(stored["compounds"]),
            actor=_text(stored["actor"]),
            particulars=_texts(stored["particulars"]),
            name_firsts=_texts(stored["name_firsts"]),
            subject=_text(stored["subject"]),
        )
    except (ValueError, KeyError, TypeError):
        logger.warning("stored article features cannot be read; they are computed again")
        return None


def _text(value: object) -> str:
    """A stored text; anything else (a list, a number) is refused."""
    if not isinstance(value, str):
        raise TypeError("a text was expected")
    return value


def _texts(value: object) -> frozenset[str]:
    """A stored list of texts as a set; anything else (a bare text, a number) is refused."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError("a list of texts was expected")
    return frozenset(value)


def event_doc(article: Article, source: str) -> EventDoc:
    """A stored article as clustering reads it (its stored features when they can be read)."""
    assert article.id is not None
    return EventDoc(
        article_id=article.id,
        title=article.title,
        body=article.body,
        source=source,
        published=article.published,
        language=article.language or "en",
        features=read_features(article.features),
    )
