"""What can open a text: openings that point back at a sentence before them, in every language."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.text.demonstratives import DEMONSTRATIVES, demonstrative_noun
from summarizer.text.framed import framed_pronoun
from summarizer.text.language import PREPOSITIONS, SUBJECT_PRONOUNS, alternation, word_set
from summarizer.text.months import ENGLISH_MONTHS, ENGLISH_WEEKDAYS, YEAR_DIGITS
from summarizer.text.promotion import orders_reader
from summarizer.text.quotes import (
    ANY_QUOTE,
    attribution,
    close_open_quotes,
    closes_unopened,
    outside_quotes,
)
from summarizer.text.references import unresolved_reference
from summarizer.text.stance import answers_unsaid
from summarizer.text.tokenizer import OPENING_MARKS, UNSPACED, WORD_OR_MARK
from summarizer.text.vague import (
    bare_family_name,
    leaves_out_what,
    names_nothing,
    talks_to_reader,
)

__all__ = ["MIN_OPENER_WORDS", "leans_back", "stands_alone", "written_to_reader"]

#: Fewer words than this cannot open a text: it is a remark, not a line that says what happened.
MIN_OPENER_WORDS = 6


# English connectives that point back wherever they stand, in one list with named subsets: those
# that answer a sentence before (contrast, addition: "..., however.", "..., too."), and those
# that, set off by commas early in a sentence, point back as well (consequence, emphasis,
# example: "Investigators believe, therefore, ..."). Each but "too" also opens a sentence that
# points back ("However, ...", "In turn, ..."; "Too many ..." does not).
_ANSWERING_CONNECTIVES = (
    *("however", "though", "meanwhile", "moreover", "nevertheless", "nonetheless", "instead"),
    *("too", "in turn", "as well"),
)
_PARENTHETICAL_CONNECTIVES = (
    *_ANSWERING_CONNECTIVES,
    *("therefore", "also", "still", "in fact", "of course", "for example", "for instance"),
)
_ONE_WORD_CONNECTIVES = frozenset(
    word for word in _PARENTHETICAL_CONNECTIVES if " " not in word and word != "too"
)


def _alternatives(connectives: tuple[str, ...]) -> str:
    """A regex group matching any of the connectives, blanks in them matched by any blank."""
    return "(?:" + "|".join(word.replace(" ", r"\s+") for word in connectives) + ")"


# First words that point back to something said before, by language: pronouns, demonstratives,
# connectives, discourse adverbs ("Now", "Still") and interjections ("Ok", "Oh"), and
# first-person words (whose speaker a reader of the opening line cannot know).
_DEPENDENT_OPENERS: dict[str, frozenset[str]] = {
    "en": word_set(
        """he she it they we i you him her them us me his its their our my your hers theirs ours
        this that these those such both another others which who whose whom but and or nor so
        yet although furthermore then thus hence besides otherwise further additionally likewise
        similarly accordingly consequently indeed now again later earlier plus anyway afterwards
        finally lastly secondly thirdly
        there's he's she's it's they're we're i'm i've we've that's here's he'd she'd they'd
        we'll i'll you'll they'll he'll she'll it'll i'd we'd you'd you're you've ok okay oh
        yes alright"""
    )
    | _ONE_WORD_CONNECTIVES,
    "de": word_set(
        """er sie es wir ich du ihm ihn ihnen uns mir mich sein seine seinem seinen seiner
        seines ihr ihre ihrem ihren ihrer ihres unser unsere dies diese dieser dieses diesem
        diesen jene jener jenes aber jedoch doch und oder auch zudem außerdem allerdings
        trotzdem dennoch deshalb deswegen daher damit dabei dann danach darauf dafür dagegen
        stattdessen ebenfalls ebenso sonst somit folglich inzwischen nun jetzt später zuvor"""
    ),
    "fr": word_set(
        """il elle ils elles nous je j' lui eux son sa ses leur leurs notre nos mon ma mes ce cet
        cette ces cela ça c' celui celle ceux celles mais cependant pourtant toutefois néanmoins
        donc ainsi alors puis ensuite aussi également enfin or maintenant désormais qu'"""
    ),
    "es": word_set(
        """él ella ellos ellas nosotros nosotras yo le les su sus nuestro nuestra nuestros
        nuestras mi mis este esta esto estos estas ese esa eso esos esas aquel aquella pero
        también además entonces luego así asimismo igualmente mientras ahora todavía"""
    ),
    "it": word_set(
        """lui lei loro noi io esso essa essi esse suo sua suoi sue nostro nostra nostri nostre
        mio mia questo questa questi queste quello quella quelli quelle ciò ma però tuttavia
        comunque quindi dunque inoltre anche poi allora invece infatti intanto ora adesso"""
    ),
    "pt": word_set(
        """ele ela eles elas nós eu lhe lhes seu sua seus suas nosso nossa nossos nossas meu
        minha este esta isto estes estas esse essa isso esses essas aquele aquela aquilo mas
        porém contudo todavia entretanto então depois também assim portanto logo agora ainda"""
    ),
    "nl": word_set(
        """hij zij ze wij we ik hem haar hun ons onze mijn zijn dit dat deze die maar echter toch
        en of ook daarom dus bovendien daarnaast vervolgens daarna toen nu inmiddels"""
    ),
    "ru": word_set(
        """он она оно они мы я его её ее их ему ей им нам нас наш наша наше наши мой моя это этот
        эта эти этого этой тот та те но однако тогда также тоже поэтому затем потом зато
        впрочем ведь теперь сейчас ещё еще"""
    ),
    "uk": word_set(
        """він вона воно вони ми я його її їх йому їй їм нам нас наш наша наше наші мій моя це
        цей ця ці цього цієї той та ті але однак проте тоді також теж тому потім зате втім
        адже тепер зараз ще"""
    ),
    # Korean writes a pronoun with its particle as one word ("그는": he + topic); "이" and "그"
    # alone are "this" and "that" (a family name Lee is written with the given name: "이명박").
    "ko": word_set(
        """이 그 그는 그가 그의 그녀는 그녀가 그녀의 그들은 그들이 그들의 그것은 그것이 이것은
        이것이 이는 이에 이와 이런 이러한 그런 그러한 이날 당시 그러나 하지만 그런데 그래서
        그리고 또한 또 따라서 그러므로 게다가 더욱이 한편 반면 결국 그러자 그러면서"""
    ),
}
# First- and second-person openers: the narrator's voice ("I talked about ...", "You can ..."),
# which points at no sentence before it (see leans_back's `voice`).
_VOICE_OPENERS = word_set(
    """i you we me us my your our i'm i've i'd i'll you're you've you'll you'd we're we've
    we'll we'd let's ich du wir je j' nous vous yo io noi eu ik я мы ми"""
)
# Openers of more than one word, matched on the lower-cased start of the sentence.
_DEPENDENT_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "as a result",
        "in addition",
        "on the other hand",
        "by contrast",
        "in contrast",
        "at the same time",
        "even so",
        "after that",
        "for his part",
        "for her part",
        "for their part",
        "that said",
        "all the while",
        "either way",
        "in any case",
        "in any event",
        "what's more",
        "on top of that",
        "by the same token",
        # the connectives of more words that point back wherever they stand ("For example, ...")
        *(connective for connective in _PARENTHETICAL_CONNECTIVES if " " in connective),
    ),
    "de": ("im gegenzug", "darüber hinaus"),
    "fr": ("par ailleurs", "en outre", "de plus", "en revanche", "d'ailleurs"),
    "es": ("sin embargo", "no obstante", "por eso", "por lo tanto", "por su parte"),
    "it": ("per questo", "d'altra parte"),
    "pt": ("além disso", "por isso", "no entanto"),
    "nl": ("daarnaast", "aan de andere kant"),
    "ru": ("кроме того", "при этом", "в свою очередь", "тем не менее"),
    "uk": ("крім того", "при цьому", "своєю чергою", "тим не менш"),
}
# English: a clause opener whose subject then is a pronoun, and words that point back in a
# sentence's first noun phrase.
_SUBORDINATORS = word_set(
    "if when while after before because although though as since once unless until whereas"
)
_ANAPHORIC = word_set("other same latter aforementioned")
_CONJUNCTIONS = word_set("and but or so yet")
# Early in a sentence, words that add to or answer something said before.
_ADDITIVE = word_set("also too again likewise responded replied countered retorted added continued")
# A subject pronoun after an opening phrase that is not a clause of its own (a clause opened by
# "When", "If", ... may name the pronoun's antecedent): "Two blocks farther along, he could ...",
# "Less than three hours later they were dead". Not "it" and "you": "Two years on, it is clear".
_FRAMED_PRONOUN = re.compile(
    r"^(?!(?:when|if|while|after|before|because|although|though|as|since|once|until|unless"
    r"|whereas)\b)(?:(?:[^,;:\"“]{3,70}?,\s*){1,2}"
    r"|[^,;:\"“]{3,70}?\s(?:later|earlier|afterwards|then)\s+)"
    rf"(?:{alternation(SUBJECT_PRONOUNS - {'it', 'you'})})\b",
    re.IGNORECASE,
)
# A connective set off by commas early in the sentence: "Investigators believe, however, ...".
_PARENTHETICAL = re.compile(
    rf"^(?:\S+\s+){{0,4}}\S+,\s*{_alternatives(_PARENTHETICAL_CONNECTIVES)},", re.IGNORECASE
)
# The same later in a long subject ("Staying on the Moon and reaching Mars, however, haven't."),
# or closing the sentence ("Some details have already emerged, however."), for the connectives
# that answer a sentence before (contrast, addition) and nothing else.
_ANSWERING = _alternatives(_ANSWERING_CONNECTIVES)
_LATE_PARENTHETICAL = re.compile(rf"^(?:\S+\s+){{5,7}}\S+,\s*{_ANSWERING},", re.IGNORECASE)
_TRAILING_CONNECTIVE = re.compile(rf",\s*{_ANSWERING}[.!…]?[\"”’')\]]*$", re.IGNORECASE)
_LABEL_PARTICLES = word_set("the of and in on for a an to at by with")
_COLON_LABEL_WORDS = 4  # words of a label before its colon ("Editor's Note:", "Washington, DC:")
# "in that change", "for this reason": a demonstrative after a preposition (language.PREPOSITIONS,
# where "of" is left out: "Some of this growth ..." opens BBC summaries' references, most of this
# kind being a share of what the headline names) points back, unless it names a time ("this
# week", "that day"). After a preposition, "that" and "those" are demonstratives too.
_PREPOSITIONS = PREPOSITIONS["en"]
_DEMONSTRATIVES = DEMONSTRATIVES["en"]
# A clause opener with no subject of its own ("Once in the building, they ...", "When asked,
# she ...", "After leaving the harbour, they ..."): its subject is the pronoun after the comma,
# which nothing names ("Once the police arrived, they ..." names them). The participle is read in
# lower case ("When Ted arrived, ..." has a subject).
_SUBJECTLESS_HEADS = _PREPOSITIONS | word_set("inside outside aboard abroad there here home")
_SUBJECTLESS_CLAUSE = re.compile(
    rf"^(?i:{alternation(_SUBORDINATORS)})\s+"
    rf"(?:(?i:{alternation(_SUBJECTLESS_HEADS)})|[a-z]+(?:ing|ed))\b[^,;:\"“]{{0,70}}?,\s*"
    rf"(?i:{alternation(SUBJECT_PRONOUNS - {'it', 'you'})})\b"
)
_TIME_NOUNS = word_set(
    """year years week weeks month months day days morning afternoon evening night weekend
    season time summer winter spring autumn fall quarter century decade moment point"""
)
_OBJECT_PRONOUNS = word_set("him her them his their its us me we our my i then")
# An ordinal or "rest" with no noun as the subject: "The first was at 02:28 local time.", "The
# other has resigned." name one of things a sentence before counted.
_HEADLESS_SUBJECT = re.compile(
    r"^(?:the|a|an)\s+(?:first|second|third|fourth|fifth|last|latest|former|latter|next"
    r"|previous|other|rest|remainder)\s+(?:was|is|were|are|has|have|had|will|would|can|could"
    r"|came|comes|went|followed|remains|remained)\b",
    re.IGNORECASE,
)
# A time counted from a moment the sentence does not name: "A minute later, the applause rang
# out.", "Shortly after, ...", "Two years earlier the firm had ...": the moment is in a sentence
# before. Only counts and units come before the word ("Two days after the vote, ..." names it).
_RELATIVE_TIME = re.compile(
    r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|few|several|some|many"
    r"|much|not|long|shortly|soon|only|just|half|time|moments?|seconds?|minutes?|hours?|days?"
    r"|nights?|weeks?|months?|years?|decades?)\s+){1,3}"
    r"(?:(?:later|afterwards?|earlier)\b|(?:after|before)\s*,)",
    re.IGNORECASE,
)
# "Earlier this week, ...", "Later on Monday, ...", "Two days earlier, on 3 March, ...": after
# "earlier" or "later", a time the sentence names itself (this, last or next and a time noun;
# today; a weekday; a month or a year after "in"; a date) anchors it, where "Earlier, ...",
# "Earlier that day, ..." and "Later in the day, ..." count from a moment named before.
_SEQUENCE_WORDS = word_set("earlier later")
_MONTHS = alternation(ENGLISH_MONTHS)
_NAMED_TIME = re.compile(
    rf"\s*,?\s*(?:(?:this|last|next)\s+(?:{alternation(_TIME_NOUNS)})"
    r"|today|tonight|yesterday|tomorrow"
    rf"|(?:(?:on|this|last|next)\s+)?(?:{alternation(d.lower() for d in ENGLISH_WEEKDAYS)})"
    rf"|in\s+(?:{_MONTHS}|{YEAR_DIGITS})"
    rf"|(?:on\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})|(?:{_MONTHS})\.?\s+\d{{1,2}}))\b"
)
# A reason with no clause it is the reason for: "Mostly because performing benefits the owner.",
# "Because space travel is anything but easy." (a bare "Because ..." with a comma may carry its
# main clause: "Because the storm hit, flights were cancelled.").
_BECAUSE_FRAGMENT = re.compile(
    r"^((?:\w+ly|just|only|simply|all|not)\s+)?because\b(?!\s+of\b)", re.IGNORECASE
)
# Asides set off by a comma: the narrator's ("let's be honest", "frankly"), whose voice opens no
# text, and those that answer a sentence before ("after all", "in fact"). After "Because" either
# leaves the reason without its clause ("Because let's be honest, what you like is the crunch."
# gives the reason for a sentence before it).
_NARRATOR_ASIDES = (
    *("let's be honest", "let's face it", "let's be real", "to be honest", "to be fair"),
    *("truth be told", "frankly", "honestly", "seriously", "admittedly", "you know", "i mean"),
)
_ANSWERING_ASIDES = ("of course", "after all", "in fact", "mind you")


