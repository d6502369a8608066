"""Verbs of reported speech and of stance: the words that make a clause someone's ("Graham said").

SAYING_VERBS and SPEECH_VERBS are English; SPEECH_VERBS_BY_LANGUAGE gives those of every
language read, with ATTRIBUTIONS, the words that make a line someone's without a verb
("according to", "laut", "selon"): summarizer.text.statives reads a state someone tells with
them, and summarizer.text.facts a fact's speaker in its text's language with the former. Of
SPEECH_VERBS, summarizer.text.references reads the clause a speaker reports ("Police
said the protest ..."), summarizer.text.vague the speaker named after a comma (", Graham
said"), summarizer.text.promotion a name
before its verb ("SAVE the Children said ...") and summarizer.ingest.dates the day a speaker
spoke ("said Wednesday", "told reporters on Tuesday": SAYING_VERBS, as a thought is no day's
speech). STANCE_VERBS and STANCE_PARTICIPLES, by language, are the verbs of a stance taken
(accusing, denying, rejecting, criticising, warning, urging, demanding): summarizer.text.standing
reads a standing stance with them ("has repeatedly accused", "a été accusé de"), and
summarizer.text.promotion an order a speaker gives (", the mayor urged").
"""

from __future__ import annotations

from summarizer.text.language import word_set

__all__ = [
    "ATTRIBUTIONS",
    "SAYING_VERBS",
    "SPEECH_VERBS",
    "SPEECH_VERBS_BY_LANGUAGE",
    "STANCE_PARTICIPLES",
    "STANCE_VERBS",
]

#: Finite verbs that report what someone said or wrote. Present forms other than "say(s)" are
#: left out: references would then read "X insists the club ..." as a reported clause whose
#: "the club" needs an antecedent (a BBC lead lost, 0.01 ROUGE).
SAYING_VERBS = word_set(
    """said says say told added reported announced confirmed warned noted stated claimed argued
    insisted explained wrote"""
)
#: Finite verbs that report what someone said, wrote or thinks: SAYING_VERBS, and "believes",
#: "thinks" and their past.
SPEECH_VERBS = SAYING_VERBS | word_set("believe believes believed think thinks thought")

#: Finite verbs of speech by language, in the present and the past ("says", "said", "sagt",
#: "sagte", "a déclaré", "dijo", "заявил"): English is SPEECH_VERBS; the French, Italian and
#: Portuguese perfect is read by its participle ("a déclaré", "ha detto").
SPEECH_VERBS_BY_LANGUAGE: dict[str, frozenset[str]] = {
    "en": SPEECH_VERBS,
    "de": word_set(
        """sagt sagen erklärt erklären berichtet berichten meldet melden sagte sagten erklärte
        erklärten berichtete berichteten meldete meldeten"""
    ),
    "fr": word_set(
        """dit disent déclare déclarent affirme affirment indique indiquent déclaré affirmé
        indiqué"""
    ),
    "es": word_set(
        """dice dicen declara declaran afirma afirman indica indican dijo dijeron declaró
        declararon afirmó afirmaron indicó indicaron"""
    ),
    "it": word_set(
        """dice dicono dichiara dichiarano afferma affermano spiega detto dichiarato affermato
        spiegato disse dissero"""
    ),
    "pt": word_set(
        """diz dizem declara declaram afirma afirmam indica indicam disse disseram afirmou
        afirmaram declarou declararam"""
    ),
    "nl": word_set(
        """zegt zeggen verklaart verklaren meldt melden zei zeiden verklaarde verklaarden meldde
        meldden"""
    ),
    "ru": word_set(
        """говорит говорят заявляет заявляют сообщает сообщают считает считают сказал сказала
        сказали заявил заявила заявили сообщил сообщила сообщили"""
    ),
    "uk": word_set(
        """каже кажуть заявляє заявляють повідомляє повідомляють вважає вважають сказав сказала
        сказали заявив заявила заявили повідомив повідомила повідомили"""
    ),
}
#: Words that make a line someone's without a verb of speech, by language ("according to the
#: police", "laut Polizei", "selon la police", "volgens de politie", ", aldus de woordvoerder").
ATTRIBUTIONS: dict[str, frozenset[str]] = {
    "en": word_set("according"),
    "de": word_set("laut zufolge"),
    "fr": word_set("selon"),
    "es": word_set("según"),
    "it": word_set("secondo"),
    "pt": word_set("segundo"),
    "nl": word_set("volgens aldus"),
}


def _agreeing(participles: str, endings: tuple[str, ...], stem_end: str = "") -> frozenset[str]:
    """Participles with the forms that agree with their subject: "accusé" -> "accusée",
    "accusés", "accusées"; with `stem_end` "o", "acusado" -> "acusada", "acusados"."""
    return frozenset(
        participle.removesuffix(stem_end) + ending
        for participle in participles.split()
        for ending in endings
    )


