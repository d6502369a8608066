"""The ingest origin: a process that starts takes up the indexes the others grew, exactly."""

from __future__ import annotations

import tracemalloc
import zlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from summarizer.events import stories
from summarizer.events.held import HeldFeatures
from summarizer.events.postings import StoredPostings
from summarizer.events.stories import StoryLinker
from summarizer.ingest import runner
from summarizer.service import BriefingService
from summarizer.store import articles as article_store
from summarizer.store import ingest_state
from summarizer.store.db import create_schema, make_engine
from summarizer.store.ingest_state import load_origin, origin_mark
from summarizer.store.snapshot import differences, ingest_outcome
from tests.ingest.synthetic import synthetic_stream
from tests.summarizer.test_events_state import event_index_state


def _engine(path: Path) -> object:
    engine = make_engine(f"sqlite:///{path}")
    create_schema(engine)
    return engine


def _one_by_one(path: Path, inputs: Sequence[str]) -> tuple[object, BriefingService]:
    """A fresh SQLite file and a service (a process) that ingested these inputs one at a time,
    as a bot polling does."""
    engine = _engine(path)
    service = BriefingService(engine)  # type: ignore[arg-type]
    for location in inputs:
        service.ingest([location])
    return engine, service


def _origin_with_stories(
    path: Path, stream: Sequence[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[object, BriefingService]:
    """A fresh SQLite file holding the first 30 inputs (one batch), and a process that stored
    the 31st after rebuilding its indexes from the rows (too far behind at a replay limit of
    5): the origin, with stories."""
    engine = _engine(path)
    BriefingService(engine).ingest(stream[:30])  # type: ignore[arg-type]
    monkeypatch.setattr(runner, "REPLAY_LIMIT", 5)
    rebuilt = BriefingService(engine)  # type: ignore[arg-type]
    rebuilt.ingest([stream[30]])
    return engine, rebuilt


def _state(service: BriefingService) -> tuple[object, ...]:
    """What the service's indexes hold: the event index's whole state (every sum with its
    order, postings, first articles, story vectors, queues, counts), stories with their sums,
    and next keys."""
    ingestor = service._ingestor
    for key in list(ingestor.stories._unread):  # stories a follower has not needed yet
        ingestor.stories._ready(key)
    stories = [(i.key, i.size, sorted(i.centroid.items())) for i in ingestor.stories._index.items()]
    return (event_index_state(ingestor.events), stories, ingestor.stories.next_key)


def test_a_new_process_holds_the_indexes_of_the_process_that_ingested_before(
    tmp_path: Path,
) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 120)]
    single_engine, single = _one_by_one(tmp_path / "single.db", stream[:80])
    relay_engine, _first = _one_by_one(tmp_path / "relay.db", stream[:80])
    # A CLI started later (a new process): it neither rebuilds from rows nor guesses, it
    # takes up the origin and replays the 80 articles, so it holds what the first one holds.
    second = BriefingService(relay_engine)  # type: ignore[arg-type]
    second.ingest([stream[80]])
    single.ingest([stream[80]])
    assert _state(second) == _state(single)
    for path in stream[81:]:
        second.ingest([path])
        single.ingest([path])
    assert differences(ingest_outcome(single_engine), ingest_outcome(relay_engine)) == 0  # type: ignore[arg-type]


def test_an_origin_too_far_back_is_rebuilt_and_the_others_follow_the_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 30)]
    engine, bot = _one_by_one(tmp_path / "far.db", stream[:20])
    with Session(engine) as session:  # type: ignore[arg-type]
        before = origin_mark(session=session)
    monkeypatch.setattr(runner, "REPLAY_LIMIT", 5)
    cli = BriefingService(engine)  # type: ignore[arg-type]
    cli.ingest([stream[20]])  # 20 articles after the origin: rebuilt, a new origin
    with Session(engine) as session:  # type: ignore[arg-type]
        after = origin_mark(session=session)
    assert before is not None and after is not None and after[0] > before[0]
    assert after[1] == 20  # the rebuild covers the 20 stored articles
    bot.ingest([stream[21]])  # the bot leaves its own indexes for the new origin's
    cli.ingest([stream[22]])
    assert bot.ingest([stream[0]]).duplicate == 1  # writes nothing; catches up with the CLI
    assert bot._ingestor._origin == cli._ingestor._origin == after[0]
    assert _state(bot) == _state(cli)


def _counting_rebuilds(service: BriefingService) -> list[int]:
    """Count the service's rebuilds from the database (each becomes the origin)."""
    rebuilt: list[int] = []
    original = service._ingestor._restore

    def counting(session: Session) -> None:
        rebuilt.append(1)
        original(session)

    service._ingestor._restore = counting  # type: ignore[method-assign]
    return rebuilt


