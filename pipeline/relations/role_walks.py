"""Token walks of the role rules: from a function or a verb to its person and organisation.

:mod:`pipeline.relations.roles` finds a function (or a verb of office) and asks these walks
where its person and its organisation are written: the comma of an apposition (``X, une
juriste et présidente de Y``), the subject of a copula (``X est le directeur de Y``) or of a
clause (``X, qui préside Y``; ``X, une chimiste travaillant pour Y``), the person up the
parse from ``au poste de`` / ``en tant que``, the organisation after lower-case complements
(``présidente du conseil d'administration de Y``), where the function is held (``au Mali``),
and a person named with the body they work for (``selon X, de l'Inserm,``; rule
``roles.affiliation``). Every walk stays inside the sentence bounds it is given and reads
the story through its :class:`~pipeline.context.StoryContext`.
"""

from __future__ import annotations

from typing import Any

from pipeline.context import StoryContext
from pipeline.relations.antecedents import person_antecedent
from pipeline.relations.base import (
    CLOSING_QUOTES,
    COORDINATORS,
    DE_WORDS,
    DETERMINERS,
    HONORIFICS,
    Mention,
    MentionIndex,
    coordinated_before,
    organisation_at,
    relation,
    skip_determiners,
    verb_subjects,
)

__all__ = [
    "NEGATIONS",
    "OBJECT_LABELS",
    "affiliations",
    "after_adverbials",
    "after_posting",
    "apposition_comma",
    "chained_complement",
    "clause_subjects",
    "copula_subject",
    "object_after_name",
    "person_from",
    "post_subject",
]

RULE_AFFILIATION = "roles.affiliation"
#: Marks that close the organisation of ``X, de l'Inserm,`` or ``X (Inserm)`` (folded).
AFFILIATION_END: frozenset[str] = frozenset({",", ")", ".", ";", ":"})
#: Words that put a function on the subject of a clause: ``X a été nommé au poste de
#: directeur de Y``, ``X, en tant que directrice de Y,``, ``X travaille comme ingénieur chez Y``
#: (folded token tuples, written right before the function).
POST_MARKERS: tuple[tuple[str, ...], ...] = (
    ("au", "poste", "de"), ("au", "poste", "d'"), ("en", "tant", "que"), ("en", "tant", "qu'"),
    ("en", "qualite", "de"), ("en", "qualite", "d'"), ("comme",))
#: Longest run of lower-case words between a function and its organisation (``présidente du
#: conseil d'administration de Y``), in tokens.
CHAIN_WORDS = 5
#: Prepositions of where a function is held, after its complement (folded): ``l'ambassadeur
#: de France au Mali``; ``auprès de l'ONU`` too.
POSTINGS: frozenset[str] = frozenset({"au", "aux", "a", "en"})
#: Words that put a verb's object a few words after it (folded): ``X dirige depuis 2019 Y``.
DATE_PREPOSITIONS: frozenset[str] = frozenset({"depuis", "en", "des", "jusqu'en"})
#: How many heads up the parse a function's clause subject is looked for.
POST_HOPS = 4
#: Longest description between an apposition's comma and its title, in tokens.
APPOSITION_FILLER = 5
#: Parts of speech of such a description (``deux frères``, ``une juriste et``).
FILLER_POS: frozenset[str] = frozenset({"NUM", "NOUN", "ADJ", "DET", "CCONJ"})
#: Words of such a description whatever their tag (``X, l'un des fondateurs de Y``,
#: ``X, experte en droit et présidente de Y``).
FILLER_WORDS: frozenset[str] = frozenset({"l'un", "l'une", "un", "une", "des", "l'", "en"})
#: Lemmas of the verbs of ``X est le directeur de Y``, ``X a été nommé directeur de Y``
#: (folded).
COPULAS: frozenset[str] = frozenset({"etre", "devenir", "rester", "redevenir", "nommer",
                                     "elire", "reelire"})
NEGATIONS: frozenset[str] = frozenset({"pas", "plus", "jamais", "ne", "n'"})
#: Labels a role's object may have (LOC: a country tagged LOC by the model, a city's mayor).
OBJECT_LABELS: frozenset[str] = frozenset({"ORG", "COUNTRY", "LOC"})


def apposition_comma(ctx: StoryContext, index: MentionIndex, start: int,
                     lower: int) -> int | None:
    """The comma of an apposition before the title at ``start``: right before it, or
    before a short description (``X, deux frères cofondateurs de``, ``X, une juriste et
    présidente de``): nouns, adjectives, numerals, determiners and ``et`` only."""
    doc, word = ctx.doc, ctx.word
    k = start - 1
    while (k >= lower and start - k <= APPOSITION_FILLER and word(k) != ","
           and _no_name_at(index, k)
           and (doc[k].pos_ in FILLER_POS or word(k) in FILLER_WORDS)
           and doc[k].text[:1].islower()):
        k -= 1
    return k if k >= lower and word(k) == "," else None


