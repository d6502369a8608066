"""The offline sumy tokenizer and the words() helper."""

from __future__ import annotations

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.utils import get_stop_words

from summarizer.text.tokenizer import OfflineTokenizer, character_bigrams, words

TEXT = (
    "Shares of Acme Corp. rose 4% on Sept. 3 after the U.S. regulator approved its merger.\n"
    "Mr. Smith, the chief executive, said the deal would create 2,000 jobs.\n"
    '"We will win," he said. Trading closed at 4 p.m. The regulator declined to comment.'
)


def test_to_sentences_handles_abbreviations_and_quotes() -> None:
    tokenizer = OfflineTokenizer("english")
    assert tokenizer.language == "english"
    assert tokenizer.to_sentences(TEXT) == (
        "Shares of Acme Corp. rose 4% on Sept. 3 after the U.S. regulator approved its merger.",
        "Mr. Smith, the chief executive, said the deal would create 2,000 jobs.",
        '"We will win," he said.',
        "Trading closed at 4 p.m.",
        "The regulator declined to comment.",
    )


def test_to_words_keeps_letters_only() -> None:
    tokenizer = OfflineTokenizer("en")
    assert tokenizer.to_words('"We can\'t win," Mr. Smith said of 2,000 rock-and-roll fans.') == (
        "We",
        "can't",
        "win",
        "Mr",
        "Smith",
        "said",
        "of",
        "rock-and-roll",
        "fans",
    )


def test_sumy_runs_end_to_end_without_nltk_data() -> None:
    parser = PlaintextParser.from_string(TEXT, OfflineTokenizer("english"))
    summarizer = LuhnSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    summary = [str(s) for s in summarizer(parser.document, 2)]
    assert len(summary) == 2
    assert all(s in TEXT for s in summary)


def test_words_lowercases_and_keeps_numbers_whole() -> None:
    assert words("The U.S. paid $2,000 (3.5%) at 9:30 a.m., Smith's firm said.") == [
        "the",
        "u.s.",
        "paid",
        "2,000",
        "3.5%",
        "at",
        "9:30",
        "a.m.",
        "smith's",
        "firm",
        "said",
    ]
    assert words("") == []


def test_chinese_words_are_character_pairs() -> None:
    assert character_bigrams("政府宣布 GDP") == ["政府", "府宣", "宣布", "GDP"]
    assert OfflineTokenizer("zh").to_words("税收。") == ("税收",)
    assert character_bigrams("一") == ["一"]


def test_unspaced_scripts_count_and_compare_in_character_pairs() -> None:
    from summarizer.text.tokenizer import spaced_bigrams, word_count

    assert word_count("東京都で会議") == 3
    assert word_count("The talks opened in Vesburg") == 5
    assert word_count("การเจรจาเริ่มขึ้น และ talks") == (17 + 3) // 2 + 1
    assert spaced_bigrams("東京都で") == " 東京 京都 都で "
    assert spaced_bigrams("Talks in Vesburg") == "Talks in Vesburg"
    assert "การ" not in spaced_bigrams("การเจรจา").split()  # Thai runs become pairs too
