"""Background lines: standing accusations and stances rank below the news of an event."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.events.digest import build_digest
from summarizer.text.rules import recalls_background
from summarizer.text.speech import STANCE_PARTICIPLES, STANCE_VERBS
from tests.summarizer.test_events_digest import digest_docs


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Kyiv and many Western countries have repeatedly accused Moscow of providing arms and"
            " expertise to the pro-Russian rebels, something Russia has denied.",
            "en",
        ),
        ("The Kremlin has been accused of arming the rebels, a claim it has denied.", "en"),
        ("The company has long denied any wrongdoing in the case.", "en"),
        ("Kiew wirft Moskau immer wieder vor, die Separatisten mit Waffen zu versorgen.", "de"),
        ("Kiev a accusé à plusieurs reprises Moscou d'armer les rebelles.", "fr"),
        ("Киев неоднократно обвинял Москву в поставках оружия ополченцам.", "ru"),
    ],
)
def test_a_standing_accusation_or_stance_is_background(text: str, language: str) -> None:
    assert recalls_background(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "The presidents of Russia and Ukraine met late Tuesday for their first bilateral talks.",
        "Russia and Ukraine have agreed to work together to end tensions in eastern Ukraine.",
        "Prosecutors accused the two officers of falsifying records on Tuesday.",
        "The minister has resigned after the report was published.",
        "Police have charged a 31-year-old man with murder.",
    ],
)
def test_a_happening_is_no_background(text: str) -> None:
    assert not recalls_background(text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kiew hat Moskau wiederholt vorgeworfen, die Separatisten zu bewaffnen.", "de"),
        ("Der Kreml hat die Vorwürfe seit Jahren bestritten.", "de"),
        ("Russland wird seit langem beschuldigt, die Rebellen zu unterstützen.", "de"),
        ("Moskau bestreitet das seit Jahren.", "de"),
        ("Кремль давно отрицает свою причастность к конфликту.", "ru"),
        ("Киев не раз публично заявлял о поставках оружия.", "ru"),
        ("Власти неоднократно высказывали идеи о поддержке граждан.", "ru"),
        ("Москву неоднократно обвиняли в поставках оружия.", "ru"),
        ("Київ неодноразово звинувачував Москву в постачанні зброї.", "uk"),
        ("Кремль давно заперечує свою участь у конфлікті.", "uk"),
        ("Le Kremlin a à plusieurs reprises démenti ces accusations.", "fr"),
        ("Moscou nie depuis longtemps toute implication.", "fr"),
        ("Rusia ha negado reiteradamente cualquier implicación.", "es"),
        ("Kiev acusa desde hace años a Moscú de armar a los rebeldes.", "es"),
    ],
)
def test_an_adverb_with_a_verb_of_saying_accusing_or_denying_is_background(
    text: str, language: str
) -> None:
    assert recalls_background(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # "wiederholt" is also the verb "to repeat"; "immer wieder" before a verb tells how a
        # happening went
        ("Er wiederholt seine Forderung und unterzeichnet am Montag das Gesetz.", "de"),
        ("Immer wieder fielen Schüsse, sagte ein Sprecher am Dienstag.", "de"),
        ("Der Minister hat am Dienstag seinen Rücktritt erklärt.", "de"),
        # "давно" alone, or before a promise, tells no standing accusation
        ("Он давно обещал, и вчера подписал закон о бюджете.", "ru"),
        ("Он давно работал в мэрии, а вчера ушёл в отставку.", "ru"),
        ("Прокуратура недавно заявила о новом деле.", "ru"),
        ("Він давно обіцяв, і вчора підписав закон про бюджет.", "uk"),
        ("Уряд неодноразово переносив голосування, але вчора його провели.", "uk"),
    ],
)
def test_the_adverb_alone_tells_a_happening(text: str, language: str) -> None:
    assert not recalls_background(text, language)


@given(
    st.sampled_from(["Officials", "The company", "Moscow", "Both parties"]),
    st.sampled_from(["has", "have", "had"]),
    st.sampled_from(["repeatedly", "long", "consistently", "often", "for years"]),
    st.sampled_from(["denied the claims", "said so", "rejected the plan", "accused the rebels"]),
)
def test_a_perfect_with_repetition_or_duration_is_background(
    subject: str, have: str, adverb: str, rest: str
) -> None:
    assert recalls_background(f"{subject} {have} {adverb} {rest}.")
    assert not recalls_background(f"{subject} {rest} on Tuesday.")


def test_the_seed_event_tells_its_news_before_the_standing_accusation(seeds: list[Path]) -> None:
    digest = build_digest(digest_docs(seeds)[:3])
    texts = [line.text for line in digest.lines]
    assert texts and not any(recalls_background(text) for text in texts), texts


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La police a tiré à plusieurs reprises sur les manifestants.", "fr"),
        ("Il pleut depuis longtemps sur la ville, et la rivière a débordé mardi.", "fr"),
        ("La policía disparó repetidamente contra los manifestantes.", "es"),
        ("El volcán entró en erupción en repetidas ocasiones durante la noche.", "es"),
    ],
)
def test_a_french_or_spanish_adverb_telling_how_a_happening_went_is_no_background(
    text: str, language: str
) -> None:
    assert not recalls_background(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le Kremlin avait été accusé d'armer les rebelles, ce qu'il dément.", "fr"),
        ("Les rebelles ont longtemps été soupçonnés de recevoir des armes de Moscou.", "fr"),
        ("La société a souvent été critiquée pour ses pratiques sociales.", "fr"),
        ("El Kremlin había sido acusado de armar a los rebeldes.", "es"),
        ("Las autoridades siempre han sido acusadas de ocultar los datos de la epidemia.", "es"),
        ("Москва обвинялась в поставках оружия ополченцам.", "ru"),
        ("Кремль неоднократно обвинялся в поставках оружия.", "ru"),
        ("Москва звинувачувалася у постачанні зброї бойовикам.", "uk"),
        ("Rusia ha negado en reiteradas ocasiones cualquier implicación.", "es"),
        ("Kiev acusa en reiteradas ocasiones a Moscú de armar a los rebeldes.", "es"),
        ("Les accusations ont été démenties à plusieurs reprises par le Kremlin.", "fr"),
        ("Le ministre a accusé Alger à plusieurs reprises de soutenir les rebelles.", "fr"),
        ("Le Kremlin a démenti hier à plusieurs reprises ces informations.", "fr"),
    ],
)
def test_a_passive_accusation_or_a_spanish_reiterated_stance_is_background(
    text: str, language: str
) -> None:
    # As "has been accused of" in English: fr "avait été accusé de", "a longtemps été", es
    # "había sido acusado de" (their perfect is the news's past), ru/uk the imperfective
    # reflexive ("обвинялся в").
    assert recalls_background(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le suspect a été arrêté mardi à Lyon.", "fr"),
        ("Le ministre a été accusé de corruption par le parquet.", "fr"),
        ("El ministro ha sido acusado de corrupción este martes.", "es"),
        ("Los tres detenidos ya han sido acusados de terrorismo por la fiscalía.", "es"),
        ("Le ministre avait été accusé de corruption par le parquet financier.", "fr"),
        ("Le projet a été rejeté par le Sénat mardi.", "fr"),
        ("El sospechoso ha sido detenido este martes en Madrid.", "es"),
        ("El plan ha sido rechazado por el Parlamento.", "es"),
        ("Он был обвинён в убийстве во вторник.", "ru"),
        ("Законопроєкт був схвалений парламентом у вівторок.", "uk"),
        ("El volcán entró en erupción en reiteradas ocasiones durante la noche.", "es"),
    ],
)
def test_a_passive_happening_is_no_background(text: str, language: str) -> None:
    assert not recalls_background(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The army has tried to repeatedly shell the town.", "en"),
        ("Le suspect a affirmé avoir frappé à plusieurs reprises la victime.", "fr"),
        ("Le suspect a nié avoir tiré à plusieurs reprises sur la foule.", "fr"),
        ("Le ministre a déclaré vouloir revenir à plusieurs reprises sur le sujet.", "fr"),
        ("El detenido ha negado haber disparado en reiteradas ocasiones.", "es"),
        ("El ministro ha declarado querer reunirse repetidamente con los sindicatos.", "es"),
    ],
)
def test_an_infinitive_between_the_verb_and_the_adverb_tells_a_happening(
    text: str, language: str
) -> None:
    # The adverb goes with the infinitive ("said he had struck the victim several times").
    assert not recalls_background(text, language)


# A sentence for each language around a verb of stance: the adverb of repetition before it.
_AROUND_A_STANCE = {
    "de": "Kiew hat Moskau wiederholt {verb}, die Rebellen zu bewaffnen.",
    "fr": "Kiev a à plusieurs reprises {verb} ces faits.",
    "es": "Kiev ha en reiteradas ocasiones {verb} esos hechos.",
    "ru": "Киев неоднократно {verb} эти факты.",
    "uk": "Київ неодноразово {verb} ці факти.",
}


@pytest.mark.parametrize(
    ("language", "verb"),
    [
        (language, verb)
        for language in sorted(_AROUND_A_STANCE)
        for verb in sorted(
            STANCE_PARTICIPLES.get(language, frozenset())
            | (STANCE_VERBS[language] if language != "de" else frozenset())
        )
    ],
)
def test_every_verb_of_stance_beside_an_adverb_of_repetition_is_background(
    language: str, verb: str
) -> None:
    assert recalls_background(_AROUND_A_STANCE[language].format(verb=verb), language)


@pytest.mark.parametrize(
    "text",
    [
        "The crisis in Ukraine has caused a dive of the relationship between Washington and"
        " Moscow, with the United States and its Western allies slapping rounds of sanctions on"
        " Russia.",
        "Fighting in east Ukraine, where pro-Russian separatists are battling government forces,"
        " has claimed at least 2,200 lives, according to the United Nations.",
        "The conflict has displaced more than a million people from their homes.",
        "The long-running dispute has already cost the airline more than $2bn.",
        "More than 2,000 people have been killed in fighting between the Ukrainian army and"
        " Russian separatists in Donetsk and Luhansk.",
        "Thousands of families have been forced from their homes by the violence.",
        "The fighting has killed over 2,500 and injured around 6,000 people and triggered a"
        " tense humanitarian situation in southeastern Ukraine.",
    ],
)
def test_a_running_situations_toll_so_far_is_background(text: str) -> None:
    assert recalls_background(text)


@pytest.mark.parametrize(
    "text",
    [
        # a happening as the subject, a turn of the situation, a toll dated to the day
        "The earthquake has killed at least 200 people in the mountain villages.",
        "The war has ended after the two sides signed the accord in Geneva.",
        "The crisis has deepened after the coalition lost its majority.",
        "Fighting has killed five soldiers overnight near the border crossing.",
        "The violence has left 12 people dead since Tuesday, the police said.",
        # the situation is no subject of the toll
        "Talks on the border dispute have left both delegations hopeful.",
        "Russia and Ukraine have agreed to work together to end the fighting in the east.",
        "Twelve people have been killed in the earthquake, officials said.",
    ],
)
def test_a_toll_of_a_happening_or_of_the_day_is_news(text: str) -> None:
    assert not recalls_background(text)


@pytest.mark.parametrize(
    "text",
    [
        # a passive toll with no count so far: the day's casualties, or a word by chance
        "Three people have been killed in violence at a football match.",
        "Two police officers have been injured in unrest in Paris after the election.",
        "Gold prices have been hurt by the dispute.",
        "A man has been taken to hospital by the war memorial.",
        # the situation's word qualifies another noun, which heads the subject
        "War Child has taken over the running of the camp.",
        "Crisis talks have brought the two sides together.",
        # a toll dated to a recent span
        "The war has killed at least 500 people this month.",
        "The fighting has killed at least 40 people in the past 24 hours.",
        "The conflict has displaced 10,000 people over the last two weeks.",
        "The violence has left 30 people dead since last week.",
    ],
)
def test_a_toll_of_the_day_or_no_toll_of_a_situation_is_news(text: str) -> None:
    assert not recalls_background(text)
