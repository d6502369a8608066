"""A story's "what happened" dates each line by its article: a line recalling an earlier month
or year of its article (background) ranks below the article's own news there."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from summarizer.events.digest import DigestDoc, build_digest, build_story_digest
from summarizer.text.rules import recalls_earlier

PUBLISHED = date(2015, 5, 13)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Normandy Four agreed at the end of April to introduce four working subgroups.", "en"),
        ("In 2014 Russia annexed Crimea after a disputed referendum.", "en"),
        ("Prices rose faster in the 1990s than they do today.", "en"),
        ("Ende April hatten sich die vier Staaten auf neue Arbeitsgruppen geeinigt.", "de"),
        ("Fin avril, les quatre pays s'étaient mis d'accord sur des groupes de travail.", "fr"),
    ],
)
def test_a_line_dated_before_its_articles_month_recalls_earlier(text: str, language: str) -> None:
    assert recalls_earlier(text, PUBLISHED, language)


@pytest.mark.parametrize(
    "text",
    [
        "Putin and Kerry met in Sochi on Tuesday for four hours of talks.",
        "The talks will resume in February, the ministry said.",
        "The summit is planned for June in Minsk.",
        "The law passed in 2014 takes effect in May 2015.",
        "The ceasefire agreed in May has held in most of the region.",
        "A mission to Europa is scheduled to launch in the mid-2020s.",
        "Prices rose more in the 2010s than in any decade before.",
        "WeWork is now cutting costs, including layoffs at Meetup, which it acquired in 2017.",
        "Researchers looked at surveys completed by 505,796 people between 2008 to 2016.",
    ],
)
def test_a_line_of_its_articles_time_or_ahead_does_not(text: str) -> None:
    assert not recalls_earlier(text, PUBLISHED)


_RECALLED = (
    "At the end of April, the envoy and the two delegations agreed in Vesburg to set up working"
    " groups on water, fishing and shipping on the Duvra River."
)
_NEWS = "Norland and Vesmark signed the treaty on Thursday, officials in both capitals said."


def _story(*, estimated: bool = False) -> list[DigestDoc]:
    return [
        DigestDoc(
            1,
            "Talks open",
            "Norland and Vesmark opened talks on the Duvra River in Vesburg on Tuesday, with a"
            " U.N. envoy in the chair. The delegations met for six hours.",
            "North",
            datetime(2015, 4, 14, 8, tzinfo=UTC),
            estimated,
            event_id=10,
        ),
        DigestDoc(
            2,
            "Treaty signed",
            f"{_RECALLED} {_NEWS}",
            "Courier",
            datetime(2015, 5, 13, 8, tzinfo=UTC),
            estimated,
            event_id=11,
        ),
    ]


def test_a_storys_line_for_a_later_article_is_its_news_not_what_it_recalls() -> None:
    # the April line would stand at May 13th, after the talks of April 14th it followed
    texts = [line.text for line in build_story_digest(_story(), words=50).lines]
    assert _RECALLED not in texts
    assert texts[-1] == _NEWS


def test_an_estimated_date_is_not_read_for_what_a_line_recalls() -> None:
    # with no known date, a line's month cannot be set against its article's
    texts = [line.text for line in build_story_digest(_story(estimated=True), words=50).lines]
    assert _RECALLED in texts


def test_an_events_digest_keeps_what_its_article_recalls() -> None:
    # only a story's dated timeline misplaces such a line; an event's digest may tell it
    texts = [line.text for line in build_digest(_story()[1:], words=50).lines]
    assert _RECALLED in texts


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May told MPs the deal would get through Parliament.",
        "May said her government would publish the plan.",
        "May I say how proud we are of our nurses, the minister told the rally.",
    ],
)
def test_a_person_or_a_verb_spelled_like_an_earlier_month_recalls_nothing(text: str) -> None:
    # published in June: "May" the prime minister or the verb dates nothing in May
    assert not recalls_earlier(text, date(2019, 6, 3))
