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

#: Verbs that report what someone said, wrote or thinks: finite forms, and "saying" ("despite
#: the White House saying ..."). Not the forms that are mostly nouns ("the United States",
#: "reports say", "bank notes").
SPEECH_VERBS = word_set(
    """said says say told tells added adds reported announced announces confirmed confirms
    warned warns noted stated claimed claims argued argues believe believes believed think
    thinks thought insisted insists explained explains wrote writes saying"""
)
