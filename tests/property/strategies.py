"""Hypothesis strategies for news-like text: prose, debris, markup and hostile characters."""

from __future__ import annotations

from hypothesis import strategies as st

# Any character a decoded file or a Telegram message can hold: whatever UTF-8 can encode (so no
# lone surrogates, which strictly decoded input cannot contain).
ANY_CHAR = st.characters(codec="utf-8")
SYMBOLS = st.sampled_from(list("<>&\"'`*_[]()~|#.!?…,;:-–—«»“”„ \t\n\u00a0\u200b😀👍🏽\r\f"))
WORD = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
    | st.sampled_from(list("éßçñøЖжЇї中文字")),
    min_size=1,
    max_size=12,
)
DEBRIS = st.sampled_from(
    [
        "Subscribe to our newsletter",
        "Share on Facebook",
        "Advertisement",
        "Read more:",
        "Most read",
        "© 2026 The Ledger",
        "Sign in",
        "Updated: 2026-03-12 09:31",
        "Related stories",
    ]
)


@st.composite
def prose_line(draw: st.DrawFn) -> str:
    """A line of a few sentences made of random words, with some punctuation and markup."""
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.lists(WORD | SYMBOLS, min_size=1, max_size=25))
        end = draw(st.sampled_from([".", "!", "?", ".”", "…", ""]))
        sentences.append(" ".join(words).capitalize() + end)
    return " ".join(sentences)


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """A pasted article: an optional headline, prose lines and debris in any order."""
    lines = [draw(prose_line() | DEBRIS | st.just("")) for _ in range(draw(st.integers(0, 25)))]
    if draw(st.booleans()):
        lines.insert(0, draw(st.lists(WORD, min_size=1, max_size=10).map(" ".join)))
    return draw(st.sampled_from(["\n", "\n\n", "\r\n"])).join(lines)


ANY_TEXT = st.text(alphabet=ANY_CHAR, max_size=2_000)
HOSTILE_TEXT = st.text(alphabet=ANY_CHAR | SYMBOLS, max_size=600)
TEXTS = ANY_TEXT | HOSTILE_TEXT | article_text()
