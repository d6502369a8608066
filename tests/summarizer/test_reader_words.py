"""Reader words: one table per language; promotion decides as it did with its four old tables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.text import promotion
from summarizer.text.language import word_set
from summarizer.text.reader_words import READER_WORDS, plug_words, site_to_reader
from summarizer.text.sentences import split_sentences

# The oracle: promotion's four overlapping tables as they were before reader_words replaced them.
_OLD_TO_READER = re.compile(
    r"\b(?:you|your|yours|our|us|we|vous|votre|nos|sie|ihr|ihre|unser\w*|tu|su|nuestr\w*"
    r"|vostr\w*|nostr\w*|você|seu|sua|nosso|nossa|u|uw|onze|вы|ваш\w*|наш\w*|ви|ваш\w*"
    r"|наш\w*)\b"
)
_OLD_READER_WORDS = re.compile(
    r"\b(?:you|your|yours|here|now|today|free|more|our|us|sie|ihr|hier|jetzt|vous|votre|ici"
    r"|usted|tu|aquí|ahora|qui|ora|você|aqui|agora|u|uw|hier|nu|вы|ваш|здесь|сейчас|ви|ваш|тут"
    r"|зараз)\b",
    re.IGNORECASE,
)
_OLD_SECOND_PERSON = {
    "en": word_set("you your yours yourself yourselves"),
    "de": word_set("du dich dir dein deine deinen deinem deiner deines euch euer eure euren"),
    "fr": word_set("vous votre vos tu toi ta tes"),
    "es": word_set("tú tu tus usted ustedes vosotros vosotras vuestro vuestra vuestros vuestras"),
    "it": word_set("tu tuo tua tuoi tue voi vostro vostra vostri vostre"),
    "pt": word_set("você vocês tu teu tua teus tuas"),
    "nl": word_set("je jij jou jouw u uw jullie"),
    "ru": word_set("вы вас вам вами ваш ваша ваше ваши вашего вашей вашим ты тебя тебе твой твоя"),
    "uk": word_set("ви вас вам вами ваш ваша ваше ваші вашого вашої ти тебе тобі твій твоя"),
}
_OLD_YOU = re.compile(r"\b(?:" + "|".join(sorted(_OLD_SECOND_PERSON["en"])) + r")\b")
_OLD_READER_OBJECTS = {
    "en": word_set("your yourself yourselves"),
    "de": word_set("Sie Ihre Ihren Ihrem Ihrer dich dein deine"),
    "fr": word_set("votre vos vous-même ton ta tes"),
    "es": word_set("tu tus"),
    "it": word_set("tuo tua tuoi tue"),
    "pt": word_set("teu tua"),
    "nl": word_set("uw je jouw"),
    "ru": word_set("ваш ваша ваше ваши"),
    "uk": word_set("ваш ваша ваше ваші"),
}


def _eval_sentences(shared: Path) -> list[str]:
    """Every sentence of the dev sets' texts (not their HTML pages)."""
    eval_dir = shared / "eval"
    paths = [
        *sorted((eval_dir / "bbc" / "articles").rglob("*.txt")),
        *sorted((eval_dir / "wikiref" / "articles").iterdir()),
        *sorted((eval_dir / "extraction" / "text").glob("*.txt")),
        *sorted((eval_dir / "eventpairs").glob("*.tsv")),
        eval_dir / "multiling" / "documents.jsonl",
    ]
    sentences: list[str] = []
    for path in paths:
        text = path.read_bytes().decode("utf-8", errors="replace")
        for line in text.splitlines():
            sentences.extend(split_sentences(line, "en"))
    return sentences


@pytest.fixture
def corpus(shared: Path) -> list[str]:
    sentences = _eval_sentences(shared)
    if len(sentences) < 10_000:
        pytest.skip(f"the dev sets under {shared}/eval hold only {len(sentences)} sentences")
    return sentences


def test_the_word_subsets_are_the_old_tables() -> None:
    assert {language: words.you for language, words in READER_WORDS.items()} == (_OLD_SECOND_PERSON)
    assert {language: words.objects for language, words in READER_WORDS.items()} == (
        _OLD_READER_OBJECTS
    )


def _every_old_word() -> list[str]:
    """Lines that hold each word of the old tables as written, capitalised, in capitals, with a
    suffix and inside a longer word (the dev sets lack some languages: Dutch "nu")."""
    words = set(re.findall(r"[^\W\d_]+", _OLD_TO_READER.pattern + _OLD_READER_WORDS.pattern))
    for table in (_OLD_SECOND_PERSON, _OLD_READER_OBJECTS):
        words |= {word for subset in table.values() for word in subset}
    words -= {"b", "w"}  # of the patterns' \b and \w
    return [
        line
        for word in sorted(words)
        for line in (
            f"{word} is here.",
            f"{word.capitalize()} is here.",
            f"They said {word} twice.",
            f"They said {word.upper()} twice.",
            f"They said {word}e twice.",
            f"They said x{word} twice.",
        )
    ]


def test_the_matchers_decide_as_the_old_tables_on_every_dev_sentence(corpus: list[str]) -> None:
    differing = [
        text
        for text in [*corpus, *_every_old_word()]
        if site_to_reader(text) != bool(_OLD_TO_READER.search(text[:1].lower() + text[1:]))
        or plug_words(text) != bool(_OLD_READER_WORDS.search(text))
        or bool(promotion._YOU.search(text.lower())) != bool(_OLD_YOU.search(text.lower()))
    ]
    assert not differing, differing[:5]
    # the corpus holds lines each matcher takes and lines it does not
    assert {site_to_reader(text) for text in corpus} == {True, False}
    assert {plug_words(text) for text in corpus} == {True, False}


@pytest.mark.parametrize(
    ("text", "language", "promotional"),
    [
        ("Sign up for our newsletter to get the latest on the election.", "en", True),
        ("The company plans to sign up AOL's customers by March.", "en", False),
        ("Abonnez-vous à votre newsletter préférée dès maintenant.", "fr", True),
        ("Grab yours today!", "de", True),
        ("El presidente anunció su dimisión tras la derrota electoral!", "es", False),
        ("Escape your echo chamber.", "en", True),
        ("Melden Sie sich jetzt an.", "de", True),
        ("Find out more here!", "en", True),
        ("Find the courage to go on, the coach told his players.", "en", False),
    ],
)
def test_promotion_reads_the_reader_words(text: str, language: str, promotional: bool) -> None:
    assert promotion.is_promotional(text, language) is promotional
