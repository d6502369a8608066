"""Opening lines that point at nothing: a demonstrative's noun, a framed "it", a glued aside,
a family name whose full form stands elsewhere."""

from __future__ import annotations

import pytest

from summarizer.summarize.article import summarize_article
from summarizer.text.demonstratives import demonstrative_noun
from summarizer.text.framed import framed_pronoun
from summarizer.text.references import unresolved_reference
from summarizer.text.rules import (
    follows_on,
    is_promotional,
    is_prose,
    leans_back,
    stands_alone,
)


@pytest.mark.parametrize(
    ("language", "line", "found"),
    [
        (
            "en",
            "The company said this decision would cost it $10 million in Vesburg.",
            "this decision",
        ),
        ("en", "Officials in Vesburg defended these measures on Monday.", "these measures"),
        (
            "de",
            "Die Regierung erklärte am Montag, dass diese Entscheidung endgültig sei.",
            "diese Entscheidung",
        ),
        (
            "fr",
            "Le ministre a déclaré lundi que cette mesure entrerait en vigueur.",
            "cette mesure",
        ),
        ("es", "El ministro dijo el lunes que esta decisión entrará en vigor.", "esta decisión"),
        (
            "it",
            "Il ministro ha detto lunedì che questa decisione entrerà in vigore.",
            "questa decisione",
        ),
        (
            "pt",
            "O presidente disse que esta decisão será mantida até o fim do ano.",
            "esta decisão",
        ),
        ("nl", "De minister zei maandag dat deze maatregel in januari ingaat.", "deze maatregel"),
        ("ru", "Министр заявил, что это решение вступит в силу в январе.", "это решение"),
        ("uk", "Міністр заявив, що це рішення набуде чинності в січні.", "це рішення"),
    ],
)
def test_a_demonstrative_with_its_noun_points_back(language: str, line: str, found: str) -> None:
    assert demonstrative_noun(line, language) == found
    assert leans_back(line, language)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        # Negative cases that must stay: a time the reader shares, a name after it, a noun the
        # sentence named itself, a speaker's words, a demonstrative of no noun, one after "but"
        # or "and" (its clause goes on from the sentence's own).
        ("en", "Ministers in Vesburg meet this week to agree the budget."),
        ("en", "Police in Vesburg said this Sunday's march would go ahead."),
        ("en", "Vesburg approved a plan on Monday, and this plan will halve emissions."),
        ("en", '"This decision is wrong," the mayor of Vesburg said on Monday.'),
        ("en", "Vesburg's mayor said this is the largest budget in a decade."),
        ("en", "Vesburg's net users number 100m but this represents 8% of its people."),
        ("fr", "Les ventes de Vesburg ont doublé en mai, mais cette hausse reste fragile."),
        ("de", "Die Regierung will diese Woche in Berlin über den Haushalt beraten."),
        ("fr", "Le ministre se rendra cette semaine à Bruxelles."),
        ("es", "El ministro viajará esta semana a Bruselas."),
        ("it", "Il ministro andrà questa settimana a Bruxelles."),
        ("pt", "O presidente anunciou nesta terça-feira um pacote de medidas."),
        ("nl", "De minister reist deze week naar Brussel."),
        ("ru", "Министр заявил, что в этом году цены вырастут."),
        ("uk", "Міністр заявив, що цього року ціни зростуть."),
    ],
)
def test_a_demonstrative_of_a_time_or_a_name_points_at_nothing_before(
    language: str, line: str
) -> None:
    assert demonstrative_noun(line, language) == ""


def test_it_after_an_opening_phrase_is_a_thing_named_before() -> None:
    assert leans_back("For most of the night it had looked like Athletic's trophy.")
    assert leans_back("In a statement on Monday, it said the Boeing plant would close by March.")
    # Negative cases that must stay: "it" as the empty subject of a state, a time, the weather,
    # and "it" inside a clause that names its own subject.
    assert not leans_back("Last year it took three months to repair the Severn bridge.")
    assert not leans_back("On Monday it emerged that the minister Jo Smith had resigned.")
    assert not leans_back("In Germany it is common for shops to close on Sundays.")
    assert stands_alone(
        "Astronomers at Tallow Peak have found a comet, the first since it opened in 1987."
    )


def test_an_aside_in_brackets_glued_to_the_next_sentence_points_back() -> None:
    line = (
        "(“The Klingon Empire has decided,” was how Ford described it to friends.) Elise "
        "found contact information for Ford’s family."
    )
    assert leans_back(line)
    # Negative case that must stay: an agency's credit in brackets opens a report.
    assert not leans_back("(Reuters) - Oil prices fell sharply on Tuesday in Asian trade.")


