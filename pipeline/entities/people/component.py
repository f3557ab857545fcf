"""The people component: candidates of every rule, the best kept, linked, given their extent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.gazetteers import non_overlapping
from pipeline.entities.people.appositions import Extents
from pipeline.entities.people.base import EXTENTS, FAMILY, LABEL, Candidate
from pipeline.entities.people.linking import Watchlist, link, name_key, span_key
from pipeline.entities.people.model import (
    demonym_candidates,
    merge_hyphenated,
    model_candidates,
)
from pipeline.entities.people.names import name_tokens, split_name, text_of
from pipeline.entities.people.titles import TitleRules, known_ends
from pipeline.extensions import EntityFamily, register_extensions

__all__ = ["PersonExtractor", "make_people"]


class PersonExtractor(EntityFamily):
    """Pipeline component writing ``doc.spans["people"]`` (label ``PER``).

    Reads the model through ``doc.ents`` (its ``PER`` entities, and the places or bodies that
    are a nationality noun + a name) and token attributes, never writing them; reads other
    families only through their span groups ``doc.spans["organisations"]``,
    ``doc.spans["countries"]`` and ``doc.spans["places"]`` (where a function's complement or
    a name ends), when they ran before it. It also reads two shared word lists: the
    organisation gazetteer and head words (a listed body closes a function's complement) and
    the countries' demonyms (``le Kényan Samuel Otieno``).
    """

    #: Span group written, found by the resolver.
    spans_key = FAMILY
    #: Place in the resolver's tie-breaking (lower is stronger): datelines 10, dates 20,
    #: people 30, organisations 40, countries 50, places 60.
    rank = 30
    #: The model's PER spans this family confirms are re-emitted here; the model's own go.
    replaces_model_labels = ("PER",)

    def __init__(self, nlp: Language, name: str = "depeche_people",
                 extra_files: Sequence[str] = (), use_model: bool = True,
                 link: bool = True, honorific_in_span: bool = True,
                 extent: str = "name") -> None:
        if extent not in EXTENTS:
            raise ValueError(f"extent must be one of {', '.join(EXTENTS)}, not {extent!r}")
        if extent == "hipe" and not honorific_in_span:
            raise ValueError("extent 'hipe' keeps honorifics inside the span: "
                             "honorific_in_span must be true")
        register_extensions()
        self.name = name
        self.nlp = nlp
        self.extra_files = [str(p) for p in extra_files]
        self.use_model = use_model
        self.link = link
        self.honorific_in_span = honorific_in_span
        self.extent = extent
        self.titles = TitleRules(nlp)
        self.watchlist = Watchlist(nlp, self.extra_files)
        self.extents = Extents(extent, honorific_in_span)

    def process(self, doc: Doc) -> list[tuple[Span, dict[str, Any]]]:
        """Return the people spans of ``doc`` and their values (non-overlapping, in text
        order). Pure: reads ``doc`` and writes nothing."""
        known = known_ends(doc)
        functions = self.titles.functions_at(doc)
        model = model_candidates(doc, functions, known) if self.use_model else []
        if self.use_model:
            model += demonym_candidates(doc, known)
            model = merge_hyphenated(doc, model)
        candidates = (model + self.titles.honorific_candidates(doc, known, functions)
                      + self.titles.function_candidates(doc, functions, known, model)
                      + self.watchlist.candidates(doc))
        kept = non_overlapping(candidates, rank=_rank)
        for cand in kept:  # values found by other rules for the same extent
            for other in candidates:
                if (other.start, other.end) == (cand.start, cand.end):
                    cand.function = cand.function or other.function
                    cand.canonical = cand.canonical or other.canonical
        spans = [Span(doc, c.start, c.end, label=LABEL) for c in kept]
        linked = link(spans) if self.link else {span_key(s): s for s in spans}
        extents = self.extents(doc, kept, functions, known)
        found: list[tuple[Span, dict[str, Any]]] = []
        for cand, span, extent in zip(kept, spans, extents, strict=True):
            if extent is not None:
                found.append((Span(doc, extent[0], extent[1], label=LABEL, kb_id=span.kb_id_),
                              self._values(cand, span, linked.get(span_key(span)))))
        return found

    def _values(self, cand: Candidate, span: Span, target: Span | None) -> dict[str, Any]:
        """The values of a kept candidate whose name is ``span``, linked to ``target``."""
        own = name_tokens(span)
        canonical = text_of(name_tokens(target)) if target is not None else None
        watched = (cand.canonical or self.watchlist.canonical(canonical or "")
                   or self.watchlist.canonical(text_of(own)))
        if watched:
            canonical = watched
            first, last = split_name(list(self.nlp.make_doc(watched)))
        elif target is not None:
            first, last = split_name(name_tokens(target))
        else:
            first, last = split_name(own)
        title = span[0].text if span[0].text in self.titles.honorifics else None
        form = "name" if len(name_key(own)) >= 2 and split_name(own)[0] else "short"
        return {"rule": cand.rule, "form": form, "title": title, "first": first,
                "last": last, "canonical": canonical, "function": cand.function}

def _rank(cand: Candidate) -> tuple[int, int, int]:
    """The longest first; at equal length the stronger rule, then the leftmost."""
    return cand.start - cand.end, cand.priority, cand.start


@Language.factory(
    "depeche_people",
    assigns=["doc.spans", "doc._.span_attrs"],
    requires=["doc.ents", "doc.spans"],
    default_config={"extra_files": [], "use_model": True, "link": True,
                    "honorific_in_span": True, "extent": "name"},
)
def make_people(nlp: Language, name: str, extra_files: list[str], use_model: bool,
                link: bool, honorific_in_span: bool, extent: str) -> PersonExtractor:
    """spaCy factory of :class:`PersonExtractor` (``nlp.add_pipe("depeche_people")``).

    ``extra_files``: watch-list CSV paths (``canonical,aliases``); ``use_model``: check and
    keep the model's PER entities of ``doc.ents``; ``link``: resolve short mentions to the
    document's full names (else each span's canonical name is its own name).

    Annotation conventions (the values and ``title`` are the same under all of them; only the
    written extent changes):

    * ``honorific_in_span`` (default true, as in the Quaero/HIPE gold and dépêche's own
      tables): ``M. Japarov``; false: ``M. [Japarov]`` (the POPCORN convention), the honorific
      still recorded in ``title``;
    * ``extent``: ``"name"`` (default: the name, with its honorific, functions outside) or
      ``"hipe"`` (the HIPE/impresso convention, honorifics always inside): honorifics,
      functions and person descriptors before the name with their complements
      (``M. le notaire Bovet``, ``ministre belge Luc Vermeulen``, ``citoyen Jean-Louis
      Tissot``, ``le Kényan Samuel Otieno``) and appositions after it (``M. Bovet, juge de
      paix``, ``Jean-Paul Rochat, maître menuisier à Morges``) belong to the mention.
      ``people_descriptors.csv`` lists the descriptors.

    Under every convention a maiden name belongs to the mention: ``Louise née Vasseur``.
    """
    return PersonExtractor(nlp, name, extra_files=extra_files, use_model=use_model, link=link,
                           honorific_in_span=honorific_in_span, extent=extent)