def _articles_after(engine: object, article_id: int) -> int:
    with Session(engine) as session:  # type: ignore[call-overload]
        return int(
            session.connection()
            .execute(text("SELECT count(*) FROM article WHERE id > :id"), {"id": article_id})
            .scalar_one()
        )


# One rule for both ways of being behind: a running process behind by the articles the others
# stored since it last wrote, and a starting one behind by the articles after the origin. Up
# to REPLAY_LIMIT articles it replays (and holds the indexes of the process that stored them);
# beyond, it rebuilds from the database (a new origin).


@pytest.mark.parametrize("behind", [4, 5])
def test_a_running_process_replays_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, behind: int
) -> None:
    monkeypatch.setattr(runner, "REPLAY_LIMIT", 4)
    stream = [str(p) for p in synthetic_stream(tmp_path, 2 + behind)]
    engine = _engine(tmp_path / "running.db")
    bot, cli = BriefingService(engine), BriefingService(engine)  # type: ignore[arg-type]
    bot.ingest([stream[0]])  # the bot's rebuild: the origin
    rebuilt = _counting_rebuilds(bot)
    for path in stream[1 : 1 + behind]:
        cli.ingest([path])  # follows the origin, then stores
    assert _articles_after(engine, bot._ingestor._watermark) == behind
    bot.ingest([stream[1 + behind]])
    assert len(rebuilt) == (behind > 4)
    if not rebuilt:
        cli.ingest([stream[0]])  # a duplicate: writes nothing, catches up with the bot
        assert _state(bot) == _state(cli)


@pytest.mark.parametrize("after_origin", [4, 5])
def test_a_starting_process_replays_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after_origin: int
) -> None:
    monkeypatch.setattr(runner, "REPLAY_LIMIT", 4)
    stream = [str(p) for p in synthetic_stream(tmp_path, after_origin)]  # origin: empty
    engine, bot = _one_by_one(tmp_path / "starting.db", stream)
    with Session(engine) as session:  # type: ignore[arg-type]
        mark = origin_mark(session=session)
    assert mark is not None and _articles_after(engine, mark[1]) == after_origin
    cli = BriefingService(engine)  # type: ignore[arg-type]
    rebuilt = _counting_rebuilds(cli)
    assert cli.ingest([stream[0]]).duplicate == 1  # writes nothing, catches up first
    assert len(rebuilt) == (after_origin > 4)
    if not rebuilt:
        assert _state(cli) == _state(bot)


def test_an_unreadable_origin_or_a_prune_makes_the_next_process_rebuild(tmp_path: Path) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 12)]
    engine = _engine(tmp_path / "bad.db")
    BriefingService(engine).ingest(stream[:6])  # type: ignore[arg-type]
    with engine.begin() as connection:  # type: ignore[attr-defined]
        connection.execute(text("UPDATE ingest_origin SET state = :junk"), {"junk": b"x"})
    with Session(engine) as session:  # type: ignore[arg-type]
        assert origin_mark(session=session) is not None
        assert load_origin(session=session) is None
    service = BriefingService(engine)  # type: ignore[arg-type]
    report = service.ingest(stream[6:9])
    assert report.failed == 0
    with Session(engine) as session:  # type: ignore[arg-type]
        origin = load_origin(session=session)
    assert origin is not None and origin.article >= 6
    pruned = service.prune(days=1)  # everything is older than a day: all of it goes
    assert pruned.articles > 0
    with Session(engine) as session:  # type: ignore[arg-type]
        assert origin_mark(session=session) is None
    assert service.ingest(stream[9:]).failed == 0


def test_an_origin_made_from_other_features_makes_the_next_process_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the origin's event index holds sums of article features: a version that computes other
    # features reads it as unreadable, and the process rebuilds from the rows
    stream = [str(p) for p in synthetic_stream(tmp_path, 8)]
    engine = _engine(tmp_path / "features.db")
    BriefingService(engine).ingest(stream[:5])  # type: ignore[arg-type]
    with Session(engine) as session:  # type: ignore[arg-type]
        written = origin_mark(session=session)
        assert written is not None and load_origin(session=session) is not None
        monkeypatch.setattr(ingest_state, "FEATURES_VERSION", ingest_state.FEATURES_VERSION + 1)
        assert load_origin(session=session) is None
    assert BriefingService(engine).ingest(stream[5:]).failed == 0  # type: ignore[arg-type]
    with Session(engine) as session:  # type: ignore[arg-type]
        rebuilt = origin_mark(session=session)
        assert rebuilt is not None and rebuilt != written
        assert load_origin(session=session) is not None  # written with the version now


