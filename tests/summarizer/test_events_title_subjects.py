"""Title subjects that differ: two headlines opening with judges the other report never names."""

from __future__ import annotations

import dataclasses

from summarizer.events.cluster import (
    DEFAULT_THRESHOLD,
    EventDoc,
    EventIndex,
    Evidence,
    _subjects_differ,
    pair_evidence,
)
from summarizer.events.features import article_features, title_subject
from summarizer.events.index import Item
from tests.summarizer.eventdocs import WHEN, en_doc

# One novel, one prize, two verdicts: the bookmakers' odds, then a poll of reviewers.
ODDS = en_doc(
    1,
    "Bookmakers tip Harrow novel for Booker",
    "The Harrow Road has been made favourite by bookmakers to win this year's Booker Prize "
    "for fiction. Its author Maeve Dunmore is at 2/1 to take the award, ahead of the debut "
    "novel Salt Marsh at 4/1, while the Irish writer Colm Farrell is the outsider at 10/1. "
    "The winner of the prize, worth 50,000 pounds, will be named at a dinner at the Guildhall "
    "in London on 14 October.",
)
POLL = en_doc(
    2,
    "Reviewers tip Harrow novel for Booker",
    "The Harrow Road will win the Booker Prize, according to a panel of "
    "literary reviewers surveyed by this newspaper. Six of the nine thought the family saga "
    "the year's finest book, though several said they would personally prefer a debut. "
    '"It is the most ambitious novel of the decade," said one, the editor of a quarterly '
    "magazine. Two others argued that short stories were again overlooked by the judges. "
    "The panel met at a club in Soho on Tuesday evening and voted by secret ballot.",
)
# The odds told again under another subject, whose lead names the bookmakers.
NOVEL = en_doc(
    3,
    "Harrow novel is Booker favourite",
    "The Harrow Road is the favourite to win this year's Booker Prize for fiction, bookmakers "
    "say. Maeve Dunmore's novel is at 2/1 to take the award, ahead of Salt Marsh at 4/1, "
    "while Colm Farrell is the outsider at 10/1.",
)


def subject(title: str) -> str:
    """The title's subject as the features read it."""
    return title_subject(title, "en")


def item(key: int, subject: str, used: list[str]) -> Item:
    """A one-article item whose title opens with `subject` and that tells `used` words."""
    return Item.of({}, subject=subject, used=[subject, *used], key=key)


def test_the_title_subject_is_its_first_word_unless_a_stop_word() -> None:
    assert subject("Bookmakers tip Harrow novel for Booker") == "bookm"
    assert subject("Critics' choice: the Harrow novel") == "criti"
    assert subject("The Harrow novel is Booker favourite") == ""
    assert subject("What the Booker means for publishers") == ""
    assert subject("") == ""
    assert article_features(ODDS.title, ODDS.body).subject == "bookm"


def test_a_label_gives_no_subject() -> None:
    # a section's name before a colon, or before a number and a dash, is no headline's subject
    for title in (
        "Breaking: car bomb kills ten in Ankara",
        "LIVE: Ankara car bomb kills ten",
        "Watch : car bomb in Ankara",
        "Opinion: the Booker has lost its way",
        "UPDATE 2-Car bomb kills ten in Ankara",
    ):
        assert subject(title) == "", title
    assert subject("Car bomb kills ten in Ankara") == "car"
    assert subject("Ukraine-Russia talks resume") == "ukrai"


def features_subject(title: str, language: str) -> str:
    """The subject `article_features` gives a title, with the title as the body too."""
    return article_features(title, f"{title}. {title}.", language).subject


