"""Verbs of reported speech: the words that make a clause someone's ("Graham said", "police told").

English only. summarizer.text.references reads the clause a speaker reports ("Police said the
protest ..."), summarizer.text.vague the speaker named after a comma (", Graham said"),
summarizer.text.facts a fact's speaker and summarizer.text.promotion a name before its verb
("SAVE the Children said ..."). summarizer.ingest.dates keeps its own few (`_SPOKE_ON`: "said
Wednesday", "told reporters on Tuesday"); it should read this list when that module is next
changed.
"""

from __future__ import annotations

from summarizer.text.language import word_set

__all__ = ["SPEECH_VERBS"]

#: Finite verbs that report what someone said, wrote or thinks. Present forms other than
#: "says", "thinks" and "believes" are left out: references would then read "X insists the club
#: ..." as a reported clause whose "the club" needs an antecedent (a BBC lead lost, 0.01 ROUGE).
SPEECH_VERBS = word_set(
    """said says say told added reported announced confirmed warned noted stated claimed argued
    believe believes believed think thinks thought insisted explained wrote"""
)
