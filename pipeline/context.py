"""The per-story context: what every component reads of a story, computed once per ``Doc``.

Every rule component needs the same things of a story: its text, the folded form and the
lemma of each token, where its sentences start and end, and (after the resolver) which
mention covers which token. Rebuilt by each component they used to cost more than the rules
themselves (``doc.text`` is rebuilt from the tokens at every access; ``token.sent`` walks the
sentence). :meth:`StoryContext.of` builds them once and hands the same object to every
component that asks for the same ``Doc``:

>>> ctx = StoryContext.of(doc)
>>> ctx.words[:3], ctx.sentence_of(5), ctx.sentence_index_at(120)
(['moscou', ',', '24'], 0, 1)

The context is not stored on the ``Doc`` (its values are not msgpack-safe); it lives in a
weak mapping and goes with the ``Doc``. It is rebuilt when the tokens change (a component that
retokenises, such as the datelines, runs before anything reads it) and the mention index is
rebuilt whenever ``doc._.mentions`` is replaced.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from spacy.attrs import IDX, LEMMA, ORTH, POS, SENT_START
from spacy.tokens import Doc

from pipeline.entities.gazetteers import fold

__all__ = ["StoryContext", "folded", "is_break", "token_texts"]

#: Folded forms remembered (a news corpus's working vocabulary; memory stays bounded).
FOLDED_CACHE_SIZE = 200_000


@lru_cache(maxsize=FOLDED_CACHE_SIZE)
def folded(text: str) -> str:
    """``fold(text)``, remembered: a story's words are mostly words already folded."""
    return fold(text)


