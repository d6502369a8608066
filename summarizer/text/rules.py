"""Sentence rules for every language: what is prose, what can open a text, promotion, datelines.

Article summaries, event digests and story digests all ask this module; none keeps its own copy
of a rule or a word list.
"""

from __future__ import annotations

import logging
import re

from summarizer.text.datelines import parse_dateline
from summarizer.text.language import stop_words
from summarizer.text.tokenizer import (
    UNSPACED,
    WORD_OR_MARK,
    character_bigrams,
    word_count,
    words,
)
from summarizer.text.vague import bare_family_name, names_nothing, talks_to_reader

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_WORDS",
    "MIN_OPENER_WORDS",
    "MIN_WORDS",
    "content_words",
    "is_headline",
    "is_near_duplicate",
    "is_promotional",
    "is_prose",
    "leans_back",
    "stands_alone",
    "strip_dateline",
    "tidy",
    "unresolved_reference",
]

#: Fewer words than this is a label, a byline or a caption, not a sentence of prose.
MIN_WORDS = 4
#: More words than this is a run-on list or a splitting failure.
MAX_WORDS = 80
#: Fewer words than this cannot open a text: it is a remark, not a line that says what happened.
MIN_OPENER_WORDS = 6
_DUPLICATE_SHARE = 0.8
_MIN_COMPARED_WORDS = 3


def _word_set(text: str) -> frozenset[str]:
    """Return the blank-separated words of text as a set."""
    return frozenset(text.split())


# -- what is prose ---------------------------------------------------------------------------

_UNSPACED = UNSPACED  # scripts written without spaces: prose is counted in characters
_THAI = re.compile("[\u0e00-\u0e7f]")
_LETTERED_WORD = re.compile(r"\S*[^\W\d_]\S*")  # a blank-separated word with a letter
# Full stops of a report (a question is a teaser): Latin, CJK, Urdu, Devanagari, Ethiopic, ...
_TERMINALS = frozenset(".!…。！۔।॥።။។៕")
_CLOSING_MARKS = "\"”’'»)]」』）"
_OPENING_MARKS = "\"'“‘«„([¿¡「『（"
_CURRENCIES = "$€£¥₹₽"


