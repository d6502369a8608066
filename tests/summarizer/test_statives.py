"""Standing facts: a state told in the present ranks below the news of an event."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.events.digest import build_digest
from summarizer.text.rules import is_background
from summarizer.text.statives import states_standing_fact
from tests.summarizer.test_events_digest import _event, digest_docs


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Customs Union includes Russia, Belarus and Kazakhstan.", "en"),
        ("The Eurasian Union consists of Russia, Belarus, Kazakhstan and Armenia.", "en"),
        ("The region is home to about two million people.", "en"),
        ("The company employs 5,000 people in Britain.", "en"),
        ("The town lies in Yorkshire, between Leeds and York.", "en"),
        # the predicate's own past-looking form is no happening
        ("The city is located in northern Italy.", "en"),
        ("The village is situated in the Alps.", "en"),
        ("The council is made up of Labour and Green members.", "en"),
        ("Die Zollunion umfasst Russland, Belarus und Kasachstan.", "de"),
        ("Der Konzern beschäftigt weltweit 5.000 Mitarbeiter.", "de"),
        ("L'Union douanière comprend la Russie, le Bélarus et le Kazakhstan.", "fr"),
        ("La ville compte 300 000 habitants.", "fr"),
        ("La France compte 67 millions d'habitants.", "fr"),  # an elided article before the noun
        ("La Unión Aduanera incluye a Rusia, Bielorrusia y Kazajistán.", "es"),
        ("La empresa emplea a 5.000 personas.", "es"),
        ("В Таможенный союз входят Россия, Белоруссия и Казахстан.", "ru"),
        ("Компания насчитывает 5 тысяч сотрудников.", "ru"),
        ("Город расположен на берегу Волги.", "ru"),
        ("До Митного союзу входять Росія, Білорусь і Казахстан.", "uk"),
        # a named country or body a member of a named one
        ("Finland is a member of the European Union and the Nordic Council.", "en"),
        ("Norway and Iceland are members of NATO but not of the EU.", "en"),
        ("Turkey is also a founding member of the G20.", "en"),
        ("L'Unione doganale comprende Russia, Bielorussia e Kazakistan.", "it"),
        ("La città conta circa 300.000 abitanti.", "it"),
        ("Il paese confina con Francia, Svizzera e Austria.", "it"),
        ("Il villaggio è situato nelle Alpi.", "it"),
        ("A União Aduaneira inclui Rússia, Bielorrússia e Cazaquistão.", "pt"),
        ("A empresa emprega cerca de 5.000 pessoas.", "pt"),
        ("O país faz fronteira com Espanha e o oceano Atlântico.", "pt"),
        ("A cidade está situada no norte de Portugal.", "pt"),
        ("De douane-unie omvat Rusland, Wit-Rusland en Kazachstan.", "nl"),
        ("De stad telt ongeveer 300.000 inwoners.", "nl"),
        ("Het land grenst aan Duitsland en België.", "nl"),
        ("Het bedrijf is gevestigd in Eindhoven.", "nl"),
        # counting verbs count people who live or work there
        ("Il comune conta 1,2 milioni di abitanti.", "it"),
        ("A cidade conta com cerca de 500 mil habitantes.", "pt"),
        ("Het ziekenhuis telt 3.000 medewerkers.", "nl"),
        ("La ciudad cuenta con unos 300.000 habitantes.", "es"),
        ("The UK is a member of NATO and the G7.", "en"),
        ("Belgium, the Netherlands and Luxembourg are members of the Benelux Union.", "en"),
        # a country of two words, by its CLDR name; "New" opens a name, no news
        ("New Zealand is a member of the Commonwealth.", "en"),
        ("Saudi Arabia is a member of OPEC.", "en"),
        ("Ivory Coast is a member of the African Union.", "en"),  # an English form of a name
        ("Bosnia and Herzegovina is a member of the Council of Europe.", "en"),
        ("New Zealand is home to five million people.", "en"),
        ("New York is home to eight million people.", "en"),
    ],
)
def test_a_standing_fact_in_the_present_is_background(text: str, language: str) -> None:
    assert states_standing_fact(text, language)
    assert is_background(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a past or future form, or a date, tells a happening
        ("Armenia joined the Customs Union, which includes Russia and Belarus.", "en"),
        ("The Customs Union will include Armenia and Kyrgyzstan from January.", "en"),
        ("The Customs Union includes Russia and Belarus since Tuesday.", "en"),
        ("Russland trat der Zollunion am 2. Januar bei, die Belarus und Kasachstan umfasst.", "de"),
        ("L'Union douanière comprenait la Russie, le Bélarus et le Kazakhstan.", "fr"),
        ("La Unión Aduanera incluye desde ayer a Armenia y Kirguistán.", "es"),
        ("Армения вошла в Таможенный союз во вторник.", "ru"),
        # a clause of its own, or someone's words
        ("The company, which employs 5,000 people, plans to cut 500 jobs.", "en"),
        ("Officials say the Customs Union includes Russia, Belarus and Kazakhstan.", "en"),
        ("The fire lies in a remote area of the Sierra Nevada, officials say.", "en"),
        ("The fire lies in Sierra Nevada, officials say.", "en"),
        # what an event makes or counts, or a product holds: the news itself
        ("The package includes tax cuts for small firms in Wales and Scotland.", "en"),
        ("The victims include two children and a French tourist.", "en"),
        ("The Galaxy S 5 includes Samsung's removable back cover and battery.", "en"),
        ("Das neue Paket umfasst Steuersenkungen für Familien.", "de"),
        ("El paquete incluye recortes de impuestos para Madrid y Sevilla.", "es"),
        ("England's squad for the Euros includes Harry Kane and Marcus Rashford.", "en"),
        (
            "The shortlist for this year's Booker Prize includes"
            " Margaret Atwood and Salman Rushdie.",
            "en",
        ),
        # a predicate's other reading: a noun, a condition, a use, understanding, a distance
        ("Thousands of migrants are stuck at the borders of Poland and Belarus.", "en"),
        ("Germany reopens its borders to travellers from France and Austria.", "en"),
        ("The boy lies in critical condition at a hospital in Leeds.", "en"),
        ("Der Verdächtige liegt im Krankenhaus.", "de"),
        ("Die Inzidenz liegt im Kreis Gütersloh bei 270,2.", "de"),
        ("Der Dax liegt am Mittag bei 15.000 Punkten.", "de"),
        ("Der Fall beschäftigt nun auch den Bundestag.", "de"),
        ("La police emploie des gaz lacrymogènes contre les manifestants à Paris.", "fr"),
        ("Emmanuel Macron comprend la colère des agriculteurs de Bretagne et de Normandie.", "fr"),
        ("La policía emplea gases lacrimógenos contra los manifestantes en Madrid.", "es"),
        ("El herido es miembro de la Guardia Civil.", "es"),
        ("Эпицентр расположен в 30 километрах от Токио.", "ru"),
        ("Подозреваемый проживает в Москве.", "ru"),
        ("Епіцентр розташований за 30 кілометрів від Києва.", "uk"),
        # no stative predicate, or one that tells the news: "is part of a crackdown"
        ("The arrests are part of a crackdown on corruption in the ministry.", "en"),
        ("Police arrested two men in Minsk.", "en"),
        # a member described in the news: a person, or a body told by no name
        ("The injured man is a member of the Civil Guard.", "en"),
        ("Diego Garcia is a member of the Civil Guard.", "en"),  # a person, no country
        ("He is a member of the Revolutionary Guards, the ministry said.", "en"),
        ("The suspect is a member of a far-right group in Saxony.", "en"),
        ("Finland is a member of the European Union, officials say.", "en"),
        ("Sweden is now a member of NATO after Hungary's vote.", "en"),
        # Italian, Portuguese and Dutch: the news, a clause, someone's words, other readings
        ("Il nuovo pacchetto comprende tagli alle tasse per Roma e Milano.", "it"),
        ("Le vittime includono due bambini e un turista francese.", "it"),
        ("Il presidente comprende la rabbia degli agricoltori in Puglia e Sicilia.", "it"),
        ("L'epicentro è situato a 30 chilometri da Tokyo.", "it"),
        ("La città, che conta 300.000 abitanti, ha votato ieri.", "it"),
        ("Secondo il ministro, l'Unione comprende Russia e Bielorussia.", "it"),
        ("O novo pacote inclui cortes de impostos para Lisboa e Porto.", "pt"),
        ("A polícia emprega gás lacrimogêneo contra os manifestantes.", "pt"),
        ("O epicentro está situado a 30 quilômetros de Tóquio.", "pt"),
        ("A empresa, que emprega 5.000 pessoas, vai cortar 500 empregos.", "pt"),
        ("Het nieuwe pakket omvat belastingverlagingen voor Amsterdam en Rotterdam.", "nl"),
        ("De verdachte ligt in het ziekenhuis.", "nl"),
        ("De stad, die 300.000 inwoners telt, stemde gisteren.", "nl"),
        ("Het land grenst aan Duitsland, zegt de minister.", "nl"),
        # a counting verb before a number of anything but inhabitants or staff: a tally
        ("Il Milan conta 3 punti di vantaggio sull'Inter.", "it"),
        ("L'Inter conta 5 assenti per la partita di domenica.", "it"),
        ("La Lega conta 3 ministri nel governo Meloni.", "it"),
        ("Il treno impiega 3 ore per arrivare a Roma.", "it"),
        ("O Benfica conta com 3 reforços para a época.", "pt"),
        ("O Porto conta com 2 lesionados para o jogo de domingo.", "pt"),
        ("Ajax telt 3 punten voorsprong op PSV.", "nl"),
        ("Feyenoord telt 2 blessures voor het duel.", "nl"),
        ("Le PSG compte 3 points d'avance sur Marseille.", "fr"),
        ("El Real Madrid cuenta con 3 bajas para el partido.", "es"),
        # a weekday or a speaker's past words in Italian, Portuguese and Dutch
        ("Il museo è situato nel centro di Roma da lunedì.", "it"),
        ("Il villaggio è situato nelle Alpi, ha detto il sindaco.", "it"),
        ("A sede está situada em Lisboa, disse na segunda-feira o porta-voz.", "pt"),
        ("A sede está situada em Lisboa, disse o porta-voz.", "pt"),
        ("La ciudad está situada en el norte, dijo el portavoz.", "es"),
        ("La ville est située au bord de la Loire, a déclaré le maire.", "fr"),
        ("A sede está situada em Lisboa desde segunda-feira.", "pt"),
        ("Het bedrijf is gevestigd in Eindhoven, op maandag nog in Delft.", "nl"),
        ("Het bedrijf is gevestigd in Eindhoven, zei de woordvoerder.", "nl"),
        # members who are people, or a headline in title case
        ("Protesters are members of the Extinction Rebellion group.", "en"),
        ("Officers are members of the Metropolitan Police.", "en"),
        ("Several Brits are members of the Islamic State group.", "en"),
        ("Suspect Is a Member of the Gang", "en"),
        ("John Smith is a member of the Labour Party.", "en"),
        ("Mr Smith is a member of the Garrick Club.", "en"),
        ("Dr. Jones is a member of the Royal Society.", "en"),
        ("Team Sky is a member of the Union Cycliste.", "en"),  # two words, no country's
        ("New Zealand joined the Commonwealth in 1931.", "en"),
        ("New members include Finland and Sweden.", "en"),  # "New" before a noun: the news
        # a speaker's past, from text.speech's one table of every language
        ("Das Unternehmen beschäftigt rund 5.000 Mitarbeiter, berichtete die Zeitung.", "de"),
    ],
)
def test_a_happening_or_the_news_itself_is_no_standing_fact(text: str, language: str) -> None:
    assert not states_standing_fact(text, language)


def test_languages_without_tables_are_not_judged() -> None:
    assert not states_standing_fact("Unia celna obejmuje Rosję, Białoruś i Kazachstan.", "pl")


def test_the_seed_event_tells_its_news_before_the_customs_union(seeds: list[Path]) -> None:
    texts = [line.text for line in build_digest(digest_docs(seeds)[:3]).lines]
    assert texts and not any(states_standing_fact(text) for text in texts), texts


def test_a_standing_fact_ranks_below_the_news_as_a_standing_accusation_does() -> None:
    # three outlets recall the fact in their lead, one tells the news: without the background
    # weight, the fact's support and lead position would make it the digest's line
    news = "The leaders of Russia and Belarus met in Minsk on Tuesday for talks on gas prices."
    fact = "The customs union of the former Soviet states includes Russia, Belarus and Kazakhstan"
    docs = _event(
        f"{fact}. {news}",
        f"{fact} as its three members. Gas is cheap there.",
        f"{fact} as its members. Talks went on all day.",
        title="Minsk talks",
    )
    assert [line.text for line in build_digest(docs, sentences=1).lines] == [news]