def _aside(asides: tuple[str, ...], *, after_because: bool) -> re.Pattern[str]:
    """A regex for a sentence (lower case) that opens with one of the asides and a comma."""
    because = r"(?:\w+ly\s+)?because\s+" if after_because else ""
    spelled = tuple(aside.replace("'", "['’]") for aside in asides)
    return re.compile(rf"^{because}{_alternatives(spelled)}\s*,")


# A narrator's line with its "I" left out ("Got an important item just by exploring, ..."):
# "got" opening a line with its object has no subject a reader could place.
_SUBJECTLESS_GOT = re.compile(r"^got\s+(?:a|an|the|some|my|our|any|this|that|to)\b")
_BECAUSE_ASIDE = _aside((*_NARRATOR_ASIDES, *_ANSWERING_ASIDES), after_because=True)
_OPENING_NARRATOR_ASIDE = _aside(_NARRATOR_ASIDES, after_because=False)
_OPENING_ANSWERING_ASIDE = _aside(_ANSWERING_ASIDES, after_because=False)
# A sentence wholly in brackets, closed after its stop or before it: an aside to the sentence
# before it ("(McKinley's office did not reply.)", "(Figures are rounded)."), no bracket inside.
_ASIDE = re.compile(r"^[(\[][^()\[\]]+[)\]][.!?…]?$")
# The same aside with the next sentence glued after it ("(“...,” was how Ford described it.)
# Elise found ..."): a sentence closed inside its brackets opens the line.
_OPENING_ASIDE = re.compile(r"^[(\[][^()\[\]]+[.!?…][\"”’']?[)\]]")
_OPENING_WORD = re.compile(r"[\"“‘'«„(\[¿¡]*([^\W\d_]+(?:['’][^\W\d_]*)?)")