def is_prose(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence reads as reported prose.

    Prose has four to eighty words, starts with a capital, a digit or a currency sign (after any
    opening quote), ends with a full stop or "!" (a question is a teaser, not a report; a line
    without an end is a label or a fragment), has a third or more of its words in lower case (a
    headline has none) and is not promotion.
    In scripts written without spaces, two characters count as a word; Thai, which writes no
    full stop, needs none.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code.

    Returns:
        True for a full sentence of prose.
    """
    text = _BULLET.sub("", sentence.strip())  # a list item is judged by its words
    end = text.rstrip(_CLOSING_MARKS)[-1:]
    if end not in _TERMINALS and not _THAI.match(end):  # Thai writes no full stop
        return False
    first = text.lstrip(_OPENING_MARKS)[:1]
    if not first or first.islower() or not (first.isalnum() or first in _CURRENCIES):
        return False
    if not text.isascii() and _UNSPACED.search(text):
        # Two characters of an unspaced script count as a word (text.tokenizer.word_count).
        return word_count(text) >= MIN_WORDS and not is_promotional(text, language)
    tokens = text.split()
    if len(tokens) < MIN_WORDS:
        return False
    lettered = len(_LETTERED_WORD.findall(text))
    if not MIN_WORDS <= lettered <= MAX_WORDS:
        return False
    lower = sum(map(str.islower, tokens))
    if lower * 3 < lettered:  # few lower-case words: count the cased ones to be sure
        cased = [w for w in tokens if w.lower() != w.upper()]
        if cased and lower * 3 < len(cased):
            return False  # a headline in title case, a shout or a list of names
    return not is_promotional(text, language)


def is_headline(title: str) -> bool:
    """Tell whether a title can head a digest: three words or more, and not site furniture."""
    return len(words(title)) >= 3 and not is_promotional(title)


# -- promotion and subscription lines --------------------------------------------------------

# Site furniture that no news sentence holds: links, handles, consent lines, sponsorship.
_FURNITURE = re.compile(
    r"https?://|www\.|\S@\S|(?:^|\s)@\w{2,}|\bfollow \w+ on (?:twitter|facebook|instagram|x)\b"
    r"|\b(?:click|tap) here\b|all rights reserved|©|\bskip to\b|\bfollow us\b"
    r"|\bshare this (?:article|story|post|page|video)\b"
    r"|\bpromo(?:tion(?:al)?)? code\b|\bdiscount code\b|\baffiliate (?:link|commission)s?\b"
    r"|\bbrought to you by\b|\babonnez-vous|\babonne-toi"
    r"|\binscrivez-vous|\bsuscr[ií]bete|\biscriviti\b|\binscreva-se|подписывайтесь|подпишитесь"
    r"|підписуйтесь|підпишіться",
    re.IGNORECASE,
)
# Substrings without which _FURNITURE cannot match (lower case).
_FURNITURE_ANCHORS = (
    "http",
    "www.",
    "@",
    "click here",
    "tap here",
    "reserved",
    "©",
    "skip to",
    "follow ",
    "share this",
    " code",
    "affiliate",
    "brought to you",
    "abonne",
    "inscri",
    "suscr",
    "iscriviti",
    "inscreva",
    "подпи",
    "підпи",
)
# Words of subscription and site furniture that news also uses ("plans to sign up AOL's
# customers", "violated its copyright"): promotion only when the line speaks to the reader or
# is as short as a label.
_SITE_WORDS = re.compile(
    r"\bsubscri(?:be|ption|bers?)\b|\bsign(?:ing)? up\b|\bnewsletters?\b|\binbox\b"
    r"|\bcookies?\b|\bcopyright\b|\bread more\b|\badvertisement\b|\bterms of (?:use|service)\b"
    r"|\bprivacy policy\b|\bfree (?:trial|shipping)\b|\b(?:sponsored|powered|presented) by\b"
    r"|\bpartnership with\b|\babonn|\bnewsletter|подписк|підписк",
    re.IGNORECASE,
)
_SITE_ANCHORS = (
    "subscri",
    "sign",
    "newsletter",
    "inbox",
    "cookie",
    "copyright",
    "read more",
    "advertis",
    "terms of",
    "privacy",
    "free ",
    "sponsored by",
    "powered by",
    "presented by",
    "partnership",
    "abonn",
    "подпис",
    "підпис",
)
_TO_READER = re.compile(
    r"\b(?:you|your|yours|our|us|we|vous|votre|nos|sie|ihr|ihre|unser\w*|tu|su|nuestr\w*"
    r"|vostr\w*|nostr\w*|você|seu|sua|nosso|nossa|u|uw|onze|вы|ваш\w*|наш\w*|ви|ваш\w*"
    r"|наш\w*)\b"
)  # case-sensitive: "US" is a country; the sentence's first letter is lowered before the test
_LABEL_WORDS = 8
_QUESTION_WORDS = _word_set("who what where when why how which")
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b")
# A label that introduces a tip, a plug or a note to the reader rather than news.
_LABEL = re.compile(
    r"^\W*(?:pro tip|tip|hint|editor'?s note|note|ps|p\.s|sponsored|ad|advertisement|related"
    r"|read (?:more|also|next)|also read|see also|watch|listen|recommended|bonus|deal"
    r"|disclosure)\s*:",
    re.IGNORECASE,
)
# A publication praising itself: "X is the preferred / leading / go-to ... of/for ...".
_SELF_PRAISE = re.compile(
    r"\bis (?:the|your) (?:\w+ )?(?:preferred|leading|premier|favou?rite|go-to|ultimate|must-read"
    r"|number one|no\. ?1|#1|best|fastest[- ]growing|most (?:trusted|popular|read))\b"
    r"[^.!?]*\b(?:reading|read|source|destination|newsletter|briefing|site|app|podcast|guide)\b",
    re.IGNORECASE,
)
# Calls to act addressed to the reader, by language: an imperative verb opening the sentence.
_CALLS_TO_ACT: dict[str, frozenset[str]] = {
    "en": _word_set(
        """get learn find discover download sign join follow subscribe click tap shop buy order
        try start grab claim book register watch listen read see check explore visit unlock
        upgrade enter don't make browse stay escape"""
    ),
    "de": _word_set(
        """abonnieren abonniere abonnieren sie melden klicken klicke lesen lies erfahren
        entdecken entdecke holen hol laden lade folgen folge jetzt sichern sichere testen"""
    ),
    "fr": _word_set(
        """abonnez-vous abonne-toi inscrivez-vous cliquez découvrez téléchargez suivez lisez
        retrouvez profitez rejoignez essayez"""
    ),
    "es": _word_set(
        """suscríbete suscríbase regístrate haz descubre descarga síguenos sigue lee consulta
        únete aprovecha prueba"""
    ),
    "it": _word_set(
        """iscriviti abbonati clicca scopri scarica seguici segui leggi registrati prova
        approfitta"""
    ),
    "pt": _word_set(
        """assine inscreva-se clique descubra baixe siga leia cadastre-se experimente aproveite"""
    ),
    "nl": _word_set("""abonneer meld klik ontdek download volg lees probeer bestel registreer"""),
    "ru": _word_set(
        """подписывайтесь подпишитесь читайте смотрите узнайте скачайте переходите нажмите
        присоединяйтесь следите"""
    ),
    "uk": _word_set(
        """підписуйтесь підпишіться читайте дивіться дізнайтеся завантажте переходьте натисніть
        приєднуйтесь стежте"""
    ),
}
# A second word that shows the first is a verb addressed to the reader ("Protect your ...").
_READER_OBJECTS: dict[str, frozenset[str]] = {
    "en": _word_set("your yourself yourselves"),
    "de": _word_set("Sie Ihre Ihren Ihrem Ihrer dich dein deine"),  # formal "Sie" only
    "fr": _word_set("votre vos vous-même ton ta tes"),
    "es": _word_set("tu tus"),
    "it": _word_set("tuo tua tuoi tue"),
    "pt": _word_set("teu tua"),
    "nl": _word_set("uw je jouw"),
    "ru": _word_set("ваш ваша ваше ваши"),
    "uk": _word_set("ваш ваша ваше ваші"),
}
# Words that follow an imperative verb of the list above rather than a noun of the same form.
_IMPERATIVE_OBJECTS = _word_set("the a an more out up all every it this these our us me started")
# Words that make an imperative opener a plug rather than an instruction inside a report.
_READER_WORDS = re.compile(
    r"\b(?:you|your|yours|here|now|today|free|more|our|us|sie|ihr|hier|jetzt|vous|votre|ici"
    r"|usted|tu|aquí|ahora|qui|ora|você|aqui|agora|u|uw|hier|nu|вы|ваш|здесь|сейчас|ви|ваш|тут"
    r"|зараз)\b",
    re.IGNORECASE,
)


