"""Background lines: a standing accusation or stance a report recalls, not the news it reports."""

from __future__ import annotations

import re

__all__ = ["recalls_background"]

# A state that has held for some time, as reports recall it: a perfect with an adverb of
# repetition or duration ("have repeatedly accused Moscow", "has long denied", "have for years
# said"), or a standing accusation in the passive ("The Kremlin has been accused of arming the
# rebels"). A happening the report tells is in the past or a bare perfect ("has agreed to").
_ENGLISH = re.compile(
    r"\b(?:has|have|had)\s+(?:also\s+)?(?:repeatedly|long|consistently|persistently"
    r"|frequently|often|always|routinely|for\s+(?:years|decades|months))\b"
    r"|\b(?:has|have|had)\s+(?:long\s+)?been\s+(?:accused|blamed|suspected|criticised"
    r"|criticized)\s+(?:of|for)\b",
    re.IGNORECASE,
)
# Up to two words between an adverb and its verb, in one clause ("hat Moskau wiederholt
# vorgeworfen", "неоднократно публично обвинял"); three between a German auxiliary and the
# adverb ("hat der Kreml die Vorwürfe wiederholt zurückgewiesen").
_BETWEEN = r"(?:\s+[^\W\d_]+){0,2}?\s+"
_AFTER_AUXILIARY = r"(?:\s+[^\W\d_]+){0,3}?\s+"


def _words(forms: str) -> str:
    """An alternation of blank-separated word forms, longest first."""
    return "|".join(sorted(forms.split(), key=lambda form: (-len(form), form)))


# German: an adverb of repetition or duration ("wiederholt", "seit Jahren") with a verb of
# saying, accusing or denying: after an auxiliary and before its participle ("hat Moskau
# wiederholt vorgeworfen", "wird seit langem beschuldigt"), or after the verb itself ("wirft
# Moskau immer wieder vor", "bestreitet das seit Jahren"). "wiederholt" alone is also the verb
# "to repeat" ("Er wiederholt seine Forderung"), and "immer wieder" before a verb tells how a
# happening went ("immer wieder fielen Schüsse").
_GERMAN_ADVERBS = r"(?:wiederholt|immer\s+wieder|seit\s+langem|seit\s+Jahren|mehrfach)"
_GERMAN_PARTICIPLES = _words(
    """vorgeworfen beschuldigt bestritten dementiert zurückgewiesen kritisiert erklärt betont
    gesagt gefordert gewarnt behauptet verurteilt abgelehnt"""
)
_GERMAN_VERBS = _words(
    """wirft werfen warf warfen beschuldigt beschuldigen beschuldigte beschuldigten bestreitet
    bestreiten bestritt bestritten dementiert dementieren dementierte dementierten weist weisen
    wies wiesen kritisiert kritisieren kritisierte kritisierten erklärt erklären erklärte
    erklärten betont betonen betonte betonten sagt sagen sagte sagten fordert fordern forderte
    forderten warnt warnen warnte warnten behauptet behaupten behauptete behaupteten lehnt
    lehnen lehnte lehnten"""
)
_GERMAN = re.compile(
    r"\b(?:hat|haben|hatte|hatten|wird|werden)"
    + _AFTER_AUXILIARY
    + _GERMAN_ADVERBS
    + _BETWEEN
    + r"(?:"
    + _GERMAN_PARTICIPLES
    + r")\b"
    r"|\b(?:" + _GERMAN_VERBS + r")" + _BETWEEN + _GERMAN_ADVERBS + r"\b",
    re.IGNORECASE,
)
# Russian and Ukrainian: an adverb of repetition or duration before a verb of saying,
# accusing or denying in the imperfective past or present, which is how these languages say
# "has repeatedly accused", "has long denied" ("неоднократно обвинял", "давно отрицает"). A
# happening is perfective ("давно обещал, и вчера подписал": a promise, then the news).
_RUSSIAN = re.compile(
    r"(?<!\w)(?:неоднократно|многократно|давно|не\s+раз|годами)"
    + _BETWEEN
    + r"(?:"
    + _words(
        """обвинял обвиняла обвиняло обвиняли обвиняет обвиняют заявлял заявляла заявляли
        заявляет заявляют отрицал отрицала отрицали отрицает отрицают опровергал опровергала
        опровергали опровергает опровергают отвергал отвергала отвергали отвергает отвергают
        утверждал утверждала утверждали утверждает утверждают говорил говорила говорили
        говорит говорят критиковал критиковала критиковали критикует критикуют называл
        называла называли называет называют призывал призывала призывали призывает призывают
        требовал требовала требовали требует требуют предупреждал предупреждала предупреждали
        предупреждает предупреждают высказывал высказывала высказывали высказывает
        высказывают подозревают"""
    )
    + r")(?!\w)",
    re.IGNORECASE,
)
_UKRAINIAN = re.compile(
    r"(?<!\w)(?:неодноразово|багаторазово|давно|не\s+раз|роками)"
    + _BETWEEN
    + r"(?:"
    + _words(
        """звинувачував звинувачувала звинувачували звинувачує звинувачують заявляв заявляла
        заявляли заявляє заявляють заперечував заперечувала заперечували заперечує
        заперечують спростовував спростовувала спростовували спростовує спростовують
        відкидав відкидала відкидали відкидає відкидають стверджував стверджувала
        стверджували стверджує стверджують говорив говорила говорили говорить говорять казав
        казала казали каже кажуть критикував критикувала критикували критикує критикують
        називав називала називали називає називають закликав закликала закликали закликає
        закликають вимагав вимагала вимагали вимагає вимагають попереджав попереджала
        попереджали попереджає попереджають висловлював висловлювала висловлювали
        висловлює висловлюють підозрюють"""
    )
    + r")(?!\w)",
    re.IGNORECASE,
)