def test_a_summary_does_not_open_on_a_family_name_written_in_full_elsewhere() -> None:
    body = (
        "In the 100 yard backstroke, Patton was beaten by Aidan Gantenbein of Wichita Heights.\n"
        "Trinity Academy junior Ben Patton won the 200 yard medley title in Vesburg.\n"
        "Wichita West senior David Garcia finished second in the 50 yard freestyle."
    )
    summary = summarize_article("Wichita swimmers win state titles", body, sentences=1)
    assert summary and not summary[0].startswith("In the 100 yard backstroke")
    # Negative case that must stay: a headline that names him introduces him.
    named = summarize_article("Patton beaten in backstroke final", body, sentences=1)
    assert named and named[0].startswith("In the 100 yard backstroke")


def test_a_demonstrative_late_in_a_sentence_or_before_a_time_is_left_alone() -> None:
    late = (
        "The first complaint usually levied at Samsung's Galaxy phones is their glossy plastic,"
        " but the S5's new finish reverses this trend."
    )
    assert demonstrative_noun(late) == ""  # it points at what its own sentence told
    assert demonstrative_noun("Vorm showed that, even at this formative stage, he is good.") == ""


def test_a_narrators_line_without_its_i_cannot_open() -> None:
    line = "Got an important item just by exploring, before realising that paths in Dathomir close."
    assert leans_back(line)
    assert not leans_back(line, voice=False)  # the narrator's voice, pointing at no sentence
    # Negative case that must stay: a subject before "got".
    assert not leans_back("Vesburg's mayor got a standing ovation from the council on Monday.")


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "We want to hear from you."),
        ("en", "And if you have a news tip, correction or comment, let us know at the desk."),
        ("en", "For other inquiries, contact us."),
        ("de", "Schreiben Sie uns eine E-Mail an die Redaktion."),
        ("fr", "Écrivez-nous à la rédaction."),
        ("ru", "Пишите нам на почту редакции."),
        ("en", "Get in touch with our newsroom at the desk."),
        ("en", "Send your tips to the newsroom."),
        ("en", "If you have a story, get in touch with us."),
        ("en", "Know something? Send us your news tips."),
    ],
)
def test_a_call_for_the_readers_tips_is_promotion(language: str, line: str) -> None:
    assert is_promotional(line, language)


def test_a_speakers_call_or_a_report_of_one_is_no_promotion() -> None:
    assert not is_promotional('"Let us know what you need," the mayor of Vesburg told residents.')
    assert not is_promotional("Police asked anyone with information to contact them on 101.")
    # Someone else's appeal, reported: the site neither speaks ("us") nor opens with the call.
    assert not is_promotional("Residents were told to get in touch with police if they saw it.")
    assert not is_promotional("The agency asked the public to send tips about the suspect.")
    assert not is_promotional("Police asked witnesses to email us with photos, a spokesman said.")


@pytest.mark.parametrize(
    "line",
    [
        "Police asked witnesses to email us at tips@example.com.",
        "Police asked anyone with information to email tips@police.example.gov.",
        "Detectives urged anyone who saw the crash to contact them at crash@police.example.org.",
    ],
)
def test_a_reported_appeal_with_an_email_address_is_news(line: str) -> None:
    # the address and the "us" are the appealer's, not the page's
    assert not is_promotional(line)
    assert is_prose(line)