#: Finite forms of the verbs of stance, by language: the present and past a report recalls a
#: stance with ("accuses", "wirft ... vor", "accusait", "niega"); in Russian and Ukrainian the
#: imperfective past and present, which say "has repeatedly accused" ("обвинял", "заперечує"),
#: and the reflexive forms of the passive ("обвинялся в": "has been accused of"). The
#: perfective ("обвинил") tells a happening and is left out.
STANCE_VERBS: dict[str, frozenset[str]] = {
    "en": word_set(
        """accuse accuses accused blame blames blamed deny denies denied reject rejects rejected
        dismiss dismisses dismissed criticise criticises criticised criticize criticizes
        criticized condemn condemns condemned warn warns warned urge urges urged demand demands
        demanded"""
    ),
    "de": word_set(
        """wirft werfen warf warfen beschuldigt beschuldigen beschuldigte beschuldigten
        bestreitet bestreiten bestritt bestritten dementiert dementieren dementierte
        dementierten weist weisen wies wiesen kritisiert kritisieren kritisierte kritisierten
        erklärt erklären erklärte erklärten betont betonen betonte betonten sagt sagen sagte
        sagten fordert fordern forderte forderten warnt warnen warnte warnten behauptet
        behaupten behauptete behaupteten lehnt lehnen lehnte lehnten"""
    ),
    "fr": word_set(
        """accuse accusent accusait accusaient nie nient niait niaient dément démentent démentait
        démentaient rejette rejettent rejetait rejetaient dénonce dénoncent dénonçait
        dénonçaient affirme affirment affirmait affirmaient déclare déclarent déclarait
        déclaraient critique critiquent critiquait critiquaient réclame réclament réclamait
        réclamaient exige exigent exigeait exigeaient avertit avertissent avertissait
        avertissaient"""
    ),
    "es": word_set(
        """acusa acusan acusaba acusaban niega niegan negaba negaban desmiente desmienten
        desmentía desmentían rechaza rechazan rechazaba rechazaban denuncia denuncian
        denunciaba denunciaban afirma afirman afirmaba afirmaban declara declaran declaraba
        declaraban critica critican criticaba criticaban exige exigen exigía exigían reclama
        reclaman reclamaba reclamaban advierte advierten advertía advertían"""
    ),
    "ru": word_set(
        """обвинял обвиняла обвиняло обвиняли обвиняет обвиняют заявлял заявляла заявляли
        заявляет заявляют отрицал отрицала отрицали отрицает отрицают опровергал опровергала
        опровергали опровергает опровергают отвергал отвергала отвергали отвергает отвергают
        утверждал утверждала утверждали утверждает утверждают говорил говорила говорили
        говорит говорят критиковал критиковала критиковали критикует критикуют называл
        называла называли называет называют призывал призывала призывали призывает призывают
        требовал требовала требовали требует требуют предупреждал предупреждала предупреждали
        предупреждает предупреждают высказывал высказывала высказывали высказывает
        высказывают подозревают обвинялся обвинялась обвинялось обвинялись подозревался
        подозревалась подозревалось подозревались критиковался критиковалась критиковалось
        критиковались"""
    ),
    "uk": word_set(
        """звинувачував звинувачувала звинувачували звинувачує звинувачують заявляв заявляла
        заявляли заявляє заявляють заперечував заперечувала заперечували заперечує
        заперечують спростовував спростовувала спростовували спростовує спростовують
        відкидав відкидала відкидали відкидає відкидають стверджував стверджувала
        стверджували стверджує стверджують говорив говорила говорили говорить говорять казав
        казала казали каже кажуть критикував критикувала критикували критикує критикують
        називав називала називали називає називають закликав закликала закликали закликає
        закликають вимагав вимагала вимагали вимагає вимагають попереджав попереджала
        попереджали попереджає попереджають висловлював висловлювала висловлювали
        висловлює висловлюють підозрюють звинувачувався звинувачувалася звинувачувалась
        звинувачувалося звинувачувалось звинувачувалися звинувачувались підозрювався
        підозрювалася підозрювалась підозрювалися підозрювались критикувався
        критикувалася критикувалась критикувалися критикувались"""
    ),
}
#: Past participles of the verbs of stance, by language, as a perfect or a passive writes them
#: after its auxiliary ("has been accused of", "hat ... vorgeworfen", "a été accusée de", "ha
#: sido acusado de"), with their agreeing forms in French and Spanish. English keeps those of a
#: standing accusation only: "has been warned of" or "denied" is what happened to someone.
STANCE_PARTICIPLES: dict[str, frozenset[str]] = {
    "en": word_set("accused blamed suspected criticised criticized"),
    "de": word_set(
        """vorgeworfen beschuldigt bestritten dementiert zurückgewiesen kritisiert erklärt betont
        gesagt gefordert gewarnt behauptet verurteilt abgelehnt"""
    ),
    "fr": _agreeing(
        """accusé nié démenti rejeté dénoncé affirmé déclaré critiqué réclamé exigé averti
        soupçonné blâmé""",
        ("", "e", "s", "es"),
    ),
    "es": _agreeing(
        """acusado negado desmentido rechazado denunciado afirmado declarado criticado exigido
        reclamado advertido culpado""",
        ("o", "a", "os", "as"),
        stem_end="o",
    ),
}
