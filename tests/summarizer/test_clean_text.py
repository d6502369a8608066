"""Tests of the plain-text cleaner on the seed articles, synthetic debris and the dev set."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from benchmarks.extraction import load_pages, precision_recall, shingle_score
from summarizer.clean.lines import split_lines
from summarizer.clean.text import clean_plain_text
from summarizer.values import CleanedText
from tests.summarizer import clean_pages

# Sentences of a made-up article, long enough to read as prose.
BODY = (
    "The city council voted on Tuesday to extend the night bus service until the end of next year.",
    "Officials said the decision followed a six-month trial in which ridership rose by a third.",
    "Opponents argued that the money would be better spent on repairing the ageing tram network.",
    "The mayor, who backed the plan, said a final review of the costs would come in spring.",
)


def build(*lines: str) -> str:
    """Join lines as a pasted article (one block per line)."""
    return "\n".join(lines)


def cleaned(seed: Path) -> CleanedText:
    return clean_plain_text(seed.read_text(encoding="utf-8"))


def first_line(seed: Path) -> str:
    return next(
        line.strip() for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()
    )


def text_of(result: CleanedText) -> str:
    return "\n".join(result.paragraphs)


# Per seed: phrases of news text that must stay (each exactly once), and debris that must go.
SEED_EXPECTATIONS = {
    "000": (
        ("shook hands in Minsk", "intensity of the dialogue", "Here's the world's most"),
        ("archive of our partner",),
    ),
    "001": (
        ("much-anticipated summit in Minsk", "MINSK, Belarus", "billionaire chocolate magnate"),
        ("Skip to content",),
    ),
    "002": (
        (
            "agree to work together, but Russia",
            "A roadmap will be prepared",
            "Baroness Ashton",
            "a claim it has repeatedly denied",
            "summit in Cardiff next week",
        ),
        (
            "Subscribe to The Week",
            "Escape your echo chamber",
            "Newsletter",
            "inbox",
            "Published",
            "Stanford Prison Experiment",
            "Quiz of The Week",
            "Romania's election rerun",
            "Talking Point",
        ),
    ),
    "003": (
        ("MOSCOW, September 3", "views on possible ways", "killed over 2,500"),
        ("Updated on", "Moscow Time"),
    ),
    "004": (
        ("Normandy Four", "very useful, necessary", "anti- terrorism"),
        ("Print Mail", "分享按钮", "Previous Page", "Next Page", "Updated:"),
    ),
}


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTATIONS))
def test_seed_keeps_news_and_drops_debris(seeds: list[Path], prefix: str) -> None:
    seed = next(s for s in seeds if s.name.startswith(prefix))
    result = cleaned(seed)
    body = text_of(result)
    keep, drop = SEED_EXPECTATIONS[prefix]
    for phrase in keep:
        assert body.count(phrase) == 1, f"{seed.name}: {phrase!r} kept {body.count(phrase)} times"
    for phrase in drop:
        assert phrase not in body, f"{seed.name}: debris {phrase!r} survived"
        assert phrase not in result.title


# Per seed: phrases of the first and the last line of news, and of the debris lines between
# them. Every other line from the first to the last is news and must be in the body, in order,
# and nothing else may be.
SEED_NEWS = {
    "000": ("Though discussions are just beginning", "Peskov offered", ("archive of our partner",)),
    "001": ("MINSK, Belarus", "The fate of peace", ()),
    "002": (
        "Putin and Poroshenko agree to work together",
        "summit in Cardiff next week",
        ("Subscribe to The Week", "Escape your echo chamber", "Sign up for", "From our morning"),
    ),
    "003": ("MOSCOW, September 3", "The fighting has killed", ()),
    "004": ("The meeting is planned to draft", "Apart from Ukraine crisis", ()),
}


def seed_news(seed: Path) -> tuple[str, ...]:
    """Every news line of a seed, in order, as SEED_NEWS delimits them."""
    first, last, debris = SEED_NEWS[seed.name[:3]]
    lines = split_lines(seed.read_text(encoding="utf-8"))
    start = next(i for i, line in enumerate(lines) if first in line)
    end = next(i for i, line in enumerate(lines) if last in line)
    return tuple(line for line in lines[start : end + 1] if not any(d in line for d in debris))


def test_seed_keeps_every_news_line_and_nothing_else(seeds: list[Path]) -> None:
    assert [s.name[:3] for s in seeds] == sorted(SEED_NEWS)
    for seed in seeds:
        assert cleaned(seed).paragraphs == seed_news(seed), seed.name


def test_seed_titles(seeds: list[Path]) -> None:
    for seed in seeds:
        result = cleaned(seed)
        if seed.name.startswith("001"):
            # The first line is "Skip to content"; the headline is the next one.
            lines = [x.strip() for x in seed.read_text(encoding="utf-8").splitlines() if x.strip()]
            assert result.title == lines[1]
        elif seed.name.startswith("003"):
            # Starts with a time line, then the dateline paragraph: no headline at all.
            assert result.title == ""
            assert result.paragraphs[0].startswith("MOSCOW, September 3")
        else:
            assert result.title == first_line(seed)


def test_seed_paragraphs_are_input_lines_without_repeats(seeds: list[Path]) -> None:
    for seed in seeds:
        raw = seed.read_text(encoding="utf-8")
        result = clean_plain_text(raw)
        lines = {" ".join(line.split()) for line in raw.splitlines()}
        assert result.paragraphs, seed.name
        assert all(p in lines for p in result.paragraphs)
        assert len(set(result.paragraphs)) == len(result.paragraphs)
        assert result.title not in result.paragraphs
        assert "-" not in result.paragraphs


def test_empty_and_blank_input() -> None:
    assert clean_plain_text("") == CleanedText(title="", paragraphs=())
    assert clean_plain_text(" \n\n\t\n") == CleanedText(title="", paragraphs=())


def test_menus_widgets_and_notices_are_dropped() -> None:
    text = build(
        "Night buses to run for another year",
        "Skip to content",
        "Home News Sport Weather",
        "Home > News > Transport",
        "Updated: 2015-05-13 09:31",
        "Print Mail Large Medium Small",
        *BODY[:2],
        "Advertisement",
        *BODY[2:],
        "Previous Page 1 2 Next Page",
        "We use cookies to improve your experience. By using our site you accept our policy.",
        "© 2024 Example Media. All rights reserved.",
    )
    result = clean_plain_text(text)
    assert result.title == "Night buses to run for another year"
    assert result.paragraphs == BODY


def test_sentences_that_use_debris_words_are_kept() -> None:
    sentences = (
        "Disney continued to sign up subscribers after engineers patched the login software.",
        "By the end of the day, markets had recovered most of the losses of the morning.",
        "Updated figures released on Monday showed unemployment falling to 3.9 percent.",
        "The report was published on Tuesday by the health ministry in the capital.",
        "Google said the new inbox feature and a redesigned newsletter tool would launch soon.",
        "An Alibaba spokesperson declined to comment on the pricing of the share sale.",
        "Copyright lawsuits against the streaming service rose sharply last year, filings show.",
        "Regulators said websites that use cookies to track children would face large fines.",
        "Fans ignore the warnings by continuing to use the old app for their own videos.",
    )
    result = clean_plain_text(build("Night buses to run for another year", *BODY, *sentences))
    assert result.paragraphs == (*BODY, *sentences)


def test_a_consent_notice_is_dropped_at_any_length() -> None:
    notice = " ".join(["Our partners use data to show ads and measure traffic."] * 8)
    notice += " By continuing to use this site, you consent to the use of cookies."
    result = clean_plain_text(build("Night buses to run for another year", *BODY, notice))
    assert result.paragraphs == BODY


@pytest.mark.parametrize(
    "notice",
    [
        "By continuing to use Yahoo, you agree that Yahoo and its partners may process your"
        " personal data and store information on your device.",
        "By continuing to use our services, you agree to our use of cookies as described in our"
        " Cookie Policy.",
        "By continuing to use this app, you accept the terms and conditions and the privacy notice"
        " set out in the settings menu of the application.",
        "By continuing to browse or by clicking 'Accept', you agree to the storing of first and"
        " third-party cookies on your device to enhance site navigation.",
        "By continuing to use the site, you agree to the use of cookies.",
    ],
)
def test_a_consent_notice_that_names_the_reader_or_cookies_is_dropped(notice: str) -> None:
    result = clean_plain_text(build("Night buses to run for another year", *BODY, notice))
    assert result.paragraphs == BODY


@pytest.mark.parametrize(
    "sentence",
    [
        "Artists may object, but by continuing to use it for their own creations they accept the"
        " licence terms set by the firm.",
        "Shoppers kept the discount by continuing to use the card. You agree, the bank said.",
    ],
)
def test_continuing_to_use_something_in_prose_is_kept(sentence: str) -> None:
    result = clean_plain_text(build("Night buses to run for another year", *BODY, sentence))
    assert result.paragraphs == (*BODY, sentence)


def test_sentences_glued_into_one_long_line_read_as_prose() -> None:
    glued = "".join(BODY) + "Fans ignore the warnings by continuing to use it for their own films."
    result = clean_plain_text(glued)
    assert result == CleanedText(title="", paragraphs=(glued,))


def test_unrelated_headline_list_after_article_is_dropped() -> None:
    teasers = []
    for n in range(6):
        teasers += [
            "-",
            f"Story number {n} about something else entirely",
            f"Talking Point A different subject that has nothing to do with buses, part {n}",
            f"By Reporter {n}, The Example UK Published",
        ]
    result = clean_plain_text(build("Night buses to run for another year", *BODY, *teasers))
    assert result.paragraphs == BODY


def test_most_read_list_inside_article_is_dropped() -> None:
    more = (
        "Transport officials said the extended timetable would start on the first of next month, "
        "with buses every twenty minutes between midnight and five in the morning.",
        "Union representatives welcomed the move but asked for extra staff on the busiest routes.",
    )
    # News paragraphs of two sentences each, as most articles have.
    paragraphs = (f"{BODY[0]} {BODY[1]}", f"{BODY[2]} {BODY[3]}", f"{BODY[1]} {BODY[3]}")
    text = build(
        "Night buses to run for another year",
        *paragraphs,
        "Most read in world news",
        "ROYAL VISIT",
        "Prince opens new hospital wing in seaside town",
        "SHOCK WIN",
        "Underdogs stun champions in cup upset at home",
        *more,
    )
    assert clean_plain_text(text).paragraphs == (*paragraphs, *more)


def test_newsletter_box_inside_article_is_dropped_and_text_around_it_kept() -> None:
    text = build(
        "Night buses to run for another year",
        *BODY[:2],
        "Subscribe to The Example",
        "Escape the noise. Get the facts behind the news, plus analysis.",
        "Sign up for The Example's Free Newsletters",
        "Our morning briefing, delivered directly to your inbox.",
        *BODY[2:],
    )
    assert clean_plain_text(text).paragraphs == BODY


def test_repeated_standfirst_is_kept_once() -> None:
    dek = "Ridership rose by a third during the trial, and the council wants more."
    text = build("Night buses to run for another year", dek, *BODY, dek)
    paragraphs = clean_plain_text(text).paragraphs
    assert paragraphs.count(dek) == 1
    assert set(BODY) <= set(paragraphs)


def test_block_pasted_again_is_kept_once() -> None:
    # Label + paragraph pairs repeat like the rows of a list, but each repeat only copies the
    # lines since the last one: a pasted block, not a list whose rows must all stay.
    block = ["Update", BODY[0], BODY[1]]
    text = build("Night buses to run for another year", *block, *block, *block, BODY[2])
    paragraphs = clean_plain_text(text).paragraphs
    assert paragraphs.count(BODY[0]) == 1
    assert paragraphs.count(BODY[1]) == 1


def test_summary_contained_in_dateline_paragraph_is_dropped() -> None:
    lead = "The city council voted on Tuesday to extend the night bus service until next year."
    text = build("Night buses to run for another year", lead, f"LONDON — {lead}", *BODY[1:])
    assert clean_plain_text(text).paragraphs == (f"LONDON — {lead}", *BODY[1:])


def test_known_boilerplate_lines_are_dropped() -> None:
    tagline = "Example Times is the city's oldest independent daily, founded in 1901."
    text = build("Night buses to run for another year", *BODY, tagline)
    assert tagline in clean_plain_text(text).paragraphs
    cleaned_text = clean_plain_text(text, known_boilerplate=[f"  {tagline.upper()} "])
    assert cleaned_text.paragraphs == BODY


def test_article_without_headline_has_empty_title() -> None:
    result = clean_plain_text(build(*BODY))
    assert result.title == ""
    assert result.paragraphs == BODY


def test_hard_wrapped_seeds_clean_like_the_originals(seeds: list[Path]) -> None:
    for seed in seeds:
        lines = [x.strip() for x in seed.read_text(encoding="utf-8").splitlines() if x.strip()]
        wrapped = "\n\n".join(textwrap.fill(line, width=70) for line in lines)
        assert clean_plain_text(wrapped) == cleaned(seed), seed.name


def test_list_without_prose_keeps_lines_that_are_not_debris() -> None:
    items = ("Two eggs", "One cup of flour", "A pinch of salt", "Half a cup of milk")
    result = clean_plain_text(build("Pancakes for two", *items, "Share on Facebook"))
    assert result.title == "Pancakes for two"
    assert result.paragraphs == items


def test_dev_set_shingle_f1(shared: Path) -> None:
    pages = load_pages(shared)
    score = shingle_score(("\n\n".join(clean_plain_text(p.text).paragraphs), p.body) for p in pages)
    assert score.f1 >= 0.96, score


def test_no_dev_page_loses_its_article(shared: Path) -> None:
    low = {}
    for page in load_pages(shared):
        precision, recall = precision_recall(
            "\n\n".join(clean_plain_text(page.text).paragraphs), page.body
        )
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 < 0.8:
            low[page.key[:10]] = round(f1, 3)
    assert not low, low


def test_agency_story_beats_a_longer_block_of_other_headlines() -> None:
    for header in (True, False):
        for dated in (True, False):
            page = clean_pages.agency_page(header=header, dated_teasers=dated)
            result = clean_plain_text(page)
            assert result.paragraphs == clean_pages.STORY, (header, dated)
            assert result.title == clean_pages.HEADLINE


@pytest.mark.parametrize("intro", [(), BODY[:1]], ids=["under the headline", "after a paragraph"])
def test_article_in_short_sections_is_not_a_teaser_list(intro: tuple[str, ...]) -> None:
    # An explainer in sections, each a subhead and one short paragraph, looks like a list of
    # other stories with teasers, but it follows its own headline or paragraph.
    sections: list[str] = []
    for zone, paragraph in enumerate(BODY[1:], start=1):
        sections += [f"Night buses in zone {zone}", paragraph]
    text = build("Night buses to run for another year", "By Jane Doe", *intro, *sections)
    paragraphs = clean_plain_text(text).paragraphs
    assert paragraphs[: len(intro)] == intro
    # Every paragraph stays, with the subheads between them (a subhead above the first
    # paragraph of all is not part of the body).
    assert paragraphs[paragraphs.index(BODY[1]) :] == tuple(sections[1:])


def test_dateline_opens_the_story_below_a_key_points_box() -> None:
    result = clean_plain_text(clean_pages.key_points_page())
    assert result.paragraphs == clean_pages.STORY


def test_lead_full_of_names_above_a_photo_is_kept() -> None:
    result = clean_plain_text(clean_pages.lead_page())
    assert result.title == "Senators take police chief to court"
    assert result.paragraphs == (clean_pages.LEAD, *clean_pages.LEAD_BODY)


def test_article_keeps_its_own_list_with_repeated_rows() -> None:
    result = clean_plain_text(clean_pages.plan_page())
    assert result.paragraphs == clean_pages.plan_body()


def test_copied_paragraphs_are_kept_once() -> None:
    text = build("Night buses to run for another year", *BODY, *BODY[:2], "Share on Facebook")
    assert clean_plain_text(text).paragraphs == BODY


def test_site_name_repeated_below_is_not_the_title() -> None:
    headline = "Police search river after boat capsizes"
    text = build(f"{headline} | Example News", "Example News", "Home", "World", *BODY)
    assert clean_plain_text(text).title == headline


def test_product_path_keeps_the_news(seeds: list[Path], tmp_path: Path) -> None:
    # `briefing article --json` also detects the title and re-spaces paragraphs: the body it
    # prints must hold the same lines as the cleaner's.
    pages = {
        "agency.txt": clean_pages.STORY,
        "lead.txt": (clean_pages.LEAD, *clean_pages.LEAD_BODY),
        "plan.txt": clean_pages.plan_body(),
    }
    (tmp_path / "agency.txt").write_text(clean_pages.agency_page(), encoding="utf-8")
    (tmp_path / "lead.txt").write_text(clean_pages.lead_page(), encoding="utf-8")
    (tmp_path / "plan.txt").write_text(clean_pages.plan_page(), encoding="utf-8")
    files = [*map(str, seeds), *(str(tmp_path / name) for name in pages)]
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "article", "--json", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    bodies = {
        Path(obj["location"]).name: obj["body"] for obj in map(json.loads, done.stdout.splitlines())
    }
    for seed in seeds:
        assert tuple(bodies[seed.name].split("\n\n")) == seed_news(seed), seed.name
    for name, expected in pages.items():
        assert tuple(bodies[name].split("\n\n")) == expected, name


def test_longer_text_below_the_story_is_not_taken_for_its_list() -> None:
    # A menu, then another text longer than the story (no debris between): the dateline
    # keeps the story, and the other text is not an extension of it.
    other = [
        f"{clean_pages.TEASERS[i][1]} {clean_pages.TEASERS[i + 1][1]}" for i in range(0, 16, 2)
    ]
    menu = [item for item in clean_pages.MENU if item != "Newsletters"]  # no debris at all
    text = build(clean_pages.HEADLINE, *clean_pages.STORY, *menu, *other, "Privacy Policy")
    assert clean_plain_text(text).paragraphs == clean_pages.STORY
