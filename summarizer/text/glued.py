"""Sentences glued by a lost blank ("a slice of it.Once", "at 9/4 .He"), and names with a stop."""

from __future__ import annotations

import re

from summarizer.text.abbreviations import ABBREVIATIONS, STARTERS
from summarizer.text.language import stop_words, word_set
from summarizer.text.quotes import opening_marks

__all__ = ["restore_blanks", "starts_sentence", "stop_inside_name"]

# A stop (or "?", "!"), maybe closed by quotation marks, between a lower-case word of two letters
# or more and a capitalised word of lower-case letters, in any script ("of it.Once several",
# 'the financial aspect."They will', "достиг.Он"; "likely.A", "views.I" too): the blank after
# the stop was lost. Only a capitalised word of lower-case letters counts (see _capitalised), so
# "ASP.NET", "U.S.Army", "Bez.McCririck" and "v2.Beta" are left as they are. Scanned from each
# word's first letter (linear time). Guillemets are left out: a glued "»" closes in French and
# opens in German, and its place does not tell which.
_GLUED = re.compile(
    r"(?<![^\W\d_])(?P<word>[^\W\d_]{2,})(?P<stop>[.!?])"
    r"(?P<quote>[\"“”„’']*)(?P<next>[^\W\d_]+)(?=(?P<after>\S?))"
)
# A blank that slipped before the full stop ("at 9/4 .He said"): it belongs after it, when the
# word after the stop starts sentences (see starts_sentence).
_STRAY_BLANK = re.compile(r"(?<=[\w%)\]\"”’']) \.(?=(?P<word>[^\W\d_]+)(?![^\W\d_]|[.@/]\w))")
# The word that opens a text, in any script.
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# The last labels of host names (generic ones: a country's two letters are also words and name
# particles, "Hide and Seek.De Niro") and the extensions of file names. A host name writes its
# labels in one case ("amazon.com", "Amazon.Com", "ASP.NET"), so such a label after a word in the
# same case is no sentence's first word ("Yahoo.Com Inc", "Node.Js"); after a lower-case word a
# capitalised one is ("they were interested.Edu is now free", "expectations.Net profit").
_NAME_ENDINGS = word_set(
    """com net org edu gov mil biz info mobi html htm php asp aspx jsp js ts py rb css xml json
    pdf doc docx xls xlsx ppt txt csv jpg jpeg png gif svg mp3 mp4 exe"""
)
# Marks of an address: a token that holds one is a link or an e-mail address, never two sentences.
# (A path's stops are a dotted name's: "example.org/news.Html".)
_ADDRESS_MARKS = ("@", "://", "www.")
# A version ("v2", "V10"): a stop after it is the version's ("v2.Beta").
_VERSION = re.compile(r"[vV]\d+$")
# How much of the text before a stop is read for the name it may end: longer than any name.
_NAME_WINDOW = 100
# The characters a token's edges may carry: brackets and quotation marks.
_EDGES = "\"“”‘’'«»()[]"


def restore_blanks(line: str, language: str = "en") -> str:
    """Put back the blank a sentence boundary lost (see _GLUED and _STRAY_BLANK).

    Args:
        line: one line of text.
        language: ISO 639-1 code of the text, for the words that start its sentences.

    Returns:
        The line with a blank after each glued stop ("of it. Once") and a stray blank moved
        from before a full stop to after it ("at 9/4. He"); unchanged where none is found (most
        lines). Only blanks move, so no visible character is lost or added.
    """
    if " ." in line:
        line = _STRAY_BLANK.sub(lambda match: _moved_blank(match, language), line)
    parts: list[str] = []
    done = 0  # the line is copied up to here
    straight_quotes = 0  # straight double quotes before the current match, counted as we go
    counted = 0  # ... up to here
    opening: frozenset[int] = frozenset()  # the curly marks that open, read once if needed
    read = False
    for match in _GLUED.finditer(line):
        straight_quotes += line.count('"', counted, match.start())
        counted = match.start()
        if not read and match["quote"].strip("\"’'"):
            opening, read = opening_marks(line), True
        parts += (line[done : match.start()], _with_blank(match, straight_quotes, opening))
        done = match.start() + len(match.group())
    return "".join(parts) + line[done:] if parts else line


def starts_sentence(after: str, language: str) -> bool:
    """Tell whether a stop with a blank before it, followed by after, ends a sentence.

    Such a stop ends one only when the word after it starts sentences ("at 9/4 .He said"): a
    capitalised stop word of the language or an English sentence starter, or a capitalised
    word whose first letter is no ASCII one ("gare .Élodie", "5 .Москва"). Any other word makes
    the stop part of a name (".Net", ".Mac", ".Eu") or of a market code in capitals
    (".MIWD00000PUS"), all written in ASCII letters.

    Args:
        after: the text right after the stop.
        language: ISO 639-1 code of the text.

    Returns:
        Whether a sentence ends at the stop.
    """
    match = _FIRST_WORD.match(after)
    if match is None or not _capitalised(word := match.group()):
        return False
    if not word[0].isascii():
        return True
    return word in STARTERS or word.lower() in stop_words(language or "en")


