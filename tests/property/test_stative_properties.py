"""A country of several words is a body: "X is a member of ..." is a standing fact for each."""

from __future__ import annotations

import re

from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from summarizer.text.countries import names_country
from summarizer.text.statives import states_standing_fact

# CLDR's English names of countries written in two words or more of letters ("New Zealand",
# "United Arab Emirates"), as text.countries reads them (not "Outlying Oceania").
_COUNTRIES = sorted(
    name
    for name in Locale.parse("en").territories.values()
    if " " in name and re.fullmatch(r"[A-Za-z ]+", name) and names_country(name.split(), "en")
)


@given(st.sampled_from(_COUNTRIES), st.sampled_from(["the Commonwealth", "NATO", "the WTO"]))
def test_a_country_of_several_words_is_a_member_as_a_standing_fact(country: str, body: str) -> None:
    assert states_standing_fact(f"{country} is a member of {body}.", "en")


@given(st.sampled_from(_COUNTRIES))
def test_a_country_that_joined_tells_the_news(country: str) -> None:
    sentence = f"{country} is now a member of NATO after joining on Tuesday."
    assert not states_standing_fact(sentence, "en")
