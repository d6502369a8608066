"""Verbs of reported speech: the words that make a clause someone's ("Graham said", "police told").

English only. summarizer.text.references reads the clause a speaker reports ("Police said the
protest ..."), summarizer.text.vague the speaker named after a comma (", Graham said"),
summarizer.text.facts a fact's speaker, summarizer.text.promotion a name before its verb
("SAVE the Children said ...") and summarizer.ingest.dates the day a speaker spoke ("said
Wednesday", "told reporters on Tuesday": SAYING_VERBS, as a thought is no day's speech).
"""

from __future__ import annotations

from summarizer.text.language import word_set

__all__ = ["SAYING_VERBS", "SPEECH_VERBS"]

#: Finite verbs that report what someone said or wrote. Present forms other than "say(s)" are
#: left out: references would then read "X insists the club ..." as a reported clause whose
#: "the club" needs an antecedent (a BBC lead lost, 0.01 ROUGE).
SAYING_VERBS = word_set(
    """said says say told added reported announced confirmed warned noted stated claimed argued
    insisted explained wrote"""
)
#: Finite verbs that report what someone said, wrote or thinks: SAYING_VERBS, and "believes",
#: "thinks" and their past.
SPEECH_VERBS = SAYING_VERBS | word_set("believe believes believed think thinks thought")