def _no_name_at(index: MentionIndex, k: int) -> bool:
    """Whether token ``k`` is no name: no mention, or a nationality adjective (``X, une
    ingénieure danoise et présidente de Y``)."""
    mention = index.at(k)
    return mention is None or mention.get("form") == "demonym"


def copula_subject(ctx: StoryContext, index: MentionIndex, start: int,
                   lower: int) -> tuple[Mention | None, int]:
    """The person ``X`` of ``X est (devenu) le directeur de Y``: a form of *être*/*devenir*
    right before the title, the PER mention right before the verb (adverbs skipped), or
    the antecedent of the pronoun there (``Il était le directeur de Y``); with the first
    character of the words that state it."""
    doc, word = ctx.doc, ctx.word
    k = start - 1
    while k >= lower and doc[k].pos_ in ("DET", "NUM"):  # ont été les trois associés de
        k -= 1
    verb = False
    while k >= lower and (doc[k].pos_ in ("AUX", "VERB", "ADV") and (
            ctx.lemmas[k] in COPULAS or doc[k].pos_ == "ADV"
            or doc[k].pos_ == "AUX" and ctx.lemmas[k] == "avoir")):
        verb = verb or ctx.lemmas[k] in COPULAS
        if word(k) in NEGATIONS:
            return None, 0
        k -= 1
    if not verb or k < lower:
        return None, 0
    if word(k) == "," and k - 1 >= lower:  # Léa Roy et son frère, Paul Roy, sont les …
        k -= 1
    person = index.ending(k, {"PER"})
    if person is not None:
        return person, person["start_char"]
    return person_antecedent(ctx, index, k), doc[k].idx


def post_subject(ctx: StoryContext, index: MentionIndex, start: int,
                 lower: int) -> Mention | None:
    """The person of ``X a été nommé au poste de directeur de Y``, ``X, en tant que
    directrice de Y,``: a marker of :data:`POST_MARKERS` right before the function, and
    the person up the parse from the function (the name it hangs on, or the subject of
    the verb it hangs on, through ``qui`` to its antecedent)."""
    doc, word = ctx.doc, ctx.word
    if not any(start - len(m) >= lower and tuple(word(k) for k in range(
            start - len(m), start)) == m for m in POST_MARKERS):
        return None
    if not doc.has_annotation("DEP"):
        return None
    token = doc[start]
    for _ in range(POST_HOPS):
        if token.head.i == token.i:
            return None
        token = token.head
        person = index.at(token.i, {"PER"})
        if person is not None:
            return person
        if token.pos_ in ("VERB", "AUX"):
            subjects = [index.at(c.i, {"PER"}) for c in token.children
                        if c.dep_ in ("nsubj", "nsubj:pass")]
            if token.dep_ == "acl:relcl" and not any(subjects):
                subjects = [index.at(token.head.i, {"PER"})]
            return next((m for m in subjects if m is not None), None)
    return None


def object_after_name(ctx: StoryContext, index: MentionIndex, person: Mention,
                      upper: int) -> Mention | None:
    """The complement right after a name that follows its function: ``le gouverneur
    Paul Roy de l'Ohio``, ``le PDG Léa Simon de Vialis`` (a country, a place or a body)."""
    end = index.tokens(person)[1]
    if end >= upper or ctx.word(end) not in DE_WORDS:
        return None
    j = skip_determiners(ctx, end + 1, 1, upper)
    return organisation_at(ctx, index, j, upper, OBJECT_LABELS)


def person_from(ctx: StoryContext, index: MentionIndex, i: int,
                upper: int) -> Mention | None:
    """The PER mention starting at token ``i``, or after a courtesy title the mention leaves
    out (``Monsieur Paul Roy`` where the person is ``Paul Roy``)."""
    while i < upper and index.starting(i) is None and ctx.word(i) in HONORIFICS:
        i += 1
    return index.starting(i, {"PER"}) if i < upper else None


def clause_subjects(ctx: StoryContext, index: MentionIndex, verb: int,
                    lower: int) -> list[Mention]:
    """The people subject of the verb at ``verb``: its ``nsubj`` (and their conjuncts),
    the antecedent of ``qui`` in a relative clause, else the PER mention right before the
    verb (auxiliaries, ``qui`` and a comma skipped)."""
    doc, word = ctx.doc, ctx.word
    token = doc[verb]
    found = verb_subjects(ctx, index, verb, {"PER"})
    if not found and doc.has_annotation("DEP") and token.dep_ == "acl:relcl" \
            and token.head.i < verb:
        mention = index.at(token.head.i, {"PER"})
        found = [mention] if mention is not None else []
    if found:
        return found
    k = verb - 1
    while k >= lower and (doc[k].pos_ == "AUX" or word(k) in ("qui", ",")):
        k -= 1
    mention = index.ending(k, {"PER"}) if k >= lower else None
    if mention is None and ctx.words[verb].endswith("ant"):  # X, une chimiste travaillant
        comma = apposition_comma(ctx, index, verb, lower)  # pour Y
        return (coordinated_before(ctx, index, comma - 1, {"PER"}, lower)
                if comma is not None and comma - 1 >= lower else [])
    return [mention] if mention is not None else []