def test_the_origin_keeps_a_text_per_story_read_when_the_story_is_needed(tmp_path: Path) -> None:
    when = datetime(2026, 3, 2, 6, tzinfo=UTC)
    stories = [
        (key, [(10 * key + n, {f"e:n{key}": 1.0, "t:w": n / 3}, when) for n in range(size)])
        for key, size in ((3, 1), (4, 3), (6, 1))
    ]
    linker = StoryLinker()
    summed = {key: linker.summed(key, group) for key, group in stories}
    entries = [(key, when, [event for event, _, _ in group]) for key, group in stories]
    postings = {"e:n3": [3], "e:n4": [4], "e:n6": [6], "t:w": [4]}
    engine = _engine(tmp_path / "texts.db")
    with Session(engine) as session:  # type: ignore[arg-type]
        ingest_state.lock_ingest(session=session)
        writer = ingest_state.OriginWriter()
        held = HeldFeatures.Builder()
        for story in summed.values():
            assert story is not None
            writer.keep(story)
            held.add(story[0])
        writer.save(
            session=session,
            article=5,
            event_next=100,
            story_next=10,
            events=[(7, [1, 2])],
            event_state={"next_key": 100, "adds": 0},
            entries=entries,
            postings=postings,
            linker=linker.settings(),
            held=held.done(),
        )
        session.commit()
        origin = load_origin(session=session)
        state = session.connection().execute(text("SELECT state FROM ingest_origin")).scalar_one()
    assert origin is not None
    assert (origin.article, origin.event_next, origin.story_next, origin.events) == (
        5,
        100,
        10,
        ((7, (1, 2)),),
    )
    assert origin.stories == tuple(entries) and origin.postings == postings
    assert origin.held.among({"t:w"}) == {4}  # the others' weight of it is 0.0
    assert origin.held.among({"e:n4"}) == set()  # an entity never anchors: not kept
    assert origin.event_state == {"next_key": 100, "adds": 0}
    item, members = origin.reader()(4)
    assert (item, members) == summed[4]  # every sum, weight and order as summed
    assert list(item.centroid) == list(summed[4][0].centroid)  # type: ignore[index]
    assert sorted(origin.texts) == [3, 6]  # a story's text is read once, then dropped
    other = summed[3]
    assert other is not None
    last = ingest_state.story_text((replace(other[0], key=6), other[1]))  # a text changed
    posted = 12 + int.from_bytes(state[4:12], "big") + 8  # where the postings start
    size = int.from_bytes(state[posted - 8 : posted], "big")
    assert StoredPostings(bytes(state[posted : posted + size])) == postings  # as they lie
    key = posted + 24 + 12 * 4  # the first key: a story posted under another feature
    other_key = state[:key] + bytes([state[key] ^ 1]) + state[key + 1 :]
    for changed in (bytes(state[:-1]), state[: -len(last) - 1] + last, b"x", state[4:], other_key):
        with engine.begin() as connection:  # type: ignore[attr-defined]
            connection.execute(text("UPDATE ingest_origin SET state = :b"), {"b": changed})
        with Session(engine) as session:  # type: ignore[arg-type]
            assert load_origin(session=session) is None


def test_a_follower_reading_the_stored_postings_gives_what_a_rebuild_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two copies of one history with an origin: a process starting on one follows it, its
    # stories' postings read where they lie (`StoredPostings`, format 8); on the other the
    # origin is dropped and a process rebuilds its indexes from the rows. Both ingest the rest
    # of the stream: the same articles, events and stories.
    stream = [str(p) for p in synthetic_stream(tmp_path, 48)]
    followed, _ = _origin_with_stories(tmp_path / "followed.db", stream, monkeypatch)
    rebuilt, _ = _origin_with_stories(tmp_path / "rebuilt.db", stream, monkeypatch)
    with rebuilt.begin() as connection:  # type: ignore[attr-defined]
        connection.execute(text("DELETE FROM ingest_origin"))
    follower, rebuilder = BriefingService(followed), BriefingService(rebuilt)  # type: ignore[arg-type]
    follows, rebuilds = _counting_rebuilds(follower), _counting_rebuilds(rebuilder)
    for location in stream[31:]:
        follower.ingest([location])
        rebuilder.ingest([location])
    assert follows == [] and rebuilds == [1]
    assert isinstance(follower._ingestor.stories._index._postings, StoredPostings)
    assert not isinstance(rebuilder._ingestor.stories._index._postings, StoredPostings)
    after = ingest_outcome(followed)  # type: ignore[arg-type]
    assert len({story for story in after["stories"] if len(story) > 1}) >= 2  # stories linked
    assert differences(after, ingest_outcome(rebuilt)) == 0  # type: ignore[arg-type]


