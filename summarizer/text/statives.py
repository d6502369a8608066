"""Standing facts: a state told in the present ("X includes Y", "is home to"), not the news."""

from __future__ import annotations

import re

from summarizer.text.days import days_of_month
from summarizer.text.language import word_set
from summarizer.text.months import WEEKDAY_PHRASES
from summarizer.text.speech import SPEECH_VERBS
from summarizer.text.verbs import tells_happening

__all__ = ["states_standing_fact"]


def _predicates(membership: str, standing: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A language's two kinds of stative predicate as patterns (see _PREDICATES)."""
    return (
        re.compile(rf"(?<!\w)(?:{membership})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{standing})(?!\w)", re.IGNORECASE),
    )


# Per language, two kinds of stative predicate in the present tense. Membership ("includes",
# "consists of", "входят") also tells who or what an event counts ("The victims include two
# children") or what a product holds, so it counts only before names ("The Customs Union
# includes Russia, Belarus and Kazakhstan": _MIN_NAMES words in title case after it).
# The others tell a state whatever their subject: "is home to", "employs", "borders", "lies in".
# Not "is part of" nor "belongs to": "The arrests are part of a crackdown", "The car belongs to
# the suspect".
_PREDICATES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "en": _predicates(
        r"includes|include|comprises|comprise|consists\s+of|consist\s+of|encompasses"
        r"|(?:is|are)\s+(?:made\s+up|composed)\s+of",
        r"(?:is|are)\s+(?:also\s+)?(?:home\s+to|located\s+in|situated\s+in|(?:a\s+)?members?\s+of)"
        r"|employs|employ|borders|lies\s+(?:in|on|between|along)"
        r"|(?:has|have)\s+a\s+population\s+of",
    ),
    "de": _predicates(
        r"umfasst|umfassen|besteht\s+aus|bestehen\s+aus|gehört\s+zu[mr]?|gehören\s+zu[mr]?",
        r"beschäftigt(?!\s+sich)|beschäftigen(?!\s+sich)|grenzt\s+an|grenzen\s+an|beherbergt"
        r"|liegt\s+(?:in|im|an|am|auf|zwischen)|ist\s+(?:Heimat|Mitglied)"
        r"|sind\s+Mitglieder",
    ),
    "fr": _predicates(
        r"comprend|comprennent|inclut|incluent|regroupe|regroupent|englobe|englobent"
        r"|se\s+compose\s+de|se\s+composent\s+de|(?:est|sont)\s+composée?s?\s+de",
        r"emploie|emploient|abrite|abritent|borde|bordent|(?:est|sont)\s+située?s?"
        r"|se\s+situe|est\s+membre\s+d[eu']|sont\s+membres\s+d[eu']|compte(?=\s+(?:plus\s+de\s+|près\s+de\s+|environ\s+)?\d)",
    ),
    "es": _predicates(
        r"incluye|incluyen|comprende|comprenden|consta\s+de|constan\s+de|se\s+compone\s+de"
        r"|se\s+componen\s+de|(?:está|están)\s+(?:formad|compuest)[oa]s?\s+(?:por|de)",
        r"emplea|emplean|alberga|albergan|limita\s+con|limitan\s+con|es\s+miembro\s+de|son\s+miembros\s+de|(?:está|están)\s+situad[oa]s?"
        r"|(?:está|están)\s+ubicad[oa]s?|es\s+(?:el\s+)?hogar\s+de"
        r"|cuenta\s+con(?=\s+(?:más\s+de\s+|unos\s+|unas\s+|cerca\s+de\s+)?\d)",
    ),
    "ru": _predicates(
        r"входит|входят|включает|включают|состоит\s+из|состоят\s+из|объединяет"
        r"|объединяют",
        r"насчитывает|насчитывают|граничит\s+с|граничат\s+с|расположен[аоы]?"
        r"|является\s+членом|являются\s+членами|проживает|проживают",
    ),
    "uk": _predicates(
        r"входить|входять|включає|включають|складається\s+з|складаються\s+з"
        r"|об['’]єднує|об['’]єднують",
        r"налічує|налічують|межує\s+з|межують\s+з|розташован[аеиі]й?|є\s+членом|є\s+членами|проживає|проживають",
    ),
}
# Words before the predicate that put it in a clause of its own or in someone's words ("The
# company, which employs 5,000 people, plans ...", "Officials say the region is home to ..."):
# the state is then not what the sentence tells. German and the other languages whose relative
# pronouns are also articles: any comma before the predicate.
_CLAUSE_WORDS: dict[str, frozenset[str]] = {
    "en": SPEECH_VERBS | word_set("which who whom whose that where"),
    "fr": word_set("qui que qu' dont où"),
    "es": word_set("que quien quienes cual cuales donde"),
    "ru": word_set("который которая которое которые которого которой которых где"),
    "uk": word_set("який яка яке які якого якої яких де"),
}
# Nouns of what an event makes or counts, and "new": "The package includes tax cuts", "The
# victims include two children", "The new cabinet comprises 20 ministers" tell the news.
_NEWS_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        """new deal agreement accord plan plans bill proposal proposals package budget law treaty
        report statement list letter document measure measures decree order ruling draft offer
        contract settlement programme program strategy reform reforms terms conditions demands
        victims dead injured wounded casualties survivors suspects"""
    ),
    "de": word_set(
        """neue neuen neuer neues Abkommen Plan Paket Gesetz Vertrag Entwurf Vorschlag Bericht
        Liste Maßnahme Maßnahmen Vereinbarung Einigung Haushalt Programm Reform Opfer Toten
        Verletzten"""
    ),
    "fr": word_set(
        """nouveau nouvel nouvelle nouveaux nouvelles accord plan projet proposition paquet budget
        loi traité rapport déclaration liste lettre document mesure mesures décret décision offre
        contrat programme réforme victimes morts blessés"""
    ),
    "es": word_set(
        """nuevo nueva nuevos nuevas acuerdo plan proyecto propuesta paquete presupuesto ley
        tratado informe declaración lista carta documento medida medidas decreto decisión oferta
        contrato programa reforma víctimas muertos heridos"""
    ),
    "ru": word_set(
        """новый новая новое новые нового новой новом новых соглашение соглашения план проект
        предложение пакет бюджет закон договор доклад отчёт отчет заявление список письмо
        документ мера меры указ решение программа реформа жертвы погибшие пострадавшие"""
    ),
    "uk": word_set(
        """новий нова нове нові нового нової новому нових угода угоди план проект пропозиція
        пакет бюджет закон договір доповідь звіт заява список лист документ захід заходи указ
        рішення програма реформа жертви загиблі постраждалі"""
    ),
}
# Days a happening is dated by without a number: "today", "gestern", "вчера".
_DAYS: dict[str, frozenset[str]] = {
    "en": word_set("today yesterday tomorrow tonight"),
    "de": word_set("heute gestern morgen"),
    "fr": word_set("aujourd'hui hier demain"),
    "es": word_set("hoy ayer"),
    "ru": word_set("сегодня вчера завтра"),
    "uk": word_set("сьогодні вчора учора завтра"),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
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
        language: ISO 639-1 code; en, de, fr, es, ru and uk are read (others: False).

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
    subject = _WORD.findall(sentence[: match.start()])
    if not subject or len(subject) > _MAX_SUBJECT_WORDS:
        return False
    names = [w for w in _WORD.findall(sentence[match.end() :]) if w[:1].isupper()]
    if named and len(names) < _MIN_NAMES:
        return False  # "The Galaxy S 5 includes Samsung's removable back cover": a thing
    lowered = sentence.lower().replace("’", "'")
    words = set(_WORD.findall(lowered))
    if language == "de":
        if "," in sentence[: match.start()]:
            return False
        words |= set(_WORD.findall(sentence))  # German nouns are capitalised
    elif _CLAUSE_WORDS[language] & {w.lower() for w in subject}:
        return False
    if words & (_NEWS_WORDS[language] | _DAYS[language]):
        return False
    return not _dated(sentence, lowered, language) and not tells_happening(sentence, language)


def _dated(sentence: str, lowered: str, language: str) -> bool:
    """Tell whether a sentence names a day: a day of the month or a weekday ("am Dienstag")."""
    if next(days_of_month(sentence, language), None) is not None:
        return True
    return any(
        (phrase in sentence) if phrase[:1].isupper() else (phrase in lowered)
        for phrase in WEEKDAY_PHRASES
    )
