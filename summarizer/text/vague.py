"""Lines a reader cannot place on their own: lines that name nothing, and a narrator's asides.

"There are many issues for discussion.", "No one knew what had become of Ford's family.",
"In the first article, I talked about ..." and "If you like crisps, ..." may follow the sentence
before them in their article; summaries and digests do not open with them (summarizer.text.rules
asks these when it decides what can open a text). English only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.text.language import stop_words, word_set
from summarizer.text.months import ENGLISH_WEEKDAYS, FULL_ENGLISH_MONTHS
from summarizer.text.offices import ROLES
from summarizer.text.quotes import outside_quotes
from summarizer.text.speech import SPEECH_VERBS
from summarizer.text.tokenizer import WORD_OR_MARK

__all__ = [
    "bare_family_name",
    "family_names",
    "leaves_out_what",
    "names_nothing",
    "persons_before",
    "talks_to_reader",
    "unnamed_persons",
]


# English nouns that name no particular thing ("many issues", "the situation") and verbs that
# say nothing of their own; with the stop words, a line made only of these names nothing.
_VAGUE_WORDS = word_set(
    """issue issues thing things matter matters question questions problem problems topic topics
    point points aspect aspects factor factors way ways area areas reason reasons option options
    concern concerns discussion discussions detail details stuff lot lots situation situations
    case cases subject subjects kind kinds sort sorts part parts fact facts idea ideas people
    someone anyone everyone something anything everything nothing stake lots plenty deal
    include includes included including remain remains remained seem seems seemed discuss
    discussed need needs needed happen happens happened exist exists existed go goes went
    gone get gets got make makes made take takes took"""
)
# Pronouns that, past a sentence's opening word, point at something named before it.
_BACK_POINTING = word_set("it them")
# "made it clear", "makes it possible": "it" before these is a dummy subject, not a reference.
_DUMMY_IT = word_set(
    """clear plain possible impossible difficult hard harder easy easier necessary likely unlikely
    known official public worse better that to unclear"""
)
# A subject that says nobody or nothing answers something said before ("No one knew what had
# become of Ford's family.") unless its own sentence says what, with a clause of time or cause
# ("No one was hurt when the roof fell in.").
_NOBODY = word_set("nobody none nothing neither")
_SAYS_WHAT = word_set("when after as because while since during following until before")
_DAY_NAMES = frozenset(name.lower() for name in (*ENGLISH_WEEKDAYS, *FULL_ENGLISH_MONTHS))


def names_nothing(sentence: str, language: str = "en") -> bool:
    """Tell whether an English sentence names nothing a reader could place on its own.

    True when its subject is nobody or nothing and no clause of time or cause says what that
    answers ("No one knew what had become of Ford's family."); or when, outside quotation marks,
    it holds no name (a capitalised word after the first that is not a day or a month), no
    number, and either only vague words ("There are many issues for discussion.") or a pronoun
    object that points back ("Ministers are due to initial it on Saturday."). Such a line can
    follow the sentence it follows in its article, not open a text.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; only English is checked.

    Returns:
        True for a line that points at nothing.
    """
    if language != "en":
        return False
    text = outside_quotes(sentence.strip())
    tokens = WORD_OR_MARK.findall(text)
    lettered = [t for t in tokens if t[:1].isalpha()]
    if not lettered:
        return False
    head = [t.lower().replace("’", "'") for t in lettered[:2]]
    if head[0] in _NOBODY or head == ["no", "one"]:
        lowered = [t.lower().replace("’", "'") for t in lettered]
        if not _SAYS_WHAT.intersection(lowered):
            return True  # "No one knew what had become of Ford's family."
    if any(t[:1].isdigit() for t in tokens):
        return False
    for token in lettered[1:]:
        if token[:1].isupper() and token != "I" and token.lower() not in _DAY_NAMES:
            return False  # a name says what the line is about
    lowered = [t.lower().replace("’", "'") for t in lettered]  # most lines ended above
    stops = stop_words(language)
    if all(w in stops or w in _VAGUE_WORDS or w in _DAY_NAMES for w in lowered[1:]) and (
        lowered[0] in stops or lowered[0] in _VAGUE_WORDS
    ):
        return True  # "There are many issues for discussion."
    padded = [*lowered, ""]
    return any(
        padded[i] in _BACK_POINTING and padded[i + 1] not in _DUMMY_IT
        for i in range(1, len(lowered))
    )


# Verbs whose passive needs a "to what" or an "of what" ("invited to the forum", "told of the
# plan"), forms of "be" before them, and words that may stand between ("have both been invited").
_NEEDS_WHAT = word_set("invited asked told informed notified reminded urged advised instructed")
_BE = word_set("be been being is are was were")
_BETWEEN = word_set("both all also already now then not never yet still too each since")


def leaves_out_what(sentence: str, language: str = "en") -> bool:
    """Tell whether an English sentence ends on a passive that leaves out to what or of what.

    "The EU and Customs Union have both been invited." and "Residents were told." say that
    someone was invited or told, but not to what or of what: the sentence before them said it,
    so they may follow it, not open a text or follow another article's line.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; only English is checked.

    Returns:
        True when the sentence ends on such a passive.
    """
    if language != "en":
        return False
    tokens = WORD_OR_MARK.findall(outside_quotes(sentence.strip()))
    while tokens and not tokens[-1][:1].isalnum():
        tokens.pop()  # the full stop and any closing marks
    lowered = [t.lower() for t in tokens]
    if len(lowered) < 2 or lowered[-1] not in _NEEDS_WHAT:
        return False
    before = len(lowered) - 2
    while before > 0 and lowered[before] in _BETWEEN:
        before -= 1
    return lowered[before] in _BE


_YOU_WORDS = re.compile(
    r"\b(?:you|your|yours|yourself|yourselves|you're|you've|you'll|you'd|let's|let us|y'all)\b",
    re.IGNORECASE,
)
# The narrator as "I" or "we" (case-sensitive: "US" is a country, "ME" a state).
_FIRST_PERSON = re.compile(
    r"\b(?:I(?:'m|'ve|'d|'ll)?|[Ww]e(?:'re|'ve|'ll|'d)?|[Mm]y|[Mm]ine|myself|me|[Oo]urs?"
    r"|ourselves|us)\b(?![.-])"
)
# An opening quotation mark left after the closed quotations are taken out.
_OPENING_QUOTE = re.compile(r"[\"“«„]")
# A capitalised word before "I" makes it a numeral ("World War I", "Elizabeth I").
_NAME_BEFORE = re.compile(r"\S\s+[A-Z][\w.'-]*\s+$")


def _says_i_or_we(text: str) -> bool:
    """Tell whether a text says "I" (not a numeral) or "we"."""
    for match in _FIRST_PERSON.finditer(text):
        if match.group() != "I" or not _NAME_BEFORE.search(text[: match.start()]):
            return True
    return False


def talks_to_reader(sentence: str, language: str = "en") -> bool:
    """Tell whether an English sentence's narrator talks to the reader outside any quotation.

    "Because let's be honest, what you like about the chip is its crunch." and "In the first
    article, I talked about how online businesses are built." are a blog's asides: they cannot
    open a text, and follow only the sentence before them in their article (as prose they stay:
    an explainer's "If your train is cancelled, you can claim a refund" is news too). "You" or
    "I" inside a quotation is the speaker's.

    Args:
        sentence: one sentence.
        language: ISO 639-1 code; only English is checked.

    Returns:
        True when the narrator says "you", "let's", "I" or "we".
    """
    if language != "en":
        return False
    if not _YOU_WORDS.search(sentence) and not _FIRST_PERSON.search(sentence):
        return False
    narrator = outside_quotes(sentence).replace("’", "'")
    still_open = _OPENING_QUOTE.search(narrator)
    if still_open:  # a quotation the splitter cut: what follows its mark is the speaker's
        narrator = narrator[: still_open.start()]
    return _YOU_WORDS.search(narrator) is not None or _says_i_or_we(narrator)


# A word in title case ("Patton", "Murray-Bruce", "O'Neill").
_TITLE_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")
# Title-case words that end a name or are none: a possessive closes the name it ends ("Andre
# Agassi's Australian coach": the family name is Agassi, "Australian" is what he owns), and a
# compound with a lower-case part is a place's adjective ("Ireland-based Elan", "London-born").
_POSSESSIVE = re.compile(r"['’]s$")
_COMPOUND_ADJECTIVE = re.compile(r"^[A-Z][a-z]*-[a-z]")
_FAMILY_NAME_WINDOW = 8  # words of a sentence read for a family name standing alone
# Words that begin a family name, in either case ("James Van Der Beek", "Ursula von der Leyen",
# "Charles de Gaulle", "Mohammed bin Salman"): with the title-case word after them they are
# the family name a report uses afterwards ("Van Der Beek revealed ...").
_PARTICLES = word_set("van von der den de du des da di del della dos das la le bin ibn ter ten zu")
# Nouns for groups of people, which open a sentence in title case ("Police, who ...").
_GROUPS = word_set("police staff people crew media management press public family")


def _may_be_name(word: str) -> bool:
    """Tell whether a sentence's first word may be a name: a plural ("Officials, who ..."), a
    stop word or a group of people is a common word that any sentence capitalises."""
    lowered = word.lower()
    return not (lowered.endswith("s") or lowered in stop_words("en") or lowered in _GROUPS)


def family_names(text: str) -> frozenset[str]:
    """The last words of the names a text writes in full ("Ben Patton" gives "Patton").

    A name in full is a run of two or more words in title case, initials allowed inside ("John
    M. Ford"), that does not start with a stop word ("In Minsk" is no name); its last word is
    the family name a report uses afterwards.

    Args:
        text: the text a reader has not read (an article's sentences before a line).

    Returns:
        The family names.
    """
    return _family_names(WORD_OR_MARK.findall(text))


def _family_names(tokens: Sequence[str]) -> frozenset[str]:
    """family_names of a text given as its WORD_OR_MARK tokens."""
    stops = stop_words("en")
    found: set[str] = set()
    padded = [*tokens, ".", "."]
    end = len(padded)
    resume = 0
    # A run starts at a capitalised word: only those are visited, then each run word by word.
    for start in [i for i, token in enumerate(tokens) if "A" <= token[0] <= "Z"]:
        first = padded[start]
        if (
            start < resume
            or first.lower() in stops
            or not _TITLE_WORD.fullmatch(first)
            or _COMPOUND_ADJECTIVE.match(first)
            or _POSSESSIVE.search(first)
        ):
            continue
        run, particles = [_without_possessive(first)], []
        i = start + 1
        while i < end and not _POSSESSIVE.search(padded[i - 1]):  # "Hege's" ends its name
            token = padded[i]
            if token == "." and len(padded[i - 1]) == 1:
                i += 1  # the stop of an initial inside a name ("John M. Ford")
            elif len(token) == 1 and token.isupper() and padded[i + 1] == ".":
                i += 1  # an initial inside a name
            elif token.lower() in _PARTICLES and (token.islower() or _TITLE_WORD.fullmatch(token)):
                particles.append(token)  # "von der" of "Ursula von der Leyen"
                i += 1
            elif _TITLE_WORD.fullmatch(token) and not _COMPOUND_ADJECTIVE.match(token):
                run.append(" ".join([*particles, _without_possessive(token)]))
                particles = []
                i += 1
            else:
                break
        else:
            if i >= end:
                break  # initials up to the end: the text ends inside the run, which names nobody
        if len(run) > 1:
            found.add(run[-1])
        # The word after a possessive was not read; the word a run broke at was.
        resume = i if _POSSESSIVE.search(padded[i - 1]) else i + 1
    return frozenset(found)


def _without_possessive(word: str) -> str:
    """A word without the possessive it may end in ("Hege's" gives "Hege")."""
    return _POSSESSIVE.sub("", word)


def unnamed_persons(text: str) -> frozenset[str]:
    """People a text names by one word only, never in full ("Ushakov" in "Kremlin aide Ushakov"
    or "Ushakov, who assessed the talks as useful, ..." where no "Yuri Ushakov" appears).

    A word in title case is a person's name when ", who" follows it or a lower-case role stands
    before it; it is named in full when the text writes it after another title-case word (see
    family_names). A reader who meets such a word alone ("Ushakov said ...") cannot tell who
    speaks, wherever in the article it stands.

    Args:
        text: an article's text.

    Returns:
        The one-word names.
    """
    return _unnamed_persons(WORD_OR_MARK.findall(text))


def _unnamed_persons(tokens: Sequence[str]) -> frozenset[str]:
    """unnamed_persons of a text given as its WORD_OR_MARK tokens."""
    last = len(tokens) - 1
    # A word after a role, or two before ", who": the only places a one-word name is marked
    # (most texts hold neither: set tests first).
    marked: list[int] = []
    if not ROLES.isdisjoint(tokens):
        marked += [i + 1 for i, t in enumerate(tokens) if t in ROLES and i < last]
    if "who" in tokens:
        marked += [
            i - 2 for i, t in enumerate(tokens) if t == "who" and i > 1 and tokens[i - 1] == ","
        ]
    found: set[str] = set()
    for i in marked:
        token = tokens[i]
        if not _TITLE_WORD.fullmatch(token) or not _may_be_name(token):
            continue
        before = tokens[i - 1] if i else ""
        after = tokens[i + 1] if i < last else ""
        if _TITLE_WORD.fullmatch(before) or _TITLE_WORD.fullmatch(after):
            continue  # part of a longer name ("Yuri Ushakov", "Mr Ushakov")
        found.add(token)
    return frozenset(found - _family_names(tokens)) if found else frozenset()


def persons_before(sentences: Sequence[str], language: str = "en") -> list[frozenset[str]]:
    """For each sentence of an article, the people a reader of it alone has not met.

    They are the family names the other sentences write in full (family_names), before it or
    after it ("Patton was beaten ..." where "Ben Patton" stands in another sentence: a report
    names a person in full once, so the short name points at that sentence), and the names the
    article gives by one word only anywhere (unnamed_persons); bare_family_name takes them as
    its `introduced`. English only: elsewhere every set is empty.

    Args:
        sentences: an article's sentences in order.
        language: ISO 639-1 code.

    Returns:
        One set per sentence.
    """
    if language != "en" or not sentences:
        return [frozenset()] * len(sentences)
    # Each sentence is read once: its tokens joined are those of the whole text (no token
    # spans the blank that joins two sentences).
    tokenised = [WORD_OR_MARK.findall(sentence) for sentence in sentences]
    unnamed = _unnamed_persons([token for tokens in tokenised for token in tokens])
    named = [_family_names(tokens) for tokens in tokenised]
    written: dict[str, int] = {}  # family name: sentences that write it in full
    for names in named:
        for name in names:
            written[name] = written.get(name, 0) + 1
    everyone = unnamed | frozenset(written)
    found = []
    for names in named:
        # A name only its own sentence writes in full is met there ("Ben Patton won; Patton ...").
        own = frozenset(name for name in names if written[name] == 1)
        found.append((everyone - own) | unnamed if own else everyone)
    return found


def _long_name_at(tokens: Sequence[str], i: int, long_names: set[tuple[str, ...]]) -> int:
    """How many words a family name of several words takes from tokens[i] on, or 1."""
    return next(
        (len(n) for n in long_names if tuple(t.lower() for t in tokens[i : i + len(n)]) == n), 1
    )


def _after_comma(marked: Sequence[str], token: str) -> bool:
    """Tell whether a word stands right after a comma among a sentence's words and marks
    (", Graham said"): a speaker named after the clause they said."""
    return any(marked[i] == token and marked[i - 1] == "," for i in range(1, len(marked)))


def bare_family_name(sentence: str, introduced: frozenset[str], *, context: str = "") -> str:
    """Return a family name a sentence uses alone that the reader has not read in full, or "".

    A word is a family name used alone when text the reader has not read gave it in full
    ("Patton was beaten out by ..." where another sentence has "Trinity Academy junior Ben
    Patton"), or when ", who" follows it ("Ushakov, who assessed the talks as useful, said
    ..."): a person named by one word, as a report names someone it has introduced before, even
    where the text the reader got never gave the full name; `introduced` may also hold the
    article's unnamed_persons. No title-case word may stand beside it ("Yuri Ushakov", "Mr
    Ushakov"), nor a role before it ("aide Ushakov"), and a name the context holds is known. It
    is read among the sentence's first words, and as the speaker after a comma further on
    ("Targeting audiences is key, Graham said, ...").

    Args:
        sentence: one sentence.
        introduced: family names its article writes in full in another sentence (see
            persons_before), and names its article gives by one word only (see
            unnamed_persons).
        context: what the reader has read (a headline, earlier lines): a name there is known.

    Returns:
        The family name, or "" when the sentence names nobody that way.
    """
    marked = [_without_possessive(t) for t in WORD_OR_MARK.findall(outside_quotes(sentence))]
    tokens: list[str] = [t for t in marked if t[:1].isalnum()]
    head: list[str] = tokens[:_FAMILY_NAME_WINDOW]
    known = set(WORD_OR_MARK.findall(context))
    persons = {
        marked[i]
        for i in range(len(marked) - 2)
        if marked[i + 1 : i + 3] == [",", "who"] and (i or _may_be_name(marked[i]))
    }
    # The speaker of a reported clause further on counts too ("..., Graham said, offering ...").
    spoken = [
        i
        for i in range(_FAMILY_NAME_WINDOW, len(tokens) - 1)
        if tokens[i + 1] in SPEECH_VERBS and _after_comma(marked, tokens[i])
    ]
    # Family names of several words ("Van Der Beek", "von der Leyen"), by their lower-case
    # words: a sentence capitalises a particle that opens it ("Von der Leyen said ...").
    long_names = {tuple(name.lower().split()) for name in introduced if " " in name}
    for i, token in [*enumerate(head), *((i, tokens[i]) for i in spoken)]:
        words = _long_name_at(tokens, i, long_names) if token.lower() in _PARTICLES else 1
        token = " ".join(tokens[i : i + words]) if words > 1 else token
        name = token.rsplit(" ", 1)[-1]
        if name in known or (words == 1 and token not in introduced and token not in persons):
            continue
        if not _TITLE_WORD.fullmatch(name):
            continue
        before = tokens[i - 1] if i else ""
        after = tokens[i + words] if i + words < len(tokens) else ""
        if before in ROLES:
            continue  # "Kremlin aide Ushakov said ...": the role says who speaks
        if re.search(rf"\b{re.escape(token)},\s+(?:a|an)\s", sentence):
            continue  # "Supervolcano, a docu-drama about ...": the apposition says what it is
        if not _in_name(before) and not _in_name(after):
            return token
    return ""


def _in_name(word: str) -> bool:
    """Tell whether a word beside a capitalised one makes them one name: a word in title case
    ("Tony Roche"), an acronym ("US Open", "BBC One") or a compound ending in one ("ex-Downing
    Street"): the capitalised word is then part of a name, not a person's used alone."""
    last = word.rsplit("-", 1)[-1]
    return bool(_TITLE_WORD.fullmatch(last)) or (
        len(word) > 1 and word.isalpha() and word.isupper()
    )
