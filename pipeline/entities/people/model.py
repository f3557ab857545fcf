"""The model's entities, checked: what the statistical ``ner`` found of people.

The model's ``PER`` entities (``doc.ents``, read, never written): a leading function is cut
off and recorded (``Président Macron`` -> ``Macron``, ``function="président"``), leading
articles and trailing punctuation are trimmed, words before the last lower-case
non-particle word are dropped (``Affaires étrangères Sergueï Lavrov`` -> ``Sergueï
Lavrov``), and a span left with no capitalised name word (an honorific alone, a lower-case
word) or opening with an organisation's head word (``Cour de Justice``) is dropped; a span is
cut before a function written after the name (``Jean Dupont Président`` -> ``Jean Dupont``)
and before a particle followed by another family's span (``Japarov de [Kirghizie]``).
Unchanged spans get rule ``people.model``, trimmed ones ``people.model_trimmed``; two spans
joined by a hyphen with no space are one name (``Calin Popescu``-``Tariceanu``). A
nationality noun + name that the model took for a place or a body gives the name (``le
Kényan Samuel Otieno`` tagged LOC -> ``Samuel Otieno``, rule ``people.demonym``). The
complement of a function heading a body is that body, not a person: a span right after ``le
PDG de``, ``la directrice générale de`` is dropped, or cut to the person's name a common
given name opens (``le PDG de {Vialis Marc Dubois}`` -> ``Marc Dubois``); so is a span
before ``, dirigée par`` (``{Vialis}, dirigé par Jean Roy``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.context import StoryContext
from pipeline.entities.countries import load_countries
from pipeline.entities.gazetteers import DE_WORDS
from pipeline.entities.organisations.base import led_by_after, load_heads
from pipeline.entities.people.base import (
    ARTICLES,
    LABEL,
    PHRASE_STOP,
    RULE_DEMONYM,
    RULE_MODEL,
    RULE_MODEL_TRIMMED,
    Candidate,
    load_given_names,
    load_particles,
)
from pipeline.entities.people.names import hyphen_joined, is_initial, is_name_word, parse_name
from pipeline.entities.people.titles import Functions, skip_function_phrase

__all__ = ["demonym_candidates", "merge_hyphenated", "model_candidates"]

#: Kinds of ``people_functions.csv`` whose ``de`` complement is a body, never a person:
#: ``le PDG de Vialis``, ``le directeur général de Vialis Media``; and the canonical
#: ``président`` (``le président de Lumex``; the model keeps ``président de Gaulle`` whole).
CHIEF_KINDS: frozenset[str] = frozenset({"business", "organisation"})
CHIEF_CANONICALS: frozenset[str] = frozenset({"président"})
#: Longest run of lower-case words between such a function and its body's ``de``.
CHIEF_CHAIN = 5


def model_candidates(doc: Doc, functions: Functions, known: dict[int, int]) -> list[Candidate]:
    """The model's PER entities of ``doc``, checked and trimmed."""
    out: list[Candidate] = []
    particles = load_particles()
    words = StoryContext.of(doc).words
    chiefs = {f_end for f_end, function in functions.values()
              if function.kind in CHIEF_KINDS or function.canonical in CHIEF_CANONICALS}
    for ent in doc.ents:
        if ent.label_ != LABEL:
            continue
        start, end = ent.start, ent.end
        if led_by_after(words, end) and words[start] not in load_given_names():
            continue  # [Vialis], dirigé par Jean Roy: a body
        if chiefs and _after_chief(doc, words, chiefs, start):
            given = load_given_names()
            start = next((k for k in range(start, end - 1) if words[k] in given), end)
            if start >= end:
                continue  # le PDG de [Vialis]: the body a chief heads, not a person
        while start < end and (doc[start].is_punct or doc[start].is_space
                               or _leading_article(doc, words, start, end)):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and \
                not is_initial(doc[end - 1]):
            end -= 1
        function = None
        if start in functions and functions[start][0] <= end:
            f_end, found = functions[start]
            function = found.text
            start = skip_function_phrase(doc, f_end, known, end)
            if start < end and doc[start].text == ",":
                start += 1
        for k in range(start + 1, end - 1):  # "Japarov de [Kirghizie]": a place follows
            if doc[k].text in particles and k + 1 in known:
                end = k
                break
        for k in range(start + 1, end):  # "Jean Dupont [Président] de la société"
            if (k in functions and doc[k - 1].text not in particles
                    and not hyphen_joined(doc, k, k)
                    and any(is_name_word(doc[m]) for m in range(start, k))):
                end = k
                break
        for k in range(end - 1, start - 1, -1):
            token = doc[k]
            if (token.is_alpha and token.is_lower and token.text not in particles
                    and not (k > 0 and doc[k - 1].text == "-")):
                start = k + 1
                break
        if start >= end or not any(is_name_word(doc[k]) for k in range(start, end)):
            continue
        if words[start] in load_heads() and not (
                end - start > 1 and is_name_word(doc[start + 1])):
            continue  # "Cour de Justice", "Gouvernement": an institution, not a person
        unchanged = (start, end) == (ent.start, ent.end)
        out.append(Candidate(start, end, RULE_MODEL if unchanged else RULE_MODEL_TRIMMED,
                             0, function))
    return out