def is_promotional(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence advertises, asks the reader to act or is site furniture.

    The signs: site furniture (links, handles, "All rights reserved", "sponsored by"), or words
    of subscription and consent ("newsletter", "sign up", "cookies") in a line that speaks to the
    reader or is as short as a label (news uses them too: "plans to sign up AOL's customers"); a
    label such as "Pro tip:" or "Read more:"; an imperative call to act that speaks to the
    reader ("Get more ideas here!", "Start your day with ..."); a publication praising itself ("X
    is the preferred reading of ...").

    Args:
        sentence: one sentence or line.
        language: ISO 639-1 code for the calls to act (English ones are checked in every language).

    Returns:
        True for promotion.
    """
    text = sentence.strip()
    lower = text.lower()
    # Cheap substring tests first: most sentences hold none of the words the patterns need.
    if any(anchor in lower for anchor in _FURNITURE_ANCHORS) and _FURNITURE.search(text):
        return True
    site = any(anchor in lower for anchor in _SITE_ANCHORS) and _SITE_WORDS.search(text)
    if site and (
        len(text.split()) <= _LABEL_WORDS or _TO_READER.search(text[:1].lower() + text[1:])
    ):
        return True
    if ":" in text[:40] and _LABEL.search(text):
        return True
    if (" is the " in lower or " is your " in lower) and _SELF_PRAISE.search(text):
        return True
    if text.endswith("!") and _YOU.search(lower):
        return True  # "Yup, you read it right!", "Grab yours today!": talk to the reader
    opening = text.lstrip(_OPENING_MARKS).split(maxsplit=2)
    if len(opening) < 2:
        return False
    first, second = opening[0].lower().replace("’", "'"), opening[1].strip(",")
    if first.split("'")[0] in _QUESTION_WORDS:
        return False  # "Who's Your Daddy promises ...": a name, not an order
    objects = _READER_OBJECTS["en"] | _READER_OBJECTS.get(language, frozenset())
    if second in objects or (language != "de" and second.lower() in objects):
        return True  # "Escape your echo chamber.", "Start your day with ..."
    if first not in _CALLS_TO_ACT["en"] | _CALLS_TO_ACT.get(language, frozenset()):
        return False
    # "Get the facts behind the news", "Find out more here!": a verb telling the reader to act.
    rest = " ".join(opening[1:])
    return (
        second.lower() in _IMPERATIVE_OBJECTS
        or bool(_READER_WORDS.search(rest))
        or text.rstrip().endswith("!")
    )


# -- datelines (the grammar is summarizer.text.datelines) -------------------------------------

_BULLET = re.compile(r"^[-–—•*·▪►]\s+(?=\S)")


def tidy(sentence: str, *, opens_text: bool = False) -> str:
    """A sentence as a summary or a digest shows it: without a list bullet or a dateline.

    Args:
        sentence: one sentence.
        opens_text: the sentence is among the first of its article (see strip_dateline).

    Returns:
        The sentence without a leading "- " or "• " and without a dateline.
    """
    return strip_dateline(_BULLET.sub("", sentence.strip()), opens_text=opens_text)


def strip_dateline(sentence: str, *, opens_text: bool = False) -> str:
    """Remove a leading dateline ("ST. JOSEPH, Mich. (AP) — ") from a sentence.

    Args:
        sentence: one sentence.
        opens_text: the sentence opens its article, where a title-case place before a dash
            ("Meadow Lake, Saskatchewan – ") is a dateline too.

    Returns:
        The sentence without its dateline (unchanged when it has none, or when nothing would
        be left).
    """
    text = sentence.strip()
    dateline = parse_dateline(text, opens_text=opens_text)
    if dateline and len(text[dateline.end :].split()) >= MIN_WORDS:
        return text[dateline.end :]
    return text


# -- what can open a text --------------------------------------------------------------------

# First words that point back to something said before, by language: pronouns, demonstratives,
# connectives, discourse adverbs ("Now", "Still") and interjections ("Ok", "Oh"), and
# first-person words (whose speaker a reader of the opening line cannot know).
_DEPENDENT_OPENERS: dict[str, frozenset[str]] = {
    "en": _word_set(
        """he she it they we i you him her them us me his its their our my your hers theirs ours
        this that these those such both another others which who whose whom but and or nor so
        yet also although though however meanwhile moreover furthermore nevertheless nonetheless
        instead then thus therefore hence still besides otherwise further additionally likewise
        similarly accordingly consequently indeed now again later earlier plus anyway afterwards
        there's he's she's it's they're we're i'm i've we've that's here's he'd she'd they'd
        we'll i'll you'll they'll he'll she'll it'll i'd we'd you'd you're you've ok okay oh
        yes alright"""
    ),
    "de": _word_set(
        """er sie es wir ich du ihm ihn ihnen uns mir mich sein seine seinem seinen seiner
        seines ihr ihre ihrem ihren ihrer ihres unser unsere dies diese dieser dieses diesem
        diesen jene jener jenes aber jedoch doch und oder auch zudem außerdem allerdings
        trotzdem dennoch deshalb deswegen daher damit dabei dann danach darauf dafür dagegen
        stattdessen ebenfalls ebenso sonst somit folglich inzwischen nun jetzt später zuvor"""
    ),
    "fr": _word_set(
        """il elle ils elles nous je j' lui eux son sa ses leur leurs notre nos mon ma mes ce cet
        cette ces cela ça c' celui celle ceux celles mais cependant pourtant toutefois néanmoins
        donc ainsi alors puis ensuite aussi également enfin or maintenant désormais qu'"""
    ),
    "es": _word_set(
        """él ella ellos ellas nosotros nosotras yo le les su sus nuestro nuestra nuestros
        nuestras mi mis este esta esto estos estas ese esa eso esos esas aquel aquella pero
        también además entonces luego así asimismo igualmente mientras ahora todavía"""
    ),
    "it": _word_set(
        """lui lei loro noi io esso essa essi esse suo sua suoi sue nostro nostra nostri nostre
        mio mia questo questa questi queste quello quella quelli quelle ciò ma però tuttavia
        comunque quindi dunque inoltre anche poi allora invece infatti intanto ora adesso"""
    ),
    "pt": _word_set(
        """ele ela eles elas nós eu lhe lhes seu sua seus suas nosso nossa nossos nossas meu
        minha este esta isto estes estas esse essa isso esses essas aquele aquela aquilo mas
        porém contudo todavia entretanto então depois também assim portanto logo agora ainda"""
    ),
    "nl": _word_set(
        """hij zij ze wij we ik hem haar hun ons onze mijn zijn dit dat deze die maar echter toch
        en of ook daarom dus bovendien daarnaast vervolgens daarna toen nu inmiddels"""
    ),
    "ru": _word_set(
        """он она оно они мы я его её ее их ему ей им нам нас наш наша наше наши мой моя это этот
        эта эти этого этой тот та те но однако тогда также тоже поэтому затем потом зато
        впрочем ведь теперь сейчас ещё еще"""
    ),
    "uk": _word_set(
        """він вона воно вони ми я його її їх йому їй їм нам нас наш наша наше наші мій моя це
        цей ця ці цього цієї той та ті але однак проте тоді також теж тому потім зате втім
        адже тепер зараз ще"""
    ),
}
# Openers of more than one word, matched on the lower-cased start of the sentence.
_DEPENDENT_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "as a result",
        "in addition",
        "on the other hand",
        "by contrast",
        "in contrast",
        "in turn",
        "at the same time",
        "even so",
        "after that",
        "for his part",
        "for her part",
        "for their part",
        "that said",
        "all the while",
        "as well",
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
_SUBORDINATORS = _word_set(
    "if when while after before because although though as since once unless until whereas"
)
_ANAPHORIC = _word_set("other same latter aforementioned")
_CONJUNCTIONS = _word_set("and but or so yet")
# Early in a sentence, words that add to or answer something said before.
_ADDITIVE = _word_set(
    "also too again likewise responded replied countered retorted added continued"
)
# A subject pronoun after an opening phrase that is not a clause of its own (a clause opened by
# "When", "If", ... may name the pronoun's antecedent): "Two blocks farther along, he could ...",
# "Less than three hours later they were dead".
_FRAMED_PRONOUN = re.compile(
    r"^(?!(?:when|if|while|after|before|because|although|though|as|since|once|until|unless"
    r"|whereas)\b)(?:(?:[^,;:\"“]{3,70}?,\s*){1,2}"
    r"|[^,;:\"“]{3,70}?\s(?:later|earlier|afterwards|then)\s+)(?:he|she|they|we|i)\b",
    re.IGNORECASE,
)
# A connective set off by commas early in the sentence: "Investigators believe, however, ...".
_PARENTHETICAL = re.compile(
    r"^(?:\S+\s+){0,4}\S+,\s*(?:however|though|meanwhile|moreover|nevertheless|therefore"
    r"|instead|too|also|still|in turn|in fact|as well|of course|for example|for instance),",
    re.IGNORECASE,
)
_LABEL_PARTICLES = _word_set("the of and in on for a an to at by with")
_COLON_LABEL_WORDS = 4  # words of a label before its colon ("Editor's Note:", "Washington, DC:")
# "in that change", "for this reason": a demonstrative after a preposition points back, unless
# it names a time ("this week", "that day"). Not after "of": "Some of this growth ..." opens
# BBC summaries' references, most of this kind being a share of what the headline names.
_PREPOSITIONS = _word_set("in for to at on by with from about into after before during under")
_DEMONSTRATIVES = _word_set("this that these those")
_TIME_NOUNS = _word_set(
    """year years week weeks month months day days morning afternoon evening night weekend
    season time summer winter spring autumn fall quarter century decade moment point"""
)
_OBJECT_PRONOUNS = _word_set("him her them his their its us me we our my i then")
_OPENING_WORD = re.compile(r"[\"“‘'«„(\[¿¡]*([^\W\d_]+(?:['’][^\W\d_]*)?)")
_DOUBLE_QUOTES = re.compile(r"[\"“”«»„]")
_OPENING_QUOTE = re.compile(r"^[\"“«„]")
# A quotation with nothing after it: '"We are ready."' has no speaker.
_BARE_QUOTE = re.compile(r"^[\"“«„][^\"“”«»„]+[\"”»]\W*$")
# A quotation followed by its attribution; group 1 is what follows the quote ("Putin said.").
_QUOTE_THEN_SPEAKER = re.compile(r"^[\"“«„][^\"“”«»„]+[\"”»][\s,]*(?=\w)(.*)$", re.DOTALL)


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
        introduced: family names its article wrote in full before the sentence (see
            summarizer.text.vague.family_names): one used alone that the context does not name
            ("Patton was beaten ...") points back at a person the reader has not met.

    Returns:
        True when the sentence can stand alone.
    """
    text = sentence.strip()
    if not text or leans_back(text, language):
        return False
    if len(text.split()) < MIN_OPENER_WORDS and not _UNSPACED.search(text):
        return False  # "Cutting edge, I know.": a remark, not a line that tells what happened
    if introduced and bare_family_name(text, introduced, context=context):
        return False
    if _QUOTE_THEN_SPEAKER.match(text):
        return True  # "“We will not back down,” Putin said.": the quote is the speaker's
    return unresolved_reference(text, language, context=context) is None


def leans_back(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence's opening points back at a sentence before it.

    True when it starts in lower case, opens with a label and a colon ("Summary: ..."), closes
    a quotation it did not open, is a quotation with no speaker, or opens with a pronoun, a
    demonstrative, a connective, a discourse adverb or a first-person word; or when it names
    nothing or its narrator talks to the reader (summarizer.text.vague; see stands_alone).
    Definite references are not checked here.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code.

    Returns:
        True when the sentence leans on what came before.
    """
    text = sentence.strip()
    if not text or _opens_with_label(text):
        return True
    quotes = len(_DOUBLE_QUOTES.findall(text))
    if quotes % 2 == 1 and not _OPENING_QUOTE.match(text):
        return True  # the tail of a quotation split across sentences
    if quotes and _BARE_QUOTE.match(text):
        return True
    match = _OPENING_WORD.match(text)
    if match is None:
        return text[0].isalpha()
    if match.group(1)[0].islower():
        return True
    speaker = _QUOTE_THEN_SPEAKER.match(text)
    if speaker:  # the quote's words are the speaker's; the attribution must name them
        return _leans_back(speaker.group(1), language)
    return _leans_back(text, language)


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


