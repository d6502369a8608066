"""Openers that lean on something the reader was not shown: a reason alone, "Amid all this",
a renamed outlet, a speaker named only by a family name after the clause."""

from __future__ import annotations

import pytest

from summarizer.text.rules import leans_back, stands_alone, unresolved_reference
from summarizer.text.vague import bare_family_name


@pytest.mark.parametrize(
    "text",
    [
        "Mostly because performing the old hits benefits the owner and the artist financially.",
        "Because space travel and sustaining life off Earth are anything but easy.",
        "Amid all this, a story has gone viral on social media about an oxygen bar.",
        "Despite this, the government went ahead with the vote on Monday.",
    ],
)
def test_a_reason_or_a_pointer_alone_leans_back(text: str) -> None:
    assert leans_back(text)
    assert not stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "Because of the storm, flights were cancelled at Heathrow on Monday.",
        "Because the storm hit Heathrow, flights were cancelled on Monday.",
        "Amid protests in the capital, parliament passed the budget on Friday.",
    ],
)
def test_a_reason_with_its_clause_stands(text: str) -> None:
    assert not leans_back(text)


@pytest.mark.parametrize(
    "text",
    [
        "Because let’s be honest, what you like about the chip is its crunch and the fact that"
        " it’s the vehicle to enjoy those delicious dips.",
        "Because, frankly, the chip is all crunch and no taste at all.",
        "Because after all, nobody reads the terms before signing them.",
        "After all, the ministry had promised the same road three times before.",
    ],
)
def test_a_reason_given_through_an_aside_leans_back_in_any_voice(text: str) -> None:
    # the reason's clause is an aside: it answers a sentence before, even in a blog's voice
    assert leans_back(text) and leans_back(text, voice=False)
    assert not stands_alone(text)


@pytest.mark.parametrize(
    "aside", ["Honestly", "Let's be honest", "To be fair", "Truth be told", "Frankly"]
)
def test_a_narrators_aside_opens_no_text(aside: str) -> None:
    text = f"{aside}, the chip is all crunch and no taste at all."
    assert leans_back(text) and not stands_alone(text)
    assert not leans_back(text, voice=False)  # in a blog's voice it may follow its own line


def test_a_renamed_outlet_points_back_unless_named() -> None:
    line = "The news organization, citing an anonymous source, reported that talks had stalled."
    assert unresolved_reference(line) == "the news organization"
    assert not stands_alone(line)
    assert stands_alone("The news spread quickly through the city on Monday.")
    assert unresolved_reference(line, context="A news organization in Tokyo said") is None


def test_a_speaker_named_by_family_name_after_the_clause_is_unknown() -> None:
    line = "Targeting audiences is key in making dollars go further, Graham said, on Monday."
    met = frozenset({"Graham"})
    assert bare_family_name(line, met) == "Graham"
    assert not stands_alone(line, introduced=met)
    assert stands_alone(line, introduced=met, context="Julie Graham of the health department")
    assert not bare_family_name("Targeting audiences is key, Julie Graham said.", met)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("For example, the probe measured a big increase in the density of plasma.", "en"),
        ("Either way, what the jurors say on the stage could be relevant to the trial.", "en"),
        ("What’s more, the council will vote on the budget again next month.", "en"),
        ("Finally, at around 9.50pm a third blast took place near the stadium.", "en"),
        ("A minute later, the applause rang out across the square in front of the hall.", "en"),
        ("Shortly after, the minister resigned over the scandal at the ministry.", "en"),
        ("Two years earlier the firm had cut its workforce by a third in Ohio.", "en"),
        ("그래서 처음 이러한 사진 공개에 대한 대중들의 반응은 비난으로 이어졌다.", "ko"),
        ("그는 기자회견에서 모든 의혹을 부인했다고 밝혔다.", "ko"),
        ("이 입장을 토로하는 과정에서 류화영은 엘제이의 폭력성향과 협박을 폭로했다.", "ko"),
    ],
)
def test_a_connective_a_sequence_word_or_a_counted_time_opening_leans_back(
    text: str, language: str
) -> None:
    assert leans_back(text, language)
    assert not stands_alone(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In factories across China, workers went on strike over unpaid wages on Monday.", "en"),
        ("Two days after the vote, the minister resigned over the scandal at the ministry.", "en"),
        ("As wellness apps spread, doctors warn of leaks of their patients’ data.", "en"),
        ("류화영은 한 매체에 자신의 입장을 털어놓으며, 엘제이와의 관계를 전면 부정했다.", "ko"),
    ],
)
def test_a_phrase_opens_only_as_whole_words_and_a_named_moment_stands(
    text: str, language: str
) -> None:
    assert not leans_back(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "Earlier this week, the council of Vesburg voted to close the harbour bridge.",
        "Earlier today, police in Vesburg arrested two men over the harbour fire.",
        "Earlier on Monday, the minister of Vesburg resigned over the harbour scandal.",
        "Earlier Monday, the minister of Vesburg resigned over the harbour scandal.",
        "Earlier in March, the council of Vesburg voted to close the harbour bridge.",
        "Earlier in 2019, the council of Vesburg voted to close the harbour bridge.",
        "Later this year, the council of Vesburg will vote on the harbour bridge.",
        "Later on 12 March, the council of Vesburg voted to close the harbour bridge.",
        "Two days earlier, on Monday, the council of Vesburg had closed the bridge.",
    ],
)
def test_earlier_or_later_with_a_named_time_stands(text: str) -> None:
    assert not leans_back(text)
    assert stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "Earlier, the council of Vesburg voted to close the harbour bridge.",
        "Earlier that day, the council of Vesburg voted to close the harbour bridge.",
        "Earlier in the day, the council of Vesburg voted to close the harbour bridge.",
        "Later, the council of Vesburg voted to close the harbour bridge.",
        "Later that week, the council of Vesburg voted to close the harbour bridge.",
        "Two days earlier, the council of Vesburg had closed the harbour bridge.",
    ],
)
def test_earlier_or_later_without_a_named_time_leans_back(text: str) -> None:
    assert leans_back(text)
    assert not stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "Once in the building, they fired at the guards and took four hostages.",
        "While in custody, he told the guards in Vesburg that he had acted alone.",
        "When asked about the harbour fire, she said the council had been warned.",
        "After leaving the harbour in Vesburg, they sailed north towards the islands.",
    ],
)
def test_a_pronoun_after_a_clause_without_its_own_subject_leans_back(text: str) -> None:
    assert leans_back(text)
    assert not stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "Once the police arrived in Vesburg, they fired at the guards and took four men.",
        "When police arrived at the scene in Vesburg, they found two men.",
        "Once in the building, the gunmen fired at the guards and took four hostages.",
    ],
)
def test_a_pronoun_after_a_clause_that_names_it_stands(text: str) -> None:
    assert not leans_back(text)
