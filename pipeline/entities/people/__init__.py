"""People family: personal names (label PER), checked and completed around the model's entities.

The component runs after the statistical ``ner`` and reads ``doc.ents`` (never writes them);
it writes ``doc.spans["people"]`` from four sources, each in its own module:

* :mod:`~pipeline.entities.people.model`: the model's ``PER`` entities, checked and trimmed
  (rules ``people.model``, ``people.model_trimmed``, ``people.demonym``);
* :mod:`~pipeline.entities.people.titles`: honorific + name (``M. Japarov``, the honorific
  INSIDE the mention and recorded in ``title``) and function + name (``le président kirghize
  Sadyr Japarov``, the function OUTSIDE and recorded in ``function``);
* :mod:`~pipeline.entities.people.linking`: the user's watch list (``extra_files``: CSV
  ``canonical,aliases``), and the in-story linking of short mentions to full names
  (``M. Japarov`` -> ``Sadyr Japarov``; ``Le Pen`` with two full names stays unresolved);
* :mod:`~pipeline.entities.people.names`: the shape of a name that all of them read (name
  words, initials, particles, regnal numbers, first and last name).

:mod:`~pipeline.entities.people.appositions` gives each kept mention its written extent under
the chosen convention (maiden names; HIPE appositions and descriptors; honorific outside),
:mod:`~pipeline.entities.people.base` holds the word lists and rule names, and
:mod:`~pipeline.entities.people.component` the component and its factory ``depeche_people``.

Per-span values (group ``people``): ``rule``, ``form`` (``name`` with a first name, ``short``
for a surname alone), ``title`` (honorific kept in the span, else None), ``first``, ``last``
(of the canonical name), ``canonical`` (None when ambiguous) and ``function`` (None if none).
"""

from __future__ import annotations

from pipeline.entities.people.base import (
    EXTENTS,
    FAMILY,
    LABEL,
    Function,
    Honorific,
    load_descriptors,
    load_functions,
    load_honorifics,
    load_particles,
)
from pipeline.entities.people.component import PersonExtractor, make_people
from pipeline.entities.people.linking import link_people, load_watchlist, span_key
from pipeline.entities.people.names import parse_name, split_name
from pipeline.entities.people.titles import skip_function_phrase

__all__ = [
    "EXTENTS",
    "FAMILY",
    "LABEL",
    "Function",
    "Honorific",
    "PersonExtractor",
    "link_people",
    "load_descriptors",
    "load_functions",
    "load_honorifics",
    "load_particles",
    "load_watchlist",
    "make_people",
    "parse_name",
    "skip_function_phrase",
    "span_key",
    "split_name",
]
