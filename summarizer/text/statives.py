"""Standing facts: a state told in the present ("X includes Y", "is home to"), not the news."""

from __future__ import annotations

import re
from itertools import pairwise

from summarizer.text.abbreviations import HONORIFICS
from summarizer.text.countries import names_country
from summarizer.text.days import days_of_month
from summarizer.text.language import stop_words, word_set
from summarizer.text.months import WEEKDAY_PHRASES
from summarizer.text.speech import ATTRIBUTIONS, SPEECH_VERBS_BY_LANGUAGE
from summarizer.text.verbs import WORD, tells_happening

__all__ = ["states_standing_fact"]


def _predicates(membership: str, standing: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A language's two kinds of stative predicate as patterns (see _PREDICATES)."""
    return (
        re.compile(rf"(?<!\w)(?:{membership})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{standing})(?!\w)", re.IGNORECASE),
    )


def _counting(quantities: str, counted: str = "") -> str:
    """A lookahead for a number next, maybe after one of the |-separated words of quantity
    ("employs about 5,000", "emploie plus de 300"); with `counted`, one of those |-separated
    nouns after it, maybe after a word of scale and a preposition ("conta 1,2 milioni di
    abitanti", "telt 3.000 medewerkers", "compte 67 millions d'habitants": an elided article
    before the noun)."""
    words = quantities.replace(" ", r"\s+")
    number = r"\d"
    if counted:
        number = rf"\d[\d.,]*(?:\s\d{{3}})*(?:\s+[^\W\d_]+){{0,2}}?\s+(?:d['’])?(?:{counted})(?!\w)"
    return rf"(?=\s+(?:(?:{words})\s+)?{number})"


# A capital letter whatever the flags: the name a place or a member is told by.
_CAPITAL = r"(?-i:[A-ZÀ-ÖØ-Þ])"
# A number within two words: a distance ("расположен в 30 километрах от Токио", "est situé à
# 30 km"), where an event such as a quake is placed, not a town.
_NEAR_NUMBER = r"(?:\s+[^\W\d_]+){0,2}\s+\d"
# Per language, two kinds of stative predicate in the present tense. Membership ("includes",
# "consists of", "входят") also tells who or what an event counts ("The victims include two
# children") or what a product holds, so it counts only before names ("The Customs Union
# includes Russia, Belarus and Kazakhstan": _MIN_NAMES words in title case after it).
# The others tell a state whatever their subject: "is home to", "grenzt an", "lies in Yorkshire".
# Each is kept only in the reading news does not share: "employs", "emploie", "beschäftigt"
# before a number ("La police emploie des gaz", "Der Fall beschäftigt den Bundestag"); the verbs
# that count ("compte", "cuenta con", "conta", "telt") before a number of inhabitants or staff
# (_COUNTED), as a team counts points and absentees and a party ministers ("Il Milan conta 3
# punti", "Feyenoord telt 2 blessures"); "lies in" before a name ("The boy lies in critical
# condition"), "comprend" before a name ("Macron comprend la colère"), "located" not before a
# distance, "проживает" before a number ("Подозреваемый проживает в Москве"); "is a member of"
# with a named body as its subject (see _names_a_body: "The injured man is a member of the Civil
# Guard"). Left out: the German "liegt in" ("Der Dax liegt am Mittag bei 15.000 Punkten"),
# English "borders" (a noun as often: "at the borders of Poland"), "is a member of" in the other
# languages ("El herido es miembro de la Guardia Civil"), Italian "impiega" (also a time taken:
# "Il treno impiega 3 ore"), "is part of" and "belongs to" ("The arrests are part of a
# crackdown", "The car belongs to the suspect", "gehört zu").
_SPANISH_ABOUT = "más de|unos|unas|cerca de|alrededor de"
_PORTUGUESE_ABOUT = "cerca de|mais de|quase|perto de"
_DUTCH_ABOUT = "ongeveer|zo['’]n|ruim|bijna|meer dan|circa|rond"
# The people a place or a firm counts: those who live or work there.
_COUNTED = {
    "fr": "habitants|résidents|salariés|employés|collaborateurs|agents",
    "es": "habitantes|residentes|empleados|trabajadores|vecinos",
    "it": "abitanti|residenti|dipendenti|lavoratori|addetti|impiegati",
    "pt": "habitantes|residentes|funcionários|trabalhadores|empregados|colaboradores",
    "nl": "inwoners|bewoners|werknemers|medewerkers|personeelsleden",
}
_PREDICATES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "en": _predicates(
        r"includes|include|comprises|comprise|consists\s+of|consist\s+of|encompasses"
        r"|(?:is|are)\s+(?:made\s+up|composed)\s+of",
        r"(?:is|are)\s+(?:also\s+)?(?:home\s+to|located\s+in|situated\s+in)"
        r"|(?P<member>(?:is|are)\s+(?:also\s+)?(?:an?\s+)?(?:founding\s+|full\s+|permanent\s+)?"
        rf"members?\s+of(?=\s+(?:the\s+)?{_CAPITAL}))"
        rf"|(?:employs|employ){_counting('about|around|some|nearly|almost|over|more than')}"
        rf"|lies\s+(?:in|on|between|along)(?=\s+{_CAPITAL})"
        r"|(?:has|have)\s+a\s+population\s+of",
    ),
    "de": _predicates(
        r"umfasst|umfassen|besteht\s+aus|bestehen\s+aus",
        r"(?:beschäftigt|beschäftigen)"
        rf"(?:\s+(?:weltweit|hierzulande|insgesamt|derzeit)){{0,2}}"
        rf"{_counting('rund|etwa|knapp|fast|gut|über|mehr als')}"
        r"|grenzt\s+an|grenzen\s+an|beherbergt|ist\s+Heimat",
    ),
    "fr": _predicates(
        rf"(?:comprend|comprennent)(?=\s+(?:(?:la|le|les)\s+|l['’])?{_CAPITAL})"
        r"|inclut|incluent|regroupe|regroupent|englobe|englobent"
        r"|se\s+compose\s+de|se\s+composent\s+de|(?:est|sont)\s+composée?s?\s+de",
        r"abrite|abritent|borde|bordent"
        rf"|(?:(?:est|sont)\s+située?s?|se\s+situe)(?!{_NEAR_NUMBER})"
        rf"|(?:emploie|emploient){_counting('plus de|près de|environ')}"
        rf"|(?:compte|comptent){_counting('plus de|près de|environ', _COUNTED['fr'])}",
    ),
    "es": _predicates(
        r"incluye|incluyen"
        rf"|(?:comprende|comprenden)(?=\s+(?:(?:a|al|el|la|los|las)\s+)?{_CAPITAL})"
        r"|consta\s+de|constan\s+de|se\s+compone\s+de"
        r"|se\s+componen\s+de|(?:está|están)\s+(?:formad|compuest)[oa]s?\s+(?:por|de)",
        r"alberga|albergan|limita\s+con|limitan\s+con|es\s+(?:el\s+)?hogar\s+de"
        rf"|(?:está|están)\s+(?:situad|ubicad)[oa]s?(?!{_NEAR_NUMBER})"
        rf"|(?:emplea|emplean)(?:\s+a)?{_counting(_SPANISH_ABOUT)}"
        rf"|(?:cuenta|cuentan)\s+con{_counting(_SPANISH_ABOUT, _COUNTED['es'])}",
    ),
    "it": _predicates(
        rf"(?:comprende|comprendono)(?=\s+(?:(?:il|lo|la|i|gli|le)\s+|l['’])?{_CAPITAL})"
        r"|include|includono|raggruppa|raggruppano|si\s+compone\s+di|si\s+compongono\s+di"
        r"|(?:è|sono)\s+compost[oaie]\s+da",
        r"confina\s+con|confinano\s+con"
        rf"|(?:è|sono)\s+(?:situat|ubicat)[oaie](?!{_NEAR_NUMBER})"
        r"|(?:conta|contano)"
        rf"{_counting('circa|oltre|più di|quasi|poco più di', _COUNTED['it'])}"
        r"|(?:ha|hanno)\s+una\s+popolazione\s+di",
    ),
    "pt": _predicates(
        r"inclui|incluem"
        rf"|(?:compreende|compreendem)(?=\s+(?:(?:o|a|os|as)\s+)?{_CAPITAL})"
        r"|(?:é|são)\s+(?:compost|formad)[oa]s?\s+(?:por|de)",
        r"faz\s+fronteira\s+com|fazem\s+fronteira\s+com"
        rf"|(?:está|estão|fica|ficam)\s+(?:situad|localizad)[oa]s?(?!{_NEAR_NUMBER})"
        rf"|(?:emprega|empregam){_counting(_PORTUGUESE_ABOUT)}"
        rf"|(?:conta|contam)\s+com{_counting(_PORTUGUESE_ABOUT, _COUNTED['pt'])}"
        r"|(?:tem|têm)\s+uma\s+população\s+de",
    ),
    "nl": _predicates(
        r"omvat|omvatten|bestaat\s+uit|bestaan\s+uit|(?:is|zijn)\s+samengesteld\s+uit",
        r"grenst\s+aan|grenzen\s+aan"
        rf"|(?:is|zijn)\s+(?:gelegen|gevestigd)\s+in(?!{_NEAR_NUMBER})"
        rf"|(?:telt|tellen){_counting(_DUTCH_ABOUT, _COUNTED['nl'])}"
        r"|(?:heeft|hebben)\s+een\s+bevolking\s+van",
    ),
    "ru": _predicates(
        r"входит|входят|включает|включают|состоит\s+из|состоят\s+из|объединяет"
        r"|объединяют",
        r"насчитывает|насчитывают|граничит\s+с|граничат\s+с"
        rf"|расположен[аоы]?(?!{_NEAR_NUMBER})|(?:проживает|проживают)(?={_NEAR_NUMBER})",
    ),
    "uk": _predicates(
        r"входить|входять|включає|включають|складається\s+з|складаються\s+з"
        r"|об['’]єднує|об['’]єднують",
        r"налічує|налічують|межує\s+з|межують\s+з"
        rf"|розташован[аеиі]й?(?!{_NEAR_NUMBER})|(?:проживає|проживають)(?={_NEAR_NUMBER})",
    ),
}
# Words before the predicate that put it in a clause of its own ("The company, which employs
# 5,000 people, plans ..."): the state is then not what the sentence tells. German and the
# other languages whose relative pronouns are also articles: any comma before the predicate.
_CLAUSE_WORDS: dict[str, frozenset[str]] = {
    "en": word_set("which who whom whose that where"),
    "fr": word_set("qui que qu' dont où"),
    "es": word_set("que quien quienes cual cuales donde"),
    "it": word_set("che cui quale quali dove"),
    "pt": word_set("que quem qual quais onde cujo cuja"),
    "ru": word_set("который которая которое которые которого которой которых где"),
    "uk": word_set("який яка яке які якого якої яких де"),
}
# Words that make the sentence someone's, before the predicate or after it ("Officials say the
# region is home to ...", "The fire lies in Sierra Nevada, officials say.", ", disse o
# porta-voz", ", a déclaré le maire", "according to"): summarizer.text.speech.
_SPEECH_WORDS: dict[str, frozenset[str]] = {
    language: SPEECH_VERBS_BY_LANGUAGE[language] | ATTRIBUTIONS.get(language, frozenset())
    for language in _PREDICATES
}
# Nouns of what an event makes or counts, "new" and "now": "The package includes tax cuts",
# "The victims include two children", "England's squad includes Harry Kane", "The new cabinet
# comprises 20 ministers" tell the news. "line-up" is read joined ("lineup").
_NEWS_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        """new deal agreement accord plan plans bill proposal proposals package budget law treaty
        report statement list letter document measure measures decree order ruling draft offer
        contract settlement programme program strategy reform reforms terms conditions demands
        victims dead injured wounded casualties survivors suspects squad shortlist lineup cabinet
        team now"""
    ),
    "de": word_set(
        """neue neuen neuer neues Abkommen Plan Paket Gesetz Vertrag Entwurf Vorschlag Bericht
        Liste Maßnahme Maßnahmen Vereinbarung Einigung Haushalt Programm Reform Opfer Toten
        Verletzten Kader Aufgebot Mannschaft Team Kabinett Shortlist Aufstellung nun jetzt"""
    ),
    "fr": word_set(
        """nouveau nouvel nouvelle nouveaux nouvelles accord plan projet proposition paquet budget
        loi traité rapport déclaration liste lettre document mesure mesures décret décision offre
        contrat programme réforme victimes morts blessés équipe sélection effectif cabinet
        composition désormais maintenant"""
    ),
    "es": word_set(
        """nuevo nueva nuevos nuevas acuerdo plan proyecto propuesta paquete presupuesto ley
        tratado informe declaración lista carta documento medida medidas decreto decisión oferta
        contrato programa reforma víctimas muertos heridos equipo plantilla convocatoria
        selección gabinete alineación ahora"""
    ),
    "it": word_set(
        """nuovo nuova nuovi nuove accordo piano progetto proposta pacchetto bilancio legge
        trattato rapporto dichiarazione lista elenco lettera documento misura misure decreto
        decisione offerta contratto programma riforma vittime morti feriti squadra rosa
        convocati selezione gabinetto formazione ora adesso"""
    ),
    "pt": word_set(
        """novo nova novos novas acordo plano projeto proposta pacote orçamento lei tratado
        relatório declaração lista carta documento medida medidas decreto decisão oferta
        contrato programa reforma vítimas mortos feridos equipa equipe seleção convocados
        elenco gabinete agora"""
    ),
    "nl": word_set(
        """nieuw nieuwe akkoord overeenkomst plan pakket begroting wet verdrag rapport verklaring
        lijst brief document maatregel maatregelen besluit decreet voorstel aanbod contract
        programma hervorming slachtoffers doden gewonden ploeg selectie team kabinet opstelling
        nu inmiddels"""
    ),
    "ru": word_set(
        """новый новая новое новые нового новой новом новых соглашение соглашения план проект
        предложение пакет бюджет закон договор доклад отчёт отчет заявление список письмо
        документ мера меры указ решение программа реформа жертвы погибшие пострадавшие сборная
        сборной команда команды кабинет теперь"""
    ),
    "uk": word_set(
        """новий нова нове нові нового нової новому нових угода угоди план проект пропозиція
        пакет бюджет закон договір доповідь звіт заява список лист документ захід заходи указ
        рішення програма реформа жертви загиблі постраждалі збірна збірної команда команди
        кабінет тепер"""
    ),
}
# Days a happening is dated by without a number: "today", "gestern", "вчера".
_DAYS: dict[str, frozenset[str]] = {
    "en": word_set("today yesterday tomorrow tonight"),
    "de": word_set("heute gestern morgen"),
    "fr": word_set("aujourd'hui hier demain"),
    "es": word_set("hoy ayer"),
    "it": word_set("oggi ieri domani stasera"),
    "pt": word_set("hoje ontem amanhã"),
    "nl": word_set("vandaag gisteren morgen vanavond"),
    "ru": word_set("сегодня вчера завтра"),
    "uk": word_set("сьогодні вчора учора завтра"),
}
# Languages whose relative pronouns are also articles or conjunctions ("die", "dat"): any comma
# before the predicate may open a clause of its own.
_COMMA_CLAUSES = frozenset({"de", "nl"})
_MIN_NAMES = 2
_MAX_SUBJECT_WORDS = 15  # words before the predicate: further on, it is no main clause's verb