def _strings(doc: Doc, attr: int) -> list[str]:
    """The string of ``attr`` (ORTH, LEMMA, POS...) of every token, read from the doc's array
    (no ``Token`` object is made: a third of a rule component's time went to making them)."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(attr).tolist()] if len(doc) else []


def token_texts(doc: Doc) -> list[str]:
    """``token.text`` of every token of ``doc``."""
    return _strings(doc, ORTH)


def is_break(doc: Doc, i: int) -> bool:
    """True when a sentence may start at token ``i``: after final punctuation or a new line."""
    if i <= 0 or i >= len(doc):
        return True
    before = doc[i - 1]
    return (before.text[-1:] in ".!?…»" or "\n" in before.whitespace_
            or (before.is_space and "\n" in before.text))


class StoryContext:
    """Text, folded words, lemmas, sentences and mention index of one ``Doc``, built once."""

    _cache: weakref.WeakKeyDictionary[Doc, StoryContext] = weakref.WeakKeyDictionary()
    _texts: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()

    def __init__(self, doc: Doc) -> None:
        self._doc = weakref.ref(doc)
        self.n_tokens = len(doc)
        #: The story's text (``doc.text`` once, or the text the Doc was made from).
        self.text: str = self._texts.get(doc) or doc.text
        #: ``token.text`` of every token.
        self.texts: list[str] = token_texts(doc)
        #: ``fold(token.text)`` of every token.
        self.words: list[str] = [folded(t) for t in self.texts]
        self._lemmas: list[str] | None = None
        self._pos: list[str] | None = None
        self._starts: list[int] | None = None
        self._parser_starts: list[int] | None = None
        self._merged_starts: list[int] | None = None
        self._char_starts: list[int] | None = None
        self._mention_index: Any = None
        self._mentions_key: tuple[int, int] | None = None

    @classmethod
    def of(cls, doc: Doc) -> StoryContext:
        """The context of ``doc``: built on first use, then shared until the tokens change."""
        ctx = cls._cache.get(doc)
        if ctx is None or ctx.n_tokens != len(doc):
            ctx = cls(doc)
            cls._cache[doc] = ctx
        return ctx

    @classmethod
    def made_from(cls, doc: Doc, text: str) -> None:
        """Record that ``doc`` was tokenised from ``text`` (its ``doc.text``, which spaCy
        otherwise rebuilds token by token; retokenising never changes it)."""
        cls._texts[doc] = text

    @property
    def doc(self) -> Doc:
        """The ``Doc`` this context describes."""
        doc = self._doc()
        if doc is None:  # pragma: no cover - the caller holds the doc
            raise ReferenceError("the Doc of this context is gone")
        return doc

    # -- tokens ------------------------------------------------------------------------------

    @property
    def lemmas(self) -> list[str]:
        """Folded lemma of every token (its text when the lemmatizer gave none)."""
        if self._lemmas is None:
            self._lemmas = [folded(lemma or text)
                            for lemma, text in zip(_strings(self.doc, LEMMA), self.texts,
                                                   strict=True)]
        return self._lemmas

    @property
    def pos(self) -> list[str]:
        """``token.pos_`` of every token."""
        if self._pos is None:
            self._pos = _strings(self.doc, POS)
        return self._pos

    @property
    def starts(self) -> list[int]:
        """``token.idx`` (start offset) of every token."""
        if self._starts is None:
            doc = self.doc
            self._starts = doc.to_array(IDX).tolist() if len(doc) else []
        return self._starts

    def word(self, i: int) -> str:
        """Folded text of token ``i``; empty outside the doc."""
        return self.words[i] if 0 <= i < self.n_tokens else ""

    # -- sentences ---------------------------------------------------------------------------

    @property
    def parser_starts(self) -> list[int]:
        """Token index of the first token of each sentence as the parser set them (``[0]``
        when the doc has no sentence marks)."""
        if self._parser_starts is None:
            doc = self.doc
            if self.n_tokens == 0 or not (doc.has_annotation("SENT_START")
                                          or doc.has_annotation("DEP")):
                self._parser_starts = [0]
            else:
                marks = doc.to_array([SENT_START])
                starts = [int(i) for i in (marks == 1).nonzero()[0]]
                if not starts or starts[0] != 0:
                    starts.insert(0, 0)
                self._parser_starts = starts
        return self._parser_starts

    @property
    def merged_starts(self) -> list[int]:
        """Sentence starts kept only where a sentence may start (:func:`is_break`): the
        parser's sentences merged across a boundary that follows no final punctuation and no
        new line (it sometimes splits ``Selon le président kirghize | Sadyr Japarov``)."""
        if self._merged_starts is None:
            doc = self.doc
            self._merged_starts = [s for s in self.parser_starts if is_break(doc, s)] or [0]
        return self._merged_starts

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """Token bounds ``(start, end)`` of the (merged) sentence holding token ``i``; the
        whole doc when it has no sentence marks."""
        starts = self.merged_starts
        k = max(0, bisect_right(starts, i) - 1)
        end = starts[k + 1] if k + 1 < len(starts) else self.n_tokens
        return starts[k], end

    def sentence_of(self, i: int) -> int:
        """0-based index of the parser sentence holding token ``i``."""
        return max(0, bisect_right(self.parser_starts, i) - 1)

    @property
    def sentence_char_starts(self) -> list[int]:
        """Start offsets of the parser's sentences (``[0]`` without sentence marks)."""
        if self._char_starts is None:
            doc = self.doc
            if self.n_tokens == 0:
                self._char_starts = [0]
            else:
                self._char_starts = [doc[s].idx for s in self.parser_starts]
        return self._char_starts

    def sentence_index_at(self, char: int) -> int:
        """0-based index of the parser sentence holding character offset ``char``."""
        return max(0, bisect_right(self.sentence_char_starts, char) - 1)

    # -- mentions ----------------------------------------------------------------------------

    def mention_index(self) -> Any:
        """The :class:`~pipeline.relations.base.MentionIndex` of ``doc._.mentions``, rebuilt
        only when the resolver (or anyone) replaces that list."""
        mentions = self.doc._.mentions
        key = (id(mentions), len(mentions or ()))
        if self._mention_index is None or key != self._mentions_key:
            from pipeline.relations.base import MentionIndex

            self._mention_index = MentionIndex(self.doc)
            self._mentions_key = key
        return self._mention_index