def _leans_back(text: str, language: str) -> bool:
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
    if lowered in openers or (elided and elided in openers):
        return True
    start = text.lstrip(_OPENING_MARKS)[:80].lower()
    phrases = _DEPENDENT_PHRASES.get(language, ())
    if phrases and start.startswith(phrases):
        return True
    if language != "en":
        return False
    head = [w.replace("’", "'") for w in WORD_OR_MARK.findall(start)[:4]]
    if len(head) > 1 and head[0] in _SUBORDINATORS and head[1] in openers:
        return True  # "If he had voted, ...", "When they arrived, ..."
    if len(head) > 1 and head[0] in _SUBORDINATORS | _CONJUNCTIONS and head[1] == ",":
        return True  # "Because, capitalism, of course."
    # Words as written, so "US" (the country) is not taken for "us".
    original = WORD_OR_MARK.findall(text.lstrip(_OPENING_MARKS)[:80])[:8]
    words_only = [
        w.lower() for w in original if w[0].isalnum() and not (w.isupper() and len(w) > 1)
    ]
    if _OBJECT_PRONOUNS & set(words_only[1:3]):
        return True  # "Everyone called him Mike.", "Most of us ...", "Mr. Garrett then swung"
    if _ADDITIVE & set(words_only[1:5]):
        return True  # "Kazakhstan also needed ...", "Bridenstine responded that ..."
    if _ANAPHORIC & set(head[:3]):
        return True  # "Two other men ...", "The same day ..."
    if _FRAMED_PRONOUN.match(text) or _PARENTHETICAL.match(text):
        return True  # "Two blocks farther along, he ...", "Investigators believe, however, ..."
    early = [w.lower() for w in WORD_OR_MARK.findall(text[:120]) if w[:1].isalpha()][:12]
    pointed = [
        early[i + 2]
        for i in range(len(early) - 2)
        if early[i] in _PREPOSITIONS and early[i + 1] in _DEMONSTRATIVES
    ]
    if any(noun not in _TIME_NOUNS and noun not in _DEMONSTRATIVES for noun in pointed):
        return True  # "Being able to play a role in that change ...", "For this reason, ..."
    return names_nothing(text, language) or talks_to_reader(text, language)