@pytest.mark.parametrize(
    "line",
    [
        "Email us your tips at tips@example.com.",
        "We asked readers to email us at tips@example.com.",
        "Readers are asked to email us at tips@example.com.",  # no one named asks: the site
        "You can email us at tips@example.com.",
        "Police asked witnesses to email tips@example.com. Follow us on Twitter.",
        "Police asked witnesses to visit https://example.com.",  # a link stays furniture
        # the site names itself and asks its own audience
        "BBC News invites you to send your pictures to yourpics@bbc.co.uk.",
        "The editors asked readers to email us at tips@site.com.",
        "The site invites readers to send us tips: we want to hear from you.",
    ],
)
def test_the_sites_own_call_or_a_link_stays_promotion(line: str) -> None:
    assert is_promotional(line)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("fr", "Lundi, il a déclaré que le gouvernement de Paris allait démissionner."),
        ("ru", "В понедельник он заявил, что Москва готова к переговорам."),
        ("uk", "У понеділок він заявив, що Київ готовий до переговорів."),
        ("de", "Am Montag sagte er in Berlin, die Regierung werde nicht zurücktreten."),
        ("nl", "Op maandag zei hij in Den Haag dat de regering niet aftreedt."),
        ("en", "On Monday, it announced plans to cut 10,000 jobs in Vesburg."),
        ("en", "For weeks this summer, it sold more cars than any rival in Vesburg."),
    ],
)
def test_a_pronoun_after_an_opening_phrase_points_back(language: str, line: str) -> None:
    assert framed_pronoun(line, language)
    assert leans_back(line, language)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        # Negative cases that must stay: a name as the subject, an impersonal or empty subject,
        # the reader's formal "Sie", a clause that names the pronoun's antecedent.
        ("fr", "Lundi, il y a eu une manifestation à Paris contre le gouvernement."),
        ("fr", "Quand le ministre est arrivé, il a déclaré que Paris allait voter."),
        ("ru", "В понедельник Путин заявил, что Москва готова к переговорам."),
        ("de", "Am Montag gab es in Berlin eine große Demonstration gegen die Regierung."),
        ("de", "Am Montag können Sie in Berlin die Ausstellung besuchen."),
        ("en", "On Monday it emerged that the Vesburg minister had resigned."),
        ("fr", "Lundi, il pleuvra sur Paris et sur Lyon."),
        ("fr", "Ce matin, il fait -5 degrés à Lyon."),
        ("fr", "En France, il existe trois régimes de retraite."),
        ("fr", "Dans le nord, il neige depuis hier soir."),
        ("fr", "En 2025, il sera possible de voter en ligne."),
        ("en", "Two years on, it looks like the Vesburg plan failed."),
        ("en", "In hindsight, it felt like a loss for Vesburg."),
        # A clause or a speaker's attribution before the pronoun, which may name its antecedent.
        ("en", "The company expects this quarter's revenue to fall 5%, it said in a filing."),
        ("en", "The company said on Monday, it will cut 2,000 jobs in Vesburg."),
        ("en", "According to Apple, it sold ten million phones in Vesburg."),
        ("ru", "По словам министра, он готов к переговорам с Москвой."),
        ("uk", "За словами міністра, він готовий до переговорів з Києвом."),
        ("fr", "Selon le ministre, il a refusé de démissionner à Paris."),
    ],
)
def test_a_name_or_an_empty_subject_after_an_opening_phrase_is_no_reference(
    language: str, line: str
) -> None:
    assert not framed_pronoun(line, language)


def test_a_demonstrative_of_the_page_is_the_narrators_pointer_not_a_reference() -> None:
    assert demonstrative_noun("My goal with this article is to show Vesburg's plan.") == ""
    assert demonstrative_noun("Le but de cette série est de montrer le plan.", "fr") == ""


def test_a_demonstrative_of_the_here_and_now_or_one_the_headline_names_is_no_pointer() -> None:
    for line in (
        "Analysts expect this election to be the closest in decades.",
        "The mayor said this city will not tolerate violence.",
        "Scientists say this species of frog lives only in Vesburg.",
    ):
        assert demonstrative_noun(line) == "", line
    outbreak = "The WHO said this outbreak was the largest on record."
    assert demonstrative_noun(outbreak) == "this outbreak"
    assert demonstrative_noun(outbreak, context="Ebola outbreak in Vesburg is largest ever") == ""
    assert stands_alone(outbreak, context="Ebola outbreak in Vesburg is largest ever")
    assert not stands_alone(outbreak, context="WHO warns of Vesburg fever")
    for language, line in (
        ("es", "La policía detuvo esta madrugada a tres sospechosos en Vesburgo."),
        ("fr", "Le ministre a annoncé cet après-midi un plan pour Vesbourg."),
        ("de", "Die Regierung will diesen Dienstag über den Plan abstimmen."),
        ("nl", "De minister maakt deze dinsdag het plan bekend."),
        ("ru", "Министр заявил, что на этих выходных план будет готов."),
        ("pt", "O vento do este trouxe chuva forte a Vesburgo ontem."),
    ):
        assert demonstrative_noun(line, language) == "", line
    # Negative case that must stay: a noun no sentence and no headline named.
    assert demonstrative_noun("The company said this decision would cost it $10 million.")


