"""Sources: one row per outlet, however its inputs spell it; an unnamed input is no spelling."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlmodel import Session

from summarizer.outlets import outlet_key
from summarizer.store import articles as article_store
from summarizer.store.db import create_schema, make_engine
from summarizer.views import UNKNOWN_OUTLET


def test_another_spelling_finds_the_first_source_and_reads_each_row_once(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'sources.db'}")
    create_schema(engine)
    scans: list[int] = []  # the id each read of the sources table starts after

    def note(
        _conn: object, _cursor: object, statement: str, parameters: tuple[int, ...], *_: object
    ) -> None:
        if "source.id >" in statement:
            scans.append(parameters[0])

    event.listen(engine, "before_cursor_execute", note)
    keys = article_store.SourceKeys()
    with Session(engine) as session:

        def source(name: str) -> int:
            return article_store.source_id(session=session, name=name, keys=keys)

        wired, unnamed = source("Wired"), source("")
        assert source("WIRED") == source(" wired ") == source("Wired.com") == wired
        assert source("The Week") == source("Week") != wired
        assert source("Unknown") not in (unnamed, wired)  # no spelling of an unnamed input
        assert source(UNKNOWN_OUTLET) == unnamed
        assert source("Wired Magazine") == wired
        rows = session.connection().exec_driver_sql("SELECT id, name FROM source")
        names = {int(row[0]): str(row[1]) for row in rows}
        assert names[wired] == "Wired" and "WIRED" not in names.values()
        # Each read starts after the rows read before: a row is read once, however many names.
        assert scans[0] == 0 and scans == sorted(scans) and scans[-1] == max(names) - 1
        article_store.add_line_counts(session=session, counts={wired: {"k1": 3}})
        history = article_store.line_history(session=session, wanted={"WIRED": ["k1"]}, keys=keys)
        assert history == {"WIRED": {"k1": 3}}
        assert scans[-1] == max(names)  # the same keys: only rows stored since are read
    engine.dispose()


def test_a_country_ending_keeps_an_outlet_apart_and_a_generic_one_does_not() -> None:
    # A country's web ending names another outlet ("ABC.net.au" is Australia's ABC, not the US
    # one); a generic ending, "www." and "Magazine" do not.
    assert outlet_key("ABC.net.au") != outlet_key("ABC")
    assert outlet_key("Independent.ie") != outlet_key("The Independent")
    assert outlet_key("www.thestar.com.my") != outlet_key("www.thestar.com")
    assert outlet_key("www.nytimes.com") == outlet_key("nytimes.com") == outlet_key("NYTimes")
    assert outlet_key("The Atlantic Magazine.com") == outlet_key("The Atlantic")
    assert outlet_key("MacRumors.com") == outlet_key("MacRumors")
