"""Outlet names: the name an input gives, cleaned of taglines, else file-name and text cues."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from summarizer.text.abbreviations import HONORIFICS
from summarizer.text.clock import is_time_word
from summarizer.text.datelines import parse_dateline
from summarizer.text.language import alternation, word_set
from summarizer.text.months import ENGLISH_WEEKDAYS, FULL_ENGLISH_MONTHS
from summarizer.values import RawInput

# "This article is from the archive of our partner The Wire."
_PARTNER = re.compile(r"archive of our partner (?P<name>[A-Z][\w .&'-]{1,40}?)\.?\s*$", re.I)
# "Sign up for The Week's Free Newsletters", "Subscribe to The Week", "Sign up for SFGATE
# Newsletters" (the newsletters are not the name)
_NEWSLETTER = re.compile(
    r"^(?i:sign up for|subscribe to) "
    r"(?P<name>(?:The )?[A-Z][\w&-]*(?: (?!(?i:newsletters?|email|alerts?)\b)[A-Z][\w&-]*)?)"
    r"(?:\s+(?i:newsletters?|email alerts?))?(?:'s|’s|\s*$)"
)
# "(c) 2026 Northwire" / "© Copyright Northwire 2026" / "Copyright ⓒ Northwire.co.kr. 무단전재"
# "Copyright © 2014-2026 Northwire Media, Inc. All rights reserved." / "© Copyright 2019,
# Northwire | Terms of Service"; a bare "Copyright Policy" (a link) has no sign and no year.
_COPYRIGHT = re.compile(
    r"(?:(?:[©ⓒ]|\(c\))\s*(?:copyright\b)?|copyright\b\s*(?:[©ⓒ]|\(c\)|(?=\d{4})))"
    r"\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
    # Words joined by a dot, a space or both ("Northwire.co.kr", "Northwire Media"): never
    # by nothing, which split a long word every way there is before a line was given up.
    r"(?P<name>[A-Z][\w&'-]*(?:(?:\.[ ]?|[ ])[\w&'-]+){0,6}?)(?:,?\s+\d{4})?"
    r"(?:,?\s+(?:inc|ltd|llc|plc|corp|co)\b\.?)?"
    r"(?:[.,]?\s*all rights reserved)?(?:\.?\s*$|\.\s|\s+[|·•]\s)",
    re.I,
)
# The cues a text names its outlet by, tried in this order on each line.
_CUES = (_PARTNER, _NEWSLETTER, _COPYRIGHT)

# DATE_OUTLET_SLUG file names, e.g. 2026-03-10_meridian-daily_river-talks.txt
_FILE_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}_(?P<outlet>[A-Za-z0-9-]+)_")
# What separates a site's name from its tagline or a feed's section: "LinkNaija | Nigeria's ...".
_SEPARATOR = re.compile(r"\s+[|\-–—·•]\s+|\s*[|·•]\s*|\s*:\s+")
# Words of a feed's or a page's section rather than of an outlet's name ("Top Stories").
_SECTION_WORDS = word_set(
    """top stories story news latest headlines headline breaking home homepage front page main
    world politics business sport sports tech technology science culture opinion entertainment
    health feed feeds rss all articles article blog posts edition international national local
    online official site website channel section today daily live content"""
)
# Lower-case words that names are made with ("Society of Authors", "Le Monde de l'Art").
_NAME_PARTICLES = word_set(
    """of the and for on in at de du des la le les l' el los las del y e da do di van von der den
    und für a an"""
)
# First words of a phrase that describes or addresses the reader ("Our Newsletter", "Your ...").
_NOT_NAME_STARTS = word_set("our your my where")
_MAX_NAME_CHARS = 60
_TITLE_LINES = 30  # lines of a plain text read for its title line
_MASTHEAD_WORDS = 4
_MASTHEAD_SHOWN = 3  # times a name kept in a headline must occur in the text to be its masthead
_CREDIT_WORDS = 6  # words of a line of its own that shows a masthead ("CNN Business")
_TITLE_SEPARATORS = 8  # the last separators of a title line where a masthead is looked for
# A year or a span of years at either end of a name: a copyright's, not the name's
# ("© Phys.org 2003 - 2019" gives "Phys.org 2003" before this is cut).
_EDGE_YEARS = re.compile(r"^(?:(?:19|20)\d{2}\s*[-–]?\s*)+|(?:\s*[-–]?\s*(?:19|20)\d{2})+$")
# A host name: labels joined by dots, ending in a top-level domain of letters.
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.I)
_HEAD_CHARS = 300_000
_META = re.compile(
    r"<meta\b[^>]*?(?:property|name)\s*=\s*[\"'](?:og:site_name|application-name|publisher)"
    r"[\"'][^>]*>",
    re.I,
)
_CONTENT = re.compile(r"\bcontent\s*=\s*[\"']([^\"']{2,80})[\"']", re.I)
_JSON_LD = re.compile(
    r"<script\b[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.I | re.S
)
_JSON_DEPTH = 4
# A page's copyright text between tags: "© 2026 Northwire", "&copy; Northwire 2026".
_COPYRIGHT_TEXT = re.compile(r"(?:[©ⓒ]|&copy;|&#169;|\(c\)|\bcopyright\b)[^<>]{2,80}(?=<)", re.I)
# Letters of a host's own label ("catchitkansas" of catchitkansas.com) and words of page text.
_LABEL_SKIP = frozenset({"www", "m", "amp", "news", "co", "com", "org", "net"})
_PAGE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
#: A phrase in a page spells its host when its letters make this share of the host's label.
_SPELLED_SHARE = 0.75
_MIN_LABEL = 4
_MAX_SPELLING_WORDS = 5


def outlet_name(name: str) -> str:
    """Return an outlet's name without a tagline or a section, or "" when it is only a tagline.

    "LinkNaija | Nigeria's popular news platform" gives "LinkNaija", "Kestrel News - Top Stories"
    gives "Kestrel News", and "Expert how-to for English Riders" (a tagline, no name) gives "".

    Args:
        name: a site name, feed title or host as an input gives it.

    Returns:
        The name, or "".
    """
    for part in _SEPARATOR.split(" ".join(name.split())):
        part = _EDGE_YEARS.sub("", part.strip(" .,;")).strip(" .,;")
        if part and not _is_tagline(part) and not _is_section(part):
            return part[:_MAX_NAME_CHARS]
    return ""


# Words that make the name beside them a person's: an honorific before it ("Mr Straw"), the
# abbreviated ones the sentence splitter knows and the titles written in full; a verb of saying
# after it ("Jack Straw said") or "said" before it ("said Maurice Lindsay"). Only verbs a person
# says with, not those an outlet reports with ("CNN reported", "told CNN").
_HONORIFICS = alternation(
    {word.capitalize() for word in HONORIFICS} | word_set("Miss Mx Sir Lord Lady Dame")
)
_SAYS_AFTER = alternation(word_set("said says told added insisted argued"))
_SAYS_BEFORE = alternation(word_set("said says"))
# A given name: a capitalised word, not one that opens a sentence or names a day ("The
# Telegraph says", "On Monday Reuters said", "In March NHK said": an outlet speaking).
_NOT_GIVEN = alternation(
    {*ENGLISH_WEEKDAYS, *FULL_ENGLISH_MONTHS}
    | word_set("The This That These Those Then But And Yesterday Today Tonight Earlier Later")
)
_GIVEN_NAME = rf"(?!(?:{_NOT_GIVEN})\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?"


def names_a_person(name: str, text: str) -> bool:
    """Tell whether a text writes a name as a person's: after an honorific ("Mr Straw") or,
    with a given name before it, beside a verb of saying ("Jack Straw said", "said Tony Blair").

    A headline that ends with the name of whom it quotes ("Lords wrong on detainees - Straw")
    looks like one that ends with its site's; the article then names that person in its text.
    An outlet says things too ("Sky News said", "the BBC says", "NHK said"), so a verb of
    saying counts only after a given name, and never for a name in capitals (an acronym).

    Args:
        name: the name, as the title gives it.
        text: the article's text.

    Returns:
        True when the text names a person so.
    """
    quoted = re.escape(name)
    forms = [rf"\b(?:{_HONORIFICS})\.?\s+{quoted}\b"]
    if not name.isupper():
        forms += [
            rf"\b{_GIVEN_NAME}\s+{quoted}\s+(?:{_SAYS_AFTER})\b",
            rf"\b(?:{_SAYS_BEFORE})\s+{_GIVEN_NAME}\s+{quoted}\b(?!['’]s)",
        ]
    return re.search("|".join(forms), text) is not None


def masthead_in_title(text: str) -> str:
    """The name a plain text's title line gives its site after the headline, or "".

    "Is Football Violence a Crime? - WSJ" gives "WSJ": the masthead the page shows, where the
    copyright line at its foot names the company that publishes it ("Dow Jones & Company"). What
    follows a separator of the first line is the masthead when what precedes it recurs as a line
    of the text (the headline over the article), or when the page shows it twice more, once at
    least in a short line of its own ("... mixed feelings - CNN" on a page that credits "CNN
    Business"; see _shown_as_masthead); separators are tried from the last.
    A tagline or a section ("| News |") is no name, and a name has at most four words, and a
    name the text gives a person ("Mr Straw", "Tony Blair said": see names_a_person) is whom the
    headline quotes. Read from the raw text alone, so page furniture can be counted under the
    name the article gets.

    Args:
        text: the raw plain text, title line first.

    Returns:
        The site's name, or "".
    """
    lines = [" ".join(line.split()) for line in text.splitlines()[:_TITLE_LINES]]
    title = next((line for line in lines if line), "")
    later = {" ".join(line.split()).casefold() for line in text.splitlines()}
    later.discard(title.casefold())
    short_lines = [line for line in text.splitlines()[1:] if len(line.split()) <= _CREDIT_WORDS]
    for separator in reversed(list(_SEPARATOR.finditer(title))[-_TITLE_SEPARATORS:]):
        head, tail = title[: separator.start()], title[separator.end() :]
        if head.casefold() not in later and not _shown_as_masthead(tail, text, short_lines):
            continue
        name = outlet_name(tail)
        if name and len(name.split()) <= _MASTHEAD_WORDS and not names_a_person(name, text):
            return name
    return ""


def _shown_as_masthead(name: str, text: str, short_lines: Sequence[str]) -> bool:
    """Whether the page shows a name twice more, once at least in a line of its own (a credit,
    a logo, a menu: "CNN Business"); a name the prose alone repeats is whom it is about
    ("Whitehall shredding increasing - Tories" over "figures compiled by the Tories")."""
    return text.count(name) >= _MASTHEAD_SHOWN and any(name in line for line in short_lines)


def with_masthead(raw: RawInput) -> RawInput:
    """The input with its title line's masthead read (plain texts only; see masthead_in_title)."""
    if raw.kind != "text" or raw.masthead is not None:
        return raw
    return replace(raw, masthead=masthead_in_title(raw.content))


def title_masthead(raw: RawInput) -> str:
    """The masthead a plain text's title line gives, read once per input ("" for others)."""
    return with_masthead(raw).masthead or ""


def _is_tagline(part: str) -> bool:
    """A phrase that describes rather than names: it holds a lower-case word that is not a
    particle of names ("popular news platform", "how-to"); hosts ("phys.org") are names."""
    if "." in part and " " not in part:
        return False
    return (
        any(word[:1].islower() and word.lower() not in _NAME_PARTICLES for word in part.split())
        or part.lower().split()[0] in _NOT_NAME_STARTS
        or part.lower().startswith(("the best ", "all the "))
    )


def _is_section(part: str) -> bool:
    """A feed's or a site's section ("Top Stories", "World News")."""
    return all(word.lower().removesuffix("'s") in _SECTION_WORDS for word in part.split())


def choose_outlet(names: Sequence[str], *, text: str, location: str, page: str = "") -> str:
    """Pick an article's outlet from what its input says, best first.

    A host as a URL gives it ("example.com") names a server, not an outlet: it is taken only when
    nothing else names one, and then in the words its page spells it with ("Catch it Kansas" for
    catchitkansas.com) when the page does. A host the site writes as its name, capitalised
    ("Phys.org", "Space.com"), is the outlet's name.

    Args:
        names: names the input gives, best first (page metadata, a feed's title, the host).
        text: the article text, for cues such as a dateline agency or a credit line.
        location: the path or URL, for the OUTLET of a DATE_OUTLET_SLUG file name.
        page: the page's HTML, if the input is a page: its og:site_name, application name,
            JSON-LD publisher and copyright line.

    Returns:
        The first name given that is not a host, else one the page's metadata declares, else
        the file name's OUTLET, else a text cue (a copyright or credit line, a dateline's
        agency), else a host (spelled out as its page writes it), else "" (a file-name hash or
        a tagline is never an outlet).
    """
    given = [cleaned for cleaned in map(outlet_name, names) if cleaned]
    named = next((name for name in given if not is_host(name)), "")
    if named:
        return named
    declared = names_from_html(page) if page else []
    if declared:
        return declared[0]
    cue = outlet_from_file_name(location) or outlet_name(outlet_from_text(text))
    if page and not cue:
        cue = outlet_name(outlet_from_text(_copyright_lines(page)))
    if cue or not given:
        return cue
    return host_spelled_out(given[0], page)


def is_host(name: str) -> bool:
    """Tell whether a name is a host as a URL gives it ("example.com", "news.example.co.uk").

    A host written with a capital ("Phys.org", "Space.com") is how a site writes its own name:
    a name, not a server's address.
    """
    return _HOST.match(name) is not None and name == name.lower()


def host_spelled_out(host: str, page: str) -> str:
    """The words a page spells its host with ("Practical Horseman" for practicalhorsemanmag.com).

    A phrase of two to five words, the first and last capitalised, spells the host when its
    letters joined begin the host's own label and make three quarters of it or more; the longest
    such phrase is taken.

    Args:
        host: a host ("catchitkansas.com").
        page: the page's HTML ("" for none).

    Returns:
        The phrase, or the host when no phrase spells it.
    """
    labels = [part for part in host.lower().split(".") if part not in _LABEL_SKIP]
    label = labels[0] if labels else ""
    if len(label) < _MIN_LABEL or not page:
        return host
    tokens = _PAGE_WORD.findall(html.unescape(page[:_HEAD_CHARS]))  # alt texts and titles too
    best, longest = host, 0
    for start, first in enumerate(tokens):
        if not first[:1].isupper() or not label.startswith(first.lower()):
            continue
        joined = first.lower()
        for end in range(start + 1, min(start + _MAX_SPELLING_WORDS, len(tokens))):
            joined += tokens[end].lower()
            if not label.startswith(joined):
                break
            if tokens[end][:1].isupper() and _SPELLED_SHARE * len(label) <= len(joined) > longest:
                best, longest = " ".join(tokens[start : end + 1]), len(joined)
    return best


def outlet_from_text(text: str) -> str:
    """Return the outlet a raw article text names (dateline agency or credit line), or "".

    A copyright line names the company that publishes the page; the masthead the page shows
    for it is taken instead when the page shows one (see masthead_of_publisher).
    """
    for line in (line.strip() for line in text.splitlines()):
        if not line or len(line) > 400:
            continue
        dateline = parse_dateline(line)
        if dateline is not None and dateline.agency:
            return dateline.agency
        for cue in _CUES:
            match = cue.search(line)
            name = outlet_name(match.group("name")) if match else ""
            if name and cue is _COPYRIGHT:
                return masthead_of_publisher(name, text)
            if name:  # "Sign Up For Our Newsletter" names nothing: read on
                return name
    return ""


# Words of a company's name, not of the masthead it publishes ("NYP Holdings", "The Slate Group").
_CORPORATE = word_set(
    """group holdings holding inc incorporated company co corp corporation media network networks
    publishing publications communications enterprises llc ltd limited plc gmbh ag interactive
    newspapers the"""
)
_SHORT_LINE_WORDS = 6  # a menu's or a credit's line ("Slate Podcasts", "New York Post")
_INITIALS = re.compile(r"^[A-Z]{2,5}$")
# Two or more words in capitals ("USA TODAY"), and those that tell a time ("10:30 PM EST").
_CAPITALS_RUN = re.compile(r"\b[A-Z]{2,}(?: [A-Z]{2,})+\b")


def masthead_of_publisher(company: str, text: str) -> str:
    """The masthead a page shows for the company its copyright line names, else the company.

    A publisher's name is not an outlet's ("NYP Holdings", "The Slate Group", "Gannett"). Without
    its company words ("Holdings", "Group", "The"), the name is the masthead's initials when short
    lines of the page spell them ("NYP": "New York Post"); it is the masthead itself when three
    short lines of the page open with it ("Slate": "Slate Podcasts", "Slate Plus", ...) and it is
    no section ("Breaking"); and when the page never names the company outside its copyright line,
    a name in capitals that ends a line (a byline's credit) and that the page shows three times
    is its masthead ("USA TODAY"). Otherwise the company is all the page gives.

    Args:
        company: the name in the copyright line.
        text: the page's text.

    Returns:
        The masthead, or the company.
    """
    core = [w for w in company.split() if w.lower().strip(".,") not in _CORPORATE]
    page = "\n".join(line for line in text.splitlines() if not _COPYRIGHT.search(line))
    short = [
        line
        for line in (" ".join(raw.split()) for raw in page.splitlines())
        if line and len(line.split()) <= _SHORT_LINE_WORDS
    ]
    if len(core) == 1 and _INITIALS.match(core[0]):
        spelled = re.compile(r"\s+".join(rf"{letter}[a-z]+" for letter in core[0]) + r"\b")
        found = Counter(m.group() for line in short if (m := spelled.match(line)))
        if found and found.most_common(1)[0][1] >= 2:
            return found.most_common(1)[0][0]
    name = " ".join(core)
    if not name:
        return company
    opening = re.compile(rf"{re.escape(name)}\b")
    if (
        name != company
        and not _is_section(name)
        and sum(1 for line in short if opening.match(line)) >= _MASTHEAD_SHOWN
    ):
        return name
    if re.search(rf"\b{re.escape(name)}\b", page, re.I):
        return company
    ends = {line.rstrip(" .") for line in page.splitlines()}
    credited: set[str] = {
        run
        for run in _CAPITALS_RUN.findall(page)
        if not any(map(is_time_word, run.split())) and any(end.endswith(run) for end in ends)
    }
    shown = sorted(((page.count(run), -len(run), run) for run in credited), reverse=True)
    if shown and shown[0][0] >= _MASTHEAD_SHOWN:
        return shown[0][2]
    return company


def names_from_html(page: str) -> list[str]:
    """Outlet names a page declares: og:site_name, application-name, JSON-LD publisher."""
    head = page[:_HEAD_CHARS]
    found: list[str] = []
    for tag in _META.finditer(head):
        content = _CONTENT.search(tag.group(0))
        if content:
            found.append(html.unescape(content.group(1)))
    for block in _JSON_LD.finditer(head):
        try:
            data = json.loads(block.group(1))
        except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
            continue
        found += _publishers(data)
    return [cleaned for cleaned in map(outlet_name, found) if cleaned and not is_host(cleaned)]


def _publishers(data: object, depth: int = 0) -> list[str]:
    """Names of the publishers in a JSON-LD value ("publisher": {"name": ...}), any depth."""
    if depth > _JSON_DEPTH:
        return []
    if isinstance(data, list):
        return [name for item in data for name in _publishers(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    names: list[str] = []
    for key in ("publisher", "sourceOrganization"):
        value = data.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                names.append(item["name"])
            elif isinstance(item, str) and key == "publisher":
                names.append(item)
    for key in ("@graph", "mainEntity", "itemListElement"):
        names += _publishers(data.get(key), depth + 1)
    return names


def _copyright_lines(page: str) -> str:
    """The page's copyright lines as text ("© 2026 Northwire"), one a line."""
    lines = (html.unescape(m.group(0)).strip() for m in _COPYRIGHT_TEXT.finditer(page))
    return "\n".join(line for line in lines if len(line) <= _MAX_NAME_CHARS + 20)


def outlet_from_file_name(location: str) -> str:
    """The OUTLET of a local DATE_OUTLET_SLUG file name ("Meridian Daily"), else ""."""
    if urlsplit(location).hostname:
        return ""
    named = _FILE_NAME.match(Path(location).stem)
    if named:
        return named.group("outlet").replace("-", " ").replace("_", " ").title()
    return ""


def outlet_from_location(location: str) -> str:
    """The URL's host, or the OUTLET of a DATE_OUTLET_SLUG file name; else ""."""
    host = urlsplit(location).hostname
    if host:
        return host.removeprefix("www.")
    return outlet_from_file_name(location)
