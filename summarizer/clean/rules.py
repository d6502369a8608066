"""Line-level features and patterns that tell web debris from article prose."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.text.clock import is_time_word
from summarizer.text.datelines import parse_dateline

# Phrases that mark a line of at most _SHORT_WORDS words as site furniture: subscription
# prompts, consent notices, share widgets, photo credits, navigation. Matched on lower case;
# one leading \b keeps the scan cheap.
_DEBRIS = re.compile(
    r"\b(?:cookies?\b|privacy (?:policy|notice|settings)"
    r"|terms (?:of|and) (?:service|use|conditions)|all rights reserved"
    r"|subscribe (?:to|now|for|today)|newsletters?\b|sign (?:up|in)\b|inbox\b"
    r"|skip to (?:main )?content|share (?:this|on|via|to)\b|follow us\b|click(?:ing)? here\b"
    r"|read more\b|getty images\b|ap photo\b|(?:photo|image) credit|email address\b"
    r"|unlimited access\b|free trial\b|download (?:the|our) app|continue reading\b|back to top\b)"
)
# Words that mark a very short or an unpunctuated line as furniture; prose may use them.
_DEBRIS_SHORT = re.compile(
    r"\b(?:comments\b|(?:leave|post|add) (?:a )?(?:comment|reply)|log ?(?:in|out)\b"
    r"|most (?:popular|read|viewed|shared)\b|advertisement\b|sponsored\b|published\b"
    r"|staff writer\b|see (?:more|all|full)\b|supported by\b|reprints?\b|permissions\b"
    r"|javascript\b|buy now\b|shop now\b|subscri(?:be|ption)\b|copyright\b|photo:|image:"
    r"|credit:|more from\b|watch (?:now|live|video)|jump to\b|home ?page\b)"
)
# Widget labels that are also common words of headlines ("Police search for ...", "Meal prep
# menu"): furniture when the line is very short or opens with them.
_DEBRIS_LABEL = re.compile(
    r"\b(?:register|related|recommended|trending|loading|podcasts?|playlist|password|browser"
    r"|menu|search|tweet|whatsapp)\b"
)
# Substrings that mark a line as debris at any length (consent banners run long).
_DEBRIS_ANYWHERE = (
    "we use cookies",
    "site uses cookie",
    "this site uses",
    "by using our site",
    "by using this site",
    "continued site use",
    "from the archive of our partner",
    "all rights reserved",
    "{*",
)
# A consent banner's phrase, also at any length: "by continuing to use" (or "to browse") with the
# site as its object, or followed within the clause by the reader's assent or by cookies ("By
# continuing to use Yahoo, you agree that ..."). The phrase alone is also prose ("... by
# continuing to use it for their own creations they accept ..."). Bounded: linear time.
_CONSENT = re.compile(
    r"\bby continuing to (?:use|browse)\b(?: (?:this|our|the) (?:web)?site\b"
    r"|[^.!?]{0,60}?\b(?:you (?:agree|consent|accept)|cookies)\b)"
)
_DEBRIS_START = ("copyright", "©", "(c) ")
# Furniture that sites insert between the paragraphs of an article.
_INTERSTITIAL = re.compile(
    r"^\W*(?:(?:advertisement|advertising|sponsored|story continues below|continue reading"
    r"(?: below| the main story)?)\W*$|(?:read more|read also|also read|see also|related"
    r"|recommended|watch|listen|more)\s*[:|›»>\-–—]|.{0,60}\bby clicking here\W*$)"
)
# A photo credit at the end of a caption ("... Credit: ESA", "(AP Photo/Jane Doe)").
_CREDIT_TAIL = re.compile(
    r"(?:\bcredits?\s*(?::|\.\.\.|…)|\bphoto(?:graph)?s?(?: by\b|:)|\bimage(?: by\b|:)|\bpicture:"
    r"|\(ap photo)[\s/:]*\w[^.!?]{0,60}$"
    r"|(?:\bgetty images|\bshutterstock|/(?:ap|afp|reuters|epa|getty))\b[^.!?]{0,60}$"
)
# A short line that is only a credit: a label ("Photo: AP") or a bare agency credit that sits
# right below its caption ("Jane Doe | Bloomberg | Getty Images").
_CREDIT_LABEL = re.compile(
    r"^\(?(?:main |top |featured |header )?(?:photo(?:graph)?|credit|image|picture)s?\b"
    r"(?: by\b|\s*:)"
)
_CREDIT_AGENCY = re.compile(
    r"getty images|shutterstock|\bap photo"
    r"|^\((?:photo(?:graph)?|credit|image|picture)s?\b(?: by\b|\s*:)"
)
# "Jane Doe / AP": a name, then the agency. A page title names its site the same way, after a
# headline ("Rescuers search flooded town | AP News"), so the name must be short.
_NAMED_AGENCY = re.compile(r"^(?P<name>[^|/]*)[|/]\s*(?:getty|reuters|afp|ap|bloomberg|epa|pa)\b")
_CREDIT_NAME_WORDS = 4
# Headers of lists of other articles ("Most read in world news", "More from Sportsnet").
_TEASER_HEADER = re.compile(
    r"^\W*(?:most (?:read|popular|viewed|shared|commented)|related(?: stories| articles| posts"
    r"| content| coverage| links)?|recommended|more (?:from|on|in|stories|news)|trending"
    r"|you (?:may|might) (?:also )?like|read next|up next|popular|top stories|latest news"
    r"|editor'?s picks|don'?t miss)\b[^.!?]*$"
)
_TIME_LABEL = re.compile(
    r"^(?:updated|published|posted|last (?:updated|modified)|first published|created|modified"
    r"|date)\b:?",
    re.IGNORECASE,
)
_DATE_WORD = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?"
    r"|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|ago|at|on"
    r"|hours?|minutes?|days?|weeks?|months?|years?|today"
    r"|yesterday|\W*\d[\d:/.,\-]*\W*)$",
    re.IGNORECASE,
)
# "By Jane Doe", not "By the end of the day": the name is capitalised.
_BYLINE = re.compile(r"^(?:[Bb]y|BY|[Pp]osted by|[Ww]ritten by|[Vv]on|[Pp]or|[Pp]ar)\s+[A-Z]")
_PAGINATION = re.compile(
    r"^(?:(?:«|‹|<)?\s*(?:previous|prev|next|older|newer)(?: page| post| article)?\s*(?:»|›|>)?"
    r"|page \d+ of \d+|(?:\d+\s+){2,}\d*)",
    re.IGNORECASE,
)
_WIDGET_TEXT = (
    "print mail email e-mail share tweet facebook twitter linkedin whatsapp pinterest reddit "
    "large medium small font size comment comments copy link save url copied close "
    "分享按钮 flipboard messenger telegram sms more options"
)
_WIDGET_WORDS = frozenset(_WIDGET_TEXT.split())
_BREADCRUMB_SEPARATORS = frozenset(">›»")
_TERMINAL = frozenset(".!?…:;\"”’'»)]。！？")
_WORD = re.compile(r"\w+")
_READER = re.compile(r"\b(?:you|your|you're|we|our|us)\b")
_LONG_RUN = re.compile(r"\S{13,}")
_CREDIT_HINTS = ("credit", "photo", "image", "picture", "getty", "shutterstock", "/")
_SHORT_WORDS = 30
_BYLINE_WORDS = 12
_DATED_BYLINE_WORDS = 20
_DATED_BYLINE_SHARE = 0.25
_LONG_WORDS = 25
_MIN_PROSE_WORDS = 4
_MAX_CAPITALISED = 0.7
_SHOUT_WORDS = 8
_VERY_SHORT_WORDS = 6
_CASELESS_CHARS_PER_WORD = 2.5


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """Measurements of one line that the block finder and the filters use.

    Attributes:
        words: number of words (scripts without spaces count about one word per 2.5 chars).
        terminal: the line ends as a sentence does.
        capitalised: share of words of 4+ letters that start with a capital (0 for caseless).
        debris: the line matches a boilerplate pattern.
        caption: a photo caption or credit.
        interstitial: debris that sites put inside the article ("Advertisement", "Read more: ...").
        meta: a time, byline, pagination, separator or widget line.
    """

    words: int
    terminal: bool
    capitalised: float
    debris: bool
    caption: bool
    interstitial: bool
    meta: bool

    @property
    def junk(self) -> bool:
        """True for a line to drop wherever it stands."""
        return self.debris or self.caption or self.interstitial or self.meta

    @property
    def prose(self) -> bool:
        """True for a line that reads like running text (a sentence, not a headline or menu)."""
        if self.junk or self.words < _MIN_PROSE_WORDS:
            return False
        if self.words >= _LONG_WORDS:
            return True
        return self.terminal and self.capitalised < _MAX_CAPITALISED


def word_count(line: str, tokens: list[str] | None = None) -> int:
    """Count words, treating long runs of a script without spaces as several words."""
    tokens = line.split() if tokens is None else tokens
    count = len(tokens)
    if not line.isascii():
        for run in _LONG_RUN.findall(line):
            if not run.isascii():
                count += int(len(run) / _CASELESS_CHARS_PER_WORD) - 1
    return count


def measure(line: str) -> LineFeatures:
    """Compute the features of one normalised, non-empty line.

    Args:
        line: a line with whitespace collapsed.

    Returns:
        Its LineFeatures.
    """
    tokens = line.split()
    n_words = word_count(line, tokens)
    capitalised = capitalised_share(tokens) if n_words < _LONG_WORDS else 0.0
    terminal = line[-1] in _TERMINAL
    lowered = line.lower()
    return LineFeatures(
        words=n_words,
        terminal=terminal,
        capitalised=capitalised,
        debris=is_debris(lowered, n_words, terminal),
        caption=is_caption(lowered) or is_credit(lowered, n_words),
        interstitial=is_shouting(line, n_words)
        or (n_words <= _SHORT_WORDS and _INTERSTITIAL.match(lowered) is not None),
        meta=is_meta(line, tokens),
    )


def capitalised_share(tokens: list[str]) -> float:
    """Return the share of words of 4+ letters that start with a capital (0 when caseless)."""
    initials = [w[0] for w in tokens if len(w) >= 4 and w[0].isalpha()]
    cased = [c for c in initials if c.isupper() or c.islower()]
    return sum(c.isupper() for c in cased) / len(cased) if cased else 0.0


def is_debris(lowered: str, n_words: int, terminal: bool) -> bool:
    """True when a lower-cased line matches a boilerplate phrase for its length.

    Args:
        lowered: the normalised line in lower case.
        n_words: its word count.
        terminal: whether it ends as a sentence does.

    Returns:
        Whether the line is a prompt, notice, widget or credit.
    """
    if any(s in lowered for s in _DEBRIS_ANYWHERE) or _CONSENT.search(lowered):
        return True
    if n_words <= _SHORT_WORDS and "©" in lowered:
        return True
    if lowered.startswith(_DEBRIS_START) and (n_words <= _VERY_SHORT_WORDS or not terminal):
        return True
    # A full sentence may mention cookies or signing up; a prompt also talks to the reader.
    prompt_like = n_words <= _VERY_SHORT_WORDS or not terminal or _READER.search(lowered)
    if n_words <= _SHORT_WORDS and prompt_like and _DEBRIS.search(lowered):
        return True
    short = n_words <= _VERY_SHORT_WORDS or (not terminal and n_words <= 20)
    if not short:
        return False
    if _DEBRIS_SHORT.search(lowered) is not None:
        return True
    label = _DEBRIS_LABEL.search(lowered)
    return label is not None and (
        n_words <= _VERY_SHORT_WORDS or not _WORD.search(lowered[: label.start()])
    )


def is_teaser_header(line: str) -> bool:
    """True for a header that opens a list of other articles ("Most read", "Related stories")."""
    return _TEASER_HEADER.match(line.lower()) is not None


def is_shouting(line: str, n_words: int) -> bool:
    """True for a line of eight or more words in capitals (promoted links, "CLICK HERE ...")."""
    if n_words < _SHOUT_WORDS or not line.isupper():
        return False
    letters = [c for c in line if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def is_meta(line: str, tokens: list[str] | None = None) -> bool:
    """True for a time line, byline, pagination, separator or share widget.

    Args:
        line: a normalised line.
        tokens: its whitespace tokens, if already split.

    Returns:
        Whether the line carries page furniture rather than text.
    """
    tokens = line.split() if tokens is None else tokens
    if not _WORD.search(line):
        return True
    if is_byline(line, tokens) or (len(tokens) <= 12 and is_time_line(line, tokens)):
        return True
    if len(tokens) > 16:
        return False
    if _PAGINATION.match(line):
        return True
    if line[-1] not in ".!?" and sum(t in _BREADCRUMB_SEPARATORS for t in tokens) >= 2:
        return True  # "Home > News > World"
    lowered = [t.lower().strip(",.|:") for t in tokens]
    if sum(t in _WIDGET_WORDS or t.isdigit() for t in lowered) * 2 > len(lowered):
        return True
    return len(tokens) <= 10 and _date_share(tokens) > 0.5


def is_byline(line: str, tokens: list[str] | None = None) -> bool:
    """True for "By Jane Doe" lines, also with a date ("By Jane Doe on Monday, May 4, 2020").

    Args:
        line: a normalised line.
        tokens: its whitespace tokens, if already split.

    Returns:
        Whether the line only names the author (and when they wrote).
    """
    tokens = line.split() if tokens is None else tokens
    if _BYLINE.match(line) is None:
        return False
    return len(tokens) <= _BYLINE_WORDS or (
        len(tokens) <= _DATED_BYLINE_WORDS and _date_share(tokens) >= _DATED_BYLINE_SHARE
    )


def is_caption(lowered: str) -> bool:
    """True for a lower-cased line that ends with a photo credit (a caption)."""
    tail = lowered[-90:]
    return any(h in tail for h in _CREDIT_HINTS) and _CREDIT_TAIL.search(tail) is not None


def is_credit(lowered: str, n_words: int) -> bool:
    """True for a short lower-cased line that names a photographer or agency."""
    if n_words > 12 or lowered[-1] in ".:":
        return False
    return _CREDIT_LABEL.match(lowered) is not None or is_agency_credit(lowered, n_words)


def is_agency_credit(lowered: str, n_words: int) -> bool:
    """True for a short lower-cased line that is a bare agency credit, as set below a caption."""
    if n_words > 12 or lowered[-1] in ".:":
        return False
    if _CREDIT_AGENCY.search(lowered) is not None:
        return True
    named = _NAMED_AGENCY.search(lowered)
    return named is not None and len(named.group("name").split()) <= _CREDIT_NAME_WORDS


def is_dateline(line: str) -> bool:
    """True for a line that opens with a news dateline ("LONDON (Reuters) - ...").

    Args:
        line: a normalised line.

    Returns:
        Whether the line starts a story as agencies and newspapers do (see text.datelines).
    """
    return parse_dateline(line) is not None


def is_time_line(line: str, tokens: list[str] | None = None) -> bool:
    """True for "Updated: 2015-05-13 09:31"-style lines and bare dates, not for sentences.

    Args:
        line: a normalised line.
        tokens: its whitespace tokens, if already split.

    Returns:
        Whether the line only states a time.
    """
    tokens = line.split() if tokens is None else tokens
    if not 0 < len(tokens) <= 12:
        return False
    label = _TIME_LABEL.match(line)
    if label is None:
        return len(tokens) <= 10 and _date_share(tokens) == 1.0
    rest = line[label.end() :].split()
    return bool(rest) and _date_share(rest) >= 0.5


def _date_share(tokens: list[str]) -> float:
    """Return the share of tokens that are dates, times, weekdays or time words (text.clock)."""
    words = (t.strip(",.;()[]|") for t in tokens)
    hits = sum(_DATE_WORD.match(word) is not None or is_time_word(word) for word in words)
    return hits / len(tokens)
