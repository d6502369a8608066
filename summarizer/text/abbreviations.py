"""English words read at a full stop: abbreviations ("Mr.", "vs."), words that start sentences."""

from __future__ import annotations

from summarizer.text.language import word_set

__all__ = ["ABBREVIATIONS", "HONORIFICS", "STARTERS", "ends_with_abbreviation"]

#: Abbreviated titles written before a person's name ("Mr Straw", "Gen Smith"); lower case,
#: without the stop. summarizer.ingest.outlet reads a name after one as a person's.
HONORIFICS = word_set(
    """mr mrs ms dr prof gen lt col capt cpt sgt maj adm gov sen rep rev hon pres supt insp"""
)
# Lower case, without the stop; the splitter and the glued-sentence repair both read it.
ABBREVIATIONS = HONORIFICS | word_set(
    """st jr sr
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc ltd co corp plc bros dept est fig no nos vol vs etc al approx ave blvd mt ft"""
)
# Words that start sentences but hardly ever follow "U.S." or "U.K." inside one, nor a stop with
# a blank before it ("at 9/4 .He said"; ".Net" is a name).
STARTERS = word_set(
    "The A An He She It They We I You His Her Its Their This That These Those But And However In On"
    " At After Before When While If There Some Many Most Analysts Officials"
)


def ends_with_abbreviation(text: str) -> bool:
    """Tell whether text ends with an abbreviation's full stop rather than a sentence's."""
    if not text.endswith("."):
        return False
    # The last word, read from the right (a regex searched from each position of a long head
    # would make a line of many stops quadratic).
    last = text.rsplit(maxsplit=1)[-1]
    if last == ".":
        return True  # a lone stop
    word = last[:-1].lstrip("\"“‘'«([")
    if "." in word or len(word) == 1:  # U.S., a.m., e.g., initials such as "J."
        return True
    return word.lower() in ABBREVIATIONS