def test_the_subject_is_a_key_the_other_side_can_tell() -> None:
    # the first term as `told` reads it: a number and a one-letter word are no terms
    assert features_subject("10 killed in Ankara car bomb", "en") == ""
    assert features_subject("У Києві відкрили новий міст", "uk") == ""
    # unspaced scripts are read as character pairs: no word opens the title
    assert features_subject("北京发生地震，造成十人死亡", "zh") == ""
    assert features_subject("地震袭击北京，十人遇难", "zh") == ""
    for title in ("O’Brien quits as party leader", "O'Brien quits as party leader"):
        found = article_features(title, "Dan O’Brien quit on Monday.", "en")
        assert found.subject and found.subject in found.tells(), title
    assert features_subject("COVID-19 cases rise in Lagos", "en") == "covid"


def test_a_zh_pair_of_one_quake_is_not_cut() -> None:
    body = "北京市周日发生地震，造成至少十人死亡，数十人受伤。救援人员已赶赴现场。"
    first = EventDoc(1, "北京发生地震，造成十人死亡", body, "outlet-1", WHEN, language="zh")
    second = EventDoc(2, "地震袭击北京，十人遇难", body, "outlet-2", WHEN, language="zh")
    assert not pair_evidence(first, second).subjects_differ


def test_subjects_the_other_side_never_uses_differ() -> None:
    odds = item(1, "bookm", ["harro", "booke", "novel"])
    poll = item(2, "revie", ["harro", "booke", "novel"])
    assert _subjects_differ(odds, poll)
    assert _subjects_differ(poll, odds)


def test_a_subject_the_other_side_uses_gives_no_evidence() -> None:
    odds = item(1, "bookm", ["harro", "booke"])
    # "Harrow novel is Booker favourite": another subject, but its lead names the bookmakers
    told = item(2, "harro", ["booke", "bookm"])
    assert not _subjects_differ(odds, told)
    assert not _subjects_differ(told, odds)
    # one way is not enough: the first report tells the second's subject
    assert not _subjects_differ(item(3, "bookm", ["harro"]), item(4, "harro", ["booke"]))


def test_one_subject_or_none_gives_no_evidence() -> None:
    odds = item(1, "bookm", ["harro"])
    assert not _subjects_differ(odds, item(2, "bookm", ["booke"]))
    assert not _subjects_differ(odds, item(3, "", ["booke"]))


def test_an_event_has_the_subjects_half_of_its_titles_open_with() -> None:
    event = item(1, "bookm", ["harro"])
    event.subjects = {"bookm": 1, "harro": 1}
    event.size = 2
    poll = item(2, "revie", ["harro"])
    assert not _subjects_differ(poll, event)  # "harro" is the event's and the poll tells it
    event.subjects = {"bookm": 1, "odds": 1}
    event.mentioned = {"bookm": 1, "odds": 1}
    assert _subjects_differ(poll, event)


def test_a_subject_fewer_than_half_the_titles_open_with_is_not_the_events() -> None:
    event = item(1, "odds", ["harro"])
    event.subjects = {"bookm": 1, "odds": 2}
    event.size = 3
    event.mentioned = {"bookm": 1, "odds": 2, "harro": 3}
    # the poll tells "bookm", which only one of three titles opens with: no shared subject
    assert _subjects_differ(item(2, "revie", ["harro", "bookm"]), event)
    event.subjects = {"bookm": 2, "odds": 1}
    assert not _subjects_differ(item(2, "revie", ["harro", "bookm"]), event)


def test_differing_subjects_cut_the_score_to_a_third() -> None:
    found = Evidence(
        similarity=0.45, terms=0.5, names=0.5, conflict=False, discount=1.0, support=0.8
    )
    assert found.joins()
    cut = dataclasses.replace(found, subjects_differ=True)
    assert abs(cut.score - 0.15) < 1e-9
    assert not cut.joins()


def test_two_verdicts_on_one_novel_through_the_index() -> None:
    found = pair_evidence(ODDS, POLL)
    assert found.subjects_differ
    assert found.similarity >= DEFAULT_THRESHOLD and found.support >= 0.55
    assert not found.joins()
    assert not pair_evidence(ODDS, NOVEL).subjects_differ
    index = EventIndex()
    first = index.add(ODDS).event_key
    assert index.add(POLL).event_key != first
