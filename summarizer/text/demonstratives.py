"""A demonstrative with its noun inside a sentence ("this decision") points back: nine languages."""

from __future__ import annotations

from summarizer.text.language import stop_words, word_set
from summarizer.text.quotes import outside_quotes
from summarizer.text.tokenizer import WORD_OR_MARK

__all__ = ["DEMONSTRATIVES", "demonstrative_noun"]


#: Demonstratives by language, every form that stands before a noun ("this", "these", "ce",
#: "dieser", "этот"). Where "that" and "those" also open a clause ("said that ...", "those who
#: ..."), they are in the table (summarizer.text.openers reads them after a preposition: "in
#: that change") but not read alone inside a sentence (see _CLAUSE_OPENERS).
DEMONSTRATIVES: dict[str, frozenset[str]] = {
    "en": word_set("this that these those"),
    "de": word_set("dieser diese dieses diesem diesen"),
    "fr": word_set("ce cet cette ces"),
    "es": word_set("este esta estos estas ese esa esos esas"),
    "it": word_set("questo questa questi queste"),
    "pt": word_set(
        """este esta estes estas esse essa esses essas neste nesta nestes nestas nesse nessa
        deste desta desse dessa"""
    ),
    "nl": word_set("deze dit"),
    "ru": word_set("этот эта это эти этого этой этом этим этих эту"),
    "uk": word_set("цей ця це ці цього цієї цьому цим цих цю цією"),
}
# Demonstratives that also open a clause ("said that ...", "those who ..."): inside a sentence
# they are no demonstrative before a noun unless a preposition stands before them.
_CLAUSE_OPENERS: dict[str, frozenset[str]] = {"en": word_set("that those")}
_BEFORE_NOUN: dict[str, frozenset[str]] = {
    language: words - _CLAUSE_OPENERS.get(language, frozenset())
    for language, words in DEMONSTRATIVES.items()
}
# Words after a demonstrative that name a time the reader shares ("this week", "cette année",
# "nesta terça-feira", "в этом году"), or that stand before one ("this past week"): the
# demonstrative points at the calendar, not at a sentence before.
_TIMES: dict[str, frozenset[str]] = {
    "en": word_set(
        """year years week weeks month months day days morning afternoon evening night tonight
        weekend season time times summer winter spring autumn fall quarter century decade
        moment point stage hour minute past coming upcoming"""
    ),
    "de": word_set(
        """woche wochen jahr jahres monat monats tag tages morgen abend nacht wochenende saison
        zeit sommer winter frühjahr frühling herbst jahrhundert jahrzehnt mal quartal montag
        dienstag mittwoch donnerstag freitag samstag sonntag"""
    ),
    "fr": word_set(
        """année années an semaine semaines mois jour jours matin soir soirée nuit week-end
        après-midi trimestre saison fois été hiver printemps automne siècle moment dernier
        dernière derniers
        dernières lundi mardi mercredi jeudi vendredi samedi dimanche"""
    ),
    "es": word_set(
        """año años semana semanas mes meses día días mañana tarde noche madrugada jornada fin
        trimestre temporada vez
        verano invierno primavera otoño siglo momento lunes martes miércoles jueves viernes
        sábado domingo"""
    ),
    "it": word_set(
        """anno anni settimana settimane mese mesi giorno giorni mattina sera notte fine
        stagione volta estate inverno primavera autunno secolo momento lunedì martedì
        mercoledì giovedì venerdì sabato domenica"""
    ),
    "pt": word_set(
        """ano anos semana semanas mês meses dia dias manhã tarde noite madrugada jornada fim
        trimestre temporada vez verão
        inverno primavera outono século momento segunda-feira terça-feira quarta-feira
        quinta-feira sexta-feira sábado domingo"""
    ),
    "nl": word_set(
        """week weken jaar maand maanden dag dagen ochtend middag avond nacht weekend seizoen
        keer tijd zomer winter lente voorjaar herfst najaar eeuw moment kwartaal maandag
        dinsdag woensdag donderdag vrijdag zaterdag zondag"""
    ),
    "ru": word_set(
        """год году года неделе неделю недели месяце месяц месяца день дня утром утро вечером
        вечер ночью сезоне сезон время раз раза летом зимой весной осенью веке момент
        понедельник вторник среду четверг пятницу субботу воскресенье выходных выходные
        квартале квартал"""
    ),
    "uk": word_set(
        """рік року тижня тижні тиждень місяця місяці день дня ранку ранок вечора вечір ночі
        сезону сезоні час разу раз літа влітку зими взимку весни навесні осені восени
        століття момент понеділок вівторок середу четвер п'ятницю суботу неділю вихідних
        вихідні кварталі квартал"""
    ),
}
# The page itself ("this article", "diese Seite", "cette série"): a narrator's pointer to what
# the reader holds (summarizer.text.metatext), not to a sentence before.
_PAGE: dict[str, frozenset[str]] = {
    "en": word_set("article story post site page series piece blog video episode newsletter"),
    "de": word_set("artikel artikels beitrag beitrags seite serie"),
    "fr": word_set("article page site série billet"),
    "es": word_set("artículo página sitio serie"),
    "it": word_set("articolo pagina sito serie"),
    "pt": word_set("artigo página site série"),
    "nl": word_set("artikel pagina site serie"),
    "ru": word_set("статье статья статьи статью материале материал сайте сайт"),
    "uk": word_set("статті стаття статтю матеріалі матеріал сайті сайт"),
}
# "But" and "and" by language: a demonstrative right after one opens a clause that goes on from
# the sentence's own first clause ("China's net users number 100m but this represents ...").
_JOINERS: dict[str, frozenset[str]] = {
    "en": word_set("but and yet"),
    "de": word_set("aber und doch"),
    "fr": word_set("mais et"),
    "es": word_set("pero y"),
    "it": word_set("ma e"),
    "pt": word_set("mas e"),
    "nl": word_set("maar en"),
    "ru": word_set("но и а"),
    "uk": word_set("але і й а"),
}
# Nouns a reader places in the here and now as they place "this week" ("this country", "this
# election", "cette ville"): the writer's or the speaker's own, not one a sentence before named.
_HERE: dict[str, frozenset[str]] = {
    "en": word_set(
        """country nation city town state government election tournament championship
        campaign competition edition"""
    ),
    "de": word_set("land landes stadt regierung wahl turnier"),
    "fr": word_set("pays ville gouvernement élection tournoi édition"),
    "es": word_set("país ciudad gobierno elección torneo edición"),
    "it": word_set("paese città governo elezione torneo edizione"),
    "pt": word_set("país cidade governo eleição torneio edição"),
    "nl": word_set("land stad regering verkiezing toernooi editie"),
    "ru": word_set("страна стране страны страну город городе правительство выборы турнир"),
    "uk": word_set("країна країні країни країну місто місті уряд вибори турнір"),
}
# Words before "este"/"esta" that make it a direction, not a demonstrative ("del este", "do
# este": the east).
_DIRECTION: dict[str, frozenset[str]] = {"es": word_set("del"), "pt": word_set("do de")}
_CAPITALISED_NOUNS = frozenset({"de"})  # German writes every noun with a capital
_STEM = 4  # letters compared when a sentence named the noun itself before ("a plan ... this plan")
# Words of a sentence read: a demonstrative further on mostly points at what the sentence itself
# told ("..., but the S5's new finish reverses this trend").
_READ_WORDS = 12


