"""Sentence rules for every language: what is prose, what can open a text, promotion, datelines.

Article summaries, event digests and story digests all ask this module; none keeps its own copy
of a rule or a word list. What can open a text is summarizer.text.openers (with
summarizer.text.references, summarizer.text.stance and summarizer.text.vague), promotion
summarizer.text.promotion; their public functions are re-exported here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence

from summarizer.text.abbreviations import ends_with_abbreviation
from summarizer.text.artefacts import mend
from summarizer.text.datelines import parse_dateline
from summarizer.text.demonstratives import DEMONSTRATIVES
from summarizer.text.language import (
    ARTICLES,
    QUESTION_WORDS,
    SUBJECT_PRONOUNS,
    stop_words,
    word_set,
)
from summarizer.text.media import points_at_media
from summarizer.text.metatext import announces_itself
from summarizer.text.offices import OFFICES
from summarizer.text.openers import (
    MIN_OPENER_WORDS,
    leans_back,
    stands_alone,
    written_to_reader,
)
from summarizer.text.promotion import is_promotional
from summarizer.text.quotes import close_quotations, tighten_quotes
from summarizer.text.references import unresolved_reference
from summarizer.text.standing import recalls_background, recalls_earlier
from summarizer.text.statives import states_standing_fact
from summarizer.text.tokenizer import (
    OPENING_MARKS,
    UNSPACED,
    character_bigrams,
    word_count,
    words,
)
from summarizer.text.vague import bare_family_name
from summarizer.text.verbs import lacks_verb, plural_agrees, shows_verb, tells_happening

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_WORDS",
    "MIN_OPENER_WORDS",
    "MIN_WORDS",
    "TITLE_WORDS",
    "WHOLE_TITLE_WORDS",
    "close_quotations",
    "content_words",
    "follows_on",
    "is_background",
    "is_headline",
    "is_near_duplicate",
    "is_promotional",
    "is_prose",
    "lacks_verb",
    "latest_headline",
    "leans_back",
    "recalls_background",
    "recalls_earlier",
    "stands_alone",
    "states_standing_fact",
    "strip_dateline",
    "tidy",
    "title_from_sentence",
    "unresolved_reference",
    "written_to_reader",
]

#: Fewer words than this is a label, a byline or a caption, not a sentence of prose.
MIN_WORDS = 4
#: More words than this is a run-on list or a splitting failure.
MAX_WORDS = 80
_DUPLICATE_SHARE = 0.8
_MIN_COMPARED_WORDS = 3


# -- what is prose ---------------------------------------------------------------------------

_THAI = re.compile("[\u0e00-\u0e7f]")
_LETTERED_WORD = re.compile(r"[^\W\d_]\S*")  # one match per blank-separated word with a letter
# Full stops of a report (a question is a teaser): Latin, CJK, Urdu, Devanagari, Ethiopic, ...
_TERMINALS = frozenset(".!…。！۔।॥።။។៕")
_CLOSING_MARKS = "\"”’'»)]」』）"
# Articles and determiners that open a sentence's subject ("The talks resume in the U.K."); a
# heading names its subject bare ("Japan tops the U.S.").
_SENTENCE_OPENERS = ARTICLES["en"] | DEMONSTRATIVES["en"] | word_set("his her its their our my")
_CURRENCIES = "$€£¥₹₽"


def is_prose(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence reads as reported prose.

    Prose has four to eighty words, starts with a capital, a digit or a currency sign (after any
    opening quote), ends with a full stop or "!" (a question is a teaser, not a report; a line
    without an end is a label or a fragment; nor is a line of fewer than MIN_OPENER_WORDS words
    whose stop is an abbreviation's and that reads as a heading, "Japan tops the U.S.": see
    _heading), has a third or more of its words in lower case (a
    headline has none), is not promotion nor a pointer to a chart or video the page shows
    (summarizer.text.media) and has a word that can be its finite verb (a photo
    caption, "Russell Square after the bombings.", has none: summarizer.text.verbs).
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
    first = text.lstrip(OPENING_MARKS)[:1]
    if not first or first.islower() or not (first.isalnum() or first in _CURRENCIES):
        return False
    if not text.isascii() and UNSPACED.search(text):
        # Two characters of an unspaced script count as a word (text.tokenizer.word_count).
        return word_count(text) >= MIN_WORDS and _reports(text, language)
    tokens = text.split()
    if len(tokens) < MIN_WORDS or (len(tokens) < MIN_OPENER_WORDS and _heading(text, language)):
        return False
    lower = sum(map(str.islower, tokens))
    if lower >= MIN_WORDS and len(tokens) <= min(MAX_WORDS, lower * 3) and text.isascii():
        # A lower-case ASCII word holds a letter, so the lettered words number from `lower` to
        # len(tokens): both tests below pass without counting them (most prose, read faster).
        return _reports(text, language)
    lettered = len(_LETTERED_WORD.findall(text))
    if not MIN_WORDS <= lettered <= MAX_WORDS:
        return False
    if lower * 3 < lettered:  # few lower-case words: count the cased ones to be sure
        cased = [w for w in tokens if w.lower() != w.upper()]
        if cased and lower * 3 < len(cased):
            return False  # a headline in title case, a shout or a list of names
    return _reports(text, language)


def _what_subject(text: str, language: str) -> bool:
    """Tell whether an English line opens with a "what" clause that is the subject of the verb
    after it: "what", a lower-case verb, then a lower-case past form (verbs.tells_happening:
    "What followed shocked the U.S.", "What followed shook the U.S.", "What followed was a
    shock for the U.S.", not "What Japan did to the U.S." nor "What happened in the U.S.")."""
    words = text.lstrip(OPENING_MARKS).split(maxsplit=3)[:3]
    if language != "en" or len(words) < 3 or words[0].lower() != "what":
        return False
    verb, past = words[1], words[2]
    return verb.islower() and past.islower() and past.isalpha() and tells_happening(past)


def _heading(text: str, language: str) -> bool:
    """Tell whether a short line whose only full stop is an abbreviation's is a heading.

    A heading names its subject bare and tells it in the present, without an auxiliary: it
    shows no finite verb form ("Japan tops the U.S.", "Aid flows to the U.N.": a bare present
    may be a heading's), where a short sentence shows one: an auxiliary or a past form ("He
    moved to the U.S.", "It is in the U.S.": summarizer.text.verbs), or a plural subject and
    its verb ("Talks resume in the U.K.", "Sales grew in the U.S.": verbs.plural_agrees). A
    line that opens with a subject pronoun or an article is a sentence whatever its verb ("He
    lives in the U.S.", "The talks resume in the U.K."). One that opens with a question word
    and asks nothing is a heading whatever its verb ("How Japan overtook the U.S.", "Why
    Japan is ahead of the U.S."): an embedded question with no clause to govern it, unless it
    is the subject of a past verb (see _what_subject: "What followed shocked the U.S.").
    """
    if not ends_with_abbreviation(text.rstrip(_CLOSING_MARKS)):
        return False
    words = text.lstrip(OPENING_MARKS).split(maxsplit=1)
    first = words[0].lower().replace("’", "'").split("'")[0] if words else ""
    if first in QUESTION_WORDS.get(language, ()) and not _what_subject(text, language):
        return True
    if first in SUBJECT_PRONOUNS or first in _SENTENCE_OPENERS:
        return False
    return not shows_verb(text, language) and not plural_agrees(text, language)


def _reports(text: str, language: str) -> bool:
    """Tell whether a line long enough to be prose reports: not promotion, not a pointer to
    what the page shows beside its text ("The following chart summarizes ..."), not the text
    announcing itself ("Today, we're going to talk about ..."), and with a word that can be its
    finite verb (a caption has none: "Russell Square after the bombings.")."""
    return (
        not is_promotional(text, language)
        and not points_at_media(text, language)
        and not announces_itself(text, language)
        and not lacks_verb(text, language)
    )


def is_background(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence is background rather than news: a standing accusation or stance
    the report recalls ("have repeatedly accused Moscow ...": summarizer.text.standing) or a
    standing fact in the present ("The Customs Union includes ...": summarizer.text.statives).
    A digest ranks such a line below the lines that tell the news.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code.

    Returns:
        True for a line of background.
    """
    return recalls_background(sentence, language) or states_standing_fact(sentence, language)


def follows_on(
    sentence: str,
    language: str = "en",
    *,
    told: str,
    right_after: bool,
    voiced: Callable[[], bool] = lambda: False,
    introduced: frozenset[str] = frozenset(),
) -> bool:
    """Tell whether a line can follow the lines a reader has read in an event or story digest.

    It cannot when it names a thing nothing read has named (unresolved_reference: "the
    protest"), or uses a family name alone that nothing read gave in full
    (vague.bare_family_name: "Patton was beaten ..."). A line that leans back (leans_back: "He
    added ...", "But ...", "In that change ...") follows only the sentence right before it in
    its article; in a text in its narrator's voice (written_to_reader), an aside that points at
    no sentence ("I talked about ...", "you can ...") reads on after any line of the same text.

    Args:
        sentence: the line.
        language: ISO 639-1 code.
        told: what the reader has read: the title and the lines shown before it.
        right_after: whether the line shown before it is the sentence before it in its article.
        voiced: tells whether the line before it is of the same text and that text is in its
            narrator's voice (called only for a line that leans back and does not follow).
        introduced: family names its article writes in full in another sentence, and names it
            gives by one word only (vague.persons_before).

    Returns:
        True when the line can be shown after what was told.
    """
    if unresolved_reference(sentence, language, context=told) is not None:
        return False
    if bare_family_name(sentence, introduced, context=told):
        return False  # "Patton was beaten ..." before any line names Ben Patton
    if right_after or not leans_back(sentence, language):
        return True
    return voiced() and not leans_back(sentence, language, voice=False)


def is_headline(title: str) -> bool:
    """Tell whether a title can head a digest: three words or more, not site furniture, and not
    cut short ("Putin discussed with Poroshenko the…": a sentence cut to make a title)."""
    cut = title.rstrip().endswith(("…", "..."))
    return len(words(title)) >= 3 and not cut and not is_promotional(title)


#: Most words a title made from a sentence keeps when it is cut (a headline runs to about ten);
#: a sentence of up to WHOLE_TITLE_WORDS is kept whole.
TITLE_WORDS = 10
WHOLE_TITLE_WORDS = 14
_MIN_TITLE_WORDS = 4
_OFFICE_RUN = 3  # title-case words of an office, its country's included ("Russian President")
_QUALIFIERS = word_set("former acting late then outgoing incoming deputy")


def title_from_sentence(sentence: str, language: str = "en") -> str:
    """A short title made from a sentence, for an article whose input gives none.

    A person's office before their name goes, as headlines write names ("Russian President
    Vladimir Putin" reads "Vladimir Putin"; not after "former"); a sentence still longer than
    WHOLE_TITLE_WORDS is cut to TITLE_WORDS or fewer where a phrase ends, before a stop word
    or after a comma, never on a stop word ("Vladimir Putin discussed over the telephone with
    Petro Poroshenko…"), and the cut is marked "…".

    Args:
        sentence: the article's first sentence, its dateline removed.
        language: ISO 639-1 code (offices are English words: summarizer.text.offices).

    Returns:
        The title.
    """
    tokens = sentence.split()
    if language == "en":
        tokens = _without_offices(tokens)
    if len(tokens) <= WHOLE_TITLE_WORDS:
        return " ".join(tokens)
    stops = stop_words(language)
    for end in range(TITLE_WORDS, _MIN_TITLE_WORDS - 1, -1):
        last, following = tokens[end - 1], tokens[end]
        if last.strip(",;:").lower() in stops:
            continue
        if last.endswith((",", ";", ":")) or following.strip('"“‘(').lower() in stops:
            return " ".join(tokens[:end]).rstrip(",;:") + "…"
    kept = tokens[:TITLE_WORDS]
    while len(kept) > 1 and kept[-1].strip(",;:").lower() in stops:
        kept.pop()
    return " ".join(kept).rstrip(",;:") + "…"


def _without_offices(tokens: list[str]) -> list[str]:
    """Words without the title-case offices before the names they precede (see
    title_from_sentence): an office word, up to two title-case words before it, and a name of
    two title-case words after it."""
    kept: list[str] = []
    for i, token in enumerate(tokens):
        kept.append(token)
        name = tokens[i + 1 : i + 3]
        if token.lower() not in OFFICES or not token[:1].isupper() or len(name) < 2:
            continue
        if not all(w[:1].isupper() and w.rstrip(",.").isalpha() for w in name[:1]):
            continue
        if not name[1][:1].isupper():
            continue
        run = 1
        while run < min(_OFFICE_RUN, len(kept)) and kept[-run - 1][:1].isupper():
            run += 1
        office = kept[-run:]
        before = kept[-run - 1].lower() if len(kept) > run else ""
        if before in _QUALIFIERS or any(w.lower() in _QUALIFIERS for w in office):
            continue  # "former President Barack Obama" is not "Barack Obama" now
        if any(w.endswith((",", ";", ":")) for w in office[:-1]):
            office = office[-1:]  # "In Kyiv, President ...": the comma ends what came before
        del kept[-len(office) :]
    return kept


def latest_headline(titles: Sequence[str]) -> str:
    """The last of titles in time order that can head a digest (see is_headline), else the last.

    A story is titled by its latest event, unless that event's title is a sentence cut short
    and an earlier one is a headline.

    Args:
        titles: titles, oldest first (at least one).

    Returns:
        The title to show.
    """
    return next((title for title in reversed(titles) if is_headline(title)), titles[-1])


# -- datelines (the grammar is summarizer.text.datelines) -------------------------------------

_BULLET = re.compile(r"^[-–—•*·▪►]\s+(?=\S)")


def tidy(sentence: str, *, opens_text: bool = False, language: str = "") -> str:
    """A sentence as a summary or a digest shows it: without a list bullet, a dateline, page
    artefacts (summarizer.text.artefacts: "anti- terrorism", ".MIWD00000PUS") or blanks inside
    its quotation marks.

    Args:
        sentence: one sentence.
        opens_text: the sentence is among the first of its article (see strip_dateline).
        language: ISO 639-1 code, for a prefix two words share ("северо- и юго-западные").

    Returns:
        The sentence without a leading "- " or "• " and without a dateline; '“ comfort food ”'
        reads '“comfort food”' (summarizer.text.quotes). A quotation the sentence leaves open
        stays open here: the speech may go on in the next sentence shown, and close_quotations
        closes it where the lines are put together.
    """
    text = strip_dateline(_BULLET.sub("", sentence.strip()), opens_text=opens_text)
    return tighten_quotes(mend(text, language))


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


# -- comparing sentences ---------------------------------------------------------------------


def content_words(sentence: str, language: str = "en") -> frozenset[str]:
    """Return the lower-cased words of a sentence without stop words.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code, to choose the stop words.

    Returns:
        The set of words (character pairs for Chinese and Japanese).
    """
    if UNSPACED.search(sentence):
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