def _capitalised(word: str) -> bool:
    """Tell whether a word is one capital and lower-case letters ("He", "I", "Élodie")."""
    return word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _moved_blank(match: re.Match[str], language: str) -> str:
    """The stray blank moved after its stop, or left where it was before a name (".Net")."""
    return ". " if starts_sentence(match["word"], language) else match.group()


def _with_blank(match: re.Match[str], straight_quotes: int, opening: frozenset[int]) -> str:
    """The match with a blank after its stop, or as it was when the stop is a name's.

    straight_quotes is the number of straight double quotes in the line before the match;
    opening holds where the line's curly marks that open a quotation stand
    (quotes.opening_marks), at least those of the match.
    """
    word, stop, following = match["word"], match["stop"], match["next"]
    if not _capitalised(following):
        return match.group()  # "ASP.NET", "U.S.Army", "Bez.McCririck", "amazon.com"
    if not word.islower() or word in ABBREVIATIONS:
        return match.group()  # "Amazon.Com", "vs.Smith": a name or an abbreviation
    if match["after"].isalnum() or (len(following) == 1 and following not in "AI"):
        return match.group()  # "Bez.McCririck", "it.G8": only "A" and "I" are one capital
    if stop == "." and _in_address(match.string, match.start(), match.end()):
        return match.group()
    quote = match["quote"]
    cut = _first_opening(quote, match.start("quote"), straight_quotes, opening)
    return f"{word}{stop}{quote[:cut]} {quote[cut:]}{following}"


def _first_opening(quote: str, start: int, straight_quotes: int, opening: frozenset[int]) -> int:
    """Where the first mark that opens a quotation stands in a run of marks after a stop.

    The blank goes before it and after the marks that close ('aspect."They', 'won.”“We',
    '„Wir gewinnen.“Die': “ closes a „). A straight quote opens when those before it are even
    in number; single quotes close (apostrophes, 'the "fans.'" He').

    Args:
        quote: the marks between the stop and the next word.
        start: where they begin in the line.
        straight_quotes: the straight double quotes in the line before them.
        opening: where the line's curly marks that open stand (quotes.opening_marks).

    Returns:
        The index in quote, or its length when none opens.
    """
    for offset, mark in enumerate(quote):
        if mark == '"':
            if straight_quotes % 2 == 0:
                return offset
            straight_quotes += 1
        elif start + offset in opening:
            return offset
    return len(quote)


def stop_inside_name(head: str, piece: str) -> bool:
    """Tell whether a cut between head and piece, with no blank between, falls inside a name.

    sentencex cuts at a stop followed by a capital even inside one word: a host name
    ("Amazon.Com"), an address ("www.Example.Com"), a version ("v2.Beta"), a name in capitals
    ("ASP.NET").

    Args:
        head: the text before the cut, ending with the stop.
        piece: the text after it.

    Returns:
        Whether the two belong to one word, so that no sentence ends there.
    """
    head = head[-_NAME_WINDOW:]  # a name's end, not a growing head read again for every piece
    if not head.endswith(".") or not piece[:1].isalnum() or not head[:-1].strip():
        return False
    before = head[:-1].rsplit(maxsplit=1)[-1].lstrip(_EDGES)
    after = piece.split(maxsplit=1)[0].rstrip(_EDGES + ",;:.!?")
    if not before[-1:].isalnum():
        return False
    if _VERSION.search(before) or (before.isupper() and after.isupper() and len(after) > 1):
        return True  # "v2.Beta", "ASP.NET"
    label = _letters(after)
    same_case = (before.istitle() and label.istitle()) or (before.islower() and label.islower())
    if same_case and label.lower() in _NAME_ENDINGS:
        return True  # "Amazon.Com", "Yahoo.Com Inc"
    token = f"{before}.{after}"
    return _in_address(token, len(before), len(before) + 1 + len(label))


def _in_address(text: str, stop: int, end: int) -> bool:
    """Tell whether the stop at or after text[stop] belongs to an address or a dotted name.

    The name is the blank-separated token around it: a link or an e-mail address, or a name
    with another stop before or after ("www.Example.Com", "example.Co.uk").
    """
    # A bounded window: a long run without blanks ("ab.Cd,ab.Cd,...") is read once per stop.
    window_start = max(0, stop - _NAME_WINDOW)
    window_end = min(len(text), end + _NAME_WINDOW)
    token_start = text.rfind(" ", window_start, stop) + 1 or window_start
    token_end = text.find(" ", end, window_end)
    token = text[token_start : window_end if token_end < 0 else token_end]
    if any(mark in token for mark in _ADDRESS_MARKS):
        return True
    dotted_before = _DOTTED.search(text, token_start, text.find(".", stop)) is not None
    return dotted_before or _DOTTED.match(text, end) is not None


_DOTTED = re.compile(r"\.[^\W\d_]")  # a stop inside a dotted name ("www.Example", "co.uk")


def _letters(word: str) -> str:
    """The letters that open word ("Com" of "Com's")."""
    match = re.match(r"[^\W\d_]+", word)
    return match.group() if match else ""
