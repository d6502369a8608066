"""Definite references: a "the ..." phrase opening a clause that nothing before has introduced."""

from __future__ import annotations

import re

from summarizer.text.language import alternation, stop_words, word_set
from summarizer.text.quotes import outside_quotes
from summarizer.text.speech import SPEECH_VERBS
from summarizer.text.tokenizer import OPENING_MARKS, WORD_OR_MARK, words

__all__ = ["unresolved_reference"]


# Definite articles of languages whose common nouns are written in lower case (German nouns are
# capitalised, so a name cannot be told from a noun there; Slavic languages have no articles).
_DEFINITE: dict[str, frozenset[str]] = {
    "en": word_set("the"),
    "fr": word_set("le la les l'"),
    "es": word_set("el la los las"),
    "it": word_set("il lo la i gli le l'"),
    "pt": word_set("o os as"),
    "nl": word_set("de het"),
}
_NOUN_FIRST = frozenset({"fr", "es", "it", "pt"})
# Words after a noun phrase that specify it on the spot ("the meeting at the hall", "the man who").
_SPECIFIERS: dict[str, frozenset[str]] = {
    "en": word_set(
        """of that which who whose whom at in on from for with to near about behind between over
        under after before during since against into across around outside inside by"""
    ),
    "fr": word_set("de du des d' qui que qu' à au aux en pour sur dans avec par contre chez"),
    "es": word_set("de del que quien a al en para sobre con por contra entre desde"),
    "it": word_set("di del della dei delle che a al alla in per su con da tra fra contro"),
    "pt": word_set("de do da dos das que a ao em no na para sobre com por entre contra"),
    "nl": word_set("van die dat in op met voor uit bij naar tegen over tussen"),
}
# Nouns that a definite article makes unique without an introduction ("the world", "the week").
_SITUATIONAL: dict[str, frozenset[str]] = {
    "en": word_set(
        """world time moment past future present public internet weekend week month year day
        morning afternoon evening night today end start beginning rest number way fact idea
        first last same next following latest most top bottom middle other former latter
        country nation government state economy sun moon earth planet sky sea air weather
        president police army military court parliament congress senate market markets
        industry media press news case deal"""
    ),
}
# Nouns that name again something a text has named ("the news organization", "the media
# group"): a situational word before them ("news", "media") does not make them unique.
_RENAMING: dict[str, frozenset[str]] = {
    "en": word_set(
        """organization organisation company firm group agency outlet publication newspaper
        network channel broadcaster website site report study statement"""
    ),
}
# English nouns that name a person by what they are or did ("the hunter", "the gunman", "the
# victim"): a report writes one after it has introduced the person ("A hunter who ate a wild
# rabbit ..."), wherever in a line it stands ("28 people in close contact with the hunter").
_PERSONS: dict[str, frozenset[str]] = {
    "en": word_set(
        """man woman boy girl child baby toddler teenager teen youngster pensioner hunter gunman
        attacker assailant shooter stabber suspect victim driver motorist passenger pilot
        cyclist pedestrian rider hiker climber swimmer fisherman patient"""
    ),
}
# Of those, the nouns that name a part someone plays in a happening ("the victim", "the
# suspect", "the driver"): once a text has introduced a person ("A 34-year-old man was
# stabbed", "Police arrested a man"), the part names that person or one of the happening's.
_ROLES: dict[str, frozenset[str]] = {
    "en": word_set(
        """hunter gunman attacker assailant shooter stabber suspect victim driver motorist
        passenger pilot cyclist pedestrian rider hiker climber swimmer fisherman patient"""
    ),
}
# A person introduced without a noun of _PERSONS: by age ("a 40-year-old", "a
# thirty-year-old") or as "a/an ... man/woman/person" ("a local man", "an unnamed person").
_SOMEONE = re.compile(
    r"\b[\w-]+-year-old\b|\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|person)\b",
    re.IGNORECASE,
)
# A vehicle named brings those who drive or ride it ("Bus crash kills three", then "the
# driver was arrested"): the part belongs to the vehicle.
_VEHICLES = word_set(
    """car cars bus buses coach lorry lorries truck trucks van vans taxi taxis tram train
    trains minibus vehicle vehicles motorbike motorcycle plane planes aircraft jet airliner
    helicopter flight ferry boat ship"""
)
_RIDERS = word_set("driver motorist passenger pilot")
_PERSON_WINDOW = 12  # words of a line read for a person named by what they are
# What may follow such a noun for it to be read: the end of a clause, or a verb of its own
# ("with the hunter were quarantined", "the teenager also has"). Any other word may say who
# the person is ("the man who", "the man at the helm", "the man arrested in", "the man she
# knew") or make the noun part of another one ("the pilot scheme", "the boy band").
_CLAUSE_ENDS = frozenset(".;:!?)")
_PERSON_VERBS = word_set(
    """is was were are be been has had have will would could can may might must should shall
    did does do told said says also still then later now remains remained"""
)
# A preposition that frames the clause before its subject ("According to the website, ...",
# "During the meeting, ..."): the definite phrase after it must be introduced too.
# A time span before "after", "before" or "since" anchors the clause to a happening the phrase
# names ("Two days after the tractors first lined the ring road, ..."): it needs its antecedent.
_SPAN = (
    r"(?:(?:just|only|barely|shortly|soon|some|about|nearly|almost|more than|less than|a|an|one"
    r"|two|three|four|five|six|seven|eight|nine|ten|few|several|many|\d+|hours?|days?|weeks?"
    r"|months?|years?|minutes?|moments?|the day|the week|the night|the morning)\s+){1,4}"
)
_FRAME = re.compile(
    r"^(?:according to|during|after|before|at|in|on|following|despite|amid|since|under"
    rf"|{_SPAN}(?:after|before|since|following))\s+(?=the\s)",
    re.IGNORECASE,
)
_SPEECH = re.compile(
    r"^[^,;:.!?\"“]{0,60}?\b(?:" + alternation(SPEECH_VERBS) + r")(?: that)?\s+",
    re.IGNORECASE,
)


