"""Words for people's offices and jobs, written before their names ("President Vladimir Putin").

English only: no other language's offices are listed. summarizer.text.rules drops OFFICES from
a title made of a sentence; summarizer.text.vague reads ROLES as marking a one-word name.
"""

from __future__ import annotations

from summarizer.text.language import word_set

__all__ = ["OFFICES", "ROLES"]

#: Offices written in title case before a person's name ("Russian President Vladimir Putin"); a
#: headline names the person alone ("Vladimir Putin").
OFFICES = word_set(
    """president minister chancellor premier secretary senator governor mayor ambassador
    spokesman spokeswoman chairman chairwoman king queen prince princess pope"""
)
#: Lower-case roles written before a person named by one word ("Kremlin aide Ushakov", "foreign
#: minister Lavrov"): the offices and other jobs. The role says who the person is, and marks
#: the word as a person's name. (Not offices for titles: "General", "Director" or "Leader" in
#: title case also open names of things, "General Motors".)
ROLES = OFFICES | word_set(
    """spokesperson aide adviser advisor official envoy general coach manager captain judge
    prosecutor lawyer attorney analyst economist professor researcher scientist author editor
    founder executive leader commander negotiator striker defender midfielder goalkeeper
    chief director"""
)