def _beside(adverbs: str, verbs: str) -> re.Pattern[str]:
    """An adverb of repetition or duration right before or after a verb of saying, accusing or
    denying, up to two words apart, as French and Spanish write a standing stance ("a accusé à
    plusieurs reprises", "a à plusieurs reprises démenti", "niega desde hace años")."""
    verb = rf"(?:{_words(verbs)})"
    return re.compile(
        rf"(?<!\w)(?:{adverbs}){_BETWEEN}{verb}(?!\w)|(?<!\w){verb}{_BETWEEN}(?:{adverbs})(?!\w)",
        re.IGNORECASE,
    )


# French and Spanish: the adverb beside a verb of saying, accusing or denying. The adverb alone
# also tells how a happening went ("La police a tiré à plusieurs reprises", "disparó
# repetidamente").
_FRENCH = _beside(
    r"à\s+plusieurs\s+reprises|à\s+maintes\s+reprises|depuis\s+longtemps|depuis\s+des\s+années",
    """accusé accuse accusent accusait accusaient nié nie nient niait niaient démenti dément
    démentent démentait démentaient rejeté rejette rejettent rejetait rejetaient dénoncé dénonce
    dénoncent dénonçait dénonçaient affirmé affirme affirment affirmait affirmaient déclaré
    déclare déclarent déclarait déclaraient critiqué critique critiquent critiquait critiquaient
    réclamé réclame réclament réclamait réclamaient exigé exige exigent exigeait exigeaient
    averti avertit avertissent avertissait avertissaient""",
)
_SPANISH = _beside(
    r"en\s+repetidas\s+ocasiones|en\s+varias\s+ocasiones|reiteradamente|repetidamente"
    r"|desde\s+hace\s+años",
    """acusado acusa acusan acusaba acusaban negado niega niegan negaba negaban desmentido
    desmiente desmienten desmentía desmentían rechazado rechaza rechazan rechazaba rechazaban
    denunciado denuncia denuncian denunciaba denunciaban afirmado afirma afirman afirmaba
    afirmaban declarado declara declaran declaraba declaraban criticado critica critican
    criticaba criticaban exigido exige exigen exigía exigían reclamado reclama reclaman
    reclamaba reclamaban advertido advierte advierten advertía advertían""",
)
_STANDING: dict[str, re.Pattern[str]] = {
    "en": _ENGLISH,
    "de": _GERMAN,
    "fr": _FRENCH,
    "es": _SPANISH,
    "ru": _RUSSIAN,
    "uk": _UKRAINIAN,
}


def recalls_background(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence recalls a standing state rather than reporting a happening.

    "Kyiv and many Western countries have repeatedly accused Moscow of providing arms ...",
    "The Kremlin has been accused of arming the rebels, a claim it has repeatedly denied.":
    what has long been said, not what happened. Such a line is true and may help, but a digest
    ranks it below the lines that tell the event's own news.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; en, de, fr, es, ru and uk are read (others: False).

    Returns:
        True for a line of background.
    """
    pattern = _STANDING.get(language)
    return pattern is not None and pattern.search(sentence) is not None
