"""Finding quote spans: quotation marks, and the sentences and clauses reported speech spans.

:func:`find_quote_marks` gives the outermost quotation-mark spans of a text (a direct quote's
span includes its marks). :class:`QuoteStory` is one story as the quote rules read it: the
tokens' normalised forms, the quotation-mark spans, the sentence around a token by punctuation
and line breaks (not the parser's: a quote's sentence ends at ``;`` too, and never inside
quotation marks), and the clause between two tokens without its edge punctuation. Sentences
are computed once per story, so asking for the sentence of every token costs nothing more.
:class:`Finding` is what a rule found: a quote span with its cue and speaker, not yet resolved.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from pipeline.context import StoryContext

if TYPE_CHECKING:
    from pipeline.relations.quotes.cues import Cue
    from pipeline.relations.quotes.speakers import Speaker

__all__ = ["CLAUSE_END", "CLOSING", "OPENING", "Finding", "QuoteStory", "find_quote_marks",
           "norm"]

#: Quotation marks: opening -> closing.
MARKS = {"«": "»", "“": "”", '"': '"'}
CLOSING = frozenset("»”\"")
OPENING = frozenset("«“\"")
_MARK_OR_BREAK = re.compile("[\n" + "".join(MARKS) + "".join(MARKS.values()) + "]")
#: Tokens that end a sentence or a clause for the span of a reported clause.
CLAUSE_END = frozenset({".", "!", "?", ";", "…", "..."})


def norm(text: str) -> str:
    """Lower case with one apostrophe: how the quote rules compare words (accents kept)."""
    return text.lower().replace("’", "'")


def find_quote_marks(text: str) -> list[tuple[int, int]]:
    """Outermost quotation-mark spans of ``text`` as (start, end) offsets, marks included.

    >>> find_quote_marks("Il a dit : « Oui. » Puis “non”.")
    [(11, 18), (24, 29)]
    """
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    opened = 0
    blank_end = 0  # end of the last run of blanks looked through (each is read once)
    for found in _MARK_OR_BREAK.finditer(text):  # every other character changes nothing
        i, char = found.start(), found.group()
        if char == "\n":
            if stack:
                if blank_end <= i:
                    blank_end = i + 1
                    while blank_end < len(text) and text[blank_end] in " \t\n":
                        blank_end += 1
                # a paragraph that opens with « (after the break): the same quote goes on
                if not (stack == ["«"] and text.startswith("«", blank_end)):
                    stack = []
            continue
        if stack and char == MARKS[stack[-1]]:
            stack.pop()
            if not stack:
                spans.append((opened, i + 1))
            continue
        if char in MARKS and char != "\"" or (char == "\"" and "\"" not in stack):
            if char == "«" and stack == ["«"] and _line_start(text, i):
                continue  # a new paragraph of the same quote
            if not stack:
                opened = i
            stack.append(char)
    return spans


def _line_start(text: str, i: int) -> bool:
    """Whether only spaces or tabs stand between a line break and offset ``i`` (not the
    text's start: a quote must be open)."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 0 and text[j] == "\n"


@dataclass(frozen=True)
class Finding:
    """A quote a rule found: kind, char span, cue, speaker (as written) and rule."""

    kind: str  # "direct" | "indirect"
    start: int
    end: int
    cue: Cue | None
    speaker: Speaker | None
    rule: str

    @property
    def cue_span(self) -> tuple[int, int] | None:
        """Char offsets of the cue, if any."""
        return (self.cue.start_char, self.cue.end_char) if self.cue else None


class QuoteStory:
    """One story as the quote rules read it (built once per ``Doc``)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.ctx = StoryContext.of(doc)
        self.text = self.ctx.text
        self.n_tokens = len(doc)
        #: Text, normalised text (:func:`norm`), part of speech and offset of every token.
        self.texts: list[str] = self.ctx.texts
        self.pos: list[str] = self.ctx.pos
        self.starts: list[int] = self.ctx.starts
        self.norms: list[str] = [norm(t) for t in self.texts]
        #: Outermost quotation-mark spans (sorted, disjoint).
        self.marks = find_quote_marks(self.text)
        self._mark_starts = [s for s, _ in self.marks]
        self._sentence_starts: list[int] | None = None
        self._sentence_ends: list[int] | None = None

    def end_char(self, i: int) -> int:
        """Char offset just after token ``i``."""
        return self.starts[i] + len(self.texts[i])

    def in_quote(self, char: int) -> bool:
        """Whether offset ``char`` lies inside a direct quote's marks."""
        k = bisect_right(self._mark_starts, char) - 1
        return k >= 0 and char < self.marks[k][1]

    def token_at_or_after(self, char: int) -> int:
        """Index of the first token starting at or after offset ``char`` (or ``n_tokens``)."""
        return bisect_left(self.starts, char)

    # -- sentences and clauses --------------------------------------------------------------

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """Token range of the sentence around token ``i`` by punctuation and line breaks.

        It starts after a clause end outside quotation marks (``.``, ``;``…), a line break, or
        a closing mark that ends a sentence-final quote (``… . »``); it ends before such a
        clause end or a token holding a line break.
        """
        if self._sentence_starts is None:
            self._split_sentences()
        assert self._sentence_starts is not None and self._sentence_ends is not None
        return self._sentence_starts[i], self._sentence_ends[i]

    def _split_sentences(self) -> None:
        texts, n = self.texts, self.n_tokens
        # a clause end outside quotes, or a token holding a line break, ends a sentence (a
        # token's own trailing whitespace is one space at most: spaCy makes line breaks
        # tokens of their own)
        hard_end = [(text in CLAUSE_END and not self.in_quote(start)) or "\n" in text
                    for text, start in zip(texts, self.starts, strict=True)]
        starts = [0] * (n + 1)
        start = 0
        for k in range(1, n + 1):
            if hard_end[k - 1] or (
                    texts[k - 1] in CLOSING and self._ends_quote(k - 1)):
                start = k
            starts[k] = start
        ends = [n] * (n + 1)
        end = n
        for k in range(n - 1, -1, -1):
            if hard_end[k]:
                end = k
            ends[k] = end
        self._sentence_starts, self._sentence_ends = starts, ends

    def _ends_quote(self, i: int) -> bool:
        """Whether the closing mark at token ``i`` ends a sentence-final quote (``… . »``)."""
        return i > 0 and self.texts[i - 1] in CLAUSE_END

    def clause(self, start: int, end: int) -> tuple[int, int] | None:
        """Char offsets of tokens [start, end) without leading/trailing punctuation."""
        doc = self.doc
        while start < end and doc[start].is_punct and self.texts[start] not in OPENING:
            start += 1
        while end > start and doc[end - 1].is_punct and self.texts[end - 1] not in CLOSING:
            end -= 1
        if end - start < 2:
            return None
        return self.starts[start], self.end_char(end - 1)
