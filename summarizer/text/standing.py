"""Background lines: a standing state or an earlier happening a report recalls, not its news."""

from __future__ import annotations

import re
from datetime import date

from summarizer.text.facts import months_named
from summarizer.text.language import alternation
from summarizer.text.months import ENGLISH_WEEKDAYS
from summarizer.text.numbers import read_numbers
from summarizer.text.speech import STANCE_PARTICIPLES, STANCE_VERBS

__all__ = ["recalls_background", "recalls_earlier"]

# A state that has held for some time, as reports recall it: a perfect with an adverb of
# repetition or duration ("have repeatedly accused Moscow", "has long denied", "have for years
# said"), or a standing accusation in the passive ("The Kremlin has been accused of arming the
# rebels"). A happening the report tells is in the past or a bare perfect ("has agreed to"), and
# an adverb after an infinitive goes with the infinitive ("has tried to repeatedly shell").
_ENGLISH = re.compile(
    r"\b(?:has|have|had)\s+(?:also\s+)?(?:repeatedly|long|consistently|persistently"
    r"|frequently|often|always|routinely|for\s+(?:years|decades|months))\b"
    r"|\b(?:has|have|had)\s+(?:long\s+)?been\s+(?:"
    + alternation(STANCE_PARTICIPLES["en"])
    + r")\s+(?:of|for)\b",
    re.IGNORECASE,
)
# A running situation's toll or effect so far, as a report recalls it to set its news in
# context: a perfect of a verb of harm or effect whose subject, opening the line, is a state of
# affairs rather than a happening ("The crisis in Ukraine has caused a dive of the relationship
# ...", "Fighting in east Ukraine, where ..., has claimed at least 2,200 lives", "The conflict
# has displaced a million people"). A happening as subject is news ("The earthquake has killed
# 200 people"), and so is a turn of the situation ("The war has ended", "The crisis has
# deepened after ...": no verb of toll) and a toll dated to the day ("Fighting has killed five
# soldiers overnight", "... since Tuesday": the day's news).
_RUNNING = (
    r"crisis|conflict|war|fighting|violence|unrest|insurgency|standoff|stand-off|dispute"
    r"|tensions?|turmoil|hostilities|uprising"
)
_TOLL = (
    r"caused|claimed|killed|displaced|left|strained|soured|damaged|hurt|cost|forced|uprooted"
    r"|wounded|injured|taken|plunged|prompted|triggered|sparked|brought"
)
# The situation heads the subject: its verb, a comma, or a phrase or clause that qualifies it
# follows ("Fighting in east Ukraine, where ...", "The crisis that ..."), not another noun it
# merely qualifies ("Crisis talks have brought ...", "War Child has taken over ...").
_HEAD_ENDS = (
    r"(?=\s*,|\s+(?:has|have|in|on|over|between|with|across|around|near|along|against|of|at"
    r"|among|inside|within|throughout|that|which|where)\b)"
)
_ENGLISH_TOLL = re.compile(
    r"^\W*(?:the\s+)?(?:[\w-]+\s+)?(?:" + _RUNNING + r")\b" + _HEAD_ENDS + r"[^;:.!?\"“”]{0,160}?"
    r"\s(?:has|have)\s+(?:so\s+far\s+|already\s+|now\s+|also\s+)?(?:" + _TOLL + r")\b",
    re.IGNORECASE,
)
# The same toll in the passive, the situation named after the verb ("More than 2,000 people
# have been killed in fighting between ...", "have been forced from their homes by the
# violence"). Without a word that counts up a toll so far ("more than", "at least", "thousands
# of", "so far", "since") the passive tells the day's casualties ("Three people have been
# killed in violence at a football match") or a thing by chance beside a situation's word
# ("Gold prices have been hurt by the dispute", "taken to hospital by the war memorial").
_CUMULATIVE = re.compile(
    r"\b(?:more\s+than|at\s+least|(?:over|some|almost|nearly|up\s+to)\s+\d"
    r"|(?:tens\s+of\s+)?(?:thousands|hundreds|millions|dozens)\s+of|so\s+far|since)\b",
    re.IGNORECASE,
)
_ENGLISH_TOLL_PASSIVE = re.compile(
    r"\b(?:has|have)\s+been\s+(?:" + _TOLL + r")(?:\s+[\w'-]+){0,4}?\s+(?:in|by|during|since)"
    r"\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?(?:" + _RUNNING + r")\b",
    re.IGNORECASE,
)
# A toll dated to a recent span is that span's news ("this month", "in the past 24 hours").
_DAY = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|last\s+(?:night|week|month)"
    r"|this\s+(?:morning|afternoon|evening|week|month|year)"
    r"|the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:hours?|days?|weeks?)"
    r"|" + alternation(ENGLISH_WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
# Up to two words between an adverb and its verb, in one clause ("hat Moskau wiederholt
# vorgeworfen", "неоднократно публично обвинял"); three between a German auxiliary and the
# adverb ("hat der Kreml die Vorwürfe wiederholt zurückgewiesen").
_BETWEEN = r"(?:\s+[^\W\d_]+){0,2}?\s+"
_AFTER_AUXILIARY = r"(?:\s+[^\W\d_]+){0,3}?\s+"


# German: an adverb of repetition or duration ("wiederholt", "seit Jahren") with a verb of
# saying, accusing or denying: after an auxiliary and before its participle ("hat Moskau
# wiederholt vorgeworfen", "wird seit langem beschuldigt"), or after the verb itself ("wirft
# Moskau immer wieder vor", "bestreitet das seit Jahren"). "wiederholt" alone is also the verb
# "to repeat" ("Er wiederholt seine Forderung"), and "immer wieder" before a verb tells how a
# happening went ("immer wieder fielen Schüsse").
_GERMAN_ADVERBS = r"(?:wiederholt|immer\s+wieder|seit\s+langem|seit\s+Jahren|mehrfach)"
_GERMAN = re.compile(
    r"\b(?:hat|haben|hatte|hatten|wird|werden)"
    + _AFTER_AUXILIARY
    + _GERMAN_ADVERBS
    + _BETWEEN
    + r"(?:"
    + alternation(STANCE_PARTICIPLES["de"])
    + r")\b"
    r"|\b(?:" + alternation(STANCE_VERBS["de"]) + r")" + _BETWEEN + _GERMAN_ADVERBS + r"\b",
    re.IGNORECASE,
)


def _before(adverbs: str, language: str, passive: str) -> re.Pattern[str]:
    """An adverb of repetition or duration before a verb of stance in the imperfective past or
    present, up to two words apart, which is how Russian and Ukrainian say "has repeatedly
    accused", "has long denied" ("неоднократно обвинял", "давно отрицает"); or, as "has been
    accused of", the verb's reflexive passive and its preposition ("обвинялся в"). A happening
    is perfective ("давно обещал, и вчера подписал": a promise, then the news)."""
    verbs = STANCE_VERBS[language]
    reflexive = alternation(verb for verb in verbs if verb.endswith(("ся", "сь")))
    return re.compile(
        rf"(?<!\w)(?:{adverbs}){_BETWEEN}(?:{alternation(verbs)})(?!\w)"
        rf"|(?<!\w)(?:{reflexive})\s+(?:{passive})(?!\w)",
        re.IGNORECASE,
    )


_RUSSIAN = _before(r"неоднократно|многократно|давно|не\s+раз|годами", "ru", "в|во|за")
_UKRAINIAN = _before(r"неодноразово|багаторазово|давно|не\s+раз|роками", "uk", "у|в|за")


def _beside(adverbs: str, language: str, passive: str, infinitive: str, of: str) -> re.Pattern[str]:
    """An adverb of repetition or duration right before or after a verb of stance, up to two
    words apart, as French and Spanish write a standing stance ("a accusé à plusieurs reprises",
    "a à plusieurs reprises démenti", "niega desde hace años"); or, as "has been accused of",
    a perfect passive and its preposition ("a été accusé de", "ha sido acusado de"). An
    infinitive right after the verb ("a nié avoir tiré à plusieurs reprises", "ha negado haber
    disparado en reiteradas ocasiones") takes the adverb: what it tells happened."""
    participles = alternation(STANCE_PARTICIPLES[language])
    verb = rf"(?:{alternation(STANCE_VERBS[language] | STANCE_PARTICIPLES[language])})"
    return re.compile(
        rf"(?<!\w)(?:{adverbs}){_BETWEEN}{verb}(?!\w)"
        rf"|(?<!\w){verb}(?!\s+(?-i:(?![A-ZÀ-ÖØ-Þ]){infinitive})(?!\w)){_BETWEEN}(?:{adverbs})(?!\w)"
        rf"|(?<!\w)(?:{passive})\s+(?:{participles})\s+(?:{of})(?![^.;]{{0,200}}\b(?:par|por)\s)",
        re.IGNORECASE,
    )


# French and Spanish: the adverb beside a verb of saying, accusing or denying. The adverb alone
# also tells how a happening went ("La police a tiré à plusieurs reprises", "disparó
# repetidamente"). Their infinitives: the verbs in -er, -ir, -oir ("avoir", "vouloir") and "être",
# "faire", "dire"; in -ar, -er, -ir, maybe with their pronoun ("haberlo"), maybe after "de" ("a
# nié de"), in lower case ("Alger" is a city); not the words of those endings that follow a verb
# as adverbs ("hier", "ayer"). A
# passive with "por" ("ha sido rechazado por el Parlamento") names who did it, not the reason.
# The perfect passive is the news's own past in French and Spanish ("Le ministre a été accusé de
# corruption mardi", "ha sido acusado este martes"): it tells a standing accusation in the
# pluperfect or with "longtemps", "souvent", "déjà" ("siempre"; not "ya": "ya han sido acusados"
# is the news) only, and not with its agent ("par le parquet", "por la fiscalía": who did it).
_FRENCH = _beside(
    r"à\s+plusieurs\s+reprises|à\s+maintes\s+reprises|depuis\s+longtemps|depuis\s+des\s+années",
    "fr",
    r"(?:avait|avaient)\s+(?:longtemps\s+|souvent\s+|déjà\s+)?été"
    r"|(?:a|ont)\s+(?:longtemps|souvent|déjà)\s+été",
    r"(?:de\s+)?(?!hier\b)(?:[^\W\d_]+(?:er|ir|oir)|être|faire|dire)",
    r"(?:de|pour)(?!\w)|d['’]",
)
_SPANISH = _beside(
    r"en\s+repetidas\s+ocasiones|en\s+reiteradas\s+ocasiones|en\s+varias\s+ocasiones"
    r"|reiteradamente|repetidamente|desde\s+hace\s+años",
    "es",
    r"(?:había|habían)\s+sido|siempre\s+(?:ha|han)\s+sido|(?:ha|han)\s+siempre\s+sido",
    r"(?:de\s+)?(?!ayer\b)[^\W\d_]+(?:ar|er|ir)(?:lo|la|los|las|le|les|se)?",
    r"de(?!\w)",
)
_STANDING: dict[str, re.Pattern[str]] = {
    "en": _ENGLISH,
    "de": _GERMAN,
    "fr": _FRENCH,
    "es": _SPANISH,
    "ru": _RUSSIAN,
    "uk": _UKRAINIAN,
}


def _tells_toll(sentence: str) -> bool:
    """Tell whether an English sentence recalls a running situation's toll so far, undated."""
    toll = _ENGLISH_TOLL.search(sentence) or (
        _ENGLISH_TOLL_PASSIVE.search(sentence) and _CUMULATIVE.search(sentence)
    )
    return toll is not None and _DAY.search(sentence) is None


def recalls_background(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence recalls a standing state rather than reporting a happening.

    "Kyiv and many Western countries have repeatedly accused Moscow of providing arms ...",
    "The Kremlin has been accused of arming the rebels, a claim it has repeatedly denied.":
    what has long been said, not what happened; and, in English, a running situation's toll or
    effect so far ("The crisis in Ukraine has caused a dive of the relationship between
    Washington and Moscow ...", "More than 2,000 people have been killed in fighting ..."),
    which sets the news in context. Such a line is true and may help, but a digest
    ranks it below the lines that tell the event's own news.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; en, de, fr, es, ru and uk are read (others: False).

    Returns:
        True for a line of background.
    """
    pattern = _STANDING.get(language)
    if pattern is None:
        return False
    if language == "en" and _tells_toll(sentence):
        return True
    return pattern.search(sentence) is not None


# English words that put a named month ahead ("The talks will resume in February."): a plan for
# next year's month, not a happening recalled from earlier this year.
_AHEAD = re.compile(
    r"\b(?:will|would|shall|is to|are to|due|scheduled|expected|plans?|planned|next|until)\b",
    re.IGNORECASE,
)
_DECADE = 9  # years after a decade's first that it holds
# A relative clause set off by a comma describes a thing the line names, not what the line
# tells: "WeWork is now cutting costs, including layoffs at Meetup, which it acquired in 2017."
_RELATIVE = re.compile(
    r",\s+(?:which|who|whom|whose|where|qui|que|dont|où|der|die|das|den|dem|deren|dessen"
    r"|quien|quienes|cuyo|cuya|donde|il quale|la quale|cui|o qual|a qual|который|которая"
    r"|которое|которые|которого|которой|которых|який|яка|яке|які|якого|якої|яких)\b",
    re.IGNORECASE,
)


def recalls_earlier(sentence: str, published: date, language: str = "en") -> bool:
    """Tell whether a sentence dates what it tells before the month its article was published.

    "The Normandy Four agreed at the end of April to introduce four working subgroups." in an
    article of May 13th recalls a happening of April: the article's news is what happened on the
    day it reports. The line, without a relative clause set off by a comma (", which it
    acquired in 2017" describes a thing it names), names one year and it is before the
    article's ("In 2014, ..."; two years are a span a study or a record covers: "surveys from
    2008 to 2016"), or no year and only months before the article's month, and no word that
    puts them ahead ("will resume in February", English). A story's "what happened" dates each
    line by its article, so such a line would stand at the wrong date.

    Args:
        sentence: one sentence.
        published: the date its article was published (a known date, not an estimate).
        language: ISO 639-1 code, for month names and numbers.

    Returns:
        True when the sentence tells something dated before its article's month.
    """
    main = _RELATIVE.split(sentence, maxsplit=1)[0]
    months = months_named(main, language)
    if not months and not any(c.isdigit() for c in main):
        return False
    # a decade ("the 2010s") reaches to its last year
    years = {
        int(n.value) + (_DECADE if n.key.endswith("s") else 0)
        for n in read_numbers(main, language)
        if n.kind == "year"
    }
    if years:
        return len(years) == 1 and max(years) < published.year
    if not months or max(months) >= published.month:
        return False
    return language != "en" or _AHEAD.search(main) is None