@pytest.mark.parametrize(
    "line",
    [
        "Health bosses said that 28 people in close contact with the hunter were initially"
        " quarantined to stop it being transmitted further.",
        "Police in Vesburg said they had spoken to the driver.",
        "The teenager also has two nominations at the music awards in Lowmere.",
        "Doctors in Hohhot said on Monday that the patient was in a stable condition.",
    ],
)
def test_a_person_named_by_what_they_are_is_someone_met_before(line: str) -> None:
    assert unresolved_reference(line) is not None
    assert not stands_alone(line)


def test_a_person_named_by_what_they_are_is_met_in_the_context_or_the_line() -> None:
    hunter = (
        "Health bosses said that 28 people in close contact with the hunter were initially"
        " quarantined to stop it being transmitted further."
    )
    assert unresolved_reference(hunter, context="Hunter diagnosed with bubonic plague") is None
    for line in [
        "A hunter who ate a wild rabbit was taken to hospital, where the hunter was isolated.",
        "Police are searching for the gunman who opened fire at the market on Tuesday.",
        "Police named the victim as John Smith, a 45-year-old teacher from Vesburg.",
        "Police said they had spoken to the driver of the lorry at the scene.",
        "Officers questioned the driver, a 34-year-old man from Lowmere, at the scene.",
        # a word after the noun says who, or makes it part of another noun
        "Chief executive Parry is the man at the helm as Liverpool reach a crucial point.",
        "Spiegel has named the man arrested in Germany in connection with the attacks.",
        "The pilot scheme in the Huaral Valley aims to offer the community new services.",
        "Spacey was joined at the premiere by members of the boy band Westlife.",
        # past the line's first twelve words, and inside a quotation
        "Health officials in Xilingol quarantined 28 residents of three villages on Monday"
        " after a second case, and traced the hunter's family.",
        '"We will find the gunman," the police chief of Vesburg told reporters on Tuesday.',
    ]:
        assert unresolved_reference(line) is None, line


@pytest.mark.parametrize(
    ("context", "line"),
    [
        ("A 34-year-old man was stabbed in Vesburg.", "The victim was named as John Smith."),
        ("Police arrested a 40-year-old man.", "The suspect is due in court on Monday."),
        ("A local woman was hurt.", "Doctors said the patient was in a stable condition."),
        ("Two boys were hurt in the attack.", "Police are hunting the attacker."),
        ("Bus crash kills three", "Police said the driver was arrested."),
    ],
)
def test_a_part_in_a_happening_names_a_person_the_context_introduced(
    context: str, line: str
) -> None:
    assert unresolved_reference(line, context=context) is None


def test_a_part_in_a_happening_needs_someone_introduced() -> None:
    # a context with no person leaves the part unmet; a vehicle brings its driver only
    assert unresolved_reference(
        "The victim was named as John Smith.", context="Bus crash kills three"
    )
    assert unresolved_reference("Police said the driver was arrested.", context="Prices rise")


@pytest.mark.parametrize(
    "sentence",
    [
        # a demonstrative after any preposition of the one table points back
        "Across those sites, the company cut 200 jobs.",
        "Throughout that period, the company cut 200 jobs.",
        "Through this programme, the council hopes to cut waste.",
        # "it" after a phrase opened by any preposition of the one table is named before
        "From next year it will cut 200 jobs.",
        "Despite the losses it will keep all 12 shops.",
        "Under the new rules it must publish its accounts.",
    ],
)
def test_one_table_of_prepositions_frames_a_pronoun_and_a_demonstrative(sentence: str) -> None:
    assert leans_back(sentence)


def test_that_and_those_are_demonstratives_after_a_preposition_only() -> None:
    assert leans_back("Since that ruling, the company has cut 200 jobs.")
    # alone inside a sentence they open a clause, not a noun a sentence before named
    assert demonstrative_noun("Officials said that the bridge would reopen.", "en") == ""
    assert demonstrative_noun("Officials said those who stayed were safe.", "en") == ""
    assert demonstrative_noun("Officials said this bridge would reopen.", "en") == "this bridge"


def test_a_digest_line_that_leans_back_follows_only_its_own_sentence() -> None:
    told = "Vesburg approves harbour budget. Mayor Anna Kessler praised the harbour budget."
    line = "However, the budget still needs approval from the regional government."
    assert follows_on(line, "en", told=told, right_after=True)
    assert not follows_on(line, "en", told=told, right_after=False)
    # a thing nothing read has named cannot follow, right after or not
    assert not follows_on("Police said the protest was peaceful.", told=told, right_after=True)
