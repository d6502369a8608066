"""Topics: the follow/exclude syntax, and events matched by stems in their articles' languages."""

from __future__ import annotations

import pytest

from summarizer.text.terms import StemmedText, join_texts, stem_text
from summarizer.topics import MAX_PHRASE_WORDS, Topic, TopicFilter, parse_topics


def keys(text: str) -> list[str]:
    topics, problems = parse_topics(text)
    assert not problems, problems
    return [topic.key for topic in topics]


def admits(rules: str, *articles: tuple[str, str, str]) -> bool:
    """Whether an event of (title, body, language) articles passes the rules, checked per
    article and merged by language (the two ways must agree)."""
    topics = TopicFilter.from_keys(keys(rules))
    texts = [stem_text(title, body, language) for title, body, language in articles]
    per_article = topics.admits(texts)
    assert topics.admits(join_texts(texts)) == per_article
    return per_article


# -- syntax -------------------------------------------------------------------------------------


def test_words_phrases_and_exclusions() -> None:
    topics, problems = parse_topics('Football "climate change" -transfer -"Premier League"')
    assert problems == []
    assert topics == [
        Topic(("football",)),
        Topic(("climate", "change"), phrase=True),
        Topic(("transfer",), exclude=True),
        Topic(("premier", "league"), exclude=True, phrase=True),
    ]
    assert [t.key for t in topics] == [
        "football",
        '"climate change"',
        "-transfer",
        '-"premier league"',
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("“climate change” –football", ['"climate change"', "-football"]),  # iOS quotes, dash
        ("«мирные переговоры» —спорт", ['"мирные переговоры"', "-спорт"]),
        ("„Olaf Scholz“", ['"olaf scholz"']),
        ("climate, football;  elections", ["climate", "football", "elections"]),
        ("#election football! (nato)", ["election", "football", "nato"]),
        ('"  lots   of   space  "', ['"lots of space"']),
        ('"single"', ["single"]),
        ("covid-19 U.S.", ["covid-19", "u.s."]),
        ("Football football FOOTBALL", ["football"]),
        ('"unclosed phrase here', ['"unclosed phrase here"']),
    ],
)
def test_what_phones_and_people_type(typed: str, expected: list[str]) -> None:
    assert keys(typed) == expected


def test_items_without_words_are_reported_and_the_rest_kept() -> None:
    topics, problems = parse_topics('ok - "" -"!!" ...')
    assert [t.key for t in topics] == ["ok"]
    assert problems == [
        "-: no word to follow",
        '"": no word to follow',
        '-"!!": no word to follow',
        "...: no word to follow",
    ]


def test_long_items_are_cut_before_comparison_and_long_phrases_refused() -> None:
    long_word = "a" * 300
    (topic,), _ = parse_topics(f"{long_word} {long_word}b")
    assert topic.key == "a" * 80  # both cut to the same word: kept once
    words = " ".join(f"w{i}" for i in range(MAX_PHRASE_WORDS + 1))
    topics, problems = parse_topics(f'"{words}"')
    assert topics == [] and "at most 8 words" in problems[0]


def test_keys_read_back_as_the_same_topics() -> None:
    typed = 'nato "peace talks" -football -"transfer window" covid-19'
    first, _ = parse_topics(typed)
    again = TopicFilter.from_keys(topic.key for topic in first)
    assert set(again.follow) | set(again.exclude) == set(first)


def test_keywords_stored_by_the_old_bot_are_read() -> None:
    # The old /topics add split on spaces: '"climate change"' was stored as two keywords.
    rules = TopicFilter.from_keys(["nato", '"climate', 'change"'])
    assert rules.follow == (Topic(("nato",)), Topic(("climate", "change"), phrase=True))


# -- matching -----------------------------------------------------------------------------------

EN_FOOTBALL = (
    "Footballers strike over pay",
    "Players of three clubs refused to train on Monday.\nThe league said talks would resume.",
    "en",
)
EN_CLIMATE = (
    "Summit ends",
    "Delegates agreed on measures against climate changes.\nNo deal on coal.",
    "en",
)


def test_english_words_match_their_inflections_case_insensitively() -> None:
    assert admits("football", EN_FOOTBALL)
    assert admits("FOOTBALLER", EN_FOOTBALL)
    assert admits("strikes", EN_FOOTBALL)
    assert not admits("cricket", EN_FOOTBALL)
    assert not admits("foot", EN_FOOTBALL)  # whole words, not prefixes


