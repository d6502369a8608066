"""Month and weekday names in every language we read dates in, as news gives them."""

from __future__ import annotations

__all__ = [
    "ENGLISH_MONTHS",
    "ENGLISH_WEEKDAYS",
    "FULL_ENGLISH_MONTHS",
    "MONTH_NAMES",
    "WEEKDAY_PHRASES",
]

# Per month: its English names and abbreviations, then (in any case) Russian and Ukrainian
# (genitive and the usual abbreviations), German, French and Spanish.
_NAMES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("January", "Jan"), ("января", "янв", "січня", "Januar", "janvier", "enero")),
    (("February", "Feb"), ("февраля", "фев", "лютого", "Februar", "février", "febrero")),
    (("March", "Mar"), ("марта", "мар", "березня", "März", "mars", "marzo")),
    (("April", "Apr"), ("апреля", "апр", "квітня", "avril", "abril")),
    (("May",), ("мая", "травня", "Mai", "mai", "mayo")),
    (("June", "Jun"), ("июня", "июн", "червня", "Juni", "juin", "junio")),
    (("July", "Jul"), ("июля", "июл", "липня", "Juli", "juillet", "julio")),
    (("August", "Aug"), ("августа", "авг", "серпня", "août", "agosto")),
    (
        ("September", "Sept", "Sep"),
        ("сентября", "сент", "сен", "вересня", "septembre", "septiembre", "setiembre"),
    ),
    (("October", "Oct"), ("октября", "окт", "жовтня", "Oktober", "octobre", "octubre")),
    (("November", "Nov"), ("ноября", "нояб", "ноя", "листопада", "novembre", "noviembre")),
    (("December", "Dec"), ("декабря", "дек", "грудня", "Dezember", "décembre", "diciembre")),
)
# Per month, the names the other languages with a frequency table (summarizer/data/frequencies)
# give it after or before a day: Italian, Portuguese, Dutch, Swedish, Danish, Norwegian,
# Romanian, Hungarian, then Czech and Slovak (genitive, as after a day, and nominative) and
# Finnish (partitive, as after a day, and nominative). Names equal to one above are left out.
_MORE_NAMES: tuple[tuple[str, ...], ...] = tuple(
    tuple(names.split())
    for names in (
        "gennaio janeiro januari ianuarie január ledna leden januára tammikuuta tammikuu",
        "febbraio fevereiro februari februarie február února únor februára helmikuuta helmikuu",
        "março maart marts martie március března březen marca marec maaliskuuta maaliskuu",
        "aprile aprilie április dubna duben apríla apríl huhtikuuta huhtikuu",
        "maggio maio mei maj május května květen mája máj toukokuuta toukokuu",
        "giugno junho iunie június června červen júna jún kesäkuuta kesäkuu",
        "luglio julho iulie július července červenec júla júl heinäkuuta heinäkuu",
        "augustus augusti augusztus srpna srpen augusta elokuuta elokuu",
        "settembre setembro septembrie szeptember září septembra syyskuuta syyskuu",
        "ottobre outubro octombrie október října říjen októbra lokakuuta lokakuu",
        "novembro noiembrie listopadu listopad novembra marraskuuta marraskuu",
        "dicembre dezembro desember decembrie prosince prosinec decembra joulukuuta joulukuu",
    )
)

#: English month names and abbreviations, lower case, to month numbers.
ENGLISH_MONTHS: dict[str, int] = {
    name.lower(): number for number, (english, _) in enumerate(_NAMES, 1) for name in english
}

#: The twelve full English names, capitalised, in calendar order.
FULL_ENGLISH_MONTHS: tuple[str, ...] = tuple(english[0] for english, _ in _NAMES)

#: Every month name of every language, case-folded, to month numbers.
MONTH_NAMES: dict[str, int] = {
    name.casefold(): number
    for number, ((english, others), more) in enumerate(zip(_NAMES, _MORE_NAMES, strict=True), 1)
    for name in (*english, *others, *more)
}

# Per weekday, Monday first: its English name, then how a report says that something happened
# on that day in Russian and Ukrainian (the preposition and the accusative: "в среду", not
# "среда", which is also "environment"), German, French and Spanish.
_WEEKDAYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Monday", ("в понедельник", "у понеділок", "в понеділок", "Montag", "lundi", "el lunes")),
    ("Tuesday", ("во вторник", "у вівторок", "в вівторок", "Dienstag", "mardi", "el martes")),
    ("Wednesday", ("в среду", "у середу", "в середу", "Mittwoch", "mercredi", "el miércoles")),
    ("Thursday", ("в четверг", "у четвер", "в четвер", "Donnerstag", "jeudi", "el jueves")),
    ("Friday", ("в пятницу", "у п'ятницю", "в п'ятницю", "Freitag", "vendredi", "el viernes")),
    ("Saturday", ("в субботу", "у суботу", "в суботу", "Samstag", "samedi", "el sábado")),
    ("Sunday", ("в воскресенье", "у неділю", "в неділю", "Sonntag", "dimanche", "el domingo")),
)

#: The seven English weekday names, capitalised, Monday first (as `date.weekday()` counts).
ENGLISH_WEEKDAYS: tuple[str, ...] = tuple(english for english, _ in _WEEKDAYS)

#: Phrases that name the weekday of a happening ("on Monday", "в среду", "am Montag"), as
#: written, to the weekday's number (Monday 0, as `date.weekday()` counts). The English and
#: German names are capitalised; the other phrases are matched in any case.
WEEKDAY_PHRASES: dict[str, int] = {
    phrase: number
    for number, (english, others) in enumerate(_WEEKDAYS)
    for phrase in (english, *others)
}