def states_standing_fact(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence states a standing fact in the present rather than news.

    "The Customs Union includes Russia, Belarus and Kazakhstan.", "The region is home to
    two million people.", "The company employs 5,000 people.": what holds whatever happened.
    Such a line may help a reader, but a digest ranks it below the lines that tell the news.
    A sentence with a past or future form (verbs.tells_happening: "joined", "will include") or
    a date of its happening ("on Tuesday", "26 October", "yesterday") tells news; so does a
    predicate in a clause of its own or in a speaker's words, and one whose sentence names what
    an event makes or counts ("The package includes", "The victims include").

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; en, de, fr, es, it, pt, nl, ru and uk are read (others: False).

    Returns:
        True for a standing fact.
    """
    predicates = _PREDICATES.get(language)
    if predicates is None:
        return False
    membership, standing = predicates
    match = standing.search(sentence)
    named = False
    if match is None:
        match = membership.search(sentence)
        named = True
    if match is None:
        return False
    before, after = sentence[: match.start()], sentence[match.end() :]
    subject = WORD.findall(before)
    if not subject or len(subject) > _MAX_SUBJECT_WORDS:
        return False
    rest = WORD.findall(after)
    if named and sum(w[:1].isupper() for w in rest) < _MIN_NAMES:
        return False  # "The Galaxy S 5 includes Samsung's removable back cover": a thing
    speech = _SPEECH_WORDS[language]
    if speech & {w.lower() for w in subject + rest}:
        return False
    member = match.groupdict().get("member")
    if member and not _names_a_body(before, member, language):
        return False  # "The injured man is a member of the Civil Guard": a person described
    lowered = sentence.lower().replace("’", "'")
    # the words as written and with their hyphens dropped: "line-up" is "lineup"; not those
    # that open a name ("New" of "New Zealand", "New York")
    words = set(WORD.findall(lowered)) | set(WORD.findall(lowered.replace("-", "")))
    words -= _opening_names(sentence)
    if language in _COMMA_CLAUSES:
        if "," in before:
            return False
        words |= set(WORD.findall(sentence))  # German nouns are capitalised
    elif _CLAUSE_WORDS[language] & {w.lower() for w in subject}:
        return False
    if words & (_NEWS_WORDS[language] | _DAYS[language]):
        return False
    # the predicate itself is no happening: "is located in", "is made up of"
    unsaid = f"{before} {after}"
    return not _dated(sentence, lowered, language) and not tells_happening(unsaid, language)


def _names_a_body(before: str, predicate: str, language: str) -> bool:
    """Tell whether the subject of "is a member of" names a country or a body ("Finland",
    "Norway and Iceland", "The UK"), not people. English only: the other languages' "is a
    member of" is left out of _PREDICATES.

    A country's name as CLDR gives it in English, or a common English form of it, is one
    whatever the case of its words ("Bosnia and Herzegovina", "Ivory Coast":
    summarizer.text.countries). Else the subject is a name (_named) and none of these: a
    person's, after an honorific ("Mr Smith") or written as given and family name, two or more
    capitalised words without an article ("John Smith"); a plural told by one word, which
    names people, as several bodies are joined by "and" or commas ("Protesters are members",
    "Officers are members", "Several Brits are members"); the subject of a headline in title
    case, whose every word is capitalised ("Suspect Is a Member of the Gang").
    """
    if not predicate.islower():
        return False
    subject = WORD.findall(before)
    if names_country(subject, language):
        return True  # "Bosnia and Herzegovina", "Ivory Coast"
    if not _named(subject, language):
        return False
    if HONORIFICS & {word.lower() for word in subject}:
        return False
    stops = stop_words(language)
    bare = len(subject) > 1 and not stops & {word.lower() for word in subject}
    if bare and not names_country(subject, language):
        return False
    plural = predicate.startswith("are")
    return not plural or "," in before or "and" in subject


def _opening_names(sentence: str) -> set[str]:
    """The words, lower-cased, that open a name of capitalised words: a capitalised word before a
    word in title case, with no mark between ("New" of "New Zealand is a member of ...", "New
    York is home to ..."). Such a word is a name's, not one of the news ("The new
    cabinet comprises ...", "New members include ..."). A capitalised word before the first
    name of a sentence is read as its part too ("Now Finland is a member"), the cost of the
    rule."""
    tokens = sentence.split()
    return {
        word.lower()
        for word, following in pairwise(tokens)
        if word[:1].isupper()
        and word.isalpha()
        and following[:1].isupper()
        and not following.rstrip(".,;:!?").isupper()
    }


def _named(subject: list[str], language: str) -> bool:
    """Tell whether a subject is a name ("Finland", "Norway and Iceland", "The UK"): a
    capitalised word that is no stop word, and no lower-case word but stop words ("The injured
    man", "He" describe a person in the news)."""
    stops = stop_words(language)
    if not any(word[:1].isupper() and word.lower() not in stops for word in subject):
        return False
    return all(word[:1].isupper() or word.lower() in stops for word in subject)


def _dated(sentence: str, lowered: str, language: str) -> bool:
    """Tell whether a sentence names a day: a day of the month or a weekday ("am Dienstag")."""
    if next(days_of_month(sentence, language), None) is not None:
        return True
    return any(
        (phrase in sentence) if phrase[:1].isupper() else (phrase in lowered)
        for phrase in WEEKDAY_PHRASES
    )
