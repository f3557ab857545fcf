"""The organisations component: its rules run in turn, the best non-overlapping spans kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.gazetteers import non_overlapping
from pipeline.entities.organisations.acronyms import DefinitionRule
from pipeline.entities.organisations.base import FAMILY, Candidate
from pipeline.entities.organisations.credits import CreditRule
from pipeline.entities.organisations.gazetteer import GazetteerRule, OrgInfo, load_gazetteer
from pipeline.entities.organisations.phrases import PhraseRule
from pipeline.extensions import EntityFamily, register_extensions

__all__ = ["OrganisationExtractor", "make_organisations"]


class OrganisationExtractor(EntityFamily):
    """Pipeline component writing ``doc.spans["organisations"]`` (label ``ORG``).

    Reads only the story's tokens: no other family's spans, not the model's entities.
    """

    #: Span group written, found by the resolver.
    spans_key = FAMILY
    #: Place in the resolver's tie-breaking (lower is stronger): datelines 10, dates 20,
    #: people 30, organisations 40, countries 50, places 60.
    rank = 40

    def __init__(self, nlp: Language, name: str = "depeche_organisations",
                 extra_files: Sequence[str] = (), detect_definitions: bool = True,
                 head_noun_in_span: bool = False, generic_institutions: bool = False) -> None:
        register_extensions()
        self.name = name
        self.extra_files = [str(p) for p in extra_files]
        self.detect_definitions = detect_definitions
        self.head_noun_in_span = head_noun_in_span
        self.generic_institutions = generic_institutions
        self.gazetteer = load_gazetteer(self.extra_files)
        self.listed = GazetteerRule(nlp, self.gazetteer)
        self.definitions = DefinitionRule(self.gazetteer)
        self.credits = CreditRule(self.gazetteer)
        self.phrases = PhraseRule(self.gazetteer, head_noun_in_span, generic_institutions)

    def lookup(self, text: str) -> OrgInfo | None:
        """Like :func:`lookup_organisation`, with this extractor's extra files included."""
        return self.gazetteer.lookup(text)

    def process(self, doc: Doc) -> list[tuple[Span, dict[str, Any]]]:
        """Return the organisation spans of ``doc`` and their values (non-overlapping, in
        text order): definitions first, then the longest, then the leftmost.

        Pure: reads ``doc`` and writes nothing; :meth:`__call__` stores the result.
        """
        candidates: list[Candidate] = []
        if self.detect_definitions:
            candidates.extend(self.definitions(doc))
        listed, rejected = self.listed(doc)
        candidates.extend(listed)
        candidates.extend(self.credits(doc))
        candidates.extend(self.phrases(doc, listed, rejected))
        kept = non_overlapping(candidates, rank=_rank, bounds=_bounds)
        return [(c.span, c.values) for c in kept]

def _rank(candidate: Candidate) -> tuple[int, int, int]:
    return candidate.priority, -len(candidate.span), candidate.span.start


def _bounds(candidate: Candidate) -> tuple[int, int]:
    return candidate.span.start, candidate.span.end


@Language.factory(
    "depeche_organisations",
    assigns=["doc.spans", "doc._.span_attrs"],
    requires=[],
    default_config={"extra_files": [], "detect_definitions": True, "head_noun_in_span": False,
                    "generic_institutions": False},
)
def make_organisations(nlp: Language, name: str, extra_files: list[str],
                       detect_definitions: bool, head_noun_in_span: bool,
                       generic_institutions: bool) -> OrganisationExtractor:
    """spaCy factory of :class:`OrganisationExtractor` (``nlp.add_pipe("depeche_organisations")``).

    ``extra_files``: paths of the user's own gazetteer CSV files (same columns as
    ``pipeline/data/organisations.csv``); ``detect_definitions``: find in-text acronym
    definitions (``Organisation de coopération de Shanghai (OCS)``).

    Span conventions (product defaults first; gold standards differ):

    * ``head_noun_in_span`` (False): a common noun that introduces a name stays outside the
      span, ``l'association "[Main tendue]"``, ``le laboratoire [Biolume]`` (as POPCORN);
      True puts it in, ``la [société Vasseur Frères SA]``, ``le [groupe Delorme]`` (as HIPE);
    * ``generic_institutions`` (False): ``l'État``, ``l'Église``, ``le Gouvernement``, ``la
      Bourse`` and the bare ``l'ONG`` name no particular body and give no span; True tags them
      ORG (as POPCORN).
    """
    return OrganisationExtractor(nlp, name, extra_files=extra_files,
                                 detect_definitions=detect_definitions,
                                 head_noun_in_span=head_noun_in_span,
                                 generic_institutions=generic_institutions)
