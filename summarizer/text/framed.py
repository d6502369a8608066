"""A subject pronoun after a sentence's opening phrase ("In a statement, it said ...")."""

from __future__ import annotations

import re

from summarizer.text.language import PREPOSITIONS, alternation, word_set
from summarizer.text.speech import ATTRIBUTIONS
from summarizer.text.verbs import shows_verb

__all__ = ["framed_pronoun"]


# An opening phrase that is no clause of its own (a clause opened by "When", "If", ... may name
# the pronoun's antecedent): one or two stretches set off by commas, or a preposition and a few
# words. English "he", "she", "they" after such a phrase are read by summarizer.text.openers.
_CLAUSE_OPENERS = word_set(
    """when if while after before because although though as since once until unless whereas
    quand lorsque si parce puisque bien als wenn weil obwohl nachdem bevor когда если потому
    хотя после коли якщо тому хоча wanneer als omdat hoewel nadat"""
)
_COMMA_FRAME = r"(?:[^,;:\"“«„]{3,70}?,\s*){1,2}"
_PRONOUNS: dict[str, frozenset[str]] = {
    "fr": word_set("il elle ils elles"),
    "ru": word_set("он она оно они"),
    "uk": word_set("він вона воно вони"),
    "de": word_set("er sie"),  # not "es": "Am Montag gab es ..." is "there was"
    "nl": word_set("hij zij ze"),
}
_WORD = r"[\w'’-]+"


def _frame(language: str) -> str:
    """An opening phrase: stretches set off by commas, or a preposition and one to six words."""
    prepositions = PREPOSITIONS.get(language)
    by_preposition = (
        rf"|(?:{alternation(prepositions)})\s+(?:{_WORD}\s+){{1,6}}?" if prepositions else ""
    )
    return rf"^(?!(?:{alternation(_CLAUSE_OPENERS)})\b)(?P<frame>{_COMMA_FRAME}{by_preposition})"


# Words that open a speaker's attribution, not a frame: the pronoun may be the speaker
# ("According to Apple, it sold ...", "По словам министра, он ...").
_ATTRIBUTION_OPENERS: dict[str, tuple[str, ...]] = {
    language: tuple(words) for language, words in ATTRIBUTIONS.items()
} | {"ru": ("по словам",), "uk": ("за словами",)}
# English present tense in -s before its object, which shows_verb does not read ("The company
# expects this quarter's revenue ..."), in a frame that opens with no preposition ("For weeks
# this summer, ..." is a frame); words in -s that are no verb are left out.
_PRESENT_BEFORE_OBJECT = re.compile(
    r"\b(?!(?:towards|afterwards|besides|always|perhaps|sometimes|thus|plus|minus|versus|news)\b)"
    r"[a-z]{2,}(?<!s)s\s+(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your)\b"
)


def _frame_is_clause(frame: str, language: str) -> bool:
    """Tell whether an opening phrase is a clause or a speaker's attribution, whose subject may
    be the pronoun's antecedent ("The company expects ..., it said", "According to Apple, it
    ..."): the phrase shows a finite verb or opens with an attribution."""
    lowered = frame.lower()
    if lowered.startswith(_ATTRIBUTION_OPENERS.get(language, ())):
        return True
    if shows_verb(frame, language):
        return True
    first = lowered.split(maxsplit=1)[0] if lowered.split() else ""
    return (
        language == "en"
        and first not in PREPOSITIONS["en"]
        and _PRESENT_BEFORE_OBJECT.search(frame) is not None
    )


# English "it", then its verb (after auxiliaries): "For most of the night it had looked like
# Athletic's trophy.", "In a statement, it said ...". Not when the verb makes it the empty
# subject of a state, a time or the weather ("Two years on, it is clear ...", "Last year it took
# three months to ...", "On Monday it emerged that ...", "In May it rained ...").
_FRAMED_IT = re.compile(
    _frame("en")
    + r"it\s+(?P<auxiliaries>(?:(?:had|has|have|would|will|could|might|may|must|should|can|did"
    r"|does|also|then|still|never|already|just|only|not|soon|quickly|later)\s+){0,3})"
    r"(?P<verb>[a-z]+)\b",
    re.IGNORECASE,
)
_EMPTY_IT_VERBS = word_set(
    """is was be been being seems seemed seem appears appeared appear remains remained remain
    emerged emerges emerge took takes take taken rained rains snowed snows happened happens
    turned turns became becomes become means meant mean matters mattered costs cost"""
)
# "looks", "feels" right after "it" are an impression ("Two years on, it looks like a failure",
# "In hindsight, it felt like a loss"); after an auxiliary they tell how a thing had looked
# ("For most of the night it had looked like Athletic's trophy.").
_IMPRESSION_IT_VERBS = word_set("looks looked look feels felt feel")
# French, Russian, Ukrainian: the pronoun right after the phrase ("Lundi, il a déclaré ...",
# "В понедельник он заявил ..."); German and Dutch put the verb first ("Am Montag sagte er ...",
# "Op maandag zei hij ..."). French "il" of an impersonal verb is nobody ("Lundi, il faut ...",
# "il y a", "il est possible", "il pleuvra", "il existe", "il fait -5").
_IMPERSONAL = (
    r"(?!\s+(?:y|faut|fallait|faudra|faudrait|s['’]agit|est|était|sera|serait|semble|semblait"
    r"|reste|restait|fait|faisait|fera|pleut|pleuvait|pleuvra|neige|neigeait|neigera|gèle|existe"
    r"|existait|suffit|suffisait|suffira|manque|manquait|paraît|paraissait|convient|vaut|vaudrait"
    r"|arrive|arrivait|importe)\b)"
)
# German pronouns are read as written: "Sie" in capitals is the reader ("Am Montag können Sie").
_FRAMED: dict[str, re.Pattern[str]] = {
    language: re.compile(
        _frame(language)
        + (rf"{_WORD}\s+" if language in ("de", "nl") else "")
        + (r"(?-i:" if language == "de" else "(?:")
        + rf"{alternation(pronouns)})\b{_IMPERSONAL}",
        re.IGNORECASE,
    )
    for language, pronouns in _PRONOUNS.items()
}


def framed_pronoun(sentence: str, language: str = "en") -> bool:
    """Tell whether a subject pronoun follows a sentence's opening phrase.

    "For most of the night it had looked like Athletic's trophy.", "Lundi, il a déclaré ...",
    "В понедельник он заявил ...", "Am Montag sagte er ...": the pronoun is a thing or a person
    a sentence before named, so the line cannot open a text. English reads "it" here (its "he",
    "she" and "they" are summarizer.text.openers'), French, Russian, Ukrainian, German and Dutch
    their third-person subject pronouns; Spanish, Italian and Portuguese drop them.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code.

    Returns:
        True when such a pronoun follows the opening phrase.
    """
    text = sentence.strip()
    if language == "en":
        framed = _FRAMED_IT.match(text)
        if framed is None or _frame_is_clause(framed.group("frame"), language):
            return False
        verb = framed.group("verb").lower()
        impression = not framed.group("auxiliaries") and verb in _IMPRESSION_IT_VERBS
        return verb not in _EMPTY_IT_VERBS and not impression
    pattern = _FRAMED.get(language)
    framed = pattern.match(text) if pattern is not None else None
    return framed is not None and not _frame_is_clause(framed.group("frame"), language)
