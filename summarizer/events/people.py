"""People's full names in an article: which two-name sequences name a person, by family name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Set


def people(
    full_names: Iterable[str],
    lead_full_names: Iterable[str],
    lead_terms: Iterable[str],
    lead_names: Iterable[str],
    lower_case: Set[str],
    title_full_names: Iterable[str] = (),
) -> tuple[tuple[str, str], ...]:
    """Each family name's full name, for the people an article names.

    A two-name sequence ("michell obama") names a person when the lead uses its first word,
    the given name, only right before that family name, and uses the family name on its own
    too ("Michelle Obama ... Obama said"): a person is named in full once, then by family
    name. A team, body or place fails one test or the other: its first word stands alone or
    in other names ("Kelmar Rovers" beside "Kelmar police"; "Manchester United" beside
    "Manchester City"), or its last word never stands alone ("Norland Cup", "Indian Ocean").
    A word the article also writes in lower case is a common word ("the tsunami"), no family
    name. A family name stands for the person the title names with it, as the title says whom
    the article is about ("Michelle Obama celebrates..." over "her husband, Barack Obama"); when
    the title names none, for the person the article names most with it (ties: the first full
    name by name).

    Args:
        full_names: the full names of the title and lead, one per use.
        lead_full_names: those of the lead alone (the tests read the lead).
        lead_terms: the lead's terms, one per use (every word, whatever its case).
        lead_names: the lead's names, one per use (capitalised words inside a sentence).
        lower_case: terms the article writes in lower case somewhere.
        title_full_names: the full names of the title that the body also gives in full.

    Returns:
        Sorted (family name, full name) pairs.
    """
    in_lead = Counter(lead_full_names)
    used = Counter(lead_terms)
    named = Counter(lead_names)
    persons = set()
    for full, uses in in_lead.items():
        given, family = full.split(" ", 1)
        if used[given] == uses and named[family] > uses and family not in lower_case:
            persons.add(full)
    families = {full.split(" ", 1)[1] for full in persons}
    in_title = Counter(f for f in title_full_names if f.split(" ", 1)[1] in families)
    found: dict[str, str] = {}
    for ranked in (in_title, Counter(f for f in full_names if f in persons)):
        for full, _ in sorted(ranked.items(), key=lambda pair: (-pair[1], pair[0])):
            found.setdefault(full.split(" ", 1)[1], full)
    return tuple(sorted(found.items()))
