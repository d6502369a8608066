"""Text features shared by event clustering, story linking and digests: terms, names, numbers."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter, mul
from typing import NamedTuple

from summarizer.events.background import background
from summarizer.events.people import people
from summarizer.text.days import days_of_month
from summarizer.text.language import stop_words as _language_stop_words
from summarizer.text.months import WEEKDAY_PHRASES
from summarizer.text.numbers import Number, glued_number_end, read_numbers
from summarizer.text.stemming import snowball_name, stemmer
from summarizer.text.tokenizer import UNSPACED, in_title_case, spaced_bigrams

logger = logging.getLogger(__name__)

#: A sparse feature vector: feature name -> weight.
Vector = dict[str, float]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_OPENS_SENTENCE = re.compile(r"[.!?\n]")

# Prefixes keep the three kinds of feature apart in one vector.
TERM = "t:"
ENTITY = "e:"
NUMBER = "n:"
#: A person the article names in full ("michell obama"), in story profiles only (see
#: `story_counts` and `people.people`).
FULL_NAME = "f:"
#: A specific name, in story profiles only: a name of two words that is no person's ("hong
#: kong", "monetari fund"), a single name that is none of the language's common words
#: ("mh370"), or an uncommon word of the title that the article writes as a name. With
#: FULL_NAME, what anchors a story (see `story_counts`, `stories.anchored`).
SPECIFIC = "s:"
#: An uncommon word of the title that the article writes only as a plain word ("bailout",
#: "tsunami" in lower case), in story profiles only: a kind of happening, which threads of one
#: subject share; it anchors a story only beside the same word given as a name (SPECIFIC).
#: Decided per article in `story_counts`, so a profile's names never depend on which of its
#: other features a sum kept.
TITLE_WORD = "w:"
#: Information (nats, see `background`) from which a single name is no common word of its
#: language: about the 12,000th most common English stem and rarer (one use in 440,000 words).
SPECIFIC_INFORMATION = 13.0
#: Information from which a word of the title says what the article is about: about the
#: 9,000th most common English stem and rarer (one use in 160,000 words: "tsunami", "quake").
SPECIFIC_TITLE_INFORMATION = 12.0


def stop_words(language: str) -> frozenset[str]:
    """Return the stop words of a language (see `summarizer.text.language.stop_words`).

    Args:
        language: ISO 639-1 code.

    Returns:
        Lower-case stop words (empty when none are known).
    """
    return _language_stop_words(language.lower().split("-")[0].split("_")[0])


def _stemmer(language: str) -> Callable[[str], str] | None:
    """Snowball stemmer of a language (PyStemmer), or None when Snowball has none."""
    code = language.lower().split("-")[0].split("_")[0]
    return stemmer(code) if snowball_name(code) is not None else None


@lru_cache(maxsize=200_000)
def stem(word: str, language: str = "en") -> str:
    """Stem a lower-case word with the Snowball stemmer of the language (identity if none)."""
    stemmer = _stemmer(language)
    return stemmer(word) if stemmer is not None else word


def words(text: str) -> list[str]:
    """Return the word tokens of a text in order, case kept."""
    return _WORD.findall(text)


def terms(text: str, language: str = "en") -> list[str]:
    """Return stemmed, lower-case content terms (stop words, numbers and 1-letter words dropped).

    Args:
        text: any text.
        language: ISO 639-1 code.

    Returns:
        The terms in text order.
    """
    cache = _term_cache(language)
    words = _WORD.findall(spaced_bigrams(text))
    # Words met before cost one look-up in C (digests read every sentence); new ones go
    # through _cached_term in text order.
    found: list[str | None] = list(map(cache.get, words))
    if None in found:
        found = [
            _cached_term(cache, word, language) if term is None else term
            for word, term in zip(words, found, strict=True)
        ]
    return list(filter(None, found))  # stop words and numbers map to ""


def _cached_term(cache: dict[str, str], word: str, language: str) -> str:
    """A word's term through the language's cache (bounded: new words stop being kept)."""
    term = cache.get(word)
    if term is None:
        term = _term(word, language)
        if len(cache) < _TERM_CACHE_SIZE:
            cache[word] = term
    return term


_TERM_CACHE_SIZE = 500_000


@lru_cache(maxsize=32)
def _term_cache(language: str) -> dict[str, str]:
    """Per-language memo of token -> term ("" for a dropped token); terms() is the hot loop."""
    return {}


def forget_words() -> None:
    """Drop the memos of the words met so far: terms, stems and the stemmers' own caches.

    Only memos: what any function returns is the same after. A process that computes the
    features of many stored articles in turn (the profiles remade after a features-version
    upgrade, `store.profiles.refresh_stale_profiles`) forgets them between chunks: the memos'
    entries are made in among each chunk's short-lived objects, and kept, they keep the memory
    those used from being given back or used again (a few MB of entries pin a hundred or more).
    """
    stem.cache_clear()
    _term_cache.cache_clear()
    stemmer.cache_clear()


def _term(word: str, language: str) -> str:
    lower = word.lower()
    if len(lower) < 2 or lower in stop_words(language) or lower[0].isdigit():
        return ""
    return stem(lower, language)


def entities_and_numbers(text: str, language: str = "en") -> tuple[list[str], list[str]]:
    """Return named-entity-like capitalised tokens (stemmed) and number tokens.

    A capitalised word counts as a name unless it opens a sentence or is a stop word, so
    "Putin" and "Minsk" count while "The" does not. Names are stemmed like terms, so the
    inflected forms of one name agree ("Токаевым", "Токаева": "токаев").

    Args:
        text: any text.
        language: ISO 639-1 code.

    Returns:
        (names stemmed and lower-cased, numbers) in text order.
    """
    _, entities, numbers, _, _, _, _ = _scan(text, language)
    return entities, numbers


class _Scan(NamedTuple):
    """What `_scan` reads of a text (see there)."""

    terms: list[str]
    names: list[str]
    numbers: list[str]
    marked: list[tuple[int, int]]
    full: list[str]
    lower_case: set[str]
    cut_full: list[str]


def _scan(
    text: str,
    language: str,
    limit: int | None = None,
    marks: tuple[int, ...] = (),
    cut: int | None = None,
) -> _Scan:
    """Terms, names and numbers of a text's first `limit` words, read in one pass.

    Unspaced scripts (Chinese, Japanese, Thai) count character pairs as words; a number glued by
    a hyphen to a capitalised name is part of that name ("COVID-19": "covid-19", "SARS-CoV-2":
    "sars-cov-2"; see `text.numbers.glued_number_end`), no number. The fourth value gives, for
    each of `marks`, how many of the terms and of the names come from the first that many words
    (all of them when the mark lies beyond the text). Then the full names, one per use: a name
    right after another capitalised word that is no stop word (one space apart; the first word
    may open the sentence), "Michelle Obama" -> "michell obama"; and the terms the text writes
    in lower case. Last, the full names of `text[:cut]` read alone (a cut at a word's end, as
    `_first_words` gives: the opening's), from this same pass: those complete before the cut and
    the run of names the cut ends. Only a cut that splits a token ("Obama|'s", "COVID|-19") or
    lies beyond `limit` reads `text[:cut]` again. Without `cut`: the full names of the whole
    text.
    """
    given = text
    text = spaced_bigrams(text)
    end_of_cut = len(text) + 1 if cut is None else _spaced_cut(given, text, cut)
    cut_split = end_of_cut is None  # the spaced cut text is no start of the spaced text
    if end_of_cut is None:
        end_of_cut = len(text) + 1
    cut_full: list[str] | None = None
    cache = _term_cache(language)
    stops = stop_words(language)
    opens_sentence = _OPENS_SENTENCE.search
    found: list[str] = []
    entities: list[str] = []
    numbers: list[str] = []
    full: list[str] = []
    previous_end = -1  # the text's first word opens a sentence
    run: list[str] = []  # the names of the capitalised words read in a row
    lower_case: set[str] = set()
    marked: dict[int, tuple[int, int]] = {}
    glued_to = -1  # the end of a number glued to the name before it, read with that name
    for position, match in enumerate(_WORD.finditer(text)):
        start, end = match.span()
        if start >= end_of_cut and cut_full is None:
            cut_full = full + _last_two(run)  # what `text[:cut]` alone ends with
        if position == limit:
            cut_split = cut_split or cut_full is None  # the cut lies beyond the limit
            break
        if position in marks:
            marked[position] = (len(found), len(entities))
        if start < glued_to:
            continue
        word = match.group()
        glued = glued_number_end(text, end)
        if glued is not None:  # "COVID-19", "G-20", "SARS-CoV-2": one name
            word, end = word + text[end:glued], glued
            glued_to = end
        if start < end_of_cut < end:
            cut_split = True
        term = _cached_term(cache, word, language)
        if term:
            found.append(term)
            if word[0].islower():
                lower_case.add(term)
        name, possessive, in_sentence = "", False, False
        if word[0].isdigit():
            numbers.append(word)
        elif len(word) > 1 and word[0].isupper():
            lower = word.lower()
            possessive = lower.endswith(("'s", "’s"))
            if possessive:
                lower = lower[:-2]
            if lower not in stops:
                name = stem(lower, language)
                in_sentence = (
                    previous_end >= 0 and opens_sentence(text, previous_end, start) is None
                )
                if in_sentence:
                    entities.append(name)
        if not (name and in_sentence and run and text[previous_end:start].isspace()):
            _full_name(run, full)
            run = []
        if name:
            run.append(name)
        if possessive:  # "Barack Obama's mother": a name ends at its possessive
            _full_name(run, full)
            run = []
        previous_end = end
    _full_name(run, full)
    counted = [marked.get(mark, (len(found), len(entities))) for mark in marks]
    if cut is not None and cut_split:
        cut_full = _scan(given[:cut], language).full
    elif cut_full is None:
        cut_full = list(full)  # the text ends before the cut
    return _Scan(found, entities, numbers, counted, full, lower_case, cut_full)


def _spaced_cut(given: str, spaced: str, cut: int) -> int | None:
    """Where a cut of the given text falls in its spaced form (see `spaced_bigrams`), or
    None when the spaced cut text is no start of the spaced text."""
    if spaced is given:
        return cut
    head = spaced_bigrams(given[:cut])
    return len(head) if spaced.startswith(head) else None


def _full_name(run: list[str], full: list[str]) -> None:
    """Add the full name of a run of names: its last two ("President Barack Obama": "barack
    obama"), as a given name and a family name end a run, while a country that opens one
    ("Japan Meteorological Agency") stays a name of its own."""
    full.extend(_last_two(run))


def _last_two(run: list[str]) -> list[str]:
    """The full name of a run of names (see `_full_name`), as a list of none or one."""
    return [f"{run[-2]} {run[-1]}"] if len(run) >= 2 else []


#: The version of what `article_features` computes, stored with each article's features: raise
#: it whenever a change would compute other features from the same text, so that features stored
#: by an older version are computed again instead of mixed with the new ones.
FEATURES_VERSION = 21
#: The oldest FEATURES_VERSION whose features make today's story profiles (`story_counts` reads
#: their counts, names and people): raise it only when a change alters what a profile is made
#: of, so that stored profiles are made again once (store.profiles). 7 reads the modifier-letter
#: apostrophe in names; 8 adds the title's actor, 9 the opening's particulars, which profiles
#: do not read, 10 reads their numbers whole, and 11 adds the particulars that only open a
#: two-word name (`ArticleFeatures.name_firsts`), which profiles do not read either; 12
#: computes the same article features, but its profiles give title words apart from names
#: (TITLE_WORD); 13 keeps a number glued to a name in that name ("COVID-19"), in the counts
#: and names that profiles read; 14 reads the dates and the particulars' days, times and dates
#: of 17 languages, which profiles do not read; 15 counts a title in title case as no uses of
#: a two-word name's first word in `name_firsts`, and reads time zones only in capitals and
#: "9 a.m." as a clock time in the particulars, which profiles do not read; 16 glues a number
#: to a name as text.numbers does (not "Mar-2020" of "12-Mar-2020", nor yet "CoV-2" of
#: "SARS-CoV-2"), in the counts and names that profiles read; 17 reads the month names of the
#: text's own language in its dates and particulars, an hour before a zone alone ("12 CT
#: scans") as a count and a date in digits by its day, which profiles do not read; 18 reads
#: "am" as a clock word only in English or an unknown language ("seit 2015 am Markt" is a year)
#: and "20h30", "10 ч 30" as one time in the particulars, which profiles do not read; 19 glues a
#: number to capitalised words joined by hyphens ("SARS-CoV-2" one name, no 2), in the counts
#: and names that profiles read; 20 reads Italian, Portuguese and Dutch weekdays ("di
#: domenica", "segunda-feira", "op maandag") and their function words before a weekday in the
#: particulars, which profiles do not read; 21 adds the mention key of the title's first term
#: (`title_subject`; none after a label, "Breaking: ..."), which profiles do not read.
PROFILES_SINCE = 19
#: Names are looked up in another text by the first letters of their stems, so inflected and
#: derived forms still count as a mention ("Тюмени", "тюменцам"; "Moscow", "Moscow's").
MENTION_LETTERS = 5
#: Words of the body that count as its lead for what an article tells (see
#: `ArticleFeatures.told`): the top of the story, where a report gives what happened. Whole
#: long articles (features read their first 400 words) tell every word of a subject, so any
#: headline on that subject would be "told".
LEAD_WORDS = 200
#: Words of the body that open it, for name conflicts (see `ArticleFeatures.opening`): a
#: report names the actors of its happening in its title or first paragraph; a report that
#: names them only further down tells of them as background (an earlier eviction, the rival's
#: reply), so its own happening is another.
OPENING_WORDS = 60
#: Information (nats, see `background`) from which a word of a report's opening is one of its
#: particulars (see `particulars`): about the 4,000th most common English stem and rarer (one
#: use in 60,000 words). The few thousand commoner stems are the words any report on a subject
#: uses ("market", "sales", "party", "plan"); what sets one happening apart ("takeover", "MCI",
#: "handheld", "Gilbert") is rarer.
PARTICULAR_INFORMATION = 11.0


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What event clustering reads from one article.

    Attributes:
        counts: feature counts (TERM, ENTITY and NUMBER prefixes; the title counted three times).
        names: the article's central names (ENTITY features): the names in its title, which
            say who and where the article is about.
        headline: mention keys of the title's content words (see `mentions`), names and other
            words alike: what the title says happened.
        dates: when: the days of its year the title and lead name (see `dates`), and the
            weekdays the title and the first LEAD_WORDS words of the body name (see `weekdays`).
        told: mention keys (see `mentions`) of the words of its title and of the first
            LEAD_WORDS words of its body: what it tells, for headline support and name
            conflicts; None (features stored before it was read): the keys of `counts`.
        opening: mention keys of the words of its title and of the first OPENING_WORDS words
            of its body: whom it names at once, for name conflicts; None (features stored
            before it was read): the keys of `told`.
        people: (family name, full name) pairs of the people the article names (see
            `people.people`): the full name each family name stands for ("obama" -> "michell
            obama" in an article that says "Michelle Obama ... Obama said"), for `story_counts`.
        compounds: the two-word names of its title and body (the words read), people's or
            not ("hong kong", "michell obama"), for `story_counts`.
        actor: the mention key of the person its title opens with, one of its central names
            ("McCririck out of Big Brother show": "mccri"): who the headline says acted; ""
            when the title opens with any other word (see `title_actor`).
        subject: the mention key of the word its title opens with, a person's or not
            ("Bookmakers back Aviator for Oscar": "bookm"): whom the headline makes its
            subject; "" when its first word is no term or a label ("Breaking:"; see
            `title_subject`).
        particulars: the particulars of its title and first OPENING_WORDS words (see
            `particulars`): the rare words and the numbers by which it tells its happening.
        name_firsts: those of its particulars that the title and opening use only as the
            first word of a two-word name ("lib" of "Lib Dems", "sri" of "Sri Lanka", "charl"
            of "Charles Kennedy", see `name_firsts`): the name counts once, by its last word.
    """

    counts: Counter[str]
    names: frozenset[str]
    headline: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()
    told: frozenset[str] | None = None
    people: tuple[tuple[str, str], ...] = ()
    opening: frozenset[str] | None = None
    compounds: frozenset[str] = frozenset()
    actor: str = ""
    particulars: frozenset[str] = frozenset()
    subject: str = ""
    name_firsts: frozenset[str] = frozenset()

    def tells(self) -> frozenset[str]:
        """Mention keys of what the article tells (`told`, else every counted word)."""
        return self.told if self.told is not None else frozenset(mentions(self.counts))

    def names_at_once(self) -> frozenset[str]:
        """Mention keys of what the article names at its opening (`opening`, else `tells`)."""
        return self.opening if self.opening is not None else self.tells()


def mentions(features: Iterable[str]) -> set[str]:
    """The mention keys of TERM and ENTITY features: each stem's first MENTION_LETTERS letters.

    A name is mentioned by a text when its key is among the text's keys, in any case and form.
    """
    return {f[2 : 2 + MENTION_LETTERS] for f in features if f[:2] in (TERM, ENTITY)}


def article_features(
    title: str,
    body: str,
    language: str = "en",
    *,
    max_body_words: int = 400,
    year: int | None = None,
) -> ArticleFeatures:
    """Read an article's features: terms, names and numbers of its title and lead.

    Args:
        title: the article's title.
        body: the article's body.
        language: ISO 639-1 code.
        max_body_words: only the first words of the body count (the lead names the event; it
            also bounds the cost per article).
        year: the article's year of publication, for its dates (see `dates`).

    Returns:
        The counts and the central names.
    """
    title_terms, title_names, title_numbers, _, title_full, title_lower, _ = _scan(title, language)
    title_people = title_full  # kept when the title is in title case: checked against the body
    title_words = _WORD.findall(title)
    title_case = in_title_case(title_words)
    if title_case:
        # "Putin and Poroshenko Come Face to Face": capitals say nothing
        title_names, title_full = [], []
    opening = _first_words(body, OPENING_WORDS)
    body_terms, body_names, body_numbers, marked, body_full, body_lower, opening_full = _scan(
        body, language, max_body_words, (LEAD_WORDS, OPENING_WORDS), cut=len(opening)
    )
    (lead_terms, lead_names), (opening_terms, opening_names) = marked
    counts: Counter[str] = Counter()
    for weight, (found, names, numbers) in (
        (3, (title_terms, title_names, title_numbers)),
        (1, (body_terms, body_names, body_numbers)),
    ):
        for term in found:
            counts[TERM + term] += weight
        for name in names:
            counts[ENTITY + name] += weight
        for number in numbers:
            counts[NUMBER + number] += weight
    # A title's first word, or any word of a title in title case, is no name by its capital;
    # it is one when the lead names it: "Путин сообщил..." over "Президент России Путин".
    in_title = set(title_terms)
    central = {n for n in body_names if n in in_title}
    central.update(title_names)
    opening_stems = title_terms + body_terms[:opening_terms]
    opening_particulars = particulars(
        opening_stems,
        # the opening's numbers read whole: "40,000" that its last word cuts too
        read_numbers(title, language) + read_numbers(body, language, end=len(opening)),
        language,
        year=year,
    )
    return ArticleFeatures(
        counts=counts,
        names=frozenset(ENTITY + n for n in central),
        headline=frozenset(term[:MENTION_LETTERS] for term in title_terms),
        dates=dates(title, year=year, language=language)
        | dates(body, max_body_words, year=year, language=language)
        | weekdays(title)
        | weekdays(body, LEAD_WORDS),
        told=_keys(title_terms, title_names, body_terms[:lead_terms], body_names[:lead_names]),
        opening=_keys(
            title_terms, title_names, body_terms[:opening_terms], body_names[:opening_names]
        ),
        people=people(
            title_full + body_full,
            body_full,
            body_terms,
            body_names,
            title_lower | body_lower,
            [full for full in title_people if full in body_full],
        ),
        compounds=frozenset(title_full + body_full),
        actor=title_actor(title_words, central, title_full + body_full, language),
        subject=title_subject(title, language),
        particulars=opening_particulars,
        # a title in title case gives no two-word names, so its words count as no uses either:
        # "Lib Dems Unveil ..." reads as "Lib Dems unveil ..." does
        name_firsts=opening_particulars
        & name_firsts(
            body_terms[:opening_terms] if title_case else opening_stems,
            title_full + opening_full,
        ),
    )


def name_firsts(stems: Iterable[str], full_names: Iterable[str]) -> frozenset[str]:
    """Mention keys of the words a text uses only as the first word of a two-word name.

    A name of two words ("Lib Dems", "Sri Lanka", "Charles Kennedy") is one thing named: two
    reports that both give it share one particular, not two. Its last word names it (the
    family name, the rest of a place's name: "Kennedy" alone is the same person), so the first
    word is the one that does not count when it never stands alone.

    Args:
        stems: the text's terms, one per use (every word, whatever its case; see `terms`).
        full_names: the text's two-word names, one per use (see `_scan`).

    Returns:
        The first words' mention keys (see `mentions`).
    """
    firsts = Counter(full.split(" ", 1)[0] for full in full_names)
    used = Counter(stems)
    return frozenset(
        first[:MENTION_LETTERS] for first, uses in firsts.items() if used[first] <= uses
    )


def particulars(
    stems: Iterable[str], numbers: Iterable[Number], language: str, *, year: int | None = None
) -> frozenset[str]:
    """The particulars of a report's opening: the mention keys of its rare words and numbers.

    Reports of one happening give its particulars at once: who exactly, what exactly, how many
    ("Verizon ... MCI ... takeover ... $6.7bn"), so they share several of them. Reports on one
    subject that tell of different happenings share the subject's few rare names ("Lib Dems",
    "Arsenal") and words any report on it uses, not the particulars. A word is rare when its
    stem carries at least PARTICULAR_INFORMATION in the language's table (see `background`).

    A number counts read whole ("40,000", "40 000": one key, see `read_numbers`), and a bare
    whole number by the same measure as a word: the tables list the digits ("1" to "9", "0")
    at 6 to 9 nats and the first ordinals ("5th") below PARTICULAR_INFORMATION, as common as
    "market" or "said", so "3 men" or "the 5th" tells no happening. A clock time, a date (in
    digits, or a day of a named month: "17 мая") and the year of publication tell when a
    report was filed (every report of a feed's day gives them in its dateline; `dates` reads
    the days), not what happened; another year ("until May 2008") counts. Sums, percentages,
    decimals and scores count.

    Args:
        stems: the terms of the title and opening, in order (see `terms`).
        numbers: the numbers of the title and opening (see `read_numbers`).
        language: ISO 639-1 code, for its table of common words.
        year: the report's year of publication (None: every year counts).

    Returns:
        Mention keys of the rare words (see `mentions`) and the keys of the numbers; empty for
        a language without a table (no word can be told rare).
    """
    table = background(language)
    if table is None:
        return frozenset()
    information, unlisted = table.information.get, table.unlisted
    found = {
        stem[:MENTION_LETTERS]
        for stem in stems
        if information(stem, unlisted) >= PARTICULAR_INFORMATION
    }
    found.update(
        number.key
        for number in numbers
        if number.kind == "amount"
        or (number.kind == "whole" and information(number.key, unlisted) >= PARTICULAR_INFORMATION)
        or (number.kind == "year" and number.value != year)
    )
    return frozenset(found)


def title_actor(
    title_words: list[str],
    central: Iterable[str],
    full_names: Iterable[str],
    language: str,
) -> str:
    """The mention key of the family name a title opens with, when it is a central name.

    A headline opens with who acted ("Stallone evicted from Big Brother", "Путин сообщил...").
    Only a family name counts: a name the article also gives as the last of two names in a
    row ("Jackie Stallone", "Владимир Путин"). A country, party or body that opens a headline
    may stand for its leader ("Ukraine and Russia promise..." over "Putin and Poroshenko
    meet"), so it tells no other actor. A title that opens with any other word ("Double
    eviction...", "В Петербурге...") names no actor. A possessive counts as its name
    ("Corbyn's plan...": "corby").

    Args:
        title_words: the title's words in order, case kept.
        central: the article's central names (stems, no prefix).
        full_names: the two-name runs of its title and body (see `ArticleFeatures.compounds`).
        language: ISO 639-1 code.

    Returns:
        The name's mention key, or "".
    """
    if not title_words or not title_words[0][0].isupper():
        return ""
    lower = _apostrophes(title_words[0].lower())
    if lower.endswith("'s"):
        lower = lower[:-2]
    if lower in stop_words(language):
        return ""
    name = stem(lower, language)
    if name not in central:
        return ""
    family = {full.rsplit(" ", 1)[-1] for full in full_names}
    return name[:MENTION_LETTERS] if name in family else ""


#: A title that opens with a label (see `title_subject`): a word, then a colon or a number and a
#: dash.
_LABEL = re.compile(r"\W*[^\W_]+(?:['’][^\W_]+)?(?:\s*:|\s+\d+\s*[-–—:])")


def title_subject(title: str, language: str) -> str:
    """The mention key of the term a title opens with, as `ArticleFeatures.told` reads it.

    A headline opens with its subject, whoever or whatever acted ("Critics back Aviator...",
    "Celtic make late bid..."): a person (see `title_actor`), a body, a group or a thing. The
    key is that of the title's first term, so that it is one the other side's mention keys can
    hold (a possessive as its word, "Connors' rallying cry": "conno"). A title gives none when
    its first word is no term (a stop word, "The...", "В Петербурге...", "У Києві..."; a number,
    "10 killed in..."; one letter), when it opens with a run of an unspaced script (its words
    are character pairs, no word the title opens with) or with a label: a word before a colon
    ("Breaking: ...", "LIVE: ...", "Analysis: ...") or before a number and a dash ("UPDATE
    2-..."), a section's name rather than the headline's subject.

    Args:
        title: the title.
        language: ISO 639-1 code.

    Returns:
        The term's mention key, or "".
    """
    first = _WORD.search(title)
    if first is None or UNSPACED.search(first.group()) or _LABEL.match(title):
        return ""
    word, end = first.group(), first.end()
    glued = glued_number_end(title, end)
    if glued is not None:  # "COVID-19", "G-20": one term, as `_scan` reads it
        word = word + title[end:glued]
    return _term(word, language)[:MENTION_LETTERS]


def _keys(*stems: list[str]) -> frozenset[str]:
    """The mention keys of lists of stems (see `mentions`)."""
    return frozenset(stem[:MENTION_LETTERS] for words in stems for stem in words)


def story_counts(features: ArticleFeatures, language: str = "") -> Counter[str]:
    """The feature counts a story profile is made of: each name counted as its full name, and
    the specific names that anchor a story.

    A story follows someone; two people who share one name (Barack and Michelle Obama) are
    told apart by who is named in full. Where an article names a person in full, every
    mention of the family name counts for the full name (FULL_NAME) instead, in the names
    half and, as it is a name there, not as a term. Names of teams, bodies and places, and
    people never given in full, stay as they are (see `people.people`), so the weight of the
    places that unrelated events share does not grow. The price: a report that gives a
    name alone and one that gives it in full no longer share it (they still share their words
    and other names). Event clustering keeps `counts` (its evidence was chosen on them).

    A story also follows one thing, which its reports name by a specific name (SPECIFIC):
    each two-word name that is no person's ("premier leagu", "hong kong", "monetari fund")
    counts once; each single name that the language's table (see `background`) does not
    count among its common words ("mh370", "wework"; not "state", "york", "nasa") counts as
    often as the name, and so does each uncommon word of the title ("tsunami", "quake": the
    happening a thread's headlines name by a word). Without a table for the language no name
    can be told common, so each one counts, and no title word does. A capitalised stop word
    ("I’m" written with a typographic apostrophe) is no name here. A single specific word that
    the article uses as a plain word and never writes as a name counts as a title word
    (TITLE_WORD) instead: whether a word is a name is decided here, once per article, so a
    story's names are the same in a live sum and in one rebuilt from stored profiles, whatever
    either pruned (`stories.is_name`).

    Args:
        features: the article's features.
        language: the article's ISO 639-1 code, for its table of common words.

    Returns:
        New counts; `features.counts` is left unchanged.
    """
    counts = Counter(features.counts)
    stops = stop_words(language) if language else frozenset()
    for feature in [f for f in counts if f[:2] == ENTITY and "’" in f]:
        if feature[2:].replace("’", "'") in stops:  # "I’m": a stop word in capitals
            del counts[feature]
    for name, full in features.people:
        mentioned = counts.pop(ENTITY + name, 0)
        if not mentioned:
            continue
        counts[FULL_NAME + full] += mentioned
        term = TERM + name
        left = counts.get(term, 0) - mentioned
        if left > 0:
            counts[term] = left
        else:
            counts.pop(term, None)
    persons = {full for _, full in features.people}
    for compound in sorted(features.compounds - persons):  # counts in one order, any hash seed
        counts[SPECIFIC + compound] += 1
    table = background(language) if language else None
    for feature, count in list(counts.items()):
        prefix, word = feature[:2], feature[2:].rstrip("’'")  # "nasa’" of "NASA’s": "nasa"
        if prefix == TERM:
            if table is None or word[:MENTION_LETTERS] not in features.headline:
                continue
            if table.information.get(word, table.unlisted) >= SPECIFIC_TITLE_INFORMATION:
                counts[SPECIFIC + word] += count
        elif prefix == ENTITY and (
            table is None or table.information.get(word, table.unlisted) >= SPECIFIC_INFORMATION
        ):
            counts[SPECIFIC + word] += count
    for feature in [f for f in counts if f[:2] == SPECIFIC and " " not in f]:
        word = feature[2:]
        if ENTITY + word not in counts and TERM + word in counts:  # never written as a name
            counts[TITLE_WORD + word] += counts.pop(feature)
    return counts


_FIRST_WORDS = re.compile(r"(?:[\W_]*[^\W_]+){1,%d}")


def _first_words(text: str, limit: int) -> str:
    """The text up to the end of its first `limit` words."""
    first = re.compile(_FIRST_WORDS.pattern % limit).match(text)
    return first.group() if first else ""


def dates(
    text: str, limit: int | None = None, *, year: int | None = None, language: str = ""
) -> frozenset[str]:
    """The days of `year` (the article's) a text names, as "MM-DD" (of its first `limit` words).

    A news text gives the day of what it reports by day and month ("on 9 November", "Tuesday,
    November 5"), with the year at most in a formal quote ("5 May 2020"); a date in another
    year ("disappeared on 9 November 2018") points back to an earlier happening, so it is
    left out. English month names count only when capitalised ("May 5", not "may 5").

    Args:
        text: any text.
        limit: read only this many words from the start (None: all of it).
        year: the text's own year (its publication): dates given with this year count too;
            None leaves out every date given with a year.
        language: the text's ISO 639-1 code, whose month names it reads ("": every language's).

    Returns:
        The dates, e.g. {"11-09"}.
    """
    if limit is not None:
        text = _first_words(text, limit)
    return frozenset(
        f"{day.month:02d}-{day.day:02d}"
        for day in days_of_month(text, language)
        if day.year is None or day.year == year  # another year: an earlier or planned happening
    )


#: The keys `weekdays` gives, Monday first; a day of the year ("MM-DD") never equals one.
WEEKDAY_KEYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# English and German weekdays count only when capitalised ("Friday", "Freitag"); the phrases of
# the other languages (one word, or a preposition and the day) in any case ("В среду"), a
# hyphen read as the blank between the two words it joins ("segunda-feira").
_WEEKDAY_CAPITALISED = {p: day for p, day in WEEKDAY_PHRASES.items() if p[0].isupper()}
_WEEKDAY_ANY_CASE = {
    p.casefold().replace("-", " "): day for p, day in WEEKDAY_PHRASES.items() if p[0].islower()
}
# The words that end a weekday phrase, in any case: a text holding none names no weekday.
_WEEKDAY_LAST_WORDS = tuple(sorted({phrase.split()[-1].casefold() for phrase in WEEKDAY_PHRASES}))


def weekdays(text: str, limit: int | None = None) -> frozenset[str]:
    """The weekdays a text names for what happened ("on Friday", "в пятницу"), as WEEKDAY_KEYS.

    Reports without dates (most of the BBC's, many wire stories) tell when by weekday: two
    reports that name weekdays and share none tell of things that happened on different days
    (one eviction on Monday, another on Friday). A weekday is no date: it is compared only with
    weekdays (see `cluster._weekdays_differ`).

    Args:
        text: any text.
        limit: read only this many words from the start (None: all of it).

    Returns:
        The weekdays, e.g. {"Fri"}.
    """
    if limit is not None:
        text = _first_words(text, limit)
    lowered = _apostrophes(text.casefold())
    if not any(word in lowered for word in _WEEKDAY_LAST_WORDS):
        return frozenset()  # most texts: no weekday, and no word-by-word reading
    found: set[str] = set()
    previous = before = ""
    for token in _WORD.findall(text):
        word = _apostrophes(token)
        if word.endswith("'s"):
            word = word[:-2]  # "Friday's eviction"
        lower = word.casefold()
        day = _WEEKDAY_CAPITALISED.get(word)
        if day is not None and _names_a_day(before, previous):
            day = None  # "Black Friday", "Super Tuesday": a named day, not when it happened
        if day is None:
            day = _WEEKDAY_ANY_CASE.get(lower)
        if day is None and previous:
            day = _WEEKDAY_ANY_CASE.get(f"{previous} {lower}")
        if day is not None:
            found.add(WEEKDAY_KEYS[day])
        previous, before = lower, token
    return frozenset(found)


def _apostrophes(text: str) -> str:
    """Typographic and modifier-letter apostrophes as "'" ("п’ятницю", "пʼятницю")."""
    return text.replace("’", "'").replace("ʼ", "'")


def _names_a_day(before: str, previous: str) -> bool:
    """Whether the word before a capitalised weekday makes a name of it: a capitalised word
    that is none of the weekday languages' function words ("Black Friday", not "On Friday")."""
    return bool(before) and before[0].isupper() and previous not in _DAY_FUNCTION_WORDS


#: The function words of the languages whose weekdays are read ("on", "last", "am", "le"...).
_DAY_FUNCTION_WORDS = frozenset().union(
    *(
        _language_stop_words(language)
        for language in ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk")
    )
)


def doc_features(
    title: str, body: str, language: str = "en", *, max_body_words: int = 400
) -> Counter[str]:
    """Count the features of an article (`article_features(...).counts`)."""
    return article_features(title, body, language, max_body_words=max_body_words).counts


class DocumentFrequencies:
    """Document frequencies updated one document at a time (for incremental TF-IDF)."""

    __slots__ = ("_counts", "documents")

    def __init__(self) -> None:
        """Start with no documents seen."""
        self._counts: dict[str, int] = {}
        self.documents = 0

    def observe(self, features: Iterable[str]) -> None:
        """Count one document's distinct features."""
        counts = self._counts
        for feature in set(features):
            counts[feature] = counts.get(feature, 0) + 1
        self.documents += 1

    def state(self) -> tuple[int, dict[str, int]]:
        """The documents seen and each feature's count (the dict itself: do not change it)."""
        return self.documents, self._counts

    @classmethod
    def of(cls, documents: int, counts: dict[str, int]) -> DocumentFrequencies:
        """Frequencies as `state` gave them (`counts` is kept, not copied)."""
        made = cls()
        made.documents, made._counts = int(documents), counts
        return made

    def idf(self, feature: str) -> float:
        """Smoothed inverse document frequency, log((1 + N) / (1 + df)) + 1."""
        return math.log((1 + self.documents) / (1 + self._counts.get(feature, 0))) + 1.0


#: Weight of each feature kind within its half of the vector (see `weigh`).
KIND_WEIGHTS: Mapping[str, float] = {
    TERM: 1.0,
    ENTITY: 1.0,
    NUMBER: 0.5,
    FULL_NAME: 1.0,
    SPECIFIC: 1.0,
    TITLE_WORD: 1.0,
}
_HALF = math.sqrt(0.5)


def weigh(
    counts: Mapping[str, int],
    frequencies: DocumentFrequencies,
    kind_weights: Mapping[str, float] = KIND_WEIGHTS,
    *,
    language: str = "",
) -> Vector:
    """Turn feature counts into a unit-length sublinear TF-IDF vector of two equal halves.

    One half holds the terms (what happened), the other the names and numbers (who, where,
    how many). Each half is normalised on its own and both weigh the same, so the dot product
    of two such vectors is the mean of the two halves' cosines: sharing the subject without
    the actors counts half. A document with only one kind has that half alone.

    A feature's weight is its inverse document frequency among the documents seen so far;
    with a `language` that has a background table, a term's weight is instead how rare its stem
    is in the language at large (names keep their document frequencies: a name in every
    article of the day is no evidence of one thread).

    Args:
        counts: feature counts of one document.
        frequencies: document frequencies, for languages without a background table.
        kind_weights: weight of each feature kind (by prefix) within its half.
        language: the document's ISO 639-1 code, for the terms' background weights ("" for
            document frequencies alone).

    Returns:
        The unit-length vector (empty for no features).
    """
    what: Vector = {}
    who: Vector = {}
    table = background(language) if language else None
    kind_of, log = kind_weights.get, math.log  # bound once: a hot loop
    information = table.information.get if table is not None else None
    unlisted = table.unlisted if table is not None else 0.0
    for feature, count in counts.items():
        prefix = feature[:2]
        kind = kind_of(prefix, 1.0)
        if kind == 0.0:
            continue
        half = what if prefix == TERM else who
        if information is None or prefix != TERM:
            idf = frequencies.idf(feature)
        else:
            idf = information(feature[2:], unlisted)
        half[feature] = kind * (1.0 + log(count)) * idf
    what, who = normalise(what), normalise(who)
    if not what or not who:
        return what or who
    for half in (what, who):
        for feature in half:
            half[feature] *= _HALF
    what.update(who)
    return what


def normalise(vector: Mapping[str, float]) -> Vector:
    """Return the vector scaled to unit length (empty stays empty)."""
    norm = math.sqrt(squared_length(vector))
    if norm == 0.0:
        return {}
    return {k: v / norm for k, v in vector.items()}


def squared_length(vector: Mapping[str, float]) -> float:
    """Sum of the squared weights, added in the vector's order."""
    total: float = sum(map(mul, vector.values(), vector.values()))
    return total


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors (their cosine when both are unit length)."""
    # The key intersection runs in C; fsum is exact, so set order cannot change the result.
    common = a.keys() & b.keys()
    return math.fsum(map(mul, map(a.__getitem__, common), map(b.__getitem__, common)))


def heaviest(vector: Mapping[str, float], size: int) -> list[tuple[str, float]]:
    """The `size` heaviest (feature, weight) pairs, heaviest first, ties broken by name."""
    if size <= 0:
        return []
    if len(vector) > size:
        # Only pairs at least as heavy as the size-th heaviest weight can be kept.
        floor = sorted(vector.values(), reverse=True)[size - 1]
        pairs = sorted((k, v) for k, v in vector.items() if v >= floor)
    else:
        pairs = sorted(vector.items())
    # By name, then (a stable sort) by weight: two C-level sorts instead of a Python sort key.
    pairs.sort(key=itemgetter(1), reverse=True)
    return pairs[:size]


def top(vector: Mapping[str, float], size: int) -> Vector:
    """Keep the `size` heaviest features (ties broken by name, so the result is deterministic)."""
    if len(vector) <= size:
        return dict(vector)
    return dict(heaviest(vector, size))
