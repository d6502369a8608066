"""Text features used by events and digests (sentence rules: tests/summarizer/test_rules.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.events.background import WORDFREQ_CODES, background
from summarizer.events.features import (
    ENTITY,
    LEAD_WORDS,
    NUMBER,
    OPENING_WORDS,
    ArticleFeatures,
    DocumentFrequencies,
    _first_words,
    _scan,
    article_features,
    cosine,
    dates,
    doc_features,
    entities_and_numbers,
    mentions,
    story_counts,
    terms,
    weekdays,
    weigh,
)
from summarizer.text.numbers import glued_to_name


def test_entities_skip_sentence_openers_and_stop_words() -> None:
    entities, numbers = entities_and_numbers(
        "The talks in Minsk began. Vladimir Putin met Petro Poroshenko's team on 26 August 2014."
    )
    assert entities == ["minsk", "putin", "petro", "poroshenko", "august"]
    assert numbers == ["26", "2014"]


def test_terms_are_stemmed_without_stop_words() -> None:
    assert terms("The leaders were meeting and talking") == ["leader", "meet", "talk"]


def test_russian_stop_words_go_and_names_are_stemmed() -> None:
    assert terms("Он сказал, что это было на границе", "ru") == ["сказа", "границ"]
    names, _ = entities_and_numbers(
        "Вчера Путин встретился с Токаевым. Затем Токаеву вручили орден.", "ru"
    )
    assert names == ["путин", "токаев", "токаев"]


def test_central_names_come_from_the_title() -> None:
    # a sentence-case title's first word is a name when the lead names it
    ru = article_features(
        "Лукашенко поздравил Токаева", "Президент Белоруссии Лукашенко поздравил Токаева.", "ru"
    )
    assert ru.names == {"e:лукашенк", "e:токаев"}
    # in a title-case title capitals say nothing; names the lead confirms still count
    en = article_features(
        "Putin and Poroshenko Come Face to Face in Minsk",
        "The presidents met in Minsk. Talks between Putin and Poroshenko began on Tuesday.",
    )
    assert en.names == {"e:putin", "e:poroshenko", "e:minsk"}


def test_weighted_vectors_are_unit_and_comparable() -> None:
    frequencies = DocumentFrequencies()
    a = doc_features("Floods in Valencia", "Rescuers searched Valencia after floods.")
    b = doc_features("Valencia floods", "Floods killed people in Valencia on Tuesday.")
    c = doc_features("Arsenal win", "Arsenal beat Chelsea at the Emirates.")
    for counts in (a, b, c):
        frequencies.observe(counts)
    va, vb, vc = (weigh(x, frequencies) for x in (a, b, c))
    assert cosine(va, va) == pytest.approx(1.0)
    assert cosine(va, vb) > 0.3 > cosine(va, vc)


def test_every_listed_language_has_a_background_table() -> None:
    for language in WORDFREQ_CODES:
        table = background(language)
        assert table is not None and len(table) > 10_000, language
    assert background("zh") is None and background("xx") is None


def test_rare_words_weigh_more_than_common_ones_in_any_database() -> None:
    en = background("en")
    ru = background("ru")
    assert en is not None and ru is not None
    # stems as features.stem makes them; an unlisted stem weighs as the rarest listed one
    assert en.idf("the") < en.idf("london") < en.idf("tsunami") <= en.idf("zzqx")
    assert ru.idf("сообщ") < ru.idf("цунам")
    counts = doc_features("Tsunami hits the coast", "The tsunami hit the coast of Sumatra.")
    fresh, seen = DocumentFrequencies(), DocumentFrequencies()
    for _ in range(50):
        seen.observe(counts)  # a week of one story: its words are in every document
    weighted = weigh(counts, fresh, language="en")
    assert weighted == weigh(counts, seen, language="en")  # the database's history plays no part
    assert weighted["t:tsunami"] > weighted["t:coast"] > weighted["t:hit"]
    assert weigh(counts, seen) != weighted  # no language: document frequencies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Во вторник, 5 ноября, на трассе столкнулись два автобуса", {"11-05"}),
        ("МОСКВА, 17 ноя - агентство. Митинг прошел мирно", {"11-17"}),
        ("Police said on November 5 that the driver had fled", {"11-05"}),
        ("The storm reached the coast on 3rd March, officials said", {"03-03"}),
        ("Der Zug entgleiste am 3. Oktober bei Ulm", {"10-03"}),
        ("La grève commence le 14 juillet à Lyon", {"07-14"}),
        ("La feria abre el 5 de mayo en Sevilla", {"05-05"}),
        ("Le marché ouvre le 1er mai", {"05-01"}),
        ("Заседание назначено на 5-го мая", {"05-05"}),
        ("Выставка пройдет с 11 по 15 ноября", {"11-15"}),
    ],
)
def test_dates_read_day_and_month(text: str, expected: set[str]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Пропавшую видели в последний раз 9 ноября 2018 года",  # a year: an earlier happening
        "On Tuesday, November 5, 2019 the court sat again",
        "Prices may 5 times exceed the estimate",  # "may" is a verb here
        "Около 5,5 тысячи человек вышли на площадь",  # a number, not a day
        "Turnout reached 45 percent in March 2019",
    ],
)
def test_dates_skip_years_verbs_and_plain_numbers(text: str) -> None:
    assert dates(text) == frozenset()


def test_dates_given_with_the_year_of_publication_count() -> None:
    text = "«Соглашение подписано 5 мая 2020 года», а 9 ноября 2018 года его только обсуждали"
    assert dates(text, year=2020) == {"05-05"}
    assert dates(text) == frozenset()  # no year known: every dated-with-year day is left out


def test_dates_of_an_article_come_from_its_title_and_lead() -> None:
    lead = "Городской каток откроется 1 декабря. " + "Подробности позже. " * 300
    features = article_features(
        "Каток откроется 1 декабря", lead + "Сезон завершится 28 февраля.", "ru"
    )
    assert features.dates == {"12-01"}  # 28 February lies beyond the lead's words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The witness told jurors on Monday that the boss left the books alone", {"Mon"}),
        ("Friday's eviction left five housemates; Sunday's show follows", {"Fri", "Sun"}),
        ("В пятницу в Твери прошёл митинг, во вторник его повторят", {"Fri", "Tue"}),
        ("У неділю в Києві відкрили міст", {"Sun"}),
        ("Der Zug entgleiste am Dienstag bei Ulm", {"Tue"}),
        ("La grève commence jeudi à Lyon", {"Thu"}),
        ("La feria abre el sábado en Sevilla", {"Sat"}),
        ("У пʼятницю в Києві відкрили міст", {"Fri"}),  # the modifier-letter apostrophe
        ("On Friday the vote passed; Last Monday it failed", {"Fri", "Mon"}),
        ("L'Inter gioca domenica a San Siro, il Milan lunedì", {"Sun", "Mon"}),
        ("O governo reuniu-se na segunda-feira e volta a reunir no sábado", {"Mon", "Sat"}),
        ("Het kabinet vergaderde op maandag in Den Haag", {"Mon"}),
    ],
)
def test_weekdays_read_the_day_of_what_happened(text: str, expected: set[str]) -> None:
    assert weekdays(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Окружающая среда страдает от выбросов",  # "среда": environment, not "в среду"
        "Every monday the market opens late",  # lower case: not how news names the day
        "Black Friday sales beat Cyber Monday and Super Tuesday",  # named days, not when
        "Plácido Domingo sang in Santo Domingo",  # "domingo" without its article: a name
    ],
)
def test_weekdays_skip_nouns_and_lower_case_english(text: str) -> None:
    assert weekdays(text) == frozenset()


def test_weekdays_of_an_article_come_from_its_title_and_lead() -> None:
    lead = "The market opened on Monday. " + "Trading was quiet. " * (LEAD_WORDS // 3)
    features = article_features("Market opens", lead + "It closes on Friday.", "en")
    assert features.dates == {"Mon"}  # Friday lies beyond the lead's words


def test_opening_holds_the_title_and_the_first_words_of_the_body() -> None:
    filler = "Viewers backed the decision in the phone vote. " * (OPENING_WORDS // 8 + 1)
    features = article_features(
        "Frost evicted from Big Brother",
        "Singer Dana Frost left the house. " + filler + "She follows actor Lee Marsh.",
        "en",
    )
    assert {"frost", "evict", "singe", "dana"} <= features.names_at_once()
    assert "marsh" in features.tells() and "marsh" not in features.names_at_once()
    stored_before = ArticleFeatures(
        counts=features.counts, names=features.names, told=features.told
    )
    assert stored_before.names_at_once() == features.tells()  # read before `opening` was


@pytest.mark.parametrize(
    ("title", "body", "language", "actor"),
    [
        (
            "McCririck out of Big Brother show",
            "Racing pundit John McCririck has been evicted, and McCririck said he was glad.",
            "en",
            "mccri",
        ),
        (
            "Corbyn's plan attacked",
            "The plan of Labour leader Jeremy Corbyn was attacked, and Corbyn replied.",
            "en",
            "corby",
        ),
        (
            "Путин сообщил о переговорах",
            "Президент России Владимир Путин сообщил, что Путин и Лукашенко говорили.",
            "ru",
            "путин",
        ),
        ("Double eviction from Big Brother", "Model Caprice left the house.", "en", ""),
        ("The Tories unveil plans", "The Tories said the plans would save money.", "en", ""),
        ("В Петербурге закрыли мост", "Мост в Петербурге закрыли на ремонт.", "ru", ""),
    ],
)
def test_the_title_actor_is_the_person_the_title_opens_with(
    title: str, body: str, language: str, actor: str
) -> None:
    assert article_features(title, body, language).actor == actor


def test_a_title_opening_with_no_person_has_no_actor() -> None:
    # "Floods" opens the title capitalised, but the body never writes it as a name
    assert article_features("Floods close the port", "Floods closed the port.").actor == ""
    # a country leads the headline: it may stand for its leader, so it is no actor
    ukraine = article_features(
        "Ukraine promises peace", "Leaders of Ukraine and Russia met, and Ukraine promised peace."
    )
    assert ukraine.names and ukraine.actor == ""


def test_story_counts_count_a_family_name_as_the_full_name() -> None:
    michelle = article_features(
        "Michelle Obama visits a school",
        "First lady Michelle Obama spoke to pupils, and Obama said she loved her old school. "
        "Obama smiled.",
    )
    assert dict(michelle.people) == {"obama": "michell obama"}
    counts = story_counts(michelle)
    # each "Obama" read as a name (title x3, lead twice) counts for the full name, in the names
    # half only; the one opening a sentence is no name by its capital and stays a term
    assert counts["f:michell obama"] == 3 + 2
    assert "e:obama" not in counts and counts["t:obama"] == 1
    assert counts["e:michell"] == michelle.counts["e:michell"]  # a given name stays
    assert michelle.counts["e:obama"] == 5 and michelle.counts["t:obama"] == 6  # events' own
    lead = "A book on President Barack Obama’s mother and how Obama grew up."
    barack = story_counts(article_features("A life", lead))
    assert barack["f:barack obama"] == 2  # a run's last two names; the possessive ends it


def test_a_person_is_named_in_full_then_by_family_name() -> None:
    # never referred back to by family name alone: no full name is needed to tell who it is
    once = article_features("A visit", "First lady Michelle Obama visited a school on Monday.")
    assert once.people == ()
    # a given name used on its own or before another name is no given name
    two = article_features(
        "A visit",
        "Michelle Obama and Michelle Robinson spoke, and Obama said the school was hers.",
    )
    assert two.people == ()


def test_a_family_name_stands_for_the_person_the_title_names() -> None:
    # the lead names her husband in full more often than her, but the title says whom the
    # article is about
    lead = (
        "As Barack Obama campaigned, Michelle Obama spoke in Chicago. Barack Obama was away, "
        "and Obama said her family came first."
    )
    wife = article_features("Michelle Obama celebrates Chicago roots", lead)
    assert dict(wife.people) == {"obama": "michell obama"}
    assert story_counts(wife)["f:michell obama"] > 0
    # a title in title case still names her when the body gives the same full name
    title_case = article_features("Michelle Obama's Chicago Roots Show", lead)
    assert dict(title_case.people) == {"obama": "michell obama"}
    # no full name in the title: the one the article names most
    assert dict(article_features("A speech in Chicago", lead).people) == {"obama": "barack obama"}
    # a title's two names that the body never gives in full name nobody
    other = article_features("Sasha Obama in Chicago", lead)
    assert dict(other.people) == {"obama": "barack obama"}


def test_teams_bodies_and_places_are_no_people() -> None:
    # "Kelmar" also stands alone (a place), "Cup" never does, "tsunami" is also written in
    # lower case: none counts as a person; Teo Sandvar does
    features = article_features(
        "Kelmar Rovers win the Norland Cup",
        "Teo Sandvar scored as Kelmar Rovers won the Norland Cup, and Rovers will parade the "
        "trophy while Kelmar police close roads. The Indian Ocean Tsunami Fund and the tsunami "
        "warnings were far away. He was proud, Sandvar said.",
    )
    assert dict(features.people) == {"sandvar": "teo sandvar"}
    counts = story_counts(features)
    for name in ("rover", "kelmar", "cup", "norland", "tsunami"):
        assert counts["e:" + name] == features.counts["e:" + name]
        assert counts["t:" + name] == features.counts["t:" + name]


def test_an_article_tells_its_title_and_lead_only() -> None:
    # the filler takes the body past LEAD_WORDS words but not past the 400 the vector reads
    lead = "Rescue teams searched Valencia after the floods. " + "More news follows. " * (
        LEAD_WORDS // 3 + 10
    )
    features = article_features("Floods hit Valencia", lead + "Ministers meet in Brussels.", "en")
    told = features.tells()
    assert {"flood", "valen", "rescu"} <= told  # the title and the lead
    assert "bruss" not in told  # beyond the lead's words
    assert "bruss" in mentions(features.counts)  # though the vector reads it


def test_features_stored_before_the_lead_was_read_tell_every_counted_word() -> None:
    features = article_features("Floods hit Valencia", "Ministers meet in Brussels.", "en")
    older = ArticleFeatures(counts=features.counts, names=features.names)
    assert older.told is None and older.tells() == frozenset(mentions(features.counts))


def test_story_counts_mark_specific_names() -> None:
    # two-word names and names the language does not use commonly anchor a story; common
    # names ("State", "York") and a capitalised stop word ("I’m") do not
    body = (
        "Shares of Kelvora rose in Hong Kong on Tuesday. The State said Kelvora would list in "
        "York. I’m sure, said one trader. Kelvora shares rose again."
    )
    title = "Kelvora lists its shares after the tsunami"
    counts = story_counts(article_features(title, body, "en"), "en")
    assert counts["s:hong kong"] == 1
    assert counts["s:kelvora"] > counts["e:kelvora"] > 0  # the name, and the title word
    assert "s:state" not in counts and "s:york" not in counts and "e:state" in counts
    assert "e:i’m" not in counts and "s:i’m" not in counts
    # an uncommon word of the title is counted too, as a title word where the article never
    # writes it as a name (a kind of happening: `stories.anchored`); a common one ("shares")
    # is not
    assert counts["w:tsunami"] == counts["t:tsunami"] > 0 and "s:tsunami" not in counts
    assert "s:share" not in counts and "w:share" not in counts
    # without a table for the language no name can be told common: each one anchors
    assert "s:state" in story_counts(article_features("Kelvora", body, "xx"), "xx")


def test_a_number_glued_to_a_name_is_part_of_the_name() -> None:
    names, numbers = entities_and_numbers("Cases of COVID-19 rose as the G-20 met and F-16s flew.")
    assert (names, numbers) == (["covid-19", "g-20", "f-16"], [])
    _, numbers = entities_and_numbers("Prices rose in mid-2014 for 19-year-old buyers.")
    assert numbers == ["2014", "19"]
    features = article_features("COVID-19 cases rise", "New COVID-19 cases rose on Monday.")
    assert not any(key.startswith("19") for key in features.particulars)
    assert ENTITY + "covid-19" in features.names and NUMBER + "19" not in features.counts


@given(
    st.sampled_from(
        ["COVID", "G", "F", "Su", "mid", "under", "12-Mar", "anti-G", "Boeing", "SARS-CoV"]
    ),
    st.integers(min_value=1, max_value=9999),
)
def test_features_glue_a_number_to_a_name_as_text_numbers_does(word: str, number: int) -> None:
    text = f"Officials said {word}-{number} was discussed."
    glued = glued_to_name(text, text.index(f"-{number}") + 1)
    _, numbers = entities_and_numbers(text)
    assert (str(number) not in numbers) == glued


# Titles of 50,000 characters of letters and digits joined by hyphens, as broken pages give
# them: each word's look for a number glued after it is bounded (today's code reads each in
# about 0.05 s; a scan to the run's end from every word took 9 to 23 s).
_GLUED_RUNS = ["a-" * 25_000, "Ab1-" * 12_500, "A-b" * 16_000 + "-1", "COVID-19-" * 5_000]
_SECONDS_PER_RUN = 2.0


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", _GLUED_RUNS, ids=lambda text: repr(text[:8]))
def test_a_long_run_of_hyphenated_words_reads_in_linear_time(text: str) -> None:
    start = time.process_time()
    article_features(text, "A short body.", "en")
    assert time.process_time() - start < _SECONDS_PER_RUN


def test_a_month_in_a_date_is_no_name_to_glue_a_year_to() -> None:
    assert entities_and_numbers("Talks on 12-Mar-2020 in Vienna.")[1] == ["12", "2020"]


def test_capitalised_words_joined_by_hyphens_make_one_name_with_their_number() -> None:
    names, numbers = entities_and_numbers("Tests for SARS-CoV-2 rose as the Soyuz-MS-22 left.")
    assert (names, numbers) == (["sars-cov-2", "soyuz-ms-22"], [])
    _, numbers = entities_and_numbers("Curbs from mid-March-2020 and the anti-G-5 camp.")
    assert numbers == ["2020", "5"]


_CUT_TEXTS = [
    ("Lib Dem " * 31, "en"),  # a two-word name that the opening's last word ends
    ("Mr Barack Obama's team met Mr Joe Biden. " * 12, "en"),  # cuts inside "Obama's"
    ("The COVID-19 crisis hit the Lib Dem vote hard. " * 10, "en"),  # cuts inside "COVID-19"
    ("Rider Team Sky-2 won. " * 20, "en"),  # "team sky-2", cut after "Sky": "team sky"
    ("Brentford v Southampton\n\nGriffin Park\n\nTuesday, 1 March\n\n1945 GMT " * 8, "en"),
    ("Президент России Владимир Путин сообщил, что Путин и Лукашенко говорили. " * 9, "ru"),
    ("東京都 Barack Obama 知事 Shinzo Abe 会見 " * 20, "ja"),  # unspaced script, spaced anew
    ("Short text by Dana Frost", "en"),  # ends before the cut
]


def _assert_one_pass_opening_names(texts: list[tuple[str, str]], limit: int | None) -> None:
    """The opening's full names from the body's scan equal the opening scanned alone."""
    for text, language in texts:
        for count in (OPENING_WORDS, 1, 2, 3, 7, 30, 59, 61):
            opening = _first_words(text, count)
            one_pass = _scan(text, language, limit, (LEAD_WORDS, OPENING_WORDS), cut=len(opening))
            assert one_pass.cut_full == _scan(opening, language).full, (text[:40], count)


@pytest.mark.parametrize("limit", [400, 61, 30, None])
def test_the_opening_names_come_from_the_first_scan_as_from_a_second(limit: int | None) -> None:
    _assert_one_pass_opening_names(_CUT_TEXTS, limit)


@pytest.mark.parametrize("limit", [400, 30])
def test_the_seeds_opening_names_come_from_the_first_scan(limit: int, seeds: list[Path]) -> None:
    _assert_one_pass_opening_names([(path.read_text(), "en") for path in seeds], limit)
