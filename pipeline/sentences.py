"""Sentence boundaries the parser may not move, set before it runs.

The statistical parser of ``fr_core_news_md`` sometimes starts a sentence in the middle of a
noun phrase (``Selon le président kirghize | Sadyr Japarov, ...``), which cuts relations and
quotes in two, and sometimes runs a sentence on across a line break or a full stop
(``... au Tadjikistan.`` newline ``Selon ...``), which makes false co-occurrences. This
component runs before the parser and marks

* every token that cannot start a sentence (``is_sent_start = False``): one that follows
  neither sentence-final punctuation (``. ! ? …``, possibly followed by closing quotes or
  brackets) nor a line break;
* every token that must start one (``is_sent_start = True``): the first word of a line that
  does not open in lower case, and a capitalised word or an opening ``«``/``“`` right after a
  sentence-final punctuation mark (possibly followed by closing quotes or brackets).

The parser keeps pre-set boundaries, so its sentences always follow these two rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.context import token_texts

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


#: Marks that open a quotation and so may open a sentence after a full stop.
OPENERS = frozenset({"«", "“"})


def must_start_sentence(texts: Sequence[str], i: int) -> bool:
    """Whether token ``i`` always opens a sentence: the first word of a line that does not
    begin in lower case, or a capitalised word or an opening quote right after final
    punctuation (and any closing marks).

    >>> must_start_sentence(["Il", "dort", ".", "«", "Viens", "»"], 3)
    True
    >>> must_start_sentence(["à", "Lyon", ".", "et", "puis"], 3)
    False
    """
    if i == 0 or not texts[i] or texts[i].isspace() or texts[i] in CLOSING_ONLY:
        return False
    first = texts[i][0]
    previous = texts[i - 1]
    if previous.isspace() and "\n" in previous:
        return not first.islower()
    if not (first.isupper() or texts[i] in OPENERS):
        return False
    j = i - 1
    while j > 0 and texts[j] in CLOSERS:
        j -= 1
    return texts[j] in FINAL_PUNCT


class SentenceGuard:
    """Marks the tokens that cannot start a sentence and those that must, before the parser."""

    def __init__(self, nlp: Language, name: str = "depeche_sentences") -> None:
        self.name = name

    def process(self, doc: Doc) -> tuple[list[int], list[int]]:
        """Indexes of the tokens that must not start a sentence, and of those that must."""
        texts = token_texts(doc)
        blocked = [i for i in range(1, len(texts)) if not can_start_sentence(texts, i)]
        forced = [i for i in range(1, len(texts)) if must_start_sentence(texts, i)]
        return blocked, forced

    def __call__(self, doc: Doc) -> Doc:
        """Mark the tokens of :meth:`process`: no sentence start (-1), sentence start (1)."""
        blocked, forced = self.process(doc)
        if blocked or forced:
            starts = doc.to_array([SENT_START]).astype("int32")
            starts[blocked] = -1  # -1: "not a sentence start" in spaCy's SENT_START array
            starts[forced] = 1
            doc.from_array([SENT_START], starts.astype("uint64"))
        return doc


@Language.factory("depeche_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceGuard:
    """Build the sentence guard (spaCy factory ``depeche_sentences``); add it before the parser."""
    return SentenceGuard(nlp, name)
