"""Custom attributes that dépêche adds to spaCy objects, declared once, here.

Every value stored through these attributes is msgpack-safe (str, int, float,
bool, None, and lists or dicts of them), so a processed ``Doc`` survives
``Doc.to_bytes()`` and ``nlp.pipe(..., n_process=N)``.

Doc attributes
--------------
``doc._.doc_date``     publication date of the story (ISO ``YYYY-MM-DD``) or None,
                       set by the reader before the pipeline runs.
``doc._.dateline``     dict ``{place, date, agency, end_char, ...}`` or None,
                       set by the datelines component.
``doc._.anchor``       dict ``{date, source}`` the reference date used to resolve
                       relative dates (``source`` is ``metadata``, ``dateline``
                       or ``inferred``), or None.
``doc._.span_attrs``   per-span extra values written by the family components:
                       ``{group: {"start:end": {name: value}}}``; read and write
                       it with :func:`get_span_attrs` and :func:`set_span_attrs`.
``doc._.mentions``     list of plain dicts, one per resolved mention, written by
                       the resolver (the rows of the ``mentions`` table minus
                       ``doc_id``).
``doc._.relations``    list of plain dicts, one per relation.
``doc._.quotes``       list of plain dicts, one per quote.

Span values are kept in a Doc-level dict rather than in ``Span._`` because
spaCy stores span extensions by character offsets only: two spans with the same
offsets in two span groups would share (and overwrite) their values.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

DOC_ATTRIBUTES: dict[str, Any] = {
    "doc_date": None,
    "dateline": None,
    "anchor": None,
    "span_attrs": None,
    "mentions": None,
    "relations": None,
    "quotes": None,
}


def register_extensions() -> None:
    """Declare dépêche's Doc extensions; safe to call any number of times."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def _span_key(span: Span) -> str:
    return f"{span.start_char}:{span.end_char}"


def set_span_attrs(span: Span, group: str, **values: Any) -> None:
    """Attach extra values (form, rule, country...) to ``span`` of span group ``group``.

    >>> set_span_attrs(span, "countries", form="demonym", rule="countries.demonym")
    """
    doc = span.doc
    store = doc._.span_attrs
    if store is None:
        store = {}
        doc._.span_attrs = store
    store.setdefault(group, {}).setdefault(_span_key(span), {}).update(values)


def get_span_attrs(span: Span, group: str) -> dict[str, Any]:
    """Return the extra values recorded for ``span`` in ``group`` (empty dict if none)."""
    store = span.doc._.span_attrs or {}
    return dict(store.get(group, {}).get(_span_key(span), {}))


def write_span_group(doc: Doc, group: str,
                     found: Iterable[tuple[Span, dict[str, Any]]]) -> None:
    """Set ``doc.spans[group]`` to the found spans and record each span's extra values.

    What every extractor family's ``__call__`` does after matching.
    """
    found = list(found)
    doc.spans[group] = [span for span, _ in found]
    for span, values in found:
        set_span_attrs(span, group, **values)


class EntityFamily:
    """What every entity family is to the pipeline: a span group and a rank, a pure
    ``process`` and a ``__call__`` that writes what it returns.

    ``spans_key`` names the span group the family writes; ``rank`` is its place in the
    resolver's tie-breaking (lower is stronger); the resolver finds the families of a pipeline
    by these two attributes. Two more tell it how the family stands to the model's entities
    (:mod:`pipeline.entities.resolve`): ``replaces_model_labels``, the labels whose model
    spans the family re-emits when it confirms them (the model's own are then dropped), and
    ``cuts_model_spans``, whether a model entity is cut before a span of the family found
    inside it.
    """

    spans_key: str
    rank: int
    replaces_model_labels: tuple[str, ...] = ()
    cuts_model_spans: bool = False

    def process(self, doc: Doc) -> list[tuple[Span, dict[str, Any]]]:
        """The family's spans in ``doc`` and their extra values; writes nothing."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        """Write ``doc.spans[spans_key]`` and the spans' extra values."""
        write_span_group(doc, self.spans_key, self.process(doc))
        return doc


register_extensions()
