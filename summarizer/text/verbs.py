"""Finite verbs: whether a line says that something is or happened, or only labels a picture."""

from __future__ import annotations

import re

from summarizer.text.language import ARTICLES, word_set
from summarizer.text.months import MONTH_NAMES
from summarizer.text.tokenizer import WORD_OR_MARK

__all__ = ["WORD", "lacks_verb", "plural_agrees", "shows_verb", "tells_happening"]


# Words that open a noun phrase (articles, possessives, prepositions, "and"/"or"): the word after
# one is a noun or an adjective, never a finite verb ("after the bombings", "at Zeebrugge").
_PHRASE_OPENERS: dict[str, frozenset[str]] = {
    language: ARTICLES[language] | word_set(others)
    for language, others in {
        "en": """his her its their our my your of in on at by for from with without into onto to
        after before during near under over above across around behind between among amid
        against along toward towards through throughout via per than and or nor outside inside
        beside beyond despite within upon off""",
        "de": """sein seine ihr ihre in im an am auf aus bei mit nach von vom zu zum zur für gegen
        ohne um über unter vor hinter neben zwischen während und oder""",
        "fr": """du de d' au aux son sa ses leur leurs à en dans sur sous avec sans pour par près
        après avant pendant contre entre chez vers et ou""",
        "es": """del de al a en con sin para por sobre tras desde hasta entre contra durante
        hacia su sus y o""",
        "it": """del dello della dei degli delle di a al allo alla ai agli alle da dal dalla in
        nel nella nei con su sul sulla per tra fra dopo durante contro suo sua suoi sue e o""",
        "pt": """do da dos das de em no na nos nas ao aos à com sem para por pelo pela sobre após
        durante contra entre seu sua seus suas e ou""",
        "nl": """van in op aan met voor na bij uit naar tegen over tussen tijdens onder zijn haar
        hun en of""",
    }.items()
}
# The auxiliaries of a past or a future tense: the past forms of "be" and "have", the future
# auxiliaries, and the auxiliaries of a perfect ("ont", "ha"). A line holding one tells a happening.
_TENSE_AUXILIARIES: dict[str, frozenset[str]] = {
    "en": word_set("was were had did will would shall"),
    "de": word_set("war waren hatte hatten wird werden wurde wurden"),
    "fr": word_set("était étaient avait avaient fut ont sera seront va vont"),
    "es": word_set("fue fueron era eran ha han había habían será serán"),
    "it": word_set("fu era erano aveva avevano ha hanno sarà saranno"),
    "pt": word_set("foi foram era eram tinha será serão"),
    "nl": word_set("was waren had hadden werd werden zal zullen"),
    "ru": word_set("был была было были будет будут"),
    "uk": word_set("був була було були буде будуть"),
}
# The forms of "be", "have" and "do" and the modals that tell a state as much as a happening: the
# present ones ("is home to", "has 5,000 staff"), and Spanish "estaba", the imperfect of a state.
_STATE_AUXILIARIES: dict[str, frozenset[str]] = {
    "en": word_set(
        """is are am be been has have do does can could may might must should it's he's she's
        that's there's they're we're i'm"""
    ),
    "de": word_set("ist sind hat haben kann können soll sollen muss müssen will wollen darf gibt"),
    "fr": word_set("est sont a peut peuvent doit"),
    "es": word_set("es son está están estaba hay puede pueden debe"),
    "it": word_set("è sono può possono deve"),
    "pt": word_set("é são tem têm há está estão pode podem deve"),
    "nl": word_set("is zijn heeft hebben wordt worden kan kunnen moet moeten"),
    "ru": word_set("есть является являются может могут должен"),
    "uk": word_set("є може можуть має мають повинен"),
}
# Finite forms of "be", "have", "do" and the modals, which may stand anywhere in a clause.
_AUXILIARIES: dict[str, frozenset[str]] = {
    language: _STATE_AUXILIARIES[language] | _TENSE_AUXILIARIES[language]
    for language in _TENSE_AUXILIARIES
}
# Words of a quantity before a number ("More than 100", "Between 20 and 30", "Up to 40"): opening
# a clause, the number after them opens its subject, like "At least 12", not a noun phrase.
_QUANTITY_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        """more less fewer than up to around over about some nearly almost between and roughly
        approximately at least under just only as many well"""
    ),
}
#: A word of letters, with one elision or contraction ("aujourd'hui", "it’s"): how the verb and
#: stative tables are looked up.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
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


