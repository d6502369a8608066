"""Page furniture: short lines repeated across articles of one source are learnt and dropped."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, select

from summarizer.clean.furniture_lines import line_key
from summarizer.ingest.furniture import Furniture
from summarizer.ingest.prepare import Jobs
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.store.models import Article
from summarizer.values import RawInput

NOW = datetime(2026, 3, 20, tzinfo=UTC)
REPO_ROOT = Path(__file__).resolve().parents[2]
PROMO = "The Gazette has been owned by its readers since 1921."
STORIES = [
    (
        "Harbour bridge reopens after repairs",
        "The harbour bridge reopened to traffic on Monday after six weeks of repairs to its "
        "steel deck, the city council said. Engineers replaced 40 bearings and repainted the "
        "main span. Commuters had faced detours of up to 20 minutes during the closure.",
    ),
    (
        "Ferry timetable changes from April",
        "The island ferry will run every 30 minutes at peak times from April 1, the operator "
        "announced on Tuesday. Evening sailings will end an hour later on Fridays and "
        "Saturdays. Fares will stay the same until the end of the year.",
    ),
    (
        "Fish market to move to the old rail yard",
        "The fish market will move to a new hall at the old rail yard next spring, the port "
        "authority said on Wednesday. Traders welcomed the larger space but asked for more "
        "parking. The old market building will become a museum of the fishing fleet.",
    ),
    (
        "Lighthouse keeper's cottage opens to visitors",
        "The restored cottage of the last lighthouse keeper opens to visitors on Saturday, the "
        "heritage trust said. Volunteers spent two years repairing the roof and the original "
        "kitchen. Entry will be free for children under 12 during the first month.",
    ),
]


def write(folder: Path, index: int) -> Path:
    title, body = STORIES[index]
    path = folder / f"2026-03-1{index}_harbour-gazette_story-{index}.txt"
    path.write_text(f"{title}\n\n{body}\n\n{PROMO}\n", encoding="utf-8")
    return path


def bodies(service: BriefingService) -> dict[str, str]:
    with Session(service.engine) as session:
        return {Path(a.location).name: a.body for a in session.exec(select(Article))}


def test_furniture_is_learnt_across_runs_per_source(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'f.db'}")
    create_schema(engine)
    service = BriefingService(engine, {})
    first = [write(tmp_path, 0), write(tmp_path, 1)]
    assert service.ingest([str(p) for p in first], now=NOW).new == 2
    # Seen in two articles so far: kept (it might be news).
    assert all(PROMO in body for body in bodies(service).values())
    # Re-ingesting the same files must not count them again.
    assert service.ingest([str(p) for p in first], now=NOW).duplicate == 2
    third = write(tmp_path, 2)
    assert service.ingest([str(third)], now=NOW).new == 1
    assert PROMO not in bodies(service)[third.name]
    assert "fish market will move" in bodies(service)[third.name]
    engine.dispose()


def test_furniture_within_one_batch_from_the_third_article_on(tmp_path: Path) -> None:
    # No look-ahead: an article's furniture is what the articles stored before it and itself
    # carry, so the first two articles of the source keep the line, as a feed poll keeps it.
    engine = make_engine(f"sqlite:///{tmp_path / 'g.db'}")
    create_schema(engine)
    service = BriefingService(engine, {})
    paths = [write(tmp_path, i) for i in range(4)]
    assert service.ingest([str(p) for p in paths], now=NOW).new == 4
    found = bodies(service)
    assert [PROMO in found[p.name] for p in paths] == [True, True, False, False]
    engine.dispose()


@pytest.mark.parametrize("split", [[4], [1, 1, 1, 1], [1, 2, 1], [3, 1], [2, 2]])
def test_any_split_into_batches_gives_the_bodies_of_one_batch(
    tmp_path: Path, split: list[int]
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'split.db'}")
    create_schema(engine)
    service = BriefingService(engine, {})
    paths = [str(write(tmp_path, i)) for i in range(4)]
    start = 0
    for size in split:
        service.ingest(paths[start : start + size], now=NOW)
        start += size
    found = bodies(service)
    engine.dispose()
    one = make_engine(f"sqlite:///{tmp_path / 'one.db'}")
    create_schema(one)
    single = BriefingService(one, {})
    single.ingest(paths, now=NOW)
    assert found == bodies(single)
    one.dispose()


def test_an_article_is_prepared_again_when_the_counts_moved_before_it_was_stored(
    tmp_path: Path,
) -> None:
    # Another process stored two articles of the source between this batch's start (its
    # guess: no furniture yet) and its storing: the line is furniture by then.
    engine = make_engine(f"sqlite:///{tmp_path / 'h.db'}")
    create_schema(engine)
    service = BriefingService(engine, {})
    other = BriefingService(engine, {})
    paths = [write(tmp_path, i) for i in range(3)]
    original = service._ingestor._near_window

    def meanwhile(session: Session) -> None:
        original(session)
        session.commit()
        assert other.ingest([str(p) for p in paths[:2]], now=NOW).new == 2

    service._ingestor._near_window = meanwhile  # type: ignore[method-assign]
    assert service.ingest([str(paths[2])], now=NOW).new == 1
    found = bodies(service)
    assert PROMO in found[paths[0].name] and PROMO not in found[paths[2].name]
    engine.dispose()


_COUNT_ORDER = """
from summarizer.ingest.furniture import Furniture
from summarizer.values import RawInput
text = "\\n".join(f"Short line number {n}" for n in range(12))
raws = [RawInput(location=f"{i}.txt", content=text, kind="text", source="Gazette") for i in (1, 2)]
furniture = Furniture(raws)
furniture.learn(furniture.wanted(), {})
furniture.stored(0)
furniture.stored(1)
print(list(furniture.take_pending()["Gazette"]))
"""


def test_line_counts_come_in_the_same_order_whatever_the_hash_seed() -> None:
    # The order decides the ids of new `sourceline` rows: they must not change from run to run.
    orders = {
        subprocess.run(
            [sys.executable, "-c", _COUNT_ORDER],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(4)
    }
    assert len(orders) == 1


def test_a_guess_uses_the_counts_read_last_and_the_inputs_not_stored_before_it() -> None:
    raws = [
        RawInput(
            location=f"{i}.txt",
            content=f"Story {i}\nThe standing line",
            kind="text",
            source="Gazette",
        )
        for i in range(4)
    ]
    furniture = Furniture(raws)
    furniture.learn(furniture.wanted(), {})
    standing = "the standing line"
    jobs = Jobs(raws, furniture.guess)
    assert [standing in furniture.guess(i) for i in range(4)] == [False, False, True, True]
    assert standing not in jobs[1].known_boilerplate  # made now, kept
    # Another process stored two articles with the line; this turn reads the counts again.
    furniture.forget()
    source = furniture.sources[0]
    wanted = furniture.wanted()
    furniture.learn(wanted, {source: {line_key(standing): 2}})
    assert all(standing in furniture.guess(i) for i in range(4))
    assert standing not in jobs[1].known_boilerplate and standing in jobs[0].known_boilerplate
    assert furniture.known(0) == frozenset({standing})  # what storing decides


def test_texts_without_an_outlet_share_no_furniture(tmp_path: Path) -> None:
    # Texts whose outlet nothing names are stored under "unknown": not one site, so a line
    # they happen to share (a headline, a one-line paragraph) is not its furniture.
    engine = make_engine(f"sqlite:///{tmp_path / 'u.db'}")
    create_schema(engine)
    service = BriefingService(engine, {})
    paths = []
    for index, (title, body) in enumerate(STORIES):
        path = tmp_path / f"story-{index}.txt"
        lead, rest = body.split(". ", 1)
        path.write_text(
            f"{title}\n\n{lead}.\n\nPolice are investigating.\n\n{rest}\n", encoding="utf-8"
        )
        paths.append(path)
    assert service.ingest([str(p) for p in paths], now=NOW).new == 4
    assert all("Police are investigating." in body for body in bodies(service).values())
    engine.dispose()
