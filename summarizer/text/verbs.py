"""Finite verbs: whether a line says that something is or happened, or only labels a picture."""

from __future__ import annotations

import re

from summarizer.text.language import word_set
from summarizer.text.months import MONTH_NAMES
from summarizer.text.tokenizer import WORD_OR_MARK

__all__ = ["lacks_verb"]


# Words that open a noun phrase (articles, possessives, prepositions, "and"/"or"): the word after
# one is a noun or an adjective, never a finite verb ("after the bombings", "at Zeebrugge").
_PHRASE_OPENERS: dict[str, frozenset[str]] = {
    "en": word_set(
        """the a an his her its their our my your of in on at by for from with without into onto
        to after before during near under over above across around behind between among amid
        against along toward towards through throughout via per than and or nor outside inside
        beside beyond despite within upon off"""
    ),
    "de": word_set(
        """der die das den dem des ein eine einen einem einer eines sein seine ihr ihre in im an
        am auf aus bei mit nach von vom zu zum zur für gegen ohne um über unter vor hinter neben
        zwischen während und oder"""
    ),
    "fr": word_set(
        """le la les l' un une des du de d' au aux son sa ses leur leurs à en dans sur sous avec
        sans pour par près après avant pendant contre entre chez vers et ou"""
    ),
    "es": word_set(
        """el la los las un una unos unas del de al a en con sin para por sobre tras desde hasta
        entre contra durante hacia su sus y o"""
    ),
    "it": word_set(
        """il lo la i gli le un uno una l' del dello della dei degli delle di a al allo alla ai
        agli alle da dal dalla in nel nella nei con su sul sulla per tra fra dopo durante contro
        suo sua suoi sue e o"""
    ),
    "pt": word_set(
        """o a os as um uma uns umas do da dos das de em no na nos nas ao aos à com sem para por
        pelo pela sobre após durante contra entre seu sua seus suas e ou"""
    ),
    "nl": word_set(
        """de het een van in op aan met voor na bij uit naar tegen over tussen tijdens onder zijn
        haar hun en of"""
    ),
}
# Finite forms of "be", "have", "do" and the modals, which may stand anywhere in a clause.
_AUXILIARIES: dict[str, frozenset[str]] = {
    "en": word_set(
        """is are was were am be been has have had do does did will would can could may might
        must shall should it's he's she's that's there's they're we're i'm"""
    ),
    "de": word_set(
        """ist sind war waren hat haben hatte hatten wird werden wurde wurden kann können soll
        sollen muss müssen will wollen darf gibt"""
    ),
    "fr": word_set(
        "est sont était étaient a ont avait avaient sera seront fut va vont peut peuvent doit"
    ),
    "es": word_set(
        """es son era eran fue fueron ha han había habían será serán está están estaba hay puede
        pueden debe"""
    ),
    "it": word_set("è sono era erano fu ha hanno aveva avevano sarà saranno può possono deve"),
    "pt": word_set(
        "é são era eram foi foram tem têm tinha há será serão está estão pode podem deve"
    ),
    "nl": word_set(
        """is zijn was waren heeft hebben had hadden wordt worden werd werden zal zullen kan
        kunnen moet moeten"""
    ),
}
# Words of a quantity before a number ("More than 100", "Between 20 and 30", "Up to 40"): opening
# a clause, the number after them opens its subject, like "At least 12", not a noun phrase.
_QUANTITY_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        """more less fewer than up to around over about some nearly almost between and roughly
        approximately at least under just only as many well"""
    ),
}
# Marks after which a clause may start, so the word after one may be its verb.
_CLAUSE_MARKS = frozenset(",;:)]—–")
# A comma inside a number or a date, not between clauses: "5,000", "July 7, 2005".
_NUMBER_COMMA = re.compile(r"(?<=\d),(?=\d)|(?<=\b\d\d),(?= \d{4}\b)|(?<=\b\d),(?= \d{4}\b)")


def lacks_verb(sentence: str, language: str = "en") -> bool:
    """Tell whether a line has no word that can be a finite verb: a caption or a label.

    "Russell Square after the bombings." and "HMS Cornwall at Zeebrugge in 2006." label a
    picture; "Police arrested him." reports. A word can be the finite verb when it is a form of
    "be", "have", "do" or a modal, or when it is in lower case, not the line's first word, and
    follows neither a number nor a word that opens a noun phrase (an article, a possessive, a
    preposition, "and"): the word after those is a noun or an adjective. A number is such an
    opener only inside a noun phrase ("the 300 passengers", "the July 7, 2005 bombings");
    opening the subject, it is the subject ("Some 5,000 marched", "At least 12 killed", "More
    than 100 died", "Between 20 and 30 fled": words of a quantity alone before it). English
    "-ing" forms are not finite. A line whose only verb follows such a word is rare; a caption of
    lower-case nouns ("Rescue workers at the scene.") is missed, not a report dropped.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; en, de, fr, es, it, pt and nl are checked (others: False).

    Returns:
        True when no word can be the finite verb.
    """
    openers = _PHRASE_OPENERS.get(language)
    if openers is None:
        return False
    auxiliaries = _AUXILIARIES[language]
    quantities = _QUANTITY_WORDS.get(language, frozenset())
    previous = ""
    number_in_phrase = False  # the number just read follows a noun phrase's opener
    quantity = True  # the clause so far holds only words of a quantity and numbers
    first = True
    # Tokens one by one: most lines show a verb in their first few words.
    for match in WORD_OR_MARK.finditer(sentence):
        token = match.group()
        if not token[:1].isalnum():
            if token in _CLAUSE_MARKS and not _NUMBER_COMMA.match(sentence, match.start()):
                previous = ""  # "(1979) followed", "Square, police said": a clause may start
                quantity = True
            continue
        lowered = token.lower().replace("’", "'")
        if lowered in auxiliaries or lowered.endswith("n't"):
            return False
        if (
            not first
            and token[:1].islower()
            and lowered not in openers
            and previous not in openers
            and not (previous.isdigit() and number_in_phrase)
            and not (language == "en" and lowered.endswith("ing"))
        ):
            return False
        if lowered.isdigit():
            number_in_phrase = not quantity and (
                previous in openers
                or previous in MONTH_NAMES
                or (previous.isdigit() and number_in_phrase)
            )
        quantity = quantity and (lowered in quantities or lowered.isdigit())
        previous = lowered
        first = False
    return True
