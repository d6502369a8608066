"""Headlines that differ: each title's rare words that the other side never tells."""

from __future__ import annotations

import dataclasses

from summarizer.events.cluster import (
    CLOSE_SCORE,
    EventIndex,
    Evidence,
    _headlines_differ,
    pair_evidence,
)
from summarizer.events.index import Item
from tests.summarizer.eventdocs import en_doc

# One party, one verb, two happenings: a manifesto for farmers, then a slogan for the election.
MANIFESTO = en_doc(
    1,
    "Greens unveil farming manifesto",
    "The Green Party has launched a manifesto for farmers at a dairy farm in Somerset, "
    "promising subsidies for hedgerows and organic dairy herds. Its leader said rural voters "
    "had been ignored by the other parties and that the Greens would stand in every rural seat "
    "at the election. Young farmers would get cheap loans to buy land, and supermarkets "
    "would have to pay a fair price for milk set by an independent regulator.",
)
SLOGAN = en_doc(
    2,
    "Greens unveil election slogan",
    "The Green Party will fight the general election as 'the honest choice', its leader told "
    "the spring conference in Harrogate, where she unveiled it and promised subsidies for "
    "hedgerows and dairy herds. Delegates cheered as she attacked the government's record "
    "on rail fares and on farming. Posters with the words will go up in fifty marginal "
    "towns next month, and a television broadcast featuring volunteers from Bristol will "
    "follow.",
)
# The manifesto told again under another headline: its lead uses "unveiled".
REWRITE = en_doc(
    3,
    "Greens launch manifesto for farmers",
    "Farmers would get subsidies for hedgerows and organic dairy herds under a manifesto the "
    "Green Party unveiled on Tuesday. Its leader said rural voters had been ignored.",
)


def item(key: int, headline: list[str], particulars: list[str], used: list[str]) -> Item:
    """A one-article item with a headline, particulars and told words (mention keys)."""
    return Item.of({}, headline=headline, particulars=particulars, used=[*headline, *used], key=key)


def test_headlines_whose_rare_words_the_other_never_tells_differ() -> None:
    manifesto = item(1, ["green", "unvei", "manif"], ["unvei", "manif", "hedge"], ["subsi"])
    slogan = item(2, ["green", "unvei", "sloga"], ["unvei", "sloga", "harro"], ["subsi"])
    assert _headlines_differ(manifesto, slogan)
    assert _headlines_differ(slogan, manifesto)


def test_a_rare_headline_word_the_other_side_tells_agrees() -> None:
    manifesto = item(1, ["green", "unvei", "manif"], ["unvei", "manif"], [])
    # the other report's lead tells the manifesto: one happening may be told
    told = item(2, ["green", "unvei", "sloga"], ["unvei", "sloga"], ["manif"])
    assert not _headlines_differ(manifesto, told)
    assert not _headlines_differ(told, manifesto)


def test_a_headline_of_common_words_gives_no_evidence() -> None:
    # "Connors boost for British tennis": its words not shared are common, not particulars
    boost = item(1, ["conno", "boost", "briti", "tenni"], ["conno"], [])
    cry = item(2, ["conno", "ralli", "cri", "briti", "tenni"], ["conno", "ralli"], [])
    assert not _headlines_differ(boost, cry)
    assert not _headlines_differ(cry, boost)


def test_an_event_gives_the_headline_particulars_half_of_its_articles_give() -> None:
    event = item(1, ["green", "unvei", "manif"], ["unvei", "manif"], [])
    event.headlines = {"green": 0.5, "unvei": 0.5, "manif": 0.25, "farme": 0.25}
    event.particulars = {"unvei": 2, "manif": 1, "farme": 1}
    event.mentioned = {"green": 2, "unvei": 2, "manif": 1, "farme": 1}
    event.size = 2
    slogan = item(2, ["green", "unvei", "sloga"], ["unvei", "sloga"], [])
    assert _headlines_differ(slogan, event)  # "manif" and "farme" are each one article's of two
    event.particulars = {"unvei": 2}  # no headline particular the slogan's headline lacks
    assert not _headlines_differ(slogan, event)


def test_differing_headlines_deny_the_support_not_a_close_score() -> None:
    headed = Evidence(
        similarity=0.45, terms=0.5, names=0.5, conflict=False, discount=1.0, support=0.8
    )
    assert headed.joins()
    assert not dataclasses.replace(headed, headlines_differ=True).joins()
    close = dataclasses.replace(headed, similarity=CLOSE_SCORE + 0.05, headlines_differ=True)
    assert close.joins()  # one report rewritten under another headline


def test_two_happenings_of_one_party_through_the_index() -> None:
    found = pair_evidence(MANIFESTO, SLOGAN)
    assert found.headlines_differ
    assert found.score >= 0.2 and found.support >= 0.55  # the headlines alone would join them
    assert not (found.conflict or found.particulars_differ or found.openings_differ)
    assert not found.joins()
    assert not pair_evidence(MANIFESTO, REWRITE).headlines_differ
    index = EventIndex()
    first = index.add(MANIFESTO).event_key
    assert index.add(SLOGAN).event_key != first


def test_a_headline_name_the_other_side_never_tells_gives_no_evidence() -> None:
    # a local paper need not name its own town: names are the name conflict's to weigh
    talks = Item.of(
        {},
        names=["e:vesburg"],
        headline=["duvra", "talks", "vesbu"],
        particulars=["duvra", "vesbu"],
        used=["duvra", "talks", "vesbu"],
        key=1,
    )
    tractors = item(2, ["tract", "duvra", "fair"], ["tract", "duvra"], [])
    assert not _headlines_differ(tractors, talks)
    assert not _headlines_differ(talks, tractors)
