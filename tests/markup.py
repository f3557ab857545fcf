"""Shared test helpers: inline span markup, blank pipelines and hand-built parses.

Span markup: ``[texte](ANNOTATION)`` marks an expected span in a sentence; :func:`strip_marks`
returns the plain text and every mark with its offsets, and each test module reads the
annotation its own way (:func:`split_annotation` for ``LABEL mot ... clé=valeur ...``,
:func:`parse_date_markup` for the dates and datelines syntax).

Hand-built parses: :func:`parsed` (``mot/POS/dep>tête[/lemme]``) and the parse tables of the
quotes tests both go through :func:`build_doc` on ``spacy.blank("fr")``; :func:`mention_row`
is the resolver-like mention dict that the relation tests set in ``doc._.mentions``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.resolve import slug
from pipeline.extensions import register_extensions

# --------------------------------------------------------------------------- span markup

MARK_RE = re.compile(r"\[([^\]]+)\]\(([^)]*)\)")
_KEY = re.compile(r"\s(\w+)=")


@dataclass(frozen=True)
class Mark:
    """One ``[text](annotation)`` mark, with its offsets in the plain text."""

    start: int
    end: int
    text: str
    annotation: str


def strip_marks(markup: str) -> tuple[str, list[Mark]]:
    """Return the plain text of ``markup`` and its marks, in order."""
    parts: list[str] = []
    marks: list[Mark] = []
    pos = length = 0
    for match in MARK_RE.finditer(markup):
        before = markup[pos:match.start()]
        parts.append(before)
        length += len(before)
        inner = match.group(1)
        marks.append(Mark(length, length + len(inner), inner, match.group(2)))
        parts.append(inner)
        length += len(inner)
        pos = match.end()
    parts.append(markup[pos:])
    return "".join(parts), marks


def split_annotation(annotation: str) -> tuple[list[str], dict[str, str]]:
    """Split ``LABEL mot ... clé=valeur ...`` into its leading words and its values.

    A value runs to the next `` clé=`` or to the end, so it may hold spaces.
    """
    annotation = " " + annotation.strip()
    keys = list(_KEY.finditer(annotation))
    head = annotation[:keys[0].start()] if keys else annotation
    values = {}
    for i, key in enumerate(keys):
        end = keys[i + 1].start() if i + 1 < len(keys) else len(annotation)
        values[key.group(1)] = annotation[key.end():end].strip()
    return head.split(), values


@dataclass(frozen=True)
class Expected:
    """One expected span of the dates and datelines markup."""

    start: int
    end: int
    text: str
    label: str
    value: str
    precision: str | None = None
    bound: str = "point"
    extra: dict[str, str] = field(default_factory=dict)


def parse_date_markup(markup: str) -> tuple[str, list[Expected]]:
    """Dates syntax: ``[15 mars 2024](DATE 2024-03-15 day [bound] [clé=valeur ...])``.

    The value ``-`` stands for an empty value; for a label other than ``DATE`` the words
    after the label are the value (``[RIA Novosti](ORG RIA Novosti)``).
    """
    text, marks = strip_marks(markup)
    spans = []
    for mark in marks:
        words = mark.annotation.split()
        plain = [w for w in words if "=" not in w]
        extra = dict(w.split("=", 1) for w in words if "=" in w)
        label = plain[0]
        if label != "DATE":  # (ORG RIA Novosti): the rest is the name
            plain = [label, " ".join(plain[1:])] if len(plain) > 1 else plain
        value = plain[1] if len(plain) > 1 else ""
        spans.append(Expected(
            start=mark.start, end=mark.end, text=mark.text, label=label,
            value="" if value == "-" else value,
            precision=plain[2] if len(plain) > 2 else None,
            bound=plain[3] if len(plain) > 3 else "point", extra=extra))
    return text, spans


# --------------------------------------------------------------------------- blank pipelines


def blank_pipeline(*names: str, config: dict[str, Any] | None = None) -> Language:
    """``spacy.blank("fr")`` with the named components (``config`` for a single one)."""
    assert config is None or len(names) == 1
    nlp = spacy.blank("fr")
    for name in names:
        if config is None:
            nlp.add_pipe(name)
        else:
            nlp.add_pipe(name, config=config)
    return nlp


def blank_fixture(*names: str, config: dict[str, Any] | None = None) -> Callable[[], Language]:
    """A module-scoped fixture returning :func:`blank_pipeline` (named by its assignment)."""

    @pytest.fixture(scope="module")
    def fixture() -> Language:
        return blank_pipeline(*names, config=config)

    return fixture


def run_dated(nlp: Language, text: str, doc_date: str | None) -> Doc:
    """Process ``text`` with ``doc_date`` as publication date."""
    doc = nlp.make_doc(text)
    doc._.doc_date = doc_date
    return nlp(doc)


# --------------------------------------------------------------------------- hand-built parses

register_extensions()
BLANK = spacy.blank("fr")
#: French typography of both parse syntaxes: no space before these words, none after those
#: (a space stays before ``:`` and ``;``).
NO_SPACE_BEFORE = {",", ".", ")", "”"}
NO_SPACE_AFTER = ("'", "’", "(", "“")


def build_doc(words: list[str], pos: list[str], deps: list[str], heads: list[int],
              lemmas: list[str], sent_starts: list[bool]) -> Doc:
    """A parsed Doc on ``spacy.blank("fr")``, spaced as French print (no space before ``,``
    ``.`` or a clitic ``-t``/``-il``, none after ``l'``/``d'`` or an opening bracket)."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in NO_SPACE_BEFORE
                      and not nxt.startswith("-") and not word.endswith(NO_SPACE_AFTER))
    return Doc(BLANK.vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads,
               lemmas=lemmas, sent_starts=sent_starts)


def parsed(markup: str) -> Doc:
    """A Doc from ``mot/POS/dep>tête[/lemme]`` tokens separated by spaces (heads are indices);
    a sentence starts after each ``.``."""
    words, pos, deps, heads, lemmas = [], [], [], [], []
    for item in markup.split():
        parts = item.split("/")
        word, tag, rest = parts[0], parts[1], parts[2]
        dep, head = rest.split(">")
        words.append(word)
        pos.append(tag)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(parts[3] if len(parts) > 3 else word.lower())
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    return build_doc(words, pos, deps, heads, lemmas, starts)


def mention_row(start: int, end: int, text: str, label: str, entity_id: str,
                norm: str | None = None, form: str = "name") -> dict[str, Any]:
    """A mention dict like the resolver's."""
    return {"sentence": 0, "start_char": start, "end_char": end, "text": text,
            "label": label, "entity_id": entity_id, "entity_name": text, "norm": norm,
            "form": form, "title": None, "country": None, "source": "test", "rule": "test"}


def mention(doc: Doc, text: str, label: str, norm: str | None = None, form: str = "name",
            nth: int = 0) -> dict[str, Any]:
    """A mention dict like the resolver's, for the ``nth`` occurrence of ``text`` in ``doc``."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    key = norm if label in ("COUNTRY", "ORG", "DATE") and norm else slug(text)
    return mention_row(start, start + len(text), text, label, f"{label.lower()}:{key}",
                       norm=norm, form=form)


def with_mentions(doc: Doc, *specs: tuple[Any, ...]) -> Doc:
    """Set ``doc._.mentions`` from ``(text, label[, norm[, form[, nth]]])`` tuples."""
    doc._.mentions = sorted((mention(doc, *spec) for spec in specs),
                            key=lambda m: m["start_char"])
    return doc