def stands_alone(
    sentence: str,
    language: str = "en",
    *,
    context: str = "",
    introduced: frozenset[str] = frozenset(),
) -> bool:
    """Tell whether a sentence can open a text without the sentences before it.

    It cannot when it starts in lower case; opens with a label and a colon ("Summary: 5-1A:
    ..."); closes a quotation it did not open; is a quotation
    with no speaker; opens with a pronoun, a demonstrative, a connective or a discourse adverb
    ("He added", "But", "This", "However", "Now", "Still"), or a first-person word whose speaker
    is unknown ("We", "I"); or names something with a definite article that neither it nor the
    context has introduced ("Police said the protest was peaceful." under a headline that names
    no protest).

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; word lists exist for en, de, fr, es, it, pt, nl, ru and uk.
        context: what the reader has read before (a headline), which may introduce things.
        introduced: family names its article writes in full in another sentence (see
            summarizer.text.vague.persons_before): one used alone ("Patton was beaten ...")
            points back at a person the reader has not met, unless the context names them.

    Returns:
        True when the sentence can stand alone.
    """
    text = sentence.strip()
    if not text or leans_back(text, language, context=context):
        return False
    if len(text.split()) < MIN_OPENER_WORDS and not UNSPACED.search(text):
        return False  # "Cutting edge, I know.": a remark, not a line that tells what happened
    if language == "en" and bare_family_name(text, introduced, context=context):
        return False
    if attribution(text):
        return True  # "“We will not back down,” Putin said.": the quote is the speaker's
    return unresolved_reference(text, language, context=context) is None


