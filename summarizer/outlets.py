"""When two spellings of an outlet's name are one outlet: the key ingest, the store and the
views compare names by."""

from __future__ import annotations

import re

__all__ = ["outlet_key"]

# What two spellings of one outlet's name may differ by: a leading "The" or "www.", a generic
# web ending ("MacRumors.com", "Salon.com") and then the word "Magazine" ("Slate Magazine",
# "CRN"). A country's ending stays: "ABC.net.au" is not "ABC", "Independent.ie" not "The
# Independent", "Guardian.ng" not "The Guardian".
_SPELLING_START = re.compile(r"^(?:the\s+|www\.)")
_GENERIC_ENDING = re.compile(r"\.(?:com|net|org)$")
_MAGAZINE = re.compile(r"\s+magazine$")


def outlet_key(name: str) -> str:
    """One outlet's name as compared with another's: two names with the same key are one outlet
    ("Wired" and "WIRED", "MacRumors.com" and "MacRumors", "The Week" and "Week", "The Atlantic
    Magazine.com" and "The Atlantic").

    The store files both under one source (summarizer.store.articles.source_id) and the views
    show it once (summarizer.views.distinct_outlets). A key that joins more spellings than it
    did leaves the sources stored apart before as they are: merge them in a migration (as
    0021_merge_outlet_spellings does).
    """
    key = _SPELLING_START.sub("", " ".join(name.split()).casefold().rstrip(" ."))
    return _MAGAZINE.sub("", _GENERIC_ENDING.sub("", key))
