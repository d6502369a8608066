"""`briefing feeds list|add|remove|poll|import|export` over a real SQLite file and real HTTP."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from summarizer.ingest.opml import parse_opml
from tests.ingest.http_server import Route, Site, serve

SAMPLE = Path(__file__).resolve().parents[1] / "summarizer" / "data" / "sample"
OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>Mine</title></head><body>
  <outline text="World">
    <outline type="rss" text="Wire" xmlUrl="https://wire.example.org/rss"/>
    <outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
  </outline>
  <outline type="rss" text="Again" xmlUrl="https://WIRE.example.org/rss"/>
</body></opml>
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_feeds_add_list_poll_remove(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_ALLOW_PRIVATE_ADDRESSES", "1")
    db = f"sqlite:///{tmp_path / 'feeds.db'}"
    feed = Route(body=(SAMPLE / "feed.xml").read_bytes(), content_type="application/rss+xml")
    routes = {"/ok.xml": feed, "/down.xml": Route(status=500, body=b"no")}
    with serve(Site(routes=routes)) as site:
        ok, down = f"{site.base}/ok.xml", f"{site.base}/down.xml"
        assert (
            _run(capsys, "feeds", "add", ok, "--every", "15", "--title", "OK", "--db", db)[0] == 0
        )
        assert _run(capsys, "feeds", "add", down, "--db", db)[1] == f"added: {down}\n"
        code, out, err = _run(capsys, "feeds", "poll", "--db", db)
        assert code == 1  # a feed failed: cron sees it
        assert "polled 2 feed(s): 3 new, 0 duplicate, 1 failed" in out
        assert f"{down}" in out and "FAILING (1 in a row)" in out and "500" in err
        code, out, _ = _run(capsys, "feeds", "poll", "--db", db)
        assert (code, out.splitlines()[0]) == (0, "polled 0 feed(s): 0 new, 0 duplicate, 0 failed")
    code, out, _ = _run(capsys, "feeds", "list", "--json", "--db", db)
    listed = {f["url"]: f for f in json.loads(out)["feeds"]}
    assert listed[ok]["interval_minutes"] == 15 and listed[ok]["title"] == "OK"
    assert listed[ok]["failures"] == 0 and listed[down]["failures"] == 1
    assert "500" in listed[down]["last_error"] and listed[down]["next_poll"]
    code, out, _ = _run(capsys, "feeds", "list", "--db", db)
    assert "FAILING (1 in a row)" in out and "every 15 min" in out
    assert _run(capsys, "feeds", "remove", down, "--db", db)[0] == 0
    code, _, err = _run(capsys, "feeds", "remove", down, "--db", db)
    assert code == 1 and "not a feed" in err
    assert down not in _run(capsys, "feeds", "list", "--db", db)[1]
    assert "[removed]" in _run(capsys, "feeds", "list", "--all", "--db", db)[1]


def test_feeds_import_and_export_opml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'opml.db'}"
    source = tmp_path / "mine.opml"
    source.write_bytes(OPML)
    code, out, err = _run(capsys, "feeds", "import", str(source), "--db", db)
    assert code == 0
    assert "added: https://wire.example.org/rss" in out and "1 feed(s) added" in out
    assert "already there: https://wire.example.org/rss" in out  # the repeat, by its normal form
    assert "refused javascript:alert(1)" in err
    again = _run(capsys, "feeds", "import", str(source), "--db", db)[1]
    assert "0 feed(s) added" in again
    target = tmp_path / "out.opml"
    assert _run(capsys, "feeds", "export", "-o", str(target), "--db", db)[0] == 0
    exported = parse_opml(target.read_bytes())
    assert [(f.url, f.title) for f in exported.feeds] == [("https://wire.example.org/rss", "Wire")]
    code, out, _ = _run(capsys, "feeds", "export", "--db", db)
    assert out.startswith("<?xml") and "wire.example.org" in out
    bad = tmp_path / "bad.opml"
    bad.write_bytes(b"<rss></rss>")
    code, _, err = _run(capsys, "feeds", "import", str(bad), "--db", db)
    assert code == 1 and "not an OPML file" in err