def leans_back(
    sentence: str, language: str = "en", *, voice: bool = True, context: str = ""
) -> bool:
    """Tell whether a sentence's opening points back at a sentence before it.

    True when it starts in lower case, opens with a label and a colon ("Summary: ..."), is an
    aside wholly in brackets ("(His office did not reply.)"), closes
    a quotation it did not open, is a quotation with no speaker, or opens with a pronoun, a
    demonstrative, a connective, a discourse adverb or a first-person word; or when it answers a
    point made before ("Surely they've ...", "What isn't as common is ...":
    summarizer.text.stance), names nothing or its narrator talks to or orders the reader
    (summarizer.text.vague; see stands_alone). Definite references are not checked here.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code.
        voice: count the narrator's voice ("In the first article, I talked about ...", "Get
            support for the scary stuff."): such a line opens no text, but it points at no
            sentence either, so after a line of its own article it reads on (False: only what
            points at a sentence counts).
        context: what the reader has read before (a headline): a thing it names may be
            pointed at ("this outbreak" under "Ebola outbreak ...").

    Returns:
        True when the sentence leans on what came before.
    """
    text = sentence.strip()
    if not text or _opens_with_label(text) or _ASIDE.match(text) or _OPENING_ASIDE.match(text):
        return True  # a label, or an aside in brackets: "(His office did not reply.)"
    if closes_unopened(text):
        return True  # the tail of a quotation split across sentences
    if text[0] in ANY_QUOTE and not any(
        c.isalnum() for c in outside_quotes(close_open_quotes(text))
    ):
        return True  # a quotation with no speaker: '"We are ready."', '"We are ready.'
    match = _OPENING_WORD.match(text)
    if match is None:
        return text[0].isalpha()
    if match.group(1)[0].islower():
        return True
    speaker = attribution(text)
    if speaker:  # the quote's words are the speaker's; the attribution must name them
        return _leans_back(speaker, language, voice, context)
    return _leans_back(text, language, voice, context)


