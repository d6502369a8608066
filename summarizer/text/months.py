"""Month and weekday names in every language we read dates in, as news gives them."""

from __future__ import annotations

from summarizer.text.language import word_set

__all__ = [
    "ENGLISH_MONTHS",
    "ENGLISH_WEEKDAYS",
    "FULL_ENGLISH_MONTHS",
    "HOLIDAYS",
    "MONTHS_ALSO_WORDS",
    "MONTHS_BY_LANGUAGE",
    "MONTH_DEADLINE_WORDS",
    "MONTH_NAMES",
    "MONTH_PREPOSITIONS",
    "MONTH_TIME_WORDS",
    "WEEKDAY_PHRASES",
    "YEAR_DIGITS",
]

# Per language, its twelve months in calendar order, as news gives them after or before a day;
# a month's other spellings after a "/" (abbreviations, the nominative beside the genitive that
# follows a day in Russian, Czech, Slovak and Finnish).
_BY_LANGUAGE: dict[str, str] = {
    "en": """January/Jan February/Feb March/Mar April/Apr May June/Jun July/Jul August/Aug
        September/Sept/Sep October/Oct November/Nov December/Dec""",
    "ru": """января/янв февраля/фев марта/мар апреля/апр мая июня/июн июля/июл августа/авг
        сентября/сент/сен октября/окт ноября/нояб/ноя декабря/дек""",
    "uk": """січня лютого березня квітня травня червня липня серпня вересня жовтня листопада
        грудня""",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": """janvier février mars avril mai juin juillet août septembre octobre novembre
        décembre""",
    "es": """enero febrero marzo abril mayo junio julio agosto septiembre/setiembre octubre
        noviembre diciembre""",
    "it": """gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre
        dicembre""",
    "pt": """janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro
        dezembro""",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    "ro": """ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie
        noiembrie decembrie""",
    "hu": """január február március április május június július augusztus szeptember október
        november december""",
    "cs": """ledna/leden února/únor března/březen dubna/duben května/květen června/červen
        července/červenec srpna/srpen září října/říjen listopadu/listopad prosince/prosinec""",
    "sk": """januára/január februára/február marca/marec apríla/apríl mája/máj júna/jún júla/júl
        augusta/august septembra/september októbra/október novembra/november decembra/december""",
    "fi": """tammikuuta/tammikuu helmikuuta/helmikuu maaliskuuta/maaliskuu huhtikuuta/huhtikuu
        toukokuuta/toukokuu kesäkuuta/kesäkuu heinäkuuta/heinäkuu elokuuta/elokuu
        syyskuuta/syyskuu lokakuuta/lokakuu marraskuuta/marraskuu joulukuuta/joulukuu""",
}


def _months(spelled: str) -> dict[str, int]:
    """One language's names, case-folded, to month numbers (see _BY_LANGUAGE)."""
    months = spelled.split()
    if len(months) != 12:
        raise ValueError(f"a language has 12 months, not {len(months)}: {spelled!r}")
    return {
        name.casefold(): number
        for number, month in enumerate(months, 1)
        for name in month.split("/")
    }


#: Each language's month names, case-folded, to month numbers: a text reads the months of its
#: own language ("mai" is May in French and Romanian, "more" in Romanian too, nothing in English).
MONTHS_BY_LANGUAGE: dict[str, dict[str, int]] = {
    language: _months(spelled) for language, spelled in _BY_LANGUAGE.items()
}

#: Month names that are also a common word of their language ("15 mai mulți": fifteen more, in
#: Romanian): such a name is a month only where the word cannot be (see days.day_of_month).
MONTHS_ALSO_WORDS: dict[str, frozenset[str]] = {"ro": frozenset({"mai"})}

#: Words right before an English month's name that make it a time whatever follows it ("in
#: May", "since March", "early June", "last April", "until May said goodbye"): a capitalised name
#: is else read as a person's, or a modal verb ("Theresa May", "May I ask"; see
#: days.month_named).
MONTH_TIME_WORDS: frozenset[str] = word_set(
    """in since until till during throughout early late mid last next this each every"""
)

#: Words right before an English month's name that make it a time unless a verb of speech
#: follows it: they also stand before a person ("the end of May" but "the letter from May
#: said", "after May told MPs"). Left out: "to" and "for" ("a letter to May", "voted for May").
MONTH_PREPOSITIONS: frozenset[str] = word_set(
    """on by of from through before after between around"""
)

#: Words before "by" and an English month's name that make the month a deadline, not the agent
#: of a passive ("is expected to be finished by May", "will be repaid by June", "had been cut
#: by March": a future, a modal, an infinitive, a pluperfect, a plan; see days.month_named).
MONTH_DEADLINE_WORDS: frozenset[str] = word_set(
    """will would shall should must can could might to had expected due scheduled planned
    aims aim target deadline"""
)

#: English names of holidays and feasts and the words that end one ("New Year", "Boxing Day"):
#: capitalised words that name a time as a month does ("between May and Christmas"), not a
#: person beside one ("May and Johnson"; see days.month_named).
HOLIDAYS: frozenset[str] = word_set(
    """Christmas Easter Ramadan Eid Thanksgiving Hanukkah Diwali Passover Lent Halloween Year
    Day"""
)

#: A year of the last two centuries, as digits ("1998", "2026"): the one pattern the readers of
#: months and times use (days.month_named, openers).
YEAR_DIGITS = r"(?:1[89]|20)\d\d"

#: English month names and abbreviations, lower case, to month numbers.
ENGLISH_MONTHS: dict[str, int] = MONTHS_BY_LANGUAGE["en"]

#: The twelve full English names, capitalised, in calendar order.
FULL_ENGLISH_MONTHS: tuple[str, ...] = tuple(
    month.split("/")[0] for month in _BY_LANGUAGE["en"].split()
)

#: Every month name of every language, case-folded, to month numbers.
MONTH_NAMES: dict[str, int] = {
    name: number for months in MONTHS_BY_LANGUAGE.values() for name, number in months.items()
}

# Per weekday, Monday first: its English name, then, |-separated, how a report says that
# something happened on that day in Russian and Ukrainian (the preposition and the accusative:
# "в среду", not "среда", which is also "environment"), German, French, Spanish, Italian,
# Portuguese and Dutch. Spanish and Portuguese "domingo" and "sábado" take their article ("el
# domingo", "no sábado"): alone, "Domingo" is also a name ("Plácido Domingo", "Santo Domingo").
_WEEKDAYS: tuple[tuple[str, str], ...] = (
    (
        "Monday",
        "в понедельник|у понеділок|в понеділок|Montag|lundi|el lunes|lunedì|segunda-feira|maandag",
    ),
    (
        "Tuesday",
        "во вторник|у вівторок|в вівторок|Dienstag|mardi|el martes|martedì|terça-feira|dinsdag",
    ),
    (
        "Wednesday",
        "в среду|у середу|в середу|Mittwoch|mercredi|el miércoles|mercoledì|quarta-feira|woensdag",
    ),
    (
        "Thursday",
        "в четверг|у четвер|в четвер|Donnerstag|jeudi|el jueves|giovedì|quinta-feira|donderdag",
    ),
    (
        "Friday",
        "в пятницу|у п'ятницю|в п'ятницю|Freitag|vendredi|el viernes|venerdì|sexta-feira|vrijdag",
    ),
    (
        "Saturday",
        "в субботу|у суботу|в суботу|Samstag|samedi|el sábado|sabato|no sábado|zaterdag",
    ),
    (
        "Sunday",
        "в воскресенье|у неділю|в неділю|Sonntag|dimanche|el domingo|domenica|no domingo|zondag",
    ),
)

#: The seven English weekday names, capitalised, Monday first (as `date.weekday()` counts).
ENGLISH_WEEKDAYS: tuple[str, ...] = tuple(english for english, _ in _WEEKDAYS)

#: Phrases that name the weekday of a happening ("on Monday", "в среду", "am Montag"), as
#: written, to the weekday's number (Monday 0, as `date.weekday()` counts). The English and
#: German names are capitalised; the other phrases are matched in any case.
WEEKDAY_PHRASES: dict[str, int] = {
    phrase: number
    for number, (english, others) in enumerate(_WEEKDAYS)
    for phrase in (english, *others.split("|"))
}
