"""Countries' names in each language, as CLDR gives them (through Babel): places, not people."""

from __future__ import annotations

import logging
from functools import cache

from babel import Locale, UnknownLocaleError

logger = logging.getLogger(__name__)

__all__ = ["country_names", "names_country"]

# Codes CLDR names that are no country nor union of countries: its unknown region, pseudo-locale
# test territories and outlying groups, and the codes ISO 3166 reserves for an outlying part of
# a country, not one of its own (islands, a base, enclaves), whose names are also people's
# ("Diego Garcia", "Tristan da Cunha"). Regions of the world have numeric codes and are left
# out too ("Western Europe").
_NOT_COUNTRIES = frozenset({"QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})
# Common English names CLDR gives another way ("Hong Kong SAR China", "Côte d’Ivoire",
# "Czechia", "Myanmar (Burma)", "Timor-Leste"), case-folded.
_ENGLISH_FORMS = frozenset(
    {
        "hong kong",
        "macau",
        "macao",
        "ivory coast",
        "czech republic",
        "myanmar",
        "burma",
        "east timor",
    }
)


@cache
def country_names(language: str) -> frozenset[str]:
    """The names of the countries and unions of countries (the EU, the UN) in a language, with
    common English forms CLDR gives another way in English ("Ivory Coast", "Czech Republic").

    Args:
        language: ISO 639-1 code; "" reads English.

    Returns:
        The names, case-folded ("new zealand", "united arab emirates"); empty for a language
        CLDR does not know.
    """
    try:
        territories = Locale.parse(language or "en").territories
    except (UnknownLocaleError, ValueError):
        logger.debug("CLDR has no territory names for %r", language)
        return frozenset()
    names = frozenset(
        name.casefold()
        for code, name in territories.items()
        if code.isalpha() and code not in _NOT_COUNTRIES
    )
    return names | _ENGLISH_FORMS if language in {"", "en"} else names


def names_country(words: list[str], language: str) -> bool:
    """Tell whether words, as written, are a country's name in a language ("New Zealand").

    Args:
        words: the words of a name, in order.
        language: ISO 639-1 code.

    Returns:
        True when they make a name of `country_names`.
    """
    return " ".join(words).casefold() in country_names(language)
