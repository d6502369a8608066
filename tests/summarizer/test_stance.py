"""Openings that answer a point made before: stance adverbs and contrasting pseudo-clefts."""

from __future__ import annotations

import pytest

from summarizer.text.rules import leans_back, stands_alone
from summarizer.text.stance import answers_unsaid


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Surely they’ve been busy doing better things.", "en"),
        ("Clearly, the ministry had no plan for the winter.", "en"),
        ("Of course the ministry denied any wrongdoing on Monday.", "en"),
        ("Obviously there is more to the deal than the two sides admit.", "en"),
        ("Natürlich hat die Regierung jede Verantwortung zurückgewiesen.", "de"),
        ("Bien sûr, le gouvernement a démenti toute responsabilité.", "fr"),
        ("Por supuesto, el gobierno negó cualquier responsabilidad.", "es"),
        ("Ovviamente il governo ha respinto ogni responsabilità.", "it"),
        ("Natuurlijk ontkende de regering elke verantwoordelijkheid.", "nl"),
        ("Конечно, правительство отвергло все обвинения.", "ru"),
        ("Звісно, уряд відкинув усі звинувачення.", "uk"),
    ],
)
def test_a_stance_adverb_answers_a_point_made_before(text: str, language: str) -> None:
    assert answers_unsaid(text, language)
    assert leans_back(text, language) and leans_back(text, language, voice=False)
    assert not stands_alone(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("What isn't as common is a label not allowing an artist to perform their music.", "en"),
        ("What is different this time is the size of the crowd in the capital.", "en"),
        ("What has changed is the tone of the talks between the two capitals.", "en"),
        ("What’s more, the bank raised its interest rates again on Thursday.", "en"),
        ("Ce qui est moins courant, c'est un label qui interdit à un artiste de jouer.", "fr"),
        ("Was aber neu ist, ist die Größe der Demonstration in der Hauptstadt.", "de"),
        ("Lo que no es tan común es que un sello prohíba a un artista tocar su música.", "es"),
    ],
)
def test_a_pseudo_cleft_set_against_an_unsaid_point_leans_back(text: str, language: str) -> None:
    assert answers_unsaid(text, language)
    assert not stands_alone(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("What began as a protest has become a nationwide movement, organisers said.", "en"),
        ("What happened in Minsk on Tuesday surprised diplomats from both countries.", "en"),
        ("What is known is that three people died in the fire on Monday.", "en"),
        ("Clearly marked bus lanes opened across the city centre on Monday.", "en"),
        ("Naturally occurring gas leaked from the well for three days, officials said.", "en"),
        ("Surely Forever, a racehorse trained in Kildare, won the Derby on Saturday.", "en"),
        ("Natürliche Ressourcen werden in dem Land knapp, sagte der Minister.", "de"),
        ("Sans surprise, le gouvernement a démenti toute responsabilité mardi.", "fr"),
    ],
)
def test_a_report_opening_with_the_same_words_stands(text: str, language: str) -> None:
    assert not answers_unsaid(text, language)
    assert stands_alone(text, language)