# -- definite references ---------------------------------------------------------------------

# Definite articles of languages whose common nouns are written in lower case (German nouns are
# capitalised, so a name cannot be told from a noun there; Slavic languages have no articles).
_DEFINITE: dict[str, frozenset[str]] = {
    "en": _word_set("the"),
    "fr": _word_set("le la les l'"),
    "es": _word_set("el la los las"),
    "it": _word_set("il lo la i gli le l'"),
    "pt": _word_set("o os as"),
    "nl": _word_set("de het"),
}
_NOUN_FIRST = frozenset({"fr", "es", "it", "pt"})
# Words after a noun phrase that specify it on the spot ("the meeting at the hall", "the man who").
_SPECIFIERS: dict[str, frozenset[str]] = {
    "en": _word_set(
        """of that which who whose whom at in on from for with to near about behind between over
        under after before during since against into across around outside inside by"""
    ),
    "fr": _word_set("de du des d' qui que qu' à au aux en pour sur dans avec par contre chez"),
    "es": _word_set("de del que quien a al en para sobre con por contra entre desde"),
    "it": _word_set("di del della dei delle che a al alla in per su con da tra fra contro"),
    "pt": _word_set("de do da dos das que a ao em no na para sobre com por entre contra"),
    "nl": _word_set("van die dat in op met voor uit bij naar tegen over tussen"),
}
# Nouns that a definite article makes unique without an introduction ("the world", "the week").
_SITUATIONAL: dict[str, frozenset[str]] = {
    "en": _word_set(
        """world time moment past future present public internet weekend week month year day
        morning afternoon evening night today end start beginning rest number way fact idea
        first last same next following latest most top bottom middle other former latter
        country nation government state economy sun moon earth planet sky sea air weather
        president police army military court parliament congress senate market markets
        industry media press news case deal"""
    ),
}
# A preposition that frames the clause before its subject ("According to the website, ...",
# "During the meeting, ..."): the definite phrase after it must be introduced too.
_FRAME = re.compile(
    r"^(?:according to|during|after|before|at|in|on|following|despite|amid|since|under)\s+"
    r"(?=the\s)",
    re.IGNORECASE,
)
_SPEECH = re.compile(
    r"^[^,;:.!?\"“]{0,60}?\b(?:said|says|say|told|added|reported|announced|confirmed|warned"
    r"|noted|stated|claimed|argued|believe[sd]?|think|thinks|thought|insisted|explained)"
    r"(?: that)?\s+",
    re.IGNORECASE,
)