def _after_chief(doc: Doc, words: list[str], chiefs: set[int], i: int) -> bool:
    """Whether token ``i`` opens the complement of a function heading a body (``le PDG de
    Vialis``, ``la directrice générale adjointe de la Banque X``, ``la présidente du conseil
    d'administration de Vialis``): ``de``/``du``/``d'`` (and an article) after a function of
    :data:`CHIEF_KINDS`, with at most two modifiers and lower-case ``de`` complements
    between (:func:`_complement_chain`)."""
    k = i - 1
    if k >= 0 and words[k] in ARTICLES:
        k -= 1
    if k < 0 or words[k] not in DE_WORDS:
        return False
    return any(k - CHIEF_CHAIN <= f <= k and _complement_chain(doc, words, f, k)
               for f in chiefs)


def _complement_chain(doc: Doc, words: list[str], start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is what may stand between a function and the ``de`` of its
    body: up to two modifiers (``générale adjointe``), then ``de`` complements of one or two
    lower-case words (``du conseil d'administration``); empty is fine (``le PDG de``)."""
    k = start
    while k < end and words[k] not in DE_WORDS:
        k += 1
    if k - start > 2 or any(not doc[m].is_lower for m in range(start, k)):
        return False
    while k < end:  # k is on a ``de``
        k += 1
        if k < end and words[k] in ARTICLES:
            k += 1
        first = k
        while k < end and words[k] not in DE_WORDS and doc[k].is_lower \
                and words[k] not in PHRASE_STOP:
            k += 1
        if not 1 <= k - first <= 2 or (k < end and words[k] not in DE_WORDS):
            return False
    return True


def merge_hyphenated(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Join candidates that are two parts of one hyphenated name split by the model
    (``[Calin Popescu]-[Tariceanu]`` -> ``Calin Popescu-Tariceanu``)."""
    out: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start, -c.end)):
        last = out[-1] if out else None
        if last is not None and hyphen_joined(doc, last.end, cand.start):
            out[-1] = Candidate(last.start, cand.end, RULE_MODEL_TRIMMED,
                                min(last.priority, cand.priority),
                                last.function or cand.function,
                                last.canonical or cand.canonical)
        else:
            out.append(cand)
    return out


def demonym_candidates(doc: Doc, known: dict[int, int]) -> list[Candidate]:
    """A nationality noun + name that the model took for a place or an organisation:
    ``le [Kényan] Samuel Otieno``, ``la [Roumaine] Elena Munteanu`` (the name may run
    past the model's span)."""
    demonyms = load_countries().by_demonym
    words = StoryContext.of(doc).words
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ == LABEL or len(ent) < 2:
            continue
        first = doc[ent.start]
        if not (first.text[:1].isupper() and words[ent.start] in demonyms):
            continue
        end = parse_name(doc, ent.start + 1, known=known)
        if (end is not None and end >= ent.end
                and words[ent.start + 1] not in load_heads()):
            out.append(Candidate(ent.start + 1, end, RULE_DEMONYM, 1))
    return out


def _leading_article(doc: Doc, words: list[str], i: int, end: int) -> bool:
    """An article opening a model span: ``le``, or ``Le`` not followed by a name word
    (``Le président Macron``; but ``Le Pen`` keeps its particle)."""
    if words[i] not in ARTICLES:
        return False
    return doc[i].is_lower or i + 1 >= end or not is_name_word(doc[i + 1])