def demonstrative_noun(sentence: str, language: str = "en", *, context: str = "") -> str:
    """Return a demonstrative and its noun that point back at a sentence before, or "".

    "The company said this decision would cost it $10 million.", "Selon l'agence, cette
    mesure ...", "Он заявил, что это решение ...": the demonstrative points at what a sentence
    before named, so the line cannot open a text or follow another article's line, wherever in
    it the demonstrative stands (its first word is read by summarizer.text.openers). It does
    not when it names a time ("this week", "cette année", "в этом году") or the page itself
    ("this article"), a name follows it ("this Sunday"), "but" or "and" stands before it (the
    clause goes on from its own sentence's: "... number 100m but this represents ..."), the
    sentence itself or the context (a headline) named the noun ("... a plan ..., and this plan
    ..."), the noun is the here and now's ("this country", "this election"), English "of"
    specifies it ("this species of frog"), or it is inside a quotation (the speaker's). Only
    the first words are read: further on, a demonstrative mostly points at what its own
    sentence told ("..., but the new finish reverses this trend").

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; en, de, fr, es, it, pt, nl, ru and uk are read (others: "").
        context: what the reader has read before (a headline): a noun it names is known.

    Returns:
        The demonstrative and its noun as written ("this decision"), or "".
    """
    demonstratives = _BEFORE_NOUN.get(language)
    if demonstratives is None:
        return ""
    tokens = WORD_OR_MARK.findall(outside_quotes(sentence))
    lowered = [t.lower().replace("’", "'") for t in tokens]
    stops = stop_words(language)
    times = _TIMES[language]
    read = [i for i, token in enumerate(tokens) if token[:1].isalnum()][:_READ_WORDS]
    for i in read[1:]:
        if lowered[i] not in demonstratives or i + 1 >= len(tokens):
            continue
        noun, head = tokens[i + 1], lowered[i + 1].removesuffix("'s")
        after = lowered[i + 2].removesuffix("'s") if i + 2 < len(tokens) else ""
        if not noun[:1].isalpha() or head in stops or head in times or after in times:
            continue  # "this week", "at this early stage"
        if lowered[i - 1] in _JOINERS[language]:
            continue  # "... number 100m but this represents ...": the sentence's own clause
        if head in _PAGE[language] or head in _HERE[language]:
            continue  # "My goal with this article is ...", "this country": not a sentence before
        if lowered[i - 1] in _DIRECTION.get(language, ()):
            continue  # "vento do este": the east
        if language == "en" and after == "of":
            continue  # "this species of frog": what follows says which
        if noun[:1].isupper() != (language in _CAPITALISED_NOUNS):
            continue  # "this Sunday": a name; in German a lower-case word is no noun
        named = {w[:_STEM] for w in lowered[:i] if len(w) >= _STEM} | _stems(context)
        if head[:_STEM] in named:
            continue  # "... a plan ..., and this plan ...": the sentence named it
        return f"{tokens[i]} {noun}"
    return ""


def _stems(context: str) -> set[str]:
    """The first letters of the context's words (see _STEM)."""
    words = WORD_OR_MARK.findall(context.lower().replace("’", "'"))
    return {w[:_STEM] for w in words if len(w) >= _STEM}