def unresolved_reference(sentence: str, language: str = "en", *, context: str = "") -> str | None:
    """Return a definite noun phrase that opens a clause of the sentence and points at nothing.

    Only the phrase that opens the sentence or its reported clause ("The move was ...", "Police
    said the protest was ...") is checked: one further in usually has its antecedent in the same
    sentence. A phrase is resolved when a following word specifies it ("the meeting at the
    hall", "the man who"), when its words occur in the context or earlier in the sentence, when
    it is a name (capitalised), a superlative or an ordinal, or when the noun is unique in any
    situation ("the world", "the government"). A person named by what they are ("the hunter",
    "the victim"; English) is read among the line's first words wherever it stands ("Health
    bosses said that 28 people in close contact with the hunter were quarantined."): a report
    names a person so only after introducing them.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; only languages with lower-case nouns and articles are checked.
        context: text read before the sentence (a headline, earlier digest lines).

    Returns:
        The unresolved phrase ("the protest"), or None.
    """
    articles = _DEFINITE.get(language)
    if articles is None:
        return None
    text = sentence.strip().lstrip(OPENING_MARKS)
    starts = [0]
    speech = _SPEECH.match(text)
    if speech:
        starts.append(speech.end())
    framed = _FRAME.match(text) if language == "en" else None
    if framed:
        starts.append(framed.end())
    known: set[str] | None = None
    for start in starts:
        phrase = _definite_phrase(text[start:], language, articles)
        if phrase is None:
            continue
        if known is None:
            known = _stems(f"{context} {text[:start]}")
        if not _introduced(phrase[1:], known, language) and not _part_of_someone(
            phrase[-1], f"{context} {text[:start]}", language
        ):
            return " ".join(phrase)
    return _unmet_person(text, language, context)


