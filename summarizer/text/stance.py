"""Openings that answer a point made before: a stance adverb, a contrasting pseudo-cleft."""

from __future__ import annotations

import re

from summarizer.text.language import alternation, word_set

__all__ = ["answers_unsaid"]

# A stance adverb opening a sentence asks the reader to agree with the writer about a point made
# before it ("Surely they've been busy doing better things.", "Of course the ministry denied
# it.", "Bien sûr, le gouvernement ..."): it answers that point and cannot open a text. By
# language, as a sentence opens with them (lower case).
_STANCE_ADVERBS: dict[str, tuple[str, ...]] = {
    "en": (
        *("surely", "clearly", "obviously", "evidently", "naturally", "undoubtedly"),
        *("of course", "no doubt", "needless to say", "sure enough"),
    ),
    "de": ("natürlich", "sicherlich", "selbstverständlich", "offensichtlich", "zweifellos"),
    "fr": ("bien sûr", "évidemment", "naturellement", "certes", "bien entendu"),
    "es": ("por supuesto", "evidentemente", "obviamente", "sin duda", "desde luego"),
    "it": ("ovviamente", "naturalmente", "evidentemente", "senza dubbio"),
    "pt": ("obviamente", "evidentemente", "naturalmente", "sem dúvida"),
    "nl": ("natuurlijk", "uiteraard", "vanzelfsprekend", "ongetwijfeld"),
    "ru": ("конечно", "разумеется", "безусловно", "естественно"),
    "uk": ("звичайно", "звісно", "безумовно", "зрозуміло"),
}
# In English an adverb of manner or degree shares some of those words ("Clearly marked lanes
# opened on Monday.", "Naturally occurring gas ...") and titles open with them ("Surely
# Forever won the Derby."): a stance adverb is set off by a comma or followed by a pronoun or a
# determiner opening the clause's subject.
_CLAUSE_STARTS = word_set(
    """i you he she it we they there this that these those the a an no nobody none everyone
    everybody someone some most many all his her its their our my your one not"""
)
_STANCE: dict[str, re.Pattern[str]] = {
    language: re.compile(rf"^(?:{alternation(adverbs)})(?=\s*,|\s+(\S+))")
    for language, adverbs in _STANCE_ADVERBS.items()
}
# A pseudo-cleft whose "what" clause sets its subject against something said before: "What
# isn't as common is a label ...", "What is different this time is ...", "What's more, ...".
# A pseudo-cleft that names its own subject opens a text ("What began as a protest has become a
# movement."); one that says "as common", "more", "new" or "different" compares with an unsaid
# point.
_CONTRASTS = {
    "en": (
        r"(?:(?:as|so|more|less|even|far|much) [\w-]+|different|new|else|changed|also|too)",
        r"^what(?:['’]s|\s+(?:is|was|are|were|has|had|isn['’]t|wasn['’]t|hasn['’]t))?"
        r"(?:\s+not)?\s+(?:been\s+)?{contrast}\b",
    ),
    "fr": (
        r"(?:(?:aussi|si|plus|moins) [\w-]+|nouveau|différent|autre|changé)",
        r"^ce qui (?:est|était|a|n['’]est pas|n['’]était pas)(?:\s+(?:pas|été))?\s+{contrast}\b",
    ),
    "de": (
        r"(?:(?:so|mehr|weniger|ebenso) [\w-]+|neu|anders|seltener|häufiger)",
        r"^was (?:aber |jedoch |dagegen )?(?:nicht )?{contrast} ist\b",
    ),
    "es": (
        r"(?:(?:tan|más|menos) [\w-]+|nuevo|distinto|diferente)",
        r"^lo que (?:no )?(?:es|era|ha sido)\s+{contrast}\b|^lo (?:nuevo|distinto|diferente) es\b",
    ),
}
_PSEUDO_CLEFT: dict[str, re.Pattern[str]] = {
    language: re.compile(pattern.format(contrast=contrast))
    for language, (contrast, pattern) in _CONTRASTS.items()
}
_WHAT_IS_MORE = re.compile(r"^what(?:['’]s| is) more\s*,")


def answers_unsaid(sentence: str, language: str = "en") -> bool:
    """Tell whether a sentence opens by answering a point made before it.

    Two shapes: a stance adverb that asks the reader to agree ("Surely they've been busy doing
    better things.", "Of course the ministry denied it.", "Natürlich hat die Regierung ...") and
    a pseudo-cleft that sets its subject against an unsaid one ("What isn't as common is a label
    not allowing an artist to perform their music.", "What's more, ..."). A report opens with
    what happened; these open with the writer's answer to a sentence the reader was not shown.

    Args:
        sentence: one sentence (its case does not count).
        language: ISO 639-1 code; stance adverbs for en, de, fr, es, it, pt, nl, ru and uk,
            pseudo-clefts for en, fr, de and es.

    Returns:
        True when the opening answers something said before.
    """
    start = sentence.strip().lstrip("\"“‘'«„([¿¡").lower()
    stance = _STANCE.get(language)
    found = stance.match(start) if stance else None
    if found:
        after = found.group(1)
        if after is None or language != "en":
            return True  # "Surely, ...", "Natürlich hat ..."
        if after.strip("\"“‘'").replace("’", "'").split("'")[0] in _CLAUSE_STARTS:
            return True  # "Surely they've ...", "Of course the ministry ..."
    cleft = _PSEUDO_CLEFT.get(language)
    if cleft is not None and cleft.match(start):
        return True
    return language == "en" and _WHAT_IS_MORE.match(start) is not None
