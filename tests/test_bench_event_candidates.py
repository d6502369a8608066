"""Tests of the candidate event conflicts that `benchmarks.event_candidates` measures."""

from __future__ import annotations

from benchmarks.event_candidates import (
    amounts_differ,
    family_names_differ,
    ledes_differ,
    opening_any_days_differ,
    opening_days,
    opening_days_differ,
)

APPOINTMENT = (
    "Redknapp poised for Saints",
    "Southampton are set to unveil Harry Redknapp as their new manager at a news conference "
    "on Wednesday. The former Portsmouth boss replaces Steve Wigley, who has been relieved of "
    "first-team duties. Redknapp, 57, quit his Fratton Park position on 24 November. Pompey "
    "coach Kevin Bond is poised to join Redknapp at St Mary's.",
)
FIXTURE = (
    "Brentford v Southampton",
    "Midfielder Andrew Frampton and striker Deon Burton are both slight doubts with hamstring "
    "injuries. Saints are missing their entire first-choice midfield of Jamie Redknapp, "
    "Graeme Le Saux and David Prutton. Redknapp has not played since the autumn, and "
    "Redknapp's place goes to Matt Oakley.",
)
TAKEOVER = (
    "Verizon 'seals takeover of MCI'",
    "Verizon has won its battle with Qwest to buy MCI for $6.8bn, the New York Times says. "
    "The board of MCI met on Sunday to weigh the two offers.",
)
SHARES = (
    "MCI shares climb on takeover bid",
    "Shares in MCI have risen after Verizon agreed a $6.8bn takeover, beating Qwest. "
    "Qwest's rejected offer was worth $6.3bn.",
)
RIVAL_BID = (
    "Qwest raises offer for MCI",
    "Qwest has raised its offer for MCI to $7.3bn in cash and shares, the company said.",
)


def test_ledes_with_no_rare_word_in_common_differ() -> None:
    # The fixture's lede names two players' injuries; the appointment's names the new manager.
    assert ledes_differ(FIXTURE, APPOINTMENT, "en")


def test_ledes_that_share_the_takeover_do_not_differ() -> None:
    assert not ledes_differ(TAKEOVER, SHARES, "en")


def test_openings_whose_amounts_all_differ_differ() -> None:
    # $6.8bn against $7.3bn: two offers, as the candidate reads them.
    assert amounts_differ(TAKEOVER, RIVAL_BID, "en")


def test_openings_that_share_an_amount_or_give_none_do_not_differ() -> None:
    assert not amounts_differ(TAKEOVER, SHARES, "en")
    assert not amounts_differ(TAKEOVER, APPOINTMENT, "en")  # the appointment gives no sum


def test_one_family_name_given_to_two_people_differs() -> None:
    # Jamie Redknapp (a player) against Harry Redknapp (a manager), neither report naming the
    # other's in full.
    assert family_names_differ(FIXTURE, APPOINTMENT, "en")


def test_one_family_name_given_to_one_person_does_not_differ() -> None:
    assert not family_names_differ(APPOINTMENT, APPOINTMENT, "en")
    assert not family_names_differ(TAKEOVER, SHARES, "en")


EVICTION = (
    "McCririck out of Big Brother show",
    "Racing pundit John McCririck has been evicted. He was ordered to leave the house on "
    "Monday, following Jackie Stallone.",
)
FIRST_EVICTION = (
    "Stallone evicted from Big Brother",
    "Jackie Stallone has become the first star to be evicted. She and John McCririck faced "
    "the public vote on Friday. "
    + "More words of the report follow here. " * 12
    + "Stallone joined the show on Monday.",
)
US_LAUNCH = ("Sony PSP console hits US in March", "US gamers can buy the PSP from 24 March.")
JAPAN_LAUNCH = ("Gamers snap up new Sony PSP", "The PSP went on sale in Japan on Sunday.")
EXPORTS = ("China's exports grow", "China's exports grew by a third last year.")


def test_opening_days_read_dates_and_weekdays_of_the_opening_alone() -> None:
    assert opening_days(US_LAUNCH, "en") == (frozenset({"03-24"}), frozenset())
    assert opening_days(JAPAN_LAUNCH, "en") == (frozenset(), frozenset({"Sun"}))
    # "on Monday" lies beyond the first 60 words of the body: not the report's own day.
    assert opening_days(FIRST_EVICTION, "en") == (frozenset(), frozenset({"Fri"}))
    assert opening_days(("Итоги", "Совещание прошло в пятницу, 9 ноября."), "ru") == (
        frozenset({"11-09"}),
        frozenset({"Fri"}),
    )


def test_openings_that_name_other_days_of_one_kind_differ() -> None:
    assert opening_days_differ(EVICTION, FIRST_EVICTION, "en")
    assert opening_any_days_differ(EVICTION, FIRST_EVICTION, "en")


def test_a_weekday_against_a_date_differs_only_when_kinds_are_mixed() -> None:
    assert not opening_days_differ(US_LAUNCH, JAPAN_LAUNCH, "en")
    assert opening_any_days_differ(US_LAUNCH, JAPAN_LAUNCH, "en")


def test_openings_that_share_a_day_or_name_none_do_not_differ() -> None:
    assert not opening_days_differ(EVICTION, EVICTION, "en")
    assert not opening_any_days_differ(EVICTION, EVICTION, "en")
    assert not opening_days_differ(EVICTION, EXPORTS, "en")
    assert not opening_any_days_differ(EVICTION, EXPORTS, "en")