def written_to_reader(prose: Sequence[str], language: str = "en") -> bool:
    """Tell whether most of an article's prose is its narrator's voice (a blog, a how-to).

    Such an article talks to the reader or speaks as "I" in most of its lines ("You can do your
    work all by yourself.", "I'm about to show you ..."): there the narrator's asides are the
    text itself, and one may follow any line of the article (see leans_back's `voice`). In a
    report, the few asides ("In case you live in Delhi, ...") still follow only their sentence.

    Args:
        prose: the article's sentences of prose.
        language: ISO 639-1 code.

    Returns:
        True when more than half of the lines are in the narrator's voice.
    """
    needed = len(prose) // 2 + 1  # more than half
    voiced = 0
    for read, line in enumerate(prose):
        if len(prose) - read + voiced < needed:
            return False  # the lines left cannot make a majority: stop reading
        if talks_to_reader(line, language) or orders_reader(line, language):
            voiced += 1
            if voiced >= needed:
                return True
    return False


def _opens_with_phrase(start: str, phrases: tuple[str, ...]) -> bool:
    """Tell whether a lower-cased text opens with one of the phrases as whole words ("in fact,
    ..." does, "in factories ..." does not)."""
    return any(
        start.startswith(phrase) and not start[len(phrase) : len(phrase) + 1].isalnum()
        for phrase in phrases
    )