def unresolved_reference(sentence: str, language: str = "en", *, context: str = "") -> str | None:
    """Return a definite noun phrase that opens a clause of the sentence and points at nothing.

    Only the phrase that opens the sentence or its reported clause ("The move was ...", "Police
    said the protest was ...") is checked: one further in usually has its antecedent in the same
    sentence. A phrase is resolved when a following word specifies it ("the meeting at the
    hall", "the man who"), when its words occur in the context or earlier in the sentence, when
    it is a name (capitalised), a superlative or an ordinal, or when the noun is unique in any
    situation ("the world", "the government").

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; only languages with lower-case nouns and articles are checked.
        context: text read before the sentence (a headline, earlier digest lines).

    Returns:
        The unresolved phrase ("the protest"), or None.
    """
    articles = _DEFINITE.get(language)
    if articles is None:
        return None
    text = sentence.strip().lstrip(_OPENING_MARKS)
    starts = [0]
    speech = _SPEECH.match(text)
    if speech:
        starts.append(speech.end())
    framed = _FRAME.match(text) if language == "en" else None
    if framed:
        starts.append(framed.end())
    known: set[str] | None = None
    for start in starts:
        phrase = _definite_phrase(text[start:], language, articles)
        if phrase is None:
            continue
        if known is None:
            known = _stems(f"{context} {text[:start]}")
        if not _introduced(phrase[1:], known, language):
            return " ".join(phrase)
    return None