def _unmet_person(text: str, language: str, context: str) -> str | None:
    """A person named by what they are ("the hunter") among a line's first words, outside
    quotations, as the subject of a verb or at a clause's end ("with the hunter were
    quarantined", "spoke to the driver."), that neither the context nor the line before it
    names, nor, for a part in a happening ("the victim"), introduces as someone."""
    persons = _PERSONS.get(language)
    if persons is None:
        return None
    tokens = WORD_OR_MARK.findall(outside_quotes(text))
    seen = 0
    for i, token in enumerate(tokens[:-1]):
        seen += token[:1].isalnum()
        if seen > _PERSON_WINDOW:
            break
        noun = tokens[i + 1]
        if token.lower() != "the" or noun not in persons:
            continue
        following = tokens[i + 2] if i + 2 < len(tokens) else "."
        if following not in _CLAUSE_ENDS and following.lower() not in _PERSON_VERBS:
            continue
        before = f"{context} {' '.join(tokens[:i])}"
        if _stems(noun) & _stems(before):
            continue
        if _part_of_someone(noun, before, language):
            continue
        return f"{token.lower()} {noun}"
    return None


def _part_of_someone(noun: str, text: str, language: str) -> bool:
    """Tell whether a noun names a part in a happening ("victim", "driver") and the text has
    introduced a person it can name: a person noun ("a man", "the pensioner"), an age ("a
    40-year-old"), "a ... man/woman/person", or, for who drives or rides, a vehicle ("Bus crash
    kills three")."""
    if noun not in _ROLES.get(language, ()):
        return False
    found = {w.lower() for w in words(text)}
    if found & _PERSONS["en"] or _SOMEONE.search(text):
        return True
    return noun in _RIDERS and bool(found & _VEHICLES)


def _definite_phrase(text: str, language: str, articles: frozenset[str]) -> list[str] | None:
    """The article and lower-case words of a definite phrase opening text, when unspecified."""
    tokens = WORD_OR_MARK.findall(text[:200])
    if not tokens:
        return None
    article = tokens[0].lower().replace("’", "'")
    rest = tokens[1:]
    if article not in articles:
        if "'" in article and article.split("'", 1)[0] + "'" in articles:
            rest = [article.split("'", 1)[1], *rest]  # "l'armée"
        else:
            return None
    nouns: list[str] = []
    stops = stop_words(language)
    longest = 1 if language in _NOUN_FIRST else 3  # Romance adjectives mostly follow the noun
    for token in rest:
        if not token[:1].isalpha() or token[:1].isupper() or token.lower() in stops:
            break
        if nouns and language == "en" and token.endswith("ed"):
            break  # "the retailer earned": a verb ends the phrase
        nouns.append(token)
        if len(nouns) == longest:
            break
    if not nouns:
        return None  # a name ("the U.N."), a number or nothing
    following = rest[len(nouns)] if len(rest) > len(nouns) else ""
    if following[:1].isupper() or following.lower() in _SPECIFIERS.get(language, frozenset()):
        return None  # "the pan-European STOXX 600 index", "the meeting at the hall"
    situational = _SITUATIONAL.get(language, frozenset())
    head = nouns[-1].lower().removesuffix("'s").removesuffix("’s")
    if head not in _RENAMING.get(language, ()) and any(
        n.lower().removesuffix("'s").removesuffix("’s") in situational for n in nouns
    ):
        return None  # "the world", "the first"; not "the news organization"
    if language == "en" and len(nouns) > 1 and nouns[0].lower().endswith("est"):
        return None  # a superlative: "the longest earthquake"
    return [article.lower(), *nouns]


def _introduced(nouns: list[str], known: set[str], language: str) -> bool:
    """Tell whether the context has named a noun phrase.

    In English, its head (last word) or most of its words must have been named ("the harbour
    district council" under "Harbour district votes", not "the home-improvement retailer" under
    "Home Depot sales miss"). Elsewhere, where a verb cannot be told from a noun after the
    phrase ("De gemeenteraad keurde"), any of its words will do.
    """
    named = sum(1 for noun in nouns if _stems(noun) & known)
    if language != "en":
        return named > 0
    return bool(_stems(nouns[-1]) & known) or named * 2 > len(nouns)


def _stems(text: str) -> set[str]:
    """Crude stems of a text's words in any language: the first four letters, lower-cased."""
    return {w.lower()[:4] for w in words(text) if len(w) > 2}
