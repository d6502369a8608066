"""Legacy encodings come in right: declarations first, then detection; only binary is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.ingest.decode import decode_bytes
from summarizer.service import BriefingService
from summarizer.store.db import create_schema, make_engine

LANGUAGES = Path(__file__).resolve().parents[1] / "data" / "languages"

# Real sentences, each in an encoding its language is still published in, without a declaration.
SENTENCES = [
    (
        "cp1252",
        "The minister said “the deal is done” – and the euro rose to €1.10 on Tuesday. "
        "Traders called it the company’s best week since the crisis.",
    ),
    (
        "cp1252",
        "Le prix de l’énergie a augmenté de 5 € cette année, a déclaré le ministre « avec "
        "regret ». Les ménages paieront davantage dès l’hiver prochain.",
    ),
    (
        "latin-1",
        "Die Gespräche über die Wasserverteilung des Flusses wurden am Dienstag in Weßburg "
        "fortgesetzt, teilte das Außenministerium mit. Eine Einigung gilt als möglich.",
    ),
    (
        "cp1251",
        "Переговоры о разделе воды реки продолжатся в четверг, заявил министр иностранных дел. "
        "По его словам, стороны близки к соглашению о летнем стоке.",
    ),
    (
        "koi8-r",
        "Правительство утвердило новый бюджет на следующий год. Расходы на образование и "
        "здравоохранение вырастут, сообщили в министерстве финансов.",
    ),
    (
        "cp1251",
        "Переговори щодо розподілу води річки триватимуть у четвер, повідомило міністерство. "
        "Сторони обговорять гарантії літнього стоку.",
    ),
    (
        "shift_jis",
        "東京で開かれた会議では、首相が新しい経済対策を発表した。"
        "専門家はその効果に疑問を示しており、野党は来週の国会で説明を求める方針だ。",
    ),
    (
        "euc-kr",
        "서울에서 열린 회의에서 총리는 새로운 경제 대책을 발표했다. "
        "전문가들은 그 효과에 의문을 제기했고 야당은 다음 주 국회에서 설명을 요구할 방침이다.",
    ),
    (
        "gb18030",
        "在北京举行的会议上，总理宣布了新的经济措施。专家对其效果表示怀疑，"
        "反对派表示将在下周的议会会议上要求政府作出解释。",
    ),
    (
        "utf-16-le",
        "Правительство утвердило новый бюджет.\nРасходы на образование вырастут.\n",
    ),
    (
        "utf-16-be",
        "東京で開かれた会議で首相が経済対策を発表した。\n専門家は効果に疑問を示した。\n",
    ),
    ("utf-16-le", "在北京举行的会议上，总理宣布了新的经济措施。\n专家对其效果表示怀疑。\n"),
]


@pytest.mark.parametrize(("encoding", "text"), SENTENCES, ids=[e for e, _ in SENTENCES])
def test_undeclared_legacy_text_is_detected(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding), location="x.txt") == text


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("ru.txt", "cp1251"),
        ("ru.txt", "koi8-r"),
        ("uk.txt", "koi8-u"),
        ("zh.txt", "gb18030"),
        ("ja.txt", "shift_jis"),
        ("ja.txt", "euc-jp"),
        ("ja.txt", "utf-16-le"),
        ("ko.txt", "euc-kr"),
        ("ko.txt", "utf-16-be"),
        ("ar.txt", "cp1256"),
        ("he.txt", "cp1255"),
        ("th.txt", "cp874"),
    ],
)
def test_whole_articles_in_legacy_encodings(name: str, encoding: str) -> None:
    text = (LANGUAGES / name).read_text(encoding="utf-8")
    if encoding.startswith("koi8"):  # KOI8 has no guillemets and no dashes: "?" stands in
        text = text.encode(encoding, errors="replace").decode(encoding)
    assert decode_bytes(text.encode(encoding), location=name) == text


def test_a_declaration_wins_over_detection() -> None:
    # Three words of Russian are too few to detect; the header or the page says what they are.
    text = "Мир, труд, май."
    assert decode_bytes(text.encode("koi8-r"), location="x", charset="KOI8-R") == text
    page = f'<html><head><meta charset="koi8-r"></head><body>{text}</body></html>'
    assert text in decode_bytes(page.encode("koi8-r"), location="x.html")
    old = f'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>{text}'
    assert text in decode_bytes(old.encode("cp1251"), location="x.html")
    feed = f'<?xml version="1.0" encoding="koi8-r"?><rss><title>{text}</title></rss>'
    assert text in decode_bytes(feed.encode("koi8-r"), location="feed.xml")


def test_a_declaration_that_does_not_fit_is_not_trusted() -> None:
    text = "Le ministre a déclaré que l’accord était « presque prêt »."
    # A UTF-8 page labelled ISO-8859-1 (a common server default) is UTF-8.
    assert decode_bytes(text.encode("utf-8"), location="x", charset="iso-8859-1") == text
    # A page that says UTF-8 but holds Windows-1252 bytes is detected.
    page = f'<meta charset="utf-8"><p>{text}</p>'
    assert text in decode_bytes(page.encode("cp1252"), location="x.html")


def test_a_windows_1252_line_in_a_utf8_file_reads_right() -> None:
    utf8 = "Un tramway “neuf” circule à Nantes depuis lundi.\n"
    legacy = "Un café à Paris près de la gare, où l’on en parle.\n"
    data = utf8.encode("utf-8") + legacy.encode("cp1252")
    assert decode_bytes(data, location="x.txt") == utf8 + legacy


def test_latin1_label_reads_as_windows_1252_like_browsers() -> None:
    assert decode_bytes(b"5 \x80 and \x93quotes\x94", location="x", charset="latin-1") == (
        "5 € and “quotes”"
    )


def test_byte_order_marks_win() -> None:
    text = "Праздник\nконцерт"
    for encoding in ("utf-8-sig", "utf-16", "utf-32"):
        assert decode_bytes(text.encode(encoding), location="x", charset="cp1252") == text


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
        bytes(range(256)) * 8,
        b"\x00\x01\x02\x03\xff\xfe\x00\x00\x10\x20" * 50,
    ],
)
def test_binary_is_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^f\.bin: binary") as caught:
        decode_bytes(data, location="f.bin")
    assert "\n" not in str(caught.value)


def test_wikiref_ingests_every_file_with_its_characters(shared: Path, tmp_path: Path) -> None:
    files = sorted((shared / "eval" / "wikiref" / "articles").iterdir())
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    create_schema(engine)
    report = BriefingService(engine).ingest([str(f) for f in files])
    assert (report.failed, report.new + report.duplicate) == (0, len(files)), report.errors
    euro = [f for f in files if b"\x80" in f.read_bytes()]
    assert euro, "the set holds Windows-1252 euro signs"
    hits = BriefingService(engine).search("€", limit=1000)  # a sign is no search term
    assert hits == []
    bodies = " ".join(BriefingService(engine).article(i).body for i in report.article_ids)
    assert "€" in bodies and "’" in bodies and "\ufffd" not in bodies
    assert "â€" not in bodies  # no UTF-8 read as Windows-1252 either


def test_pages_over_http_honour_the_header_then_the_page(tmp_path: Path) -> None:
    from tests.ingest.http_server import Route, Site, serve

    russian = (LANGUAGES / "ru.txt").read_text(encoding="utf-8")
    title, body = russian.split("\n\n", 1)
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    page = f"<html><head><title>{title}</title>{{meta}}</head><body><h1>{title}</h1>{paragraphs}"
    routes = {
        # The header names the charset; the page itself says nothing.
        "/header.html": Route(
            body=page.replace("{meta}", "").encode("cp1251"),
            content_type="text/html; charset=windows-1251",
        ),
        # No charset in the header: the page's own <meta> says KOI8-R.
        "/meta.html": Route(
            body=page.replace("{meta}", '<meta charset="koi8-r">').encode(
                "koi8-r", errors="replace"
            ),
            content_type="text/html",
        ),
    }
    engine = make_engine(f"sqlite:///{tmp_path / 'http.db'}")
    create_schema(engine)
    service = BriefingService(engine, {"ingest": {"allow_private_addresses": True}})
    with serve(Site(routes=routes)) as site:
        report = service.ingest([f"{site.base}/header.html", f"{site.base}/meta.html"])
    assert report.failed == 0, report.errors
    for article_id in report.article_ids:
        article = service.article(article_id)
        assert article.language == "ru"
        assert "Делегации" in article.body and "\ufffd" not in article.body
    engine.dispose()
