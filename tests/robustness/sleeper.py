"""A test-only component that sleeps on stories holding a marker word: a stand-in for a
component that runs away on one story. Importing this module registers it, so that a worker
process that unpickles :class:`SleepySpec` can build it too."""

from __future__ import annotations

import time
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.engines import NlpSpec

#: Stories holding this word make the component sleep.
MARKER = "DORMIR"
#: How long it sleeps: far longer than any budget the tests give.
SLEEP_SECONDS = 120.0


@Language.component("robustness_sleeper")
def sleeper(doc: Doc) -> Doc:
    """Sleep :data:`SLEEP_SECONDS` on a story holding :data:`MARKER`; pass others through."""
    if any(token.text == MARKER for token in doc):
        time.sleep(SLEEP_SECONDS)
    return doc


def add_sleeper(nlp: Language) -> Language:
    """``nlp`` with the sleeper added last (once)."""
    if "robustness_sleeper" not in nlp.pipe_names:
        nlp.add_pipe("robustness_sleeper")
    return nlp


@dataclass(frozen=True)
class SleepySpec(NlpSpec):
    """The spec of a worker pipeline with the sleeper added."""

    def build(self) -> Language:
        return add_sleeper(super().build())