def test_phrases_are_consecutive_stems_within_one_paragraph() -> None:
    assert admits('"climate change"', EN_CLIMATE)
    assert not admits('"change climate"', EN_CLIMATE)
    assert not admits('"changes no"', EN_CLIMATE)  # "changes." / "No deal": two paragraphs
    assert not admits('"pay players"', EN_FOOTBALL)  # title / body boundary
    assert admits('"three club"', EN_FOOTBALL)


def test_russian_inflections() -> None:
    article = (
        "Итоги выборов",
        "На выборах в парламент победила оппозиция.\nМирные переговоры продолжатся в Женеве.",
        "ru",
    )
    assert admits("выборы", article)
    assert admits("Выбор", article)
    assert admits('"мирных переговорах"', article)
    assert admits("женева", article)
    assert not admits("футбол", article)


def test_ukrainian_inflections_through_sumys_stemmer() -> None:
    article = ("Підсумки виборів", "На виборах до парламенту перемогла опозиція.", "uk")
    assert admits("вибори", article)
    assert admits("парламент", article)
    assert not admits("футбол", article)


def test_apostrophes_and_composed_letters_are_read_alike() -> None:
    article = ("Сімʼя та обʼєкт", "Café de Flore", "uk")
    assert admits("сім'я", article)  # ASCII apostrophe typed, modifier letter in the text
    assert admits("cafe\u0301", article)  # decomposed é typed


def test_german_inflections_sharp_s_and_compounds_split_at_hyphens() -> None:
    article = (
        "Wahlen in Bayern",
        "Die Regierungen beraten. Der Fußball-Bundesliga droht ein Streik der Fussballer.",
        "de",
    )
    assert admits("Wahl", article)
    assert admits("Regierung", article)
    assert admits("Fussball", article)
    assert admits("Bundesliga", article)
    assert not admits("Wahlkampf", article)


def test_english_possessives_with_typographic_apostrophes() -> None:
    article = ("Putin’s visit", "The Kremlin’s spokesman confirmed it.", "en")
    assert admits("putin", article)
    assert admits("kremlin", article)


def test_chinese_is_matched_on_character_pairs() -> None:
    article = ("北京今天下雨", "气象台发布了暴雨预警。", "zh")
    assert admits("北京", article)
    assert admits("暴雨预警", article)
    assert not admits("上海", article)


def test_an_excluded_topic_in_any_article_excludes_the_event() -> None:
    transfer = ("Transfer news", "The club's transfers this summer broke records.", "en")
    assert admits("football", EN_FOOTBALL, transfer)
    assert not admits("football -transfer", EN_FOOTBALL, transfer)
    assert admits("football -transfer", EN_FOOTBALL)
    assert not admits("-football", EN_FOOTBALL)  # exclusions alone: everything else passes
    assert admits("-football", EN_CLIMATE)
    assert not admits('football -"three clubs"', EN_FOOTBALL)  # exclusion wins


def test_each_article_is_matched_in_its_own_language() -> None:
    russian = ("Выборы в Молдове", "Голосование на выборах прошло спокойно.", "ru")
    assert admits("выборах", EN_CLIMATE, russian)
    assert not admits("выборах", EN_CLIMATE)
    # A German stem that happens to be an English word does not leak across languages.
    german = ("Die Wahl", "Die Wahl ist vorbei.", "de")
    assert not admits("die", EN_CLIMATE)
    assert admits("die", german)


def test_no_rules_admit_everything_and_texts_are_plain_strings() -> None:
    assert TopicFilter().admits([]) is True
    assert not TopicFilter.from_keys(["football"]).admits([])
    text = stem_text("Footballers", "Clubs\n\nstrike", "en")
    assert text == StemmedText("en", " footbal | club | strike ")


def test_empty_titles_bodies_and_paragraph_runs_leave_no_stray_breaks() -> None:
    assert stem_text("", "\n\n", "en").text == " "
    assert stem_text("", "Body\n\n\nMore\n", "en").text == " bodi | more "
    empty, full = stem_text("", "", "en"), stem_text("Foo", "bar", "en")
    assert join_texts([empty, full, empty]) == [StemmedText("en", " foo | bar ")]
    assert join_texts([empty]) == [StemmedText("en", " ")]
