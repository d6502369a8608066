"""Countries' names in each language, as CLDR gives them (through Babel): places, not people."""

from __future__ import annotations

import logging
from functools import cache

from babel import Locale, UnknownLocaleError

logger = logging.getLogger(__name__)

__all__ = ["country_names", "names_country"]

# Codes CLDR names that are no country nor union of countries: its unknown region, pseudo-locale
# test territories and outlying groups. Regions of the world have numeric codes and are left out
# too ("Western Europe").
_NOT_COUNTRIES = frozenset({"QO", "XA", "XB", "ZZ"})


@cache
def country_names(language: str) -> frozenset[str]:
    """The names of the countries and unions of countries (the EU, the UN) in a language.

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
    return frozenset(
        name.casefold()
        for code, name in territories.items()
        if code.isalpha() and code not in _NOT_COUNTRIES
    )


def names_country(words: list[str], language: str) -> bool:
    """Tell whether words, as written, are a country's name in a language ("New Zealand").

    Args:
        words: the words of a name, in order.
        language: ISO 639-1 code.

    Returns:
        True when they make a name of `country_names`.
    """
    return " ".join(words).casefold() in country_names(language)