@pytest.mark.parametrize("sizes", [(3_000_000, 1_000_000), (1_000_000, 3_000_000)])
def test_the_origin_state_is_written_part_by_part_never_joined(
    database_url: str, sizes: tuple[int, int]
) -> None:
    # The rebuilding process holds every story's text (38 MB at 100,000 articles): joining them
    # into one state, and SQLite's copy of it as bound, made its peak (PostgreSQL: the joined
    # state and its bound copy). The row is written as the parts given, in place of an older
    # and longer or shorter state.
    engine = make_engine(database_url)
    create_schema(engine)
    try:
        for serial, size in enumerate(sizes, start=1):
            parts = [bytes([serial]) * 7, *(bytes([n % 251]) * (size // 10) for n in range(10))]
            with Session(engine) as session:
                ingest_state.lock_ingest(session=session)
                tracemalloc.start()
                try:
                    ingest_state._write_state(session, serial=serial, article=serial, parts=parts)
                    peak = tracemalloc.get_traced_memory()[1]
                finally:
                    tracemalloc.stop()
                session.commit()
            assert peak < size // 4  # no copy of the whole state in Python
            with engine.connect() as connection:
                row = connection.execute(text("SELECT serial, article, state FROM ingest_origin"))
                assert row.one() == (serial, serial, b"".join(parts))
    finally:
        engine.dispose()


def test_a_story_text_reads_back_exactly_and_refuses_another_key() -> None:
    when = datetime(2026, 3, 2, 6, tzinfo=UTC)
    members = [
        (2, {"e:a b": 0.1 + 0.2, "t:w": 1e-300, "x:only": 3.0}, when),
        (1, {"t:w": 1 / 3, "e:a b": 2.5, "z:ü": 7.0}, None),
    ]
    summed = StoryLinker().summed(9, members)
    assert summed is not None
    text = ingest_state.story_text(summed)
    item, packed = ingest_state.read_story(9, text)
    assert (item, packed) == summed and list(packed) == [1, 2]
    assert [list(item.centroid), sorted(item.indexed)] == [
        list(summed[0].centroid),
        sorted(summed[0].indexed),
    ]
    assert [features for features, _ in packed.values()] == [
        features for features, _ in summed[1].values()
    ]
    with pytest.raises(ValueError):
        ingest_state.read_story(8, text)
    with pytest.raises(ValueError):  # cut short
        ingest_state.read_story(9, zlib.compress(zlib.decompress(text)[:-8]))


def test_an_origin_of_the_older_format_is_rebuilt_not_followed(tmp_path: Path) -> None:
    # format 7 kept the postings compressed (format 8 keeps them to be read in place): a
    # process that finds the older one reads it as unreadable, rebuilds once and writes the
    # current format
    stream = [str(p) for p in synthetic_stream(tmp_path, 10)]
    engine = _engine(tmp_path / "older.db")
    BriefingService(engine).ingest(stream[:6])  # type: ignore[arg-type]
    with engine.begin() as connection:  # type: ignore[attr-defined]
        state = connection.execute(text("SELECT state FROM ingest_origin")).scalar_one()
        assert bytes(state[:4]) == b"BIO8"
        connection.execute(
            text("UPDATE ingest_origin SET state = :old"), {"old": b"BIO7" + bytes(state[4:])}
        )
    with Session(engine) as session:  # type: ignore[arg-type]
        written = origin_mark(session=session)
        assert written is not None and load_origin(session=session) is None
    assert BriefingService(engine).ingest(stream[6:]).failed == 0  # type: ignore[arg-type]
    with Session(engine) as session:  # type: ignore[arg-type]
        rebuilt = origin_mark(session=session)
        assert rebuilt is not None and rebuilt != written
        assert load_origin(session=session) is not None


def test_an_origin_of_other_story_settings_is_rebuilt_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The origin's stories were summed and posted by a linker of given settings: a process
    # whose linker has others (here the size of a story's stored centroid) must not take them
    # up as they are; it rebuilds once and the new origin carries its settings.
    stream = [str(p) for p in synthetic_stream(tmp_path, 10)]
    engine = _engine(tmp_path / "settings.db")
    BriefingService(engine).ingest(stream[:6])  # type: ignore[arg-type]
    with Session(engine) as session:  # type: ignore[arg-type]
        written = origin_mark(session=session)
    monkeypatch.setattr(stories, "_CENTROID_FEATURES", 200)
    starting = BriefingService(engine)  # type: ignore[arg-type]
    rebuilt = _counting_rebuilds(starting)
    assert starting.ingest(stream[6:]).failed == 0
    assert rebuilt == [1]
    with Session(engine) as session:  # type: ignore[arg-type]
        origin = load_origin(session=session)
        assert origin is not None and origin_mark(session=session) != written
        assert origin.linker == StoryLinker().settings()
        assert origin.linker["sizes"][2] == 200


def test_a_process_follows_the_origin_line_by_line_and_rebuilds_on_a_bad_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 40)]
    engine, cli = _origin_with_stories(tmp_path / "lines.db", stream, monkeypatch)
    late = BriefingService(engine)  # type: ignore[arg-type]
    late_rebuilt = _counting_rebuilds(late)
    assert late.ingest([stream[0]]).duplicate == 1  # follows the origin: nothing rebuilt
    assert late_rebuilt == [] and _state(late) == _state(cli)
    with engine.begin() as connection:  # type: ignore[attr-defined]
        state = connection.execute(text("SELECT state FROM ingest_origin")).scalar_one()
        broken = bytes(state[:-8]) + bytes(8)  # the last story's text damaged
        connection.execute(text("UPDATE ingest_origin SET state = :b"), {"b": broken})
    starting = BriefingService(engine)  # type: ignore[arg-type]
    rebuilt = _counting_rebuilds(starting)
    assert starting.ingest([stream[31]]).failed == 0
    assert rebuilt == [1]


def test_a_story_the_origin_cannot_give_back_fails_one_article_and_the_indexes_are_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = [str(p) for p in synthetic_stream(tmp_path, 40)]
    engine, _ = _origin_with_stories(tmp_path / "unreadable.db", stream, monkeypatch)

    def unreadable(self: ingest_state.Origin) -> object:
        def read(key: int) -> object:
            raise ValueError(f"story {key} damaged")

        return read

    monkeypatch.setattr(ingest_state.Origin, "reader", unreadable)
    late = BriefingService(engine)  # type: ignore[arg-type]
    rebuilt = _counting_rebuilds(late)
    reports = [late.ingest([path]) for path in stream[31:]]
    # The first story it needed (replaying, or linking an article) could not be read: the
    # indexes come from the rows again, once.
    assert rebuilt == [1]
    assert [r.failed for r in reports][1:] == [0] * (len(reports) - 1)
    assert sum(r.failed for r in reports) <= 1  # at most the article that met the story


def test_an_article_that_fails_after_its_insert_moves_no_watermark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite gives the id of a rolled-back article to the next one stored: had the failed
    # article moved the watermark, the bot would skip that next article (the cli's, joining an
    # event the bot holds) when it catches up, and hold other indexes than the cli.
    stream = [str(p) for p in synthetic_stream(tmp_path, 10)]
    engine, bot = _one_by_one(tmp_path / "failed.db", stream[:8])

    def failing(**_: object) -> None:
        raise RuntimeError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(article_store, "add_summary", failing)  # after the article's insert
        assert bot.ingest([stream[8]]).failed == 1
    cli = BriefingService(engine)  # type: ignore[arg-type]
    assert cli.ingest([stream[9]]).article_ids == (9,)  # the failed article's id
    assert bot.ingest([stream[0]]).duplicate == 1  # writes nothing, catches up with the cli
    assert _state(bot) == _state(cli)


def test_a_process_that_rebuilds_from_the_rows_links_the_stories_a_live_one_links(
    tmp_path: Path,
) -> None:
    # one process ingests the whole stream; in another database a second process finds the
    # origin unreadable after 30 articles and rebuilds its indexes from the stored rows (each
    # story the sum of its events' stored profiles), then ingests the rest: the same stories
    stream = [str(p) for p in synthetic_stream(tmp_path, 48)]
    live_engine, _live = _one_by_one(tmp_path / "live.db", stream)
    engine, _first = _one_by_one(tmp_path / "rebuilt.db", stream[:30])
    with engine.begin() as connection:  # type: ignore[attr-defined]
        connection.execute(text("UPDATE ingest_origin SET state = :junk"), {"junk": b"x"})
    rebuilt = BriefingService(engine)  # type: ignore[arg-type]
    rebuilds = _counting_rebuilds(rebuilt)
    for location in stream[30:]:
        rebuilt.ingest([location])
    assert rebuilds == [1]
    live, other = ingest_outcome(live_engine), ingest_outcome(engine)  # type: ignore[arg-type]
    assert len({story for story in live["stories"] if len(story) > 1}) >= 2  # stories to link
    assert differences(live, other) == 0
