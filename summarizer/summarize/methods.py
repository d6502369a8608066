"""Sentence ranking methods: the vectorised default, Lead, and sumy's summarizers run offline."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

from summarizer.summarize.textrank import rank_sentences
from summarizer.text.language import SUMY_NAMES, stop_words
from summarizer.text.stemming import snowball_name
from summarizer.text.stemming import stemmer as snowball_stemmer
from summarizer.text.tokenizer import OfflineTokenizer

logger = logging.getLogger(__name__)

_SUMY_METHODS: tuple[str, ...] = (
    "lexrank",
    "textrank",
    "lsa",
    "luhn",
    "edmundson",
    "kl",
    "reduction",
    "sumbasic",
)


def _sumy_summarizer(method: str, stemmer: Callable[[str], str]) -> Any:
    """Build one of sumy's summarizers (imported here: sumy's summarizers import all of NLTK)."""
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    if method == "edmundson":
        return EdmundsonSummarizer(stemmer, cue_weight=1.0, key_weight=1.0)
    classes: dict[str, Callable[[Callable[[str], str]], Any]] = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
        "kl": KLSummarizer,
        "reduction": ReductionSummarizer,
        "sumbasic": SumBasicSummarizer,
    }
    return classes[method](stemmer)


_NO_WORD = "xxxxxxxxxx"

METHODS: tuple[str, ...] = ("default", "lead", *_SUMY_METHODS)
"""Names accepted by summarize_article; "default" is vectorised TextRank (see textrank.py)."""


def rank_order(
    method: str, sentences: Sequence[str], *, title: str = "", language: str = "en"
) -> list[int]:
    """Order sentence indices from the best to the worst candidate for a summary.

    Args:
        method: one of METHODS.
        sentences: the article's sentences in order.
        title: the article's title (Edmundson uses its words as bonus words).
        language: ISO 639-1 code with a stemmer (see SUMY_NAMES).

    Returns:
        Every index of sentences once, best first; ties keep article order.

    Raises:
        ValueError: the method is not in METHODS.
    """
    if not sentences:
        return []
    if method == "lead":
        return list(range(len(sentences)))
    if method == "default":
        tokenizer = OfflineTokenizer(language)
        stem = _stemmer(language)
        stops = stop_words(language)
        token_lists = [
            [stem(w) for w in map(str.lower, tokenizer.to_words(s)) if w not in stops]
            for s in sentences
        ]
        scores = rank_sentences(token_lists)
        return [int(i) for i in np.argsort(-scores, kind="stable")]
    if method in _SUMY_METHODS:
        return _sumy_order(method, sentences, title=title, language=language)
    raise ValueError(f"unknown summary method {method!r}; choose one of {', '.join(METHODS)}")


def _sumy_order(method: str, sentences: Sequence[str], *, title: str, language: str) -> list[int]:
    """Rank sentences with one of sumy's summarizers, reading its internal order of ratings."""
    tokenizer = OfflineTokenizer(language)
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
    summarizer = _sumy_summarizer(method, _stemmer(language))
    stops = stop_words(language)
    summarizer.stop_words = stops
    if method == "edmundson":
        # Edmundson refuses empty word sets; a word no text contains stands in for "none".
        bonus = [w.lower() for w in tokenizer.to_words(title) if w.lower() not in stops]
        summarizer.bonus_words = bonus or [_NO_WORD]
        summarizer.stigma_words = [_NO_WORD]
        summarizer.null_words = stops or [_NO_WORD]
    ranked: list[int] = []

    def keep_all(infos: list[Any]) -> list[Any]:
        # sumy hands its sentences sorted by rating, best first, to a callable count.
        ranked.extend(int(info.order) for info in infos)
        return infos

    summarizer(document, keep_all)
    if len(ranked) != len(sentences):  # sumy merged identical sentences: rank the rest last
        seen = set(ranked)
        ranked.extend(i for i in range(len(sentences)) if i not in seen)
    return ranked


@cache
def _stemmer(language: str) -> Callable[[str], str]:
    """Return a Snowball stemmer for an ISO 639-1 code (lower-casing only when none exists).

    PyStemmer serves the languages it knows (fast, and it spares importing NLTK, 2.4 s); sumy's
    own stemmers (Ukrainian, Slovak, ...) are loaded only for the others. Stemming is most of the
    default method's time and news repeats its words, so stems are cached.
    """
    if snowball_name(language) is not None:
        return lru_cache(maxsize=100_000)(snowball_stemmer(language))
    name = SUMY_NAMES.get(language)
    if name is None:  # Japanese, Korean, Thai, Arabic, Hindi, ...: the ranking needs no stems
        return str.lower
    from sumy.nlp.stemmers import Stemmer  # imports NLTK: only for languages PyStemmer lacks

    try:
        stemmer: Callable[[str], str] = Stemmer(name)
    except (LookupError, ValueError, ImportError):
        logger.info("no stemmer for %s: words are only lower-cased", language)
        return str.lower
    return lru_cache(maxsize=100_000)(stemmer)