def _definite_phrase(text: str, language: str, articles: frozenset[str]) -> list[str] | None:
    """The article and lower-case words of a definite phrase opening text, when unspecified."""
    tokens = WORD_OR_MARK.findall(text[:200])
    if not tokens:
        return None
    article = tokens[0].lower().replace("’", "'")
    rest = tokens[1:]
    if article not in articles:
        if "'" in article and article.split("'", 1)[0] + "'" in articles:
            rest = [article.split("'", 1)[1], *rest]  # "l'armée"
        else:
            return None
    nouns: list[str] = []
    stops = stop_words(language)
    longest = 1 if language in _NOUN_FIRST else 3  # Romance adjectives mostly follow the noun
    for token in rest:
        if not token[:1].isalpha() or token[:1].isupper() or token.lower() in stops:
            break
        if nouns and language == "en" and token.endswith("ed"):
            break  # "the retailer earned": a verb ends the phrase
        nouns.append(token)
        if len(nouns) == longest:
            break
    if not nouns:
        return None  # a name ("the U.N."), a number or nothing
    following = rest[len(nouns)] if len(rest) > len(nouns) else ""
    if following[:1].isupper() or following.lower() in _SPECIFIERS.get(language, frozenset()):
        return None  # "the pan-European STOXX 600 index", "the meeting at the hall"
    situational = _SITUATIONAL.get(language, frozenset())
    if any(n.lower().removesuffix("'s").removesuffix("’s") in situational for n in nouns):
        return None  # "the world", "the first"
    if language == "en" and len(nouns) > 1 and nouns[0].lower().endswith("est"):
        return None  # a superlative: "the longest earthquake"
    return [article.lower(), *nouns]


