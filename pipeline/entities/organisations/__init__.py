"""Organisations family: international bodies, agencies, institutions, companies (label ORG).

Four rules propose ``ORG`` spans; the component keeps the best non-overlapping ones (acronym
definitions first, then the longest, then the leftmost) in ``doc.spans["organisations"]``:

* :mod:`~pipeline.entities.organisations.gazetteer`: the names of ``organisations.csv`` (and
  of the user's own files), accent- and apostrophe-insensitive, capitals kept (``OMS`` yes,
  ``oms`` no), a name qualified by another state's adjective left out (``le Sénat
  américain``);
* :mod:`~pipeline.entities.organisations.acronyms`: in-text acronym definitions, in both
  orders (``Organisation de coopération de Shanghai (OCS)``, ``l’OCS (Organisation ...)``),
  for listed and unlisted bodies, and the bare uses of a defined acronym;
* :mod:`~pipeline.entities.organisations.phrases`: names opened by a head word (``Conseil
  fédéral``), introduced by a common noun (``l'association "Main tendue"``) and, as an
  option, institution nouns (``l'État``);
* :mod:`~pipeline.entities.organisations.credits`: news agency credits (``(ats, afp)``).

:mod:`~pipeline.entities.organisations.base` holds the word lists, rule names and token
shapes they share; :mod:`~pipeline.entities.organisations.component` the component and its
factory ``depeche_organisations``.

Per-span values (:func:`pipeline.extensions.set_span_attrs`, group ``organisations``):
``rule``, ``form`` (``name`` | ``acronym``), ``canonical``, ``acronym`` and, on the acronym of a
definition, ``defined_by`` = ``[start_char, end_char]`` of the expansion.
"""

from __future__ import annotations

from pipeline.entities.organisations.acronyms import (
    Definition,
    acronym_matches,
    find_definitions,
)
from pipeline.entities.organisations.base import FAMILY, LABEL
from pipeline.entities.organisations.component import OrganisationExtractor, make_organisations
from pipeline.entities.organisations.credits import credit_items
from pipeline.entities.organisations.gazetteer import (
    KINDS,
    OrgGazetteer,
    OrgInfo,
    load_gazetteer,
    lookup_organisation,
    read_organisation_file,
    slugify,
)
from pipeline.entities.organisations.phrases import head_phrase_end, named_by_noun

__all__ = [
    "FAMILY",
    "KINDS",
    "LABEL",
    "Definition",
    "OrgGazetteer",
    "OrgInfo",
    "OrganisationExtractor",
    "acronym_matches",
    "credit_items",
    "find_definitions",
    "head_phrase_end",
    "load_gazetteer",
    "lookup_organisation",
    "make_organisations",
    "named_by_noun",
    "read_organisation_file",
    "slugify",
]
