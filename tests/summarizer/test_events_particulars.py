"""Particulars: the rare words and numbers of a report's opening, and the conflict they give."""

from __future__ import annotations

import dataclasses

from summarizer.events.cluster import (
    SHARED_PARTICULARS,
    EventIndex,
    Evidence,
    _openings_differ,
    _particulars_differ,
    pair_evidence,
)
from summarizer.events.features import (
    OPENING_WORDS,
    article_features,
    name_firsts,
    particulars,
)
from summarizer.events.index import Item
from summarizer.text.numbers import read_numbers
from tests.summarizer.eventdocs import en_doc

# One company, two happenings: each report names the other's happening only after its opening.
RECALL = en_doc(
    1,
    "Nortrax recalls faulty home routers",
    "Nortrax is recalling 40,000 home routers after engineers found a wiring fault that can make "
    "the units overheat. Customers who bought the routers since January can return them to any "
    "Nortrax store for a full refund, the company said, and no injuries have been reported. "
    "Shares in the company fell in early trading as analysts weighed the cost of the recall. "
    "The recall comes a week after Nortrax opened a software campus, where it said engineers "
    "would work on its home products.",
)
CAMPUS = en_doc(
    2,
    "Nortrax opens home software campus",
    "Nortrax has opened a software campus in Leeds where 300 engineers will work on its home "
    "products. Customers would see the first of them next year, the company said, and the "
    "engineers would also answer calls from customers whose units fail. The city council said "
    "the campus was the largest new employer in the city this year and welcomed the jobs. "
    "The opening comes as Nortrax recalls faulty home routers that can overheat.",
)
# One takeover told twice: the buyer, the target, the rival, the price.
AGREED = en_doc(
    3,
    "Halvard agrees takeover of Brynmoor Foods",
    "Halvard has agreed to buy the snack maker Brynmoor Foods for £1.2bn, ending a bidding "
    "contest with the Dutch group Vossen. Brynmoor shareholders will receive 450p a share in "
    "cash, the two companies said.",
)
ACCEPTED = en_doc(
    4,
    "Brynmoor accepts Halvard bid",
    "The board of Brynmoor Foods has accepted a £1.2bn cash offer from Halvard, worth 450p a "
    "share, after the Dutch rival Vossen pulled out of the bidding contest for the snack maker.",
)


def test_particulars_are_the_rare_words_and_numbers_of_the_opening() -> None:
    filler = "The company said it would say more next week. " * (OPENING_WORDS // 9 + 1)
    features = article_features(
        "Nortrax recalls faulty routers",
        "Nortrax is recalling 40,000 routers that overheat. "
        + filler
        + "Analysts in Leeds agreed.",
        "en",
    )
    assert {"nortr", "route", "overh", "40000"} <= features.particulars
    assert not {"compa", "said", "week"} & features.particulars  # common words
    assert "leed" not in features.particulars  # beyond the opening


def test_a_language_without_a_table_has_no_particulars() -> None:
    assert particulars(["nortrax", "router"], read_numbers("40,000", "en"), "xx") == frozenset()


def test_reports_sharing_only_the_subject_are_other_happenings() -> None:
    evidence = pair_evidence(RECALL, CAMPUS)
    assert evidence.particulars_differ and not evidence.conflict and not evidence.actors_differ
    assert not evidence.joins()
    # the words and headlines alone would join them: the company, its engineers and customers
    assert dataclasses.replace(evidence, particulars_differ=False).joins()
    index = EventIndex()
    assert index.add(RECALL).is_new and index.add(CAMPUS).is_new


def test_reports_of_one_happening_share_its_particulars() -> None:
    evidence = pair_evidence(AGREED, ACCEPTED)
    assert not evidence.particulars_differ and evidence.joins()
    index = EventIndex()
    assert not index.add(ACCEPTED if index.add(AGREED).is_new else AGREED).is_new


def test_a_side_with_too_few_particulars_gives_no_evidence() -> None:
    many = Item.of({}, particulars=["nortr", "route", "overh"], key=1)
    few = Item.of({}, particulars=["nortr", "leed"], key=2)
    assert len(few.particulars) <= SHARED_PARTICULARS
    assert not _particulars_differ(few, many) and not _particulars_differ(many, few)
    other = Item.of({}, particulars=["nortr", "leed", "300"], key=3)
    assert _particulars_differ(other, many)


def test_an_event_gives_the_particulars_half_of_its_articles_give() -> None:
    index = EventIndex()
    key = index.add(AGREED).event_key
    assert index.add(ACCEPTED).event_key == key
    event = index.event(key)
    assert event is not None and event.size == 2
    # "takeo" is in one of the two openings: half, so it is the event's
    lone = Item.of({}, particulars=["takeo", "snack", "share"], key=9)
    assert not _particulars_differ(lone, event)
    stranger = Item.of({}, particulars=["takeo", "nortr", "route"], key=10)
    assert _particulars_differ(stranger, event)


def test_a_word_used_only_to_open_a_two_word_name_is_a_name_first() -> None:
    stems = ["lib", "dem", "unveil", "lib", "dem", "kennedi", "charl", "kennedi", "charl"]
    full = ["lib dem", "lib dem", "charl kennedi"]
    # "charl" also stands alone once ("Charles said"): it is a word of its own there
    assert name_firsts(stems, full) == frozenset({"lib"})
    features = article_features(
        "Lib Dems unveil debt plan",
        "The Lib Dems have unveiled a plan on problem debt, Vincent Cable said. Mr Cable spoke "
        "in Harrogate.",
        "en",
    )
    assert {"lib", "vince"} <= features.name_firsts <= features.particulars
    assert not {"dem", "cable"} & features.name_firsts


def test_a_title_in_title_case_gives_the_name_firsts_of_one_in_sentence_case() -> None:
    body = (
        "The Lib Dems have set out a plan to tax the richest, Vincent Cable said. Mr Cable "
        "spoke in Harrogate."
    )
    shouted = article_features("Lib Dems Unveil Their Tax Plan", body, "en")
    plain = article_features("Lib Dems unveil their tax plan", body, "en")
    assert "lib" in plain.name_firsts
    assert shouted.name_firsts == plain.name_firsts


def test_a_two_word_name_both_openings_give_is_one_shared_particular() -> None:
    tour = Item.of({}, particulars=["lib", "dem", "somer", "hamps"], name_firsts=["lib"], key=1)
    debt = Item.of(
        {}, particulars=["lib", "dem", "vince", "cable"], name_firsts=["lib", "vince"], key=2
    )
    assert _openings_differ(tour, debt) and _openings_differ(debt, tour)
    # the score's conflict counts the name's words apart, as it was measured
    assert not _particulars_differ(tour, debt)
    # one side names the party "Lib" alone too: two particulars shared
    alone = Item.of({}, particulars=["lib", "dem", "vince", "cable"], name_firsts=["vince"], key=3)
    assert not _openings_differ(tour, alone)
    # a second shared particular besides the name: one happening may be told
    both = Item.of({}, particulars=["lib", "dem", "somer", "cable"], name_firsts=["lib"], key=4)
    assert not _openings_differ(tour, both)


def test_a_close_score_of_other_openings_needs_the_headlines() -> None:
    close = Evidence(
        similarity=0.64, terms=0.6, names=0.6, conflict=False, discount=1.0, support=0.4
    )
    assert close.joins()  # one report rewritten under another headline
    assert not dataclasses.replace(close, openings_differ=True).joins()
    assert dataclasses.replace(close, openings_differ=True, support=0.6).joins()
