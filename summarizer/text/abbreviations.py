"""English abbreviations whose full stop ends no sentence ("Mr.", "Sept.", "approx.", "vs.")."""

from __future__ import annotations

from summarizer.text.language import word_set

__all__ = ["ABBREVIATIONS"]

# Lower case, without the stop; the splitter and the glued-sentence repair both read it.
ABBREVIATIONS = word_set(
    """mr mrs ms dr prof st jr sr gen lt col capt cpt sgt maj adm gov sen rep rev hon pres supt insp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc ltd co corp plc bros dept est fig no nos vol vs etc al approx ave blvd mt ft"""
)