# Words that tell a happening by their tense, by language: the auxiliaries of a past or a future
# tense (not the present ones: "is home to", "has 5,000 staff" tell a state) and common irregular
# past forms. English keeps the forms an event listing never holds ("Protests took place in
# Paris, Oct. 26, and in Lyon, Oct. 27."), and of the forms that differ from the present, those
# that are no common noun, adjective or name in lower case (the text is read lower-cased): not
# "fed" (the Fed), "lent" (Lent), "bit", "shot", "spat", "slew", "sat", "hung", "lit", "woke",
# "thought" ("The thought of ..."), "felt" ("felt hats");
# nor the forms a present shares ("hit", "cut", "put", "set", "beat", "read"), which a heading's
# bare present may be.
_IRREGULAR_PAST: dict[str, frozenset[str]] = {
    "en": word_set(
        """took held met began won lost fell rose came went said told saw made gave left ran led
        found struck sent brought fought broke became got wrote spoke stood drew threw caught
        bought sold paid spent kept built fled flew sank swam knew taught sought
        heard meant dealt dug forgave froze grew hid laid rode rang shook slept slid stole stuck
        stung swore swept swung tore understood withdrew overtook undertook overthrew oversaw
        foresaw drove ate drank forgot blew chose forbade sprang shrank spun bled clung crept
        knelt leapt sped arose awoke rebuilt withheld upheld mistook"""
    ),
    "de": word_set(
        """würde würden fand fanden kam kamen gab gaben ging gingen traf trafen begann begannen
        gewann gewannen fiel fielen stieg stiegen sagte sagten erklärte erklärten nahm nahmen
        hielt hielten zog zogen fuhr fuhren lief liefen stand standen sprach sprachen"""
    ),
    "fr": word_set("furent aura auront"),
    "es": word_set("hubo"),
    "it": word_set("furono"),
    "pt": word_set("tinham"),
    "nl": word_set(
        """zou zouden kwam kwamen ging gingen vond vonden won wonnen zei zeiden begon begonnen nam
        namen gaf gaven"""
    ),
    "ru": word_set("стал стала стало стали"),
    "uk": word_set("став стала стало стали"),
}
_HAPPENING_WORDS: dict[str, frozenset[str]] = {
    language: _TENSE_AUXILIARIES[language] | _IRREGULAR_PAST[language]
    for language in _TENSE_AUXILIARIES
}
# Regular past forms, in lower case: English "-ed"; the German and Dutch participle; the French
# imperfect and the participle after "a"; the Spanish, Italian and Portuguese preterite and
# imperfect plural; the Russian and Ukrainian past ("входил", "звинувачував"). A noun of the same
# ending ("the speed", "канал") is read as a verb: a line is then taken for a report, never a
# report for a listing or a standing fact.
_PAST_ENDINGS: dict[str, re.Pattern[str]] = {
    language: re.compile(pattern)
    for language, pattern in {
        "en": r"\b[a-z]+ed\b",
        "de": r"(?<![\w-])ge(?!gen\b)[a-zäöüß]{2,}(?:t|en)\b|\b[a-zäöüß]{2,}iert(?:e|en)\b",
        "fr": r"\b[a-zàâçéèêëîïôûùüÿœ]{2,}(?:ait|aient)\b"
        r"|\ba\s+(?:[a-zé]+\s+)?[a-zàâçéèêëîïôûùüÿœ]{2,}(?:é|ée|és|ées|i|is|u|us|ert|int)\b",
        "es": r"\b[a-záéíóúñü]{2,}(?:ó|aron|ieron|aba|aban)\b",
        "it": r"\b(?!(?:può|però|ciò|perciò)\b)[a-zàèéìòù]{2,}"
        r"(?:ò|arono|erono|irono|avano|evano|ivano)\b",
        "pt": r"\b(?!(?:sou|vou|dou|estou)\b)[a-záâãàçéêíóôõú]{2,}(?:ou|aram|eram|iram|avam)\b",
        "nl": r"(?<![\w-])ge[a-zëïé]{3,}[dt]\b",
        "ru": r"(?<![\w-])[а-яё]{2,}(?:ал|ял|ил|ел|ыл|ул)(?:а|о|и)?(?:сь|ся)?(?![\w-])"
        r"|(?<![\w-])[а-яё]*(?:шёл|шла|шло|шли)(?![\w-])",
        "uk": r"(?<![\w-])[а-щьюяєіїґ'’]{2,}(?:ав|ив|ув|ала|ила|ола|али|или|ало|ило)"
        r"(?:ся|сь)?(?![\w-])|(?<![\w-])[а-щьюяєіїґ'’]*(?:шов|йшла|йшло|йшли)(?![\w-])",
    }.items()
}