def _opens_with_label(text: str) -> bool:
    """Tell whether a line opens with a label and a colon ("Summary: 5-1A: Salina South ...",
    "In the News: ...", "Putin: ..."): one to four words, capitalised or numbers but for the
    particles of names ("of", "the"), then a colon and a blank or a capital. A report's
    attribution ("The minister said: ...") has other lower-case words; a time ("10:30") a digit.
    """
    head, colon, rest = text.partition(":")
    if not colon or not (rest.startswith(" ") or rest[:1].isupper()):
        return False
    labels = head.replace(",", " ").split()
    return (
        0 < len(labels) <= _COLON_LABEL_WORDS
        and (labels[0][:1].isupper() or labels[0][:1].isdigit())
        and all(w[:1].isupper() or w[:1].isdigit() or w in _LABEL_PARTICLES for w in labels)
    )


def _leans_back(text: str, language: str, voice: bool = True, context: str = "") -> bool:
    """Tell whether a text opens with a word or phrase that points back (see stands_alone)."""
    match = _OPENING_WORD.match(text)
    if match is None:
        return False
    word = match.group(1)
    if word.isupper() and len(word) > 1:
        return False  # "US officials ...", "IT firms ...": an acronym, not a pronoun
    lowered = word.lower().replace("’", "'")
    openers = _DEPENDENT_OPENERS.get(language, frozenset())
    elided = lowered.split("'", 1)[0] + "'" if "'" in lowered else ""
    pointing = lowered in openers or bool(elided and elided in openers)
    narrator = lowered in _VOICE_OPENERS or elided in _VOICE_OPENERS
    start = text.lstrip(OPENING_MARKS)[:80].lower()
    if pointing and language == "en" and lowered in _SEQUENCE_WORDS:
        pointing = not _NAMED_TIME.match(start, len(lowered))  # "Earlier this week, ..."
    if pointing and (voice or not narrator):
        return True  # "He added", "But"; the narrator's "I" or "you" unless voice is off
    phrases = _DEPENDENT_PHRASES.get(language, ())
    if phrases and _opens_with_phrase(start.replace("’", "'"), phrases):
        return True
    if answers_unsaid(start, language):
        return True  # "Surely they've ...", "What isn't as common is ...": an answer to a point
    if demonstrative_noun(text, language, context=context):
        return True  # "The company said this decision ...": the decision a sentence before told
    if language != "en" and framed_pronoun(text, language):
        return True  # "Lundi, il a déclaré ...", "В понедельник он заявил ...": named before
    if language != "en":
        return voice and orders_reader(text, language)
    head = [w.replace("’", "'") for w in WORD_OR_MARK.findall(start)[:4]]
    if len(head) > 1 and head[0] in _SUBORDINATORS and head[1] in openers:
        return True  # "If he had voted, ...", "When they arrived, ..."
    if len(head) > 1 and head[0] in _SUBORDINATORS | _CONJUNCTIONS and head[1] == ",":
        return True  # "Because, capitalism, of course."
    # Words as written, so "US" (the country) is not taken for "us".
    original = WORD_OR_MARK.findall(text.lstrip(OPENING_MARKS)[:80])[:8]
    words_only = [
        w.lower() for w in original if w[0].isalnum() and not (w.isupper() and len(w) > 1)
    ]
    if _OBJECT_PRONOUNS & set(words_only[1:3]):
        return True  # "Everyone called him Mike.", "Most of us ...", "Mr. Garrett then swung"
    if _ADDITIVE & set(words_only[1:5]):
        return True  # "Kazakhstan also needed ...", "Bridenstine responded that ..."
    if _ANAPHORIC & set(head[:3]):
        return True  # "Two other men ...", "The same day ..."
    because = _BECAUSE_FRAGMENT.match(start)
    if because and (because.group(1) or "," not in start or _BECAUSE_ASIDE.match(start)):
        return True  # "Mostly because ...", "Because let's be honest, ...": the reason only
    if _OPENING_ANSWERING_ASIDE.match(start):
        return True  # "After all, the chip is ...": an answer to a sentence before
    if voice and _OPENING_NARRATOR_ASIDE.match(start):
        return True  # "Honestly, the chip is ...": the narrator's aside
    if voice and _SUBJECTLESS_GOT.match(start):
        return True  # "Got an important item just by exploring, ...": the narrator's "I"
    if _HEADLESS_SUBJECT.match(start):
        return True  # "The first was at 02:28.": the first of what a sentence before counted
    relative = _RELATIVE_TIME.match(start)
    if relative and not _NAMED_TIME.match(start, relative.end()):
        return True  # "A minute later, ...": later than a moment a sentence before named
    if framed_pronoun(text, language):
        return True  # "For most of the night it had looked like ...": "it" is named before
    framed = _FRAMED_PRONOUN.match(text) or _SUBJECTLESS_CLAUSE.match(text)
    if framed and not voice and framed.group().split()[-1].lower() in _VOICE_OPENERS:
        framed = None  # "In the first article, I talked ...": the narrator, not a reference
    if framed or _PARENTHETICAL.match(text) or _LATE_PARENTHETICAL.match(text):
        return True  # "Two blocks farther along, he ...", "Investigators believe, however, ..."
    if _TRAILING_CONNECTIVE.search(text):
        return True  # "Some details have already emerged, however."
    early = [w.lower() for w in WORD_OR_MARK.findall(text[:120]) if w[:1].isalpha()][:12]
    early = [w for w in early if w != "all"]  # "Amid all this, ...": as "Amid this, ..."
    pointed = [
        early[i + 2]
        for i in range(len(early) - 2)
        if early[i] in _PREPOSITIONS and early[i + 1] in _DEMONSTRATIVES
    ]
    if any(noun not in _TIME_NOUNS and noun not in _DEMONSTRATIVES for noun in pointed):
        return True  # "Being able to play a role in that change ...", "For this reason, ..."
    if names_nothing(text, language) or leaves_out_what(text, language):
        return True
    return voice and (talks_to_reader(text, language) or orders_reader(text, language))
