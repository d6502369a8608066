"""Quotes that differ: two reports quoting what was said on two occasions tell two happenings."""

from __future__ import annotations

import dataclasses

from summarizer.events.cluster import EventIndex, Evidence, _quotes_differ, pair_evidence
from summarizer.events.features import LEAD_WORDS, article_features, quoted_words
from summarizer.events.index import Item
from summarizer.text.quotes import outside_quotes, quotations
from tests.summarizer.eventdocs import en_doc

# A minister names a player who failed a test, then, days later, refuses to apologise for it.
NAMED = en_doc(
    1,
    "Tennis star failed drugs test, says minister",
    "Belgian sports minister Luc Verhaegen says the world number four Anna Petrova tested "
    "positive for the stimulant ephedrine at an exhibition event in Liege last month. "
    '"There is a problem. Ephedrine was found in her sample," Verhaegen told reporters in '
    'Brussels. "She remains innocent until proved guilty." Petrova, who is playing at the '
    "Australian Open, has not been able to have a second sample tested. The event was not "
    "run under the rules of the world anti-doping agency or the women's tour.",
)
REFUSED = en_doc(
    2,
    "Minister will not apologise over Petrova doping row",
    "The Belgian sports minister at the centre of the Anna Petrova doping row says he will "
    "not apologise for naming the tennis player. Luc Verhaegen claims the world number four "
    "tested positive for ephedrine at an exhibition event in Liege last month. "
    '"I will never say sorry. It is up to her to explain why it is there," he said on '
    "Tuesday. The women's tour cleared Petrova of any offence because the stimulant is not "
    "banned out of competition.",
)
# The first statement told again by another report, which quotes other sentences of it.
RETOLD = en_doc(
    3,
    "Petrova failed drugs test, Belgian minister says",
    "The world number four Anna Petrova tested positive for ephedrine at an exhibition event "
    "in Liege last month, Belgian sports minister Luc Verhaegen has said. "
    '"Ephedrine was found. She can ask for it to be tested again," Verhaegen said. Petrova, '
    "who is at the Australian Open, said she had not been told of any positive test. The "
    "event was not run under the rules of the world anti-doping agency.",
)


def item(key: int, quoted: list[str]) -> Item:
    """A one-article item that quotes `quoted` words."""
    return Item.of({}, quoted=quoted, key=key)


def test_quotations_are_the_closed_quotes_in_order() -> None:
    text = 'He said "we will win" and then, in French, « nous gagnerons ». "Still open'
    assert quotations(text) == ["we will win", " nous gagnerons "]
    # a quotation inside another is part of it, as outside_quotes reads it
    nested = "«Он сказал „нет“ дважды», — заявил министр."
    assert quotations(nested) == ["Он сказал „нет“ дважды"]
    assert outside_quotes(nested) == " , — заявил министр."
    assert quotations("No quotation here.") == []


def test_quoted_words_are_the_terms_inside_quotations() -> None:
    assert quoted_words('Verhaegen said: "Ephedrine was found in her sample."', "en") == {
        "ephed",
        "found",
        "sampl",
    }
    assert quoted_words("Verhaegen said ephedrine was found.", "en") == frozenset()
    # a quotation cut open by the end of the lead counts for nothing
    assert quoted_words('He said: "Ephedrine was', "en") == frozenset()


def test_an_article_quotes_in_its_title_and_lead_only() -> None:
    features = article_features(NAMED.title, NAMED.body)
    assert {"ephed", "innoc", "guilt"} <= features.quoted
    assert "petro" not in features.quoted  # named, not quoted
    title = article_features("Minister: 'no apology'", "He spoke.").quoted
    assert title == frozenset()  # single quotes are apostrophes as often: not read
    late = " ".join(["word"] * LEAD_WORDS) + ' He said: "Ephedrine found."'
    assert article_features("Minister speaks", late).quoted == frozenset()
    assert article_features('Minister: "Ephedrine found"', late).quoted == {"ephed", "found"}


def test_quotes_sharing_no_word_differ() -> None:
    assert _quotes_differ(item(1, ["problem", "ephed"]), item(2, ["never", "sorri"]))


def test_a_shared_quoted_word_gives_no_evidence() -> None:
    assert not _quotes_differ(item(1, ["problem", "ephed"]), item(2, ["ephed", "again"]))


def test_a_side_that_quotes_nothing_gives_no_evidence() -> None:
    assert not _quotes_differ(item(1, ["problem", "ephed"]), item(2, []))
    assert not _quotes_differ(item(1, []), item(2, ["never"]))


def test_an_event_quotes_what_any_of_its_articles_quotes() -> None:
    event = item(1, ["problem", "ephed"])
    event.quoted = {"problem": 1, "ephed": 1, "never": 1}
    event.size = 2
    assert not _quotes_differ(item(2, ["never", "sorri"]), event)
    event.quoted = {"problem": 1, "ephed": 2}
    assert _quotes_differ(item(2, ["never", "sorri"]), event)


def test_differing_quotes_cut_the_score_to_a_third() -> None:
    found = Evidence(
        similarity=0.45, terms=0.5, names=0.5, conflict=False, discount=1.0, support=0.8
    )
    assert found.joins()
    cut = dataclasses.replace(found, quotes_differ=True)
    assert abs(cut.score - 0.15) < 1e-9
    assert not cut.joins()
    # cut once with another conflict of its kind, as the name and particulars conflicts are
    both = dataclasses.replace(cut, conflict=True)
    assert abs(both.score - 0.15) < 1e-9


def test_a_statement_and_a_later_refusal_part_through_the_index() -> None:
    found = pair_evidence(NAMED, REFUSED)
    assert found.quotes_differ
    # without the quotes the two reports are close enough to join
    assert dataclasses.replace(found, quotes_differ=False).joins()
    assert not found.joins()
    index = EventIndex()
    first = index.add(NAMED).event_key
    assert index.add(REFUSED).event_key != first


def test_one_statement_quoted_in_other_sentences_still_joins() -> None:
    found = pair_evidence(NAMED, RETOLD)
    assert not found.quotes_differ  # both quote "ephedrine was found"
    assert found.joins()
    index = EventIndex()
    first = index.add(NAMED).event_key
    assert index.add(RETOLD).event_key == first