def tells_happening(text: str, language: str = "en") -> bool:
    """Tell whether a text holds a verb form of the past or the future: a happening, not a state.

    "The Customs Union includes Russia, Belarus and Kazakhstan." tells a state; "Armenia joined
    the union" and "Armenia will join it" tell happenings. Past and future auxiliaries, common
    irregular past forms and regular past endings are read (see _PAST_ENDINGS); the present
    auxiliaries are not ("is home to", "has 5,000 staff").

    Args:
        text: one sentence or line.
        language: ISO 639-1 code; en, de, fr, es, it, pt, nl, ru and uk are read (others: False).

    Returns:
        True when a past or future form shows.
    """
    forms = _HAPPENING_WORDS.get(language)
    if forms is None:
        return False
    lowered = text.lower().replace("’", "'")
    if any(map(forms.__contains__, WORD.findall(lowered))):
        return True
    # English "-ed" is read as written: "RED" or "Ted" is no verb.
    return _PAST_ENDINGS[language].search(text if language == "en" else lowered) is not None


def shows_verb(text: str, language: str = "en") -> bool:
    """Tell whether a finite verb shows in a line: a form of "be", "have", "do" or a modal, or a
    past or future form (tells_happening).

    Unlike lacks_verb, which takes any word in a verb's place for a verb, only forms that are
    verbs count: the nouns of a listing ("VIP meet-and-greet cocktail hour, Oct. 26") are no
    verb here.

    Args:
        text: one sentence or line.
        language: ISO 639-1 code; en, de, fr, es, it, pt, nl, ru and uk are read (others: False).

    Returns:
        True when a finite verb shows.
    """
    auxiliaries = _AUXILIARIES.get(language, frozenset())
    lowered = text.lower().replace("’", "'")
    if any(map(auxiliaries.__contains__, WORD.findall(lowered))):
        return True
    return tells_happening(text, language)


# A plural noun in -s and, right after it, a lower-case word without one: a subject and its verb
# in the plural ("Talks resume", "Sales grew"), where a noun and the noun it modifies, or a
# name and its verb, end the other way ("Trade talks", "Japan tops", "Aid flows").
_PLURAL_AND_VERB = re.compile(r"\b[^\W\d_]{2,}s\s+([a-z]{2,})\b")
# Words after a plural noun that are no verb: adverbs of time and place ("Headlines today",
# "Elections ahead", "Markets abroad") and a noun counted without a plural ("Jobs data").
_NO_VERBS = word_set("today tonight yesterday tomorrow now ahead abroad again here there data")


def plural_agrees(text: str, language: str = "en") -> bool:
    """Tell whether an English line shows a plural subject and its finite verb: a word in -s
    then a lower-case word that ends in no -s, opens no noun phrase and is no "-ing" form
    ("Talks resume in the U.K.", "Sales grew in the U.S."). A modifier and its noun ("Trade
    talks with the U.S.", "New rules for the U.K.", "Jobs data for the U.S."), a noun and an
    adverb ("Headlines today from the U.S.", "Elections ahead in the U.K.") and a subject in
    the singular ("Japan tops the U.S.", "Aid flows to the U.N.") do not show one: a
    headline's present is read only where the plural gives it away. A noun in -s that
    modifies another ("Sales tax in the U.S.") is read as a subject, the cost of the rule.

    Args:
        text: one line.
        language: ISO 639-1 code; only English is read (others: False).

    Returns:
        True when such a pair shows.
    """
    if language != "en":
        return False
    openers = _PHRASE_OPENERS["en"]
    return any(
        not verb.endswith(("s", "ing"))
        and verb not in openers
        and verb not in _AUXILIARIES["en"]
        and verb not in _NO_VERBS
        for verb in _PLURAL_AND_VERB.findall(text)
    )
