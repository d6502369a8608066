"""CPU of the ingest origin's story texts: encoding the rebuilt stories, decoding them back.

Run: `.venv/bin/python -m benchmarks.origin_texts DB.db [--repeat N]` on a copy of a kept
SQLite build (e.g. `ingest_scale`'s `built_100000.db`: the read may refresh stale profiles, so
never the kept file itself). Reads the stories a rebuild reads (`active_story_events`, the
linker's capacity), sums each as a rebuild does (`StoryLinker.summed`),
then times `OriginWriter.keep` over every story (the encoding a rebuilding process pays) and
the writer's reader over every story (the decoding `StoryLinker._ready` pays), and checks
each story reads back equal. Prints CPU seconds (best of N) and the texts' total bytes. Uses
only `keep` and `reader`, so the same script measures any origin format.
"""

from __future__ import annotations

import argparse
import time

from sqlmodel import Session

from summarizer.events.stories import StoryLinker, SummedStory
from summarizer.store import events as event_store
from summarizer.store.db import make_engine
from summarizer.store.ingest_state import OriginWriter


def _stories(path: str) -> list[SummedStory]:
    """The stories a rebuild of this database sums, as it sums them."""
    engine = make_engine(f"sqlite:///{path}")
    linker = StoryLinker()
    try:
        with Session(engine) as session:
            stored = event_store.active_story_events(session=session, limit=linker.capacity)
    finally:
        engine.dispose()
    summed = (linker.summed(key, events) for key, events in event_store.drain_stories(stored))
    return [story for story in summed if story is not None]


def main() -> None:
    """Time encoding and decoding the stories' texts; print CPU seconds and bytes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="a copy of a kept SQLite build")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is printed")
    arguments = parser.parse_args()
    stories = _stories(arguments.db)
    encode = decode = float("inf")
    size = 0
    for _ in range(arguments.repeat):
        writer = OriginWriter()
        started = time.process_time()
        for story in stories:
            writer.keep(story)
        encode = min(encode, time.process_time() - started)
        size = sum(map(len, writer._texts.values()))  # the texts `save` stores
        read = writer.reader()
        started = time.process_time()
        back = [read(story[0].key) for story in stories]
        decode = min(decode, time.process_time() - started)
        if back != stories:
            raise SystemExit("a story did not read back as it was kept")
    print(f"stories: {len(stories)}")
    print(f"encode (OriginWriter.keep, all): {encode:.3f} s CPU")
    print(f"decode (reader, all): {decode:.3f} s CPU")
    print(f"texts: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
