"""One fact in other words: two outlets' wordings share particulars and words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.events.digest import DigestDoc, build_digest
from summarizer.events.vectors import SentenceSpace
from summarizer.text.facts import fact_of, months_named, same_fact

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Sports minister Claude Eerdekens said the world number five tested positive for"
            " ephedrine on 19 December.",
            "Claude Eerdekens claims the champion tested positive for ephedrine last month.",
        ),
        (
            "By early 2005 the net could have two new domain names.",
            "The internet could soon have two new domain names, aimed at the jobs market.",
        ),
    ],
)
def test_two_wordings_of_one_fact(first: str, second: str) -> None:
    assert same_fact(fact_of(first), fact_of(second))


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        (
            "Police said 40,000 people marched in Paris against the pension reform.",
            "Some 40000 people marched in Paris against the pension reform, police said.",
            "en",
        ),
        (
            "Police in Berlin arrested three men on Tuesday after the raid.",
            "Three men were arrested in Berlin on Tuesday after the raid, police said.",
            "en",
        ),
        (
            "Die Polizei hat am Dienstag in Berlin drei Männer festgenommen.",
            "Am Dienstag hat die Polizei in Berlin drei Männer festgenommen.",
            "de",
        ),
    ],
)
def test_one_fact_in_other_words_numbers_and_speakers(
    first: str, second: str, language: str
) -> None:
    assert same_fact(fact_of(first, language), fact_of(second, language))


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        (
            "Israel said its forces killed a senior Hamas commander in Gaza City.",
            "Hamas said Israeli forces killed dozens of civilians in Gaza City.",
            "en",
        ),
        (
            "The White House said the president would veto the bill passed by Congress.",
            "Congress passed the bill despite the White House saying the president would sign it.",
            "en",
        ),
        (
            "Die Polizei hat am Dienstag in Berlin drei Männer festgenommen.",
            "Die Polizei hat am Donnerstag in Berlin drei Frauen festgenommen.",
            "de",
        ),
        (
            "La police a arrêté trois hommes mardi à Lyon, selon le parquet.",
            "La police a arrêté trois hommes jeudi à Lyon, selon le parquet.",
            "fr",
        ),
    ],
)
def test_two_speakers_two_claims_or_two_days_are_two_facts(
    first: str, second: str, language: str
) -> None:
    assert not same_fact(fact_of(first, language), fact_of(second, language))


_SPEAKERS = st.sampled_from(["Israel", "Hamas", "The White House", "Russia", "Ukraine", "Kyiv"])
_CLAIMS = st.sampled_from(
    [
        "its forces killed a senior commander in Gaza City on Monday",
        "air defences shot down 20 drones over the capital overnight",
        "the president would veto the bill passed by Congress",
    ]
)


@given(_SPEAKERS, _SPEAKERS, _CLAIMS)
def test_a_claim_two_named_speakers_report_is_two_facts(one: str, other: str, claim: str) -> None:
    first, second = fact_of(f"{one} said {claim}."), fact_of(f"{other} said {claim}.")
    assert same_fact(first, second) == (one == other)
    assert same_fact(first, second) == same_fact(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Jackie Stallone has become the first star to be evicted from Celebrity Big Brother.",
            "John McCririck has become the latest contestant to be evicted from Celebrity Big"
            " Brother.",
        ),
        (
            "Verizon has won a takeover battle for phone firm MCI with a bid worth $6.8bn.",
            "The Wall Street Journal reported that Qwest has bid $6.3bn for MCI.",
        ),
        (
            "Rapper 50 Cent has ended his public feud with his protege The Game.",
            "50 Cent also appears on rap protege The Game's song How We Do.",
        ),
        (
            "Underlying pre-tax profits rose 1% to £933m in 2004, the brewer said.",
            "Inbev said its pre-tax profits for 2004 rose 56% on strong sales.",
        ),
        (
            "Shares in US phone company MCI have risen on talk of a takeover.",
            "Verizon has won a takeover battle for US phone firm MCI with a higher bid.",
        ),
        (
            "Ticket sales for the Vesburg festival rose to 12,000 in 2025.",
            "The Vesburg festival sold 9,000 tickets in its first year, 2025, the office said.",
        ),
        (
            "Norland and Vesmark opened talks on the Duvra River in Vesburg on Tuesday.",
            "Norland and Vesmark agreed a draft treaty on the Duvra River on Thursday.",
        ),
    ],
)
def test_two_facts_that_share_words(first: str, second: str) -> None:
    assert not same_fact(fact_of(first), fact_of(second))


def test_an_event_digest_tells_a_fact_once_though_the_cosine_misses_it() -> None:
    first = "By early 2005 the net could have two new domain names."
    second = "The internet could soon have two new domain names, aimed at the jobs market."
    assert SentenceSpace([first, second], "en").row_similarity(0)[1] < 0.4
    docs = [
        DigestDoc(
            1,
            "New net names",
            f"{first} The .post and .travel domains have been given preliminary approval by"
            " the net's administrative body. Icann is weighing ten proposed domains in all.",
            "Wire",
            T0,
        ),
        DigestDoc(
            2,
            "Domain names approved",
            f"{second} Applicants paid 23,000 pounds apiece to have their proposals considered."
            " One that may not win approval is a proposed domain for adult websites.",
            "Courier",
            T0 + timedelta(hours=1),
        ),
    ]
    texts = [line.text for line in build_digest(docs, words=120).lines]
    assert (first in texts) != (second in texts)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Thousands of protesters march through central Paris against the pension reform.",
            "Thousands of protesters marched through central Paris against the pension reform "
            "on Tuesday.",
        ),
        (
            "The rover landed safely on Mars after a seven-month journey, NASA said.",
            "The rover landed safely on Thursday after a seven-month journey, NASA said.",
        ),
    ],
)
def test_a_verb_or_a_planet_spelled_like_a_month_names_no_moment(first: str, second: str) -> None:
    # "march" (a verb) and "Mars" (French for March) are no English month: no second moment.
    assert "month 3" not in fact_of(first).moments | fact_of(second).moments
    assert same_fact(fact_of(first), fact_of(second))


@pytest.mark.parametrize(
    ("sentence", "language", "months"),
    [
        ("Au murit 15 mai mulți oameni decât anul trecut.", "ro", set()),  # "15 more"
        ("Parlamentul a votat mai multe legi marți.", "ro", set()),  # "several"
        ("Pe 15 mai 2024 au murit 40 de oameni.", "ro", {5}),
        ("BUCUREȘTI, 15 mai, ministrul a spus că 40 de oameni au murit.", "ro", {5}),
        ("Pe 3 iunie au murit 40 de oameni, mai mulți decât anul trecut.", "ro", {6}),
        ("Le 15 mai, 40 personnes sont mortes.", "fr", {5}),
        ("Les élections auront lieu en mai.", "fr", {5}),
        ("Am 15. Mai starben 40 Menschen.", "de", {5}),
        ("Die Wahl findet im Mai statt.", "de", {5}),
        ("The vote is due in May, officials said.", "en", {5}),
    ],
)
def test_a_month_that_is_also_a_common_word_is_named_only_in_a_day(
    sentence: str, language: str, months: set[int]
) -> None:
    assert months_named(sentence, language) == months
    moments = fact_of(sentence, language).moments
    assert {int(m.split()[1]) for m in moments if m.startswith("month ")} == months


@pytest.mark.parametrize(
    ("sentence", "months"),
    [
        ("Theresa May said the deal would get through Parliament.", set()),
        ("May told MPs the deal would get through Parliament.", set()),
        ("Mrs May met the Irish prime minister in Dublin.", set()),
        ("May I remind the House that the deal has passed, the minister said.", set()),
        ("The plan was backed by May, who said it would pass.", set()),
        ("The vote was held in May, officials said.", {5}),
        ("Talks went on between March and May in Geneva.", {3, 5}),
        ("Prices rose in March, April and May.", {3, 4, 5}),
        ("The law has been in force since May 2015.", {5}),
        ("By May the talks had stalled.", {5}),
        ("Early June brought floods to the north.", {6}),
        ("The deal signed on May 5 has held.", {5}),
    ],
)
def test_an_english_month_beside_a_name_or_a_speakers_verb_is_a_person_unless_timed(
    sentence: str, months: set[int]
) -> None:
    # "May" is a person's name, a modal verb and a month: a word of time before it decides
    assert months_named(sentence, "en") == months


def test_a_person_named_like_a_month_gives_a_fact_no_moment() -> None:
    # "Theresa May" named no month: told with a weekday, the fact is still one
    first = fact_of("Theresa May said Britain would leave the customs union after the vote.")
    second = fact_of("The prime minister said on Tuesday Britain would leave the customs union.")
    assert "month 5" not in first.moments
    assert same_fact(first, second)


@pytest.mark.parametrize(
    ("sentence", "months"),
    [
        # initialisms and nationalities beside a month modify what follows it
        ("UK May inflation rose to 9%.", {5}),
        ("The ECB March meeting is key.", {3}),
        ("EU June summit ended.", {6}),
        ("The ONS May figures showed a rise.", {5}),
        ("FOMC June meeting minutes showed dissent.", {6}),
        ("The IMF April outlook cut growth.", {4}),
        ("German June factory orders rose.", {6}),
        ("Chinese May exports fell.", {5}),
        # holidays and events named after a month
        ("May Day rallies were held in London.", {5}),
        ("April Fools' Day pranks were played.", {4}),
        ("August Bank Holiday traffic was heavy.", {8}),
        ("March Madness begins.", {3}),
        # title-case headlines: capitals say nothing
        ("June Jobs Report Beats Forecasts", {6}),
        ("Apple Unveils iPhone at September Event", {9}),
        # a month in capitals after a word of time or before a year
        ("It happened in MAY.", {5}),
        ("The MAY 2019 report.", {5}),
        ("Profits at DEC fell.", set()),  # an initialism
        # people
        ("Theresa May said the deal would pass.", set()),
        ("Theresa May resigned on Friday.", set()),
        ("Prime Minister Theresa May has resigned.", set()),  # many names, no title case
        ("Theresa May met Donald Trump.", set()),
        ("Theresa May met the Irish prime minister.", set()),
        ("The PM, Theresa May, said so.", set()),
        ("Mrs May met the Irish prime minister.", set()),
        ("Mrs. May met the Irish prime minister.", set()),
        ("Brian May's guitar was sold.", set()),
        ("June Carter Cash recorded the song in 1963.", set()),
        ("The song by June Carter Cash was a hit.", {6}),  # after "by": left as a time
        ("May told MPs the deal would pass.", set()),
        ("May I ask the minister a question?", set()),
        ("The plan was backed by May, who said it would pass.", set()),
    ],
)
def test_an_english_month_beside_capitals_is_a_person_only_as_a_name_is(
    sentence: str, months: set[int]
) -> None:
    assert months_named(sentence, "en") == months


@pytest.mark.parametrize(
    ("sentence", "months"),
    [
        ("Sterling fell after May said she would resign.", set()),
        ("The pound rose before May told MPs of the delay.", set()),
        ("The letter from May said the UK would leave.", set()),
        ("Sterling fell after May, when rates rose.", {5}),
        ("Sales fell after May as rates rose.", {5}),
        ("Before May we expect no change.", {5}),  # a pronoun after "before": a time
        ("Since May he has said nothing.", {5}),
        ("Until May said goodbye, talks went on.", {5}),  # "until" is a time whatever follows
    ],
)
def test_a_verb_of_speech_after_a_month_outweighs_a_preposition_that_is_no_time_word(
    sentence: str, months: set[int]
) -> None:
    assert months_named(sentence, "en") == months


@pytest.mark.parametrize(
    ("sentence", "months"),
    [
        # joined by "and" or "or" to a name that names no time: a person
        ("The plan was backed by May and Johnson.", set()),
        ("The deal, backed by May and Johnson, passed.", set()),
        ("Johnson and May met in Brussels.", set()),
        ("Hunt, Johnson or May could win the vote.", set()),
        ("May and Trump spoke by phone.", set()),
        # joined to a month, a holiday or after a word of time: a month
        ("Shops close between May and Christmas.", {5}),
        ("Sales rose by May and June.", {5, 6}),
        ("In May and June, sales rose.", {5, 6}),
        ("Sales fell in May and Johnson resigned.", {5}),
        ("Floods And May Rains Hit Town", {5}),  # title case: capitals say nothing
        # the agent of a passive: a person
        ("The plan was backed by May.", set()),
        ("Backed by May, the plan passed.", set()),
        ("The deal negotiated by May, the prime minister, failed.", set()),
        # a phrase of its own after the agent: the month does not go on
        ("The plan was backed by May in a Commons vote.", set()),
        ("The bill was opposed by June and her allies.", set()),
        ("The strategy was championed by May at the summit.", set()),
        ("The deal was criticised by May on Tuesday.", set()),  # when she acted
        ("Her appointment was endorsed by August Smith.", set()),
        # a time joined to the month after it: a deadline
        ("The plan was backed by May or June.", {5, 6}),
        ("The rally was backed by May Day marchers.", {5}),
        # "by" a month as a deadline: a future, a modal, an infinitive, a pluperfect, a plan
        ("The work will be finished by May.", {5}),
        ("The project is expected to be completed by May.", {5}),
        ("Debt had been repaid by May.", {5}),
        # or beside another time, or the month goes on
        ("Rates were cut by March, from 5% in January.", {1, 3}),
        ("The bill was passed by May 2019.", {5}),
        # a phrase that carries on the time after it: a deadline
        ("The plan will need to be backed by May next year.", {5}),
        ("The plan is set to be backed by May next year.", {5}),
        ("The plan was backed by May next year, officials said.", {5}),
        ("The results were announced by June this year.", {6}),
        ("The rules were introduced by April last year.", {4}),
        ("The budget must be approved by May at the latest.", {5}),
        ("The plan was backed by May at the latest.", {5}),
        ("By May, Johnson had resigned.", {5}),
        # a thing done "by" a month, whose verb takes no person as agent: a deadline
        ("The factory was closed by October.", {10}),
        ("The project was completed by December.", {12}),
        ("The tour was cancelled by March.", {3}),
        ("The budget was approved by January.", {1}),
        ("The backlog was cleared by May.", {5}),
        ("The harvest was finished by June.", {6}),
    ],
)
def test_an_english_month_joined_to_a_name_or_the_agent_of_a_passive_is_a_person(
    sentence: str, months: set[int]
) -> None:
    assert months_named(sentence, "en") == months


@pytest.mark.parametrize(
    ("sentence", "language", "speaker"),
    [
        ("Die Regierung sagte, die Steuern würden im März steigen.", "de", {"regierung"}),
        ("La police a déclaré que 40 000 personnes avaient manifesté.", "fr", {"police"}),
        ("Полиция заявила, что в Москве прошли акции протеста.", "ru", {"полиция"}),
        ("El ministro dijo que la ley entraría en vigor en marzo.", "es", {"ministro"}),
        # an English verb of speech in another language's text is no verb of its speech
        ("Le ministre told journalistes que la loi passerait en mars.", "fr", set()),
    ],
)
def test_a_speaker_is_read_by_the_verbs_of_speech_of_the_texts_language(
    sentence: str, language: str, speaker: set[str]
) -> None:
    assert fact_of(sentence, language).speaker == speaker


@pytest.mark.parametrize("language", ["xx", "fi", ""])
def test_a_language_without_verbs_of_speech_is_read_by_the_english_ones(language: str) -> None:
    assert fact_of("Police said 40,000 people marched.", language).speaker == {"police"}


def test_two_named_speakers_tell_two_facts_in_every_language() -> None:
    first = "Israël a déclaré que son armée avait tué 12 combattants du groupe à Gaza."
    second = "Le Hamas a déclaré que l'armée avait tué 12 combattants du groupe à Gaza."
    assert not same_fact(fact_of(first, "fr"), fact_of(second, "fr"))