def chained_complement(ctx: StoryContext, index: MentionIndex, i: int, upper: int,
                       end: int) -> tuple[Mention | None, int]:
    """The organisation after the lower-case complements of a function: ``présidente du
    conseil d'administration de Vialis``, ``directeur de la communication du groupe Y``
    (at most :data:`CHAIN_WORDS` words, then ``de``/``du``/``d'`` and an ORG mention);
    ``(None, end)`` when there is none."""
    doc, word = ctx.doc, ctx.word
    if word(i) not in DE_WORDS:
        return None, end
    k = i + 1
    while k < upper and k - i <= CHAIN_WORDS and index.at(k) is None and (
            doc[k].text.islower() and doc[k].is_alpha and doc[k].pos_ != "CCONJ"
            and word(k) not in COORDINATORS or word(k) in DE_WORDS or word(k) in DETERMINERS):
        if word(k) in DE_WORDS and k > i + 1:
            j = skip_determiners(ctx, k + 1, 1, upper)
            mention = organisation_at(ctx, index, j, upper)
            if mention is not None:
                return mention, index.tokens(mention)[1]
        k += 1
    return None, end


def after_posting(ctx: StoryContext, index: MentionIndex, end: int, upper: int) -> int:
    """The token after where a function is held, written after its complement (``l'ambassadeur
    de France au Mali, X``, ``le représentant de l'ONU en Libye, X``): a preposition of
    :data:`POSTINGS` and a mention; ``end`` when there is none."""
    word = ctx.word
    if word(end) == "aupres" and word(end + 1) in DE_WORDS:
        j = end + 2
    elif word(end) in POSTINGS:
        j = end + 1
    else:
        return end
    j = skip_determiners(ctx, j, 1, upper)
    mention = index.starting(j, OBJECT_LABELS) if j < upper else None
    return index.tokens(mention)[1] if mention is not None else end


def after_adverbials(ctx: StoryContext, index: MentionIndex, j: int, upper: int) -> int:
    """The first token from ``j`` after adverbs and dates (``dirige désormais Y``, ``préside
    depuis 2019 Y``, ``travaille depuis mars pour Y``); a negation stops the walk."""
    doc, word = ctx.doc, ctx.word
    while j < upper:
        k = j + 1 if word(j) in DATE_PREPOSITIONS else j
        date = index.at(k, {"DATE"}) if k < upper else None
        if date is not None:
            j = index.tokens(date)[1]
        elif doc[j].pos_ == "ADV" and word(j) not in NEGATIONS:
            j += 1
        else:
            break
    return j


def affiliations(ctx: StoryContext, index: MentionIndex,
                 taken: dict[int, bool]) -> list[dict[str, Any]]:
    """``selon Paul Roy, de l'Inserm, …``, ``Léa Simon (Greenpeace) …``, ``M. Roy du
    laboratoire Biotek, …``: a person named with the body they work for in apposition, the
    body closed by a comma, a parenthesis or the end of the sentence (rule
    ``roles.affiliation``, no ``title``). People who already have a role with an object are
    left alone."""
    doc, word = ctx.doc, ctx.word
    rows = []
    for person in doc._.mentions or []:
        if person["label"] != "PER" or taken.get(id(person)) or id(person) not in index.bounds:
            continue
        end = index.tokens(person)[1]
        _, upper = ctx.sentence_bounds(max(end - 1, 0))
        if end + 1 >= upper or word(end) not in (",", "(", *DE_WORDS):
            continue
        j = end + 1
        if word(end) == ",":
            if word(j) not in DE_WORDS:
                continue
            j += 1
        j = skip_determiners(ctx, j, 1, upper)
        organisation = organisation_at(ctx, index, j, upper)
        if organisation is None:
            continue
        if organisation.get("source") == "relations":  # du laboratoire « Biotek »
            after = j
            while after < upper and doc[after].idx < organisation["end_char"]:
                after += 1
        else:
            after = index.tokens(organisation)[1]
        while after < upper and word(after) in CLOSING_QUOTES:
            after += 1
        if after < upper and word(after) not in AFFILIATION_END or (
                word(end) == "(" and (after >= upper or word(after) != ")")):
            continue
        taken[id(person)] = True
        rows.append(relation(doc, "role", person, organisation,
                             (person["start_char"], organisation["end_char"]),
                             RULE_AFFILIATION))
    return rows
