"""Outlet names: what a page or a text says its outlet is beats the host it was served from."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from summarizer.ingest import outlet
from summarizer.ingest.outlet import (
    choose_outlet,
    host_spelled_out,
    is_host,
    masthead_in_title,
    masthead_of_publisher,
    names_from_html,
    outlet_from_text,
    outlet_name,
)
from summarizer.ingest.pipeline import build_article
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine
from summarizer.values import RawInput

BODY = "<p>The council met on Tuesday to vote on the new tram line.</p>"
HOST = "example.com"


def _page(head: str = "", foot: str = "") -> str:
    return f"<html><head>{head}</head><body>{BODY}<footer>{foot}</footer></body></html>"


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (_page('<meta content="Kelmar Herald" property="og:site_name">'), "Kelmar Herald"),
        (_page('<meta name="application-name" content="Kelmar Herald">'), "Kelmar Herald"),
        (
            _page(
                '<script type="application/ld+json">{"@type": "NewsArticle", "publisher":'
                ' {"@type": "Organization", "logo": {"url": "l.png"}, "name": "Kelmar Herald"}}'
                "</script>"
            ),
            "Kelmar Herald",
        ),
        (
            _page(
                '<script type="application/ld+json">{"@graph": [{"@type": "WebSite"},'
                ' {"@type": "NewsArticle", "publisher": [{"name": "Kelmar Herald"}]}]}</script>'
            ),
            "Kelmar Herald",
        ),
        (_page(foot="&copy; 2026 Kelmar Herald. All rights reserved."), "Kelmar Herald"),
        (_page(foot="Copyright © 2014-2026 Kelmar Herald"), "Kelmar Herald"),
        (_page('<meta property="og:site_name" content="www.example.com">'), HOST),
        (_page('<script type="application/ld+json">{not json</script>'), HOST),
        (_page(), HOST),
    ],
)
def test_a_page_that_names_its_outlet_is_not_shown_by_its_host(page: str, expected: str) -> None:
    # trafilatura gives the host as the site name when the page declares none it can read.
    assert choose_outlet(
        [HOST, "", HOST], text="Body.", location=f"https://{HOST}/a", page=page
    ) == (expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LONDON (Reuters) - The Bank of England held rates on Thursday.", "Reuters"),
        ("MOSCOW, September 3 (RIA Novosti) - Russian President Putin spoke.", "RIA Novosti"),
        (
            "Hong Kong (CNN Business)A muddled view of trade talks weighs on markets.",
            "CNN Business",
        ),
        ("This article is from the archive of our partner The Wire.", "The Wire"),
        ("© Northwire 2026", "Northwire"),
        ("Copyright ⓒ Northwire.co.kr. 무단전재 및 재배포 금지", "Northwire.co.kr"),
        ("MINSK, Belarus — The presidents met late Tuesday.", ""),  # names no outlet
        ("The council met (in private) - and voted.", ""),
    ],
)
def test_text_cues(text: str, expected: str) -> None:
    assert outlet_from_text(text) == expected


def test_a_dateline_agency_beats_the_host_but_not_a_declared_name() -> None:
    text = "LONDON (Reuters) - The Bank of England held rates on Thursday."
    assert choose_outlet([HOST], text=text, location=f"https://{HOST}/a") == "Reuters"
    assert choose_outlet(["Kelmar Herald", HOST], text=text, location="x") == "Kelmar Herald"
    assert choose_outlet([], text="Nothing names it.", location="001_9957b2c71aada0bb.txt") == ""


def test_hosts() -> None:
    assert is_host("example.com") and is_host("news.example.co.uk") and is_host("phys.org")
    assert not is_host("Kelmar Herald") and not is_host("Yahoo! News") and not is_host("Mr. X")
    assert names_from_html("<p>no head</p>") == []


def test_a_fetched_page_is_stored_under_the_name_its_footer_gives() -> None:
    paragraphs = "".join(
        f"<p>The council met on day {n} to vote on the new tram line for the city centre.</p>"
        for n in range(8)
    )
    page = (
        "<html><head><title>Tram vote | example.com</title></head><body><article><h1>Tram vote"
        f"</h1>{paragraphs}</article><footer><p>&copy; 2026 Kelmar Herald. All rights reserved."
        "</p></footer></body></html>"
    )
    raw = RawInput(f"https://{HOST}/tram", page, "html", source=HOST)
    article = build_article(raw, summary=None, now=datetime(2026, 3, 20, tzinfo=UTC))
    assert article.source == "Kelmar Herald"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kelmar.org 2003 - 2019 powered by", "Kelmar.org"),  # a copyright's years
        ("2014-2026 Kelmar Herald", "Kelmar Herald"),
        ("Kelmar Herald - Content - News", "Kelmar Herald"),
        ("Content", ""),  # a site's section, not its name
    ],
)
def test_years_and_sections_are_not_part_of_a_name(name: str, expected: str) -> None:
    assert outlet_name(name) == expected


def test_a_copyright_year_is_not_shown_with_the_outlet() -> None:
    page = _page(foot="© Kelmar.org 2003 - 2019 powered by")
    assert choose_outlet([HOST], text="Body.", location=f"https://{HOST}/a", page=page) == (
        "Kelmar.org"
    )


def test_a_host_the_site_writes_as_its_name_is_a_name() -> None:
    assert not is_host("Phys.org") and not is_host("Space.com") and is_host("space.com")
    names = ["Sportsnet.ca", "Rogers Digital Media Community"]
    assert choose_outlet(names, text="Body.", location="x") == "Sportsnet.ca"


@pytest.mark.parametrize(
    ("host", "page", "expected"),
    [
        ("kelmarherald.com", '<img alt="Kelmar Herald - Content - News">', "Kelmar Herald"),
        ("kelmarheraldmag.com", "<p>By Kelmar Herald Editorial Staff</p>", "Kelmar Herald"),
        ("catchitkansas.com", "<a title='Catch it Kansas'>", "Catch it Kansas"),
        ("kelmarherald.com", "<p>Herald of Kelmar</p>", "kelmarherald.com"),  # not its spelling
        ("kelmarheraldmagazinegroup.com", "<p>Kelmar Herald</p>", "kelmarheraldmagazinegroup.com"),
        ("kelmarherald.com", "<p>kelmar herald</p>", "kelmarherald.com"),  # no capitals: no name
    ],
)
def test_a_bare_host_is_shown_as_its_page_spells_it(host: str, page: str, expected: str) -> None:
    assert host_spelled_out(host, page) == expected
    shown = choose_outlet([host], text="Body.", location=f"https://{host}/a", page=page)
    assert shown == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Copyright Policy\nCopyright ©2019 Dow Jones & Company, Inc. All Rights Reserved.",
            "Dow Jones & Company",
        ),
        (
            "© Copyright 2019, The Spokesman-Review | Terms of Service | Copyright Policy",
            "The Spokesman-Review",
        ),
        ("© Copyright Gannett 2018", "Gannett"),
        ("Sign Up For Our Newsletter\n© 2019 Kelmar Herald", "Kelmar Herald"),
        ("Sign up for SFGATE Newsletters", "SFGATE"),
        ("© 2019 Hearst Communications, Inc.", "Hearst Communications"),
        ("Copyright Policy", ""),  # a link's label, no credit
    ],
)
def test_credit_lines_give_the_name_not_a_link_or_a_newsletter(text: str, expected: str) -> None:
    assert outlet_from_text(text) == expected


_TEXT_BODY = "\n".join(
    f"The council of Kelmar met on day {n} to vote on the new tram line for the city centre."
    for n in range(8)
)


def _text(title: str, foot: str, extra: str = "") -> str:
    return f"{title}\n{extra}\nTram vote\n{_TEXT_BODY}\n{foot}\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The masthead after the headline, not the company in the copyright line.
        (_text("Tram vote - KH", "Copyright ©2026 Kelmar Holdings & Company, Inc."), "KH"),
        (_text("Tram vote | News | Kelmar Herald", "© 2026 Kelmar Media Network"), "Kelmar Herald"),
        # The headline kept the site's name: it is the masthead when the page shows it again.
        (_text("Tram vote here - KTV", "© 2026 Kelmar Network", "KTV Live\nKTV Films"), "KTV"),
        # Negative cases that must stay: a title without a site's name, a tagline after the
        # headline, a name kept in the headline that the page does not show again.
        (_text("Tram vote", "© 2026 Kelmar Herald"), "Kelmar Herald"),
        (_text("Tram vote - what the city decided", "© 2026 Kelmar Herald"), "Kelmar Herald"),
        (_text("Tram vote here - KTV", "© 2026 Kelmar Network"), "Kelmar Network"),
    ],
)
def test_a_plain_text_is_stored_under_its_masthead(text: str, expected: str) -> None:
    raw = RawInput("/data/tram.txt", text, "text")
    article = build_article(raw, summary=None, now=datetime(2026, 3, 20, tzinfo=UTC))
    assert article.source == expected


def test_a_masthead_has_few_words_and_follows_the_headline() -> None:
    assert masthead_in_title("Tram vote - KH\nTram vote\nBody") == "KH"
    assert masthead_in_title("Tram vote - A B C D E\nTram vote\nBody") == ""
    assert masthead_in_title("Other line - KH\nTram vote\nBody") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A headline ending with whom it quotes, BBC style: the text names that person.
        (
            "Lords wrong on detainees - Straw\n\nThe law lords were wrong, Jack Straw said.\n"
            "Mr Straw told MPs the ruling would be studied. Straw added that ...\n",
            "",
        ),
        (
            "Farrell saga to drag on - Lindsay\n\nChairman Maurice Lindsay says ... Lindsay\n"
            "Lindsay Lindsay\n",
            "",
        ),
        (
            "Blunkett row should end - Blair\n\nIt is time to move on, said Tony Blair on Monday.\n"
            "Blair Blair\n",
            "",
        ),
        # A body the prose alone repeats: whom the headline is about, not the site.
        (
            "Whitehall shredding increasing - Tories\n\nFigures compiled by the Tories suggest"
            " shredding rose. But the Tories want the commissioner to act, and the Tories say"
            " so.\n",
            "",
        ),
        # An outlet the text names as an outlet stays its masthead.
        (
            "Markets slide - CNN\n\nMarkets slid, CNN reported. The trader told CNN that ...\n"
            "CNN Business\n",
            "CNN",
        ),
        ("Markets slide - CNN\n\nThe comments were made on CNN's programme. CNN\nCNN\n", "CNN"),
        # A day before an outlet's name is no given name.
        (
            "Oil jumps - Reuters\nOil jumps\nOn Monday Reuters said it could not verify it.\n",
            "Reuters",
        ),
        (
            "Quake hits - NHK News\nQuake hits\nIn March NHK News said the coast was clear.\n",
            "NHK News",
        ),
    ],
)
def test_a_headline_ending_with_whom_it_quotes_names_no_masthead(text: str, expected: str) -> None:
    assert masthead_in_title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Storm hits coast - Sky News\nStorm hits coast\n"
            "Sky News said it had pulled its crews back.\n",
            "Sky News",
        ),
        (
            "Oil jumps as Gulf tensions rise - Reuters\nOil jumps as Gulf tensions rise\n"
            "Reuters said it could not verify the claim.\n",
            "Reuters",
        ),
        ("Ratings fall - BBC\nRatings fall\nThe figures, the BBC says, show a 5% drop.\n", "BBC"),
        ("Quake hits Japan - NHK\nQuake hits Japan\nA quake struck, NHK said.\n", "NHK"),
        ("Tories attack plan - Telegraph\nTories attack plan\nthe Telegraph says.\n", "Telegraph"),
        (
            "Tories attack plan - Telegraph\nTories attack plan\nThe Telegraph says so.\n",
            "Telegraph",
        ),
        # A person: a given name before the verb's subject, or an honorific.
        ("Lords wrong - Straw\nLords wrong\nJack Straw said the ruling was wrong.\n", ""),
        ("Saga drags on - Lindsay\nSaga drags on\nIt will drag on, said Maurice Lindsay.\n", ""),
        ("Plan attacked - Howard\nPlan attacked\nThe plan was attacked by Lord Howard.\n", ""),
        ("Plan attacked - Smith\nPlan attacked\nThe plan was attacked by Gen. Smith.\n", ""),
    ],
)
def test_an_outlet_saying_something_keeps_its_masthead(text: str, expected: str) -> None:
    """An outlet says things too; only a given name before it or an honorific makes a person."""
    assert masthead_in_title(text) == expected


@pytest.mark.timeout(20)
@pytest.mark.parametrize("tail", ["!", "/terms", ")"])
def test_a_long_word_after_a_copyright_sign_is_read_in_one_pass(tail: str) -> None:
    # The name's words were split every way a long word can be split before the line was given
    # up (a 40-letter word: 12 CPU seconds; a page's 80 characters: hours): one bad line stopped
    # its batch. Each word of a name is one run of letters now.
    line = "© A" + "b" * 70 + tail
    assert outlet_from_text(f"Body of the story.\n{line}") == ""


_STORY = "\n".join(
    f"The council of Kelmar met on day {n} to vote on the new tram line for the city."
    for n in range(6)
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The company's initials spelled by the page's own lines.
        (
            f"Kelmar Herald Post\n{_STORY}\nKelmar Herald Post\n© 2026 KHP Holdings, Inc.",
            "Kelmar Herald Post",
        ),
        # The company's name without its company words opens the page's menu lines.
        (
            f"Vesper Podcasts\nVesper Plus\nVesper homepage\n{_STORY}\n© 2026 The Vesper Group",
            "Vesper",
        ),
        # The company is never named on the page; a name in capitals credits its byline.
        (
            f"Ann Lee and Bo Kim KELMAR DAILY\n{_STORY}\nBo Kim told KELMAR DAILY it was late."
            "\nWelcome to KELMAR DAILY\n© Copyright Northgate 2026",
            "KELMAR DAILY",
        ),
        # Negative cases that must stay: a company the page names again, a company named after
        # a place the story mentions, a section, a name in capitals that credits nothing.
        (f"Northwire Media\n{_STORY}\n© 2026 Northwire Media", "Northwire Media"),
        (f"{_STORY}\n© 2026 Kelmar Network", "Kelmar Network"),
        (
            f"Breaking News\nBreaking Now\nBreaking Today\n{_STORY}\n© 2026 Breaking Media",
            "Breaking Media",
        ),
        (
            f"{_STORY}\nDANCING WITH THE STARS is back.\nDANCING WITH THE STARS won."
            "\nWatch DANCING WITH THE STARS tonight.\n© 2026 Northgate Network",
            "Northgate Network",
        ),
        (
            f"{_STORY}\n10:30 PM EST\n11:30 PM EST\n12:30 PM EST\n© Copyright Northgate 2026",
            "Northgate",
        ),
    ],
)
def test_a_publisher_is_shown_under_the_masthead_its_page_shows(text: str, expected: str) -> None:
    assert outlet_from_text(text) == expected


def test_a_publisher_alone_is_kept() -> None:
    assert masthead_of_publisher("NYP Holdings", "© 2026 NYP Holdings, Inc.") == "NYP Holdings"


def test_a_batch_reads_each_plain_texts_masthead_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = outlet.masthead_in_title

    def counted(text: str) -> str:
        calls.append(1)
        return real(text)

    monkeypatch.setattr(outlet, "masthead_in_title", counted)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"tram{n}.txt").write_text(
            _text(f"Tram vote {n} - KH", "© 2026 Kelmar Holdings"), encoding="utf-8"
        )
    engine = make_engine(f"sqlite:///{tmp_path / 'b.db'}")
    create_schema(engine)
    try:
        report = BriefingService(engine, {}).ingest(
            [str(folder)], now=datetime(2026, 3, 20, tzinfo=UTC)
        )
    finally:
        engine.dispose()
    assert report.new + report.duplicate == 3
    assert len(calls) == 3


def test_seed_001_names_no_outlet_and_its_credits_are_none(seeds: list[Path]) -> None:
    # 001 is a plain text whose only credits are a Twitter account, the Kremlin and a United
    # Nations estimate: no outlet, so the reader sees "outlet unknown", never its file name
    path = seeds[1]
    raw = RawInput(location=str(path), content=path.read_text(), kind="text", source="")
    article = build_article(raw, now=datetime(2026, 11, 23, tzinfo=UTC))
    assert article.source == ""
    page = (
        "<html><head><title>Putin and Poroshenko meet</title>"
        '<link rel="canonical" href="https://www.kelmarherald.com/world/minsk-talks">'
        '<meta property="og:site_name" content="Kelmar Herald"></head><body>'
        + "".join(f"<p>{line}</p>" for line in path.read_text().split("\n\n")[2:])
        + "</body></html>"
    )
    served = RawInput(location="minsk.html", content=page, kind="html", source="")
    assert build_article(served, now=datetime(2026, 11, 23, tzinfo=UTC)).source == "Kelmar Herald"