def _introduced(nouns: list[str], known: set[str], language: str) -> bool:
    """Tell whether the context has named a noun phrase.

    In English, its head (last word) or most of its words must have been named ("the harbour
    district council" under "Harbour district votes", not "the home-improvement retailer" under
    "Home Depot sales miss"). Elsewhere, where a verb cannot be told from a noun after the
    phrase ("De gemeenteraad keurde"), any of its words will do.
    """
    named = sum(1 for noun in nouns if _stems(noun) & known)
    if language != "en":
        return named > 0
    return bool(_stems(nouns[-1]) & known) or named * 2 > len(nouns)


def _stems(text: str) -> set[str]:
    """Crude stems of a text's words in any language: the first four letters, lower-cased."""
    return {w.lower()[:4] for w in words(text) if len(w) > 2}


# -- comparing sentences ---------------------------------------------------------------------


def content_words(sentence: str, language: str = "en") -> frozenset[str]:
    """Return the lower-cased words of a sentence without stop words.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code, to choose the stop words.

    Returns:
        The set of words (character pairs for Chinese and Japanese).
    """
    if _UNSPACED.search(sentence):
        return frozenset(character_bigrams(sentence))
    return frozenset(words(sentence)) - stop_words(language)


def is_near_duplicate(first: frozenset[str], second: frozenset[str]) -> bool:
    """Tell whether two sentences, given as word sets, say the same thing.

    Args:
        first: words of one sentence.
        second: words of the other.

    Returns:
        True when at least 80% of the smaller set's words occur in the other set (the sets are
        equal when the smaller holds fewer than three words).
    """
    smaller = min(len(first), len(second))
    if smaller < _MIN_COMPARED_WORDS:
        return first == second
    return len(first & second) >= _DUPLICATE_SHARE * smaller
