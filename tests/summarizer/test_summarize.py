"""Per-article extractive summaries: lengths, order, readability guarantees, languages, methods."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.summarize.article import summarize_article
from summarizer.summarize.methods import METHODS, rank_order
from summarizer.text.rules import stands_alone
from summarizer.text.sentences import split_sentences

TITLE = "City council approves new harbour bridge"
BODY = """City council approves new harbour bridge

By Staff Reporter

The city council approved a new harbour bridge on Tuesday after a two-year debate.
The bridge will cost 2,000 million dollars and link the old harbour to the northern district.
Council members voted 31 to 12 in favour of the harbour bridge plan.
Photo: the harbour at dawn
Supporters say the bridge will cut travel times across the harbour by half.
Opponents on the council argued that the harbour bridge costs too much.
Construction of the bridge is expected to start next spring and last four years.
The mayor said the vote was a historic day for the city and its harbour.
"""


def _words(summary: tuple[str, ...]) -> int:
    return sum(len(s.split()) for s in summary)


def test_default_is_three_sentences_in_article_order() -> None:
    summary = summarize_article(TITLE, BODY)
    assert len(summary) == 3
    body_sentences = split_sentences(BODY)
    positions = [body_sentences.index(s) for s in summary]
    assert positions == sorted(positions)


def test_sentence_count() -> None:
    assert len(summarize_article(TITLE, BODY, sentences=1)) == 1
    assert len(summarize_article(TITLE, BODY, sentences=5)) == 5


def test_word_budget_is_kept_and_filled_greedily() -> None:
    summary = summarize_article(TITLE, BODY, words=40)
    assert 0 < _words(summary) <= 40
    assert len(summary) >= 2
    longer = summarize_article(TITLE, BODY, words=80)
    assert _words(summary) < _words(longer) <= 80


def test_word_budget_below_every_sentence_returns_the_best_sentence_uncut() -> None:
    summary = summarize_article(TITLE, BODY, words=3)
    assert len(summary) == 1
    assert summary[0] in split_sentences(BODY)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sentences": 2, "words": 50}, "either sentences or words"),
        ({"sentences": 0}, "sentences must be at least 1"),
        ({"words": -5}, "words must be at least 1"),
    ],
)
def test_bad_limits_raise_value_error(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        summarize_article(TITLE, BODY, **kwargs)  # type: ignore[arg-type]


def test_never_includes_non_prose_lines_or_the_title() -> None:
    summary = summarize_article(TITLE, BODY, sentences=20)
    assert summary  # every prose sentence, and only those
    assert TITLE not in summary
    assert "By Staff Reporter" not in summary
    assert "Photo: the harbour at dawn" not in summary
    assert len(summary) == 7


def test_never_repeats_a_sentence_or_a_near_duplicate() -> None:
    body = (
        "The harbour bridge will open in June after four years of building work.\n"
        "The harbour bridge will open in June after four years of building work.\n"
        "The new harbour bridge will open in June, after four years of building work.\n"
        "Tolls on the harbour bridge will be two dollars for cars and free for bicycles.\n"
        "The city expects forty thousand crossings on the harbour bridge every day.\n"
    )
    summary = summarize_article("Bridge opens", body, sentences=3)
    assert len(summary) == 3
    assert len({s.replace(",", "").replace("new ", "") for s in summary}) == 3
    assert sum("open in June" in s for s in summary) == 1


def test_does_not_open_with_a_dependent_sentence_when_a_standalone_exists() -> None:
    body = (
        "He added: the harbour bridge vote was a victory for the harbour district and the city.\n"
        "The harbour district council held a vote on the harbour bridge on Tuesday evening.\n"
        "But critics of the harbour bridge said the harbour district vote was rushed.\n"
        "Local shops in the old town reported a quiet week before the holiday season.\n"
    )
    ranked = rank_order("default", split_sentences(body))
    assert ranked[0] in (0, 2)  # a dependent sentence ranks first, so the rule must act
    title = "Harbour district votes on the bridge"
    summary = summarize_article(title, body, sentences=2)
    assert len(summary) == 2
    assert stands_alone(summary[0], context=title)
    assert summary[0].startswith("The harbour district council")


def test_keeps_a_dependent_opening_when_nothing_better_exists() -> None:
    body = "He said the harbour bridge would open in June this year.\n"
    assert summarize_article("Bridge", body) == (body.strip(),)


@pytest.mark.parametrize("body", ["", "   \n\n", "Short line\nAnother short one"])
def test_empty_or_non_prose_body_gives_an_empty_summary(body: str) -> None:
    assert summarize_article("Title", body) == ()


def test_one_sentence_body_returns_it() -> None:
    body = "The harbour bridge will open to traffic in June next year."
    assert summarize_article("Bridge", body, sentences=3) == (body,)
    assert summarize_article("Bridge", body, words=5) == (body,)


def test_every_language_is_summarised_without_a_stemmer() -> None:
    body = (
        "政府は月曜日に増税を発表した。野党は国会で反対する方針を示している。"
        "専門家は景気への影響を心配している。"
    )
    summary = summarize_article("増税", body, language="ja", sentences=2)
    assert len(summary) == 2 and all(s in body for s in summary)
    assert summarize_article("Title", BODY, language="", sentences=1)
    assert summarize_article("Title", BODY, language="xx", sentences=1)


def test_unknown_method_raises_input_error() -> None:
    with pytest.raises(InputError, match="'bogus'"):
        summarize_article(TITLE, BODY, method="bogus")
    with pytest.raises(ValueError, match="unknown summary method"):
        rank_order("bogus", ["A sentence here."])


@pytest.mark.parametrize("method", METHODS)
def test_every_method_summarises(method: str) -> None:
    summary = summarize_article(TITLE, BODY, method=method, sentences=2)
    assert len(summary) == 2
    body_sentences = split_sentences(BODY)
    assert all(s in body_sentences for s in summary)
    assert stands_alone(summary[0], context=TITLE)


def test_lead_takes_the_first_prose_sentences() -> None:
    summary = summarize_article(TITLE, BODY, method="lead", sentences=2)
    assert summary == (
        "The city council approved a new harbour bridge on Tuesday after a two-year debate.",
        "The bridge will cost 2,000 million dollars and link the old harbour to the northern"
        " district.",
    )


@pytest.mark.parametrize("method", ["default", "textrank", "lead"])
def test_chinese_without_jieba_returns_whole_sentences(method: str) -> None:
    body = (
        "市政府周二批准了新的港口大桥建设计划。"
        "大桥预计耗资二十亿元，连接老港口和北区。"
        "支持者表示，港口大桥将使通行时间减少一半。"
        "反对者认为港口大桥的建设成本过高。"
    )
    summary = summarize_article("港口大桥获批", body, language="zh", method=method, sentences=2)
    assert len(summary) == 2
    assert all(s in body and s.endswith("。") for s in summary)


def test_russian_and_german() -> None:
    ru = (
        "Городской совет во вторник одобрил строительство нового моста через гавань.\n"
        "Мост обойдётся городу в два миллиарда рублей и соединит старую гавань с севером.\n"
        "Сторонники говорят, что мост через гавань вдвое сократит время в пути.\n"
        "Противники считают, что строительство моста обойдётся слишком дорого.\n"
    )
    assert len(summarize_article("Мост", ru, language="ru", sentences=2)) == 2
    de = (
        "Der Stadtrat hat am Dienstag den Bau einer neuen Hafenbrücke beschlossen.\n"
        "Die Brücke soll zwei Milliarden Euro kosten und den alten Hafen anbinden.\n"
        "Befürworter sagen, die Hafenbrücke halbiere die Fahrzeit über den Hafen.\n"
    )
    assert len(summarize_article("Brücke", de, language="de", sentences=2)) == 2


def test_default_beats_sumy_textrank_on_bbc_sample(shared: Path) -> None:
    from benchmarks.bbc import _briefing, _top_k, load_pairs, run_system

    pairs = load_pairs(shared, limit=40)
    if not pairs:
        pytest.skip("BBC dev set not found")
    ours = run_system("default", _briefing, pairs)
    sumy = run_system("textrank", _top_k("textrank"), pairs)
    assert ours.rouge1 >= sumy.rouge1
    assert ours.rouge2 >= sumy.rouge2


def test_a_summary_closes_a_quotation_only_where_the_speech_stops_being_shown() -> None:
    speech = [
        "The lighthouse on Carrow Point will be repainted before the summer season begins",
        "The scaffolding goes up on Monday and the painters start work the day after",
        "Walkers on the cliff path will be sent round by the old quarry for six weeks",
        "The lamp itself will keep turning every night while the painters are at work",
    ]
    body = '"' + ". ".join(speech) + '."'
    shown = summarize_article("Carrow Point lighthouse to be repainted", body, sentences=4)
    assert " ".join(shown).count('"') == 2  # one quotation, opened once and closed once
    assert shown[0].startswith('"') and shown[-1].endswith('."')
