"""Membership: a country, body or person belongs to an organisation (predicate ``member_of``).

Rules (token walks inside one sentence, the parse used for verb subjects):

* ``membership.apposition``: ``X, membre de l'OCS``; ``la Russie, la Chine et l'Inde, membres
  fondateurs de l'OCS`` (one row per listed member);
* ``membership.copula``: ``X est (devenu) membre de Y``; a negation (``n'est pas membre``)
  gives nothing;
* ``membership.join``: ``X a rejoint Y``, ``X adhère à Y``, ``X a intégré Y``, ``X fait
  partie de Y``, ``X appartient à Y`` (subject from the parse, coordinations expanded; object
  an ORG mention);
* ``membership.accession``: ``l'adhésion de X (et de Y) à Z``, ``l'entrée de X dans Z``.

A membership word with no named member gives nothing: ``les pays membres de l'OTAN``, ``les
États membres de l'OTSC``. Subject labels: COUNTRY, ORG, PER (and LOC, for a country the model
tagged LOC); object: an ORG mention. Attribute ``qualifier`` when the text says what kind of
member (``fondateur``, ``permanent``, ``observateur``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.context import StoryContext
from pipeline.extensions import register_extensions
from pipeline.relations.antecedents import (
    ANAPHORIC_DETERMINERS,
    organisation_antecedent,
    person_antecedent,
)
from pipeline.relations.base import (
    DE_WORDS,
    DETERMINERS,
    Mention,
    MentionIndex,
    add_relations,
    coordinated_after,
    coordinated_before,
    description_comma,
    keep_first,
    load_words_by_kind,
    organisation_at,
    relation,
    skip_determiners,
    verb_subjects,
    with_determiner,
)

__all__ = ["MembershipExtractor", "load_membership_words", "make_membership"]

WORDS_FILE = "relations_membership_words.csv"
KINDS: frozenset[str] = frozenset({"member", "join", "accession", "qualifier"})
MEMBER_LABELS: frozenset[str] = frozenset({"COUNTRY", "ORG", "PER", "LOC"})
#: Words allowed between a member and ``membre`` besides verbs (folded).
LINK_WORDS: frozenset[str] = frozenset({
    "un", "une", "l'un", "l'une", "des", "d'un", "d'une", "desormais", "deja", "aussi",
    "egalement", "officiellement", "pleinement", "toujours", "encore", "donc"})
LINK_LEMMAS: frozenset[str] = frozenset({"etre", "devenir", "rester", "avoir"})
#: Determiners that open a new noun phrase rather than an apposition (``X, les membres de Y``).
DEFINITE_PLURALS: frozenset[str] = frozenset({"les", "ces", "ses", "leurs", "nos", "vos"})
NEGATIONS: frozenset[str] = frozenset({"pas", "plus", "jamais", "ne", "n'", "non"})
#: ``faire partie de``: a join verb only with its noun (folded lemma, noun).
PART_OF: tuple[str, str] = ("faire", "partie")
#: Prepositions before the organisation one joins (folded).
INTO_WORDS: frozenset[str] = frozenset({"a", "au", "aux", "dans", "en"})
#: Words between a subject and a joining verb when the parse gives no subject (folded).
_JOIN_AUXILIARIES: frozenset[str] = frozenset({"a", "ont", "va", "vont", "s'", "se"})


@lru_cache(maxsize=4)
def load_membership_words(source: str = WORDS_FILE) -> dict[str, frozenset[tuple[str, ...]]]:
    """Membership words by kind, as folded token tuples; errors name the file and line."""
    return load_words_by_kind(source, KINDS)


class MembershipExtractor:
    """Pipeline component: ``member_of`` relations."""

    def __init__(self, nlp: Language | None = None, name: str = "depeche_membership") -> None:
        register_extensions()
        self.name = name
        self.words = load_membership_words()
        #: One-word triggers of each kind (a token's folded text or lemma is looked up).
        self._single = {kind: frozenset(w[0] for w in words if len(w) == 1)
                        for kind, words in self.words.items()}
        self._qualifiers = sorted(self.words["qualifier"], key=len, reverse=True)

    def _organisation(self, ctx: StoryContext, index: MentionIndex, i: int, upper: int,
                      prepositions: frozenset[str]) -> tuple[Mention | None, list[str]]:
        """The ORG after token ``i`` (qualifiers, a preposition, determiners skipped)."""
        word = ctx.word
        qualifiers: list[str] = []
        moved = True
        while moved:
            moved = False
            for words in self._qualifiers:
                if tuple(word(j) for j in range(i, i + len(words))) == words:
                    qualifiers.append(" ".join(ctx.doc[j].text for j in range(i, i + len(words))))
                    i += len(words)
                    moved = True
                    break
        if i < upper and word(i) == "au" and word(i + 1) == "sein":
            i += 2
            prepositions = DE_WORDS
        if i < upper and word(i) in prepositions:
            i += 1
        elif prepositions:
            return None, qualifiers
        i = skip_determiners(ctx, i, 1, upper)
        found = organisation_at(ctx, index, i, upper)  # l'association « X »
        if found is None:  # de l'association, de son ONG: named earlier
            if i < upper and word(i) in ANAPHORIC_DETERMINERS:
                i += 1
            found = organisation_antecedent(ctx, index, i) if i < upper else None
        return found, qualifiers

    def process(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the ``member_of`` rows of ``doc`` (pure: ``doc`` is not modified)."""
        ctx = StoryContext.of(doc)
        index = ctx.mention_index()
        member, join, accession = (self._single[k] for k in ("member", "join", "accession"))
        triggers = member | join | accession
        rows: list[dict[str, Any]] = []
        for i, (word, lemma) in enumerate(zip(ctx.words, ctx.lemmas, strict=True)):
            if word not in triggers and lemma not in triggers and not (
                    lemma == PART_OF[0] and ctx.word(i + 1) == PART_OF[1]):
                continue
            token = doc[i]
            lower, upper = ctx.sentence_bounds(i)
            if (word in member or lemma in member) and token.pos_ != "VERB":
                rows.extend(self._member(ctx, index, i, lower, upper))
            elif (word in join or lemma in join or lemma == PART_OF[0]) \
                    and token.pos_ in ("VERB", "AUX"):
                rows.extend(self._join(ctx, index, i, lower, upper))
            elif (word in accession or lemma in accession) and token.pos_ != "VERB":
                rows.extend(self._accession(ctx, index, i, upper))
        rows.extend(self._staff(doc))
        rows = [r for r in rows if _can_be_member(r)]
        return keep_first(rows, lambda row: (row["subject_start"], row["object_start"]))

    @staticmethod
    def _staff(doc: Doc) -> list[dict[str, Any]]:
        """``X, président de l'association Y``: a person holding a function in an organisation
        (a ``role`` row already found, object an ORG) is one of its members (rule
        ``membership.staff``; needs ``depeche_roles`` earlier in the pipeline)."""
        rows = []
        for role in doc._.relations or []:
            if role["predicate"] != "role" or not str(role["subject_id"]).startswith("per:") \
                    or not str(role["object_id"]).startswith("org:"):
                continue
            row = dict(role, predicate="member_of", rule="membership.staff",
                       attributes={"title": (role["attributes"] or {}).get("title")})
            rows.append(row)
        return rows

    def _member(self, ctx: StoryContext, index: MentionIndex, noun: int, lower: int,
                upper: int) -> list[dict[str, Any]]:
        doc, word = ctx.doc, ctx.word
        organisation, qualifiers = self._organisation(ctx, index, noun + 1, upper, DE_WORDS)
        if organisation is None:
            return []
        j, verb, definite = noun - 1, False, False
        while j >= lower:
            folded = word(j)
            if folded in NEGATIONS:
                return []
            definite = definite or folded in DEFINITE_PLURALS
            if folded in LINK_WORDS or folded in DETERMINERS:
                j -= 1
            elif doc[j].pos_ in ("AUX", "VERB") and ctx.lemmas[j] in LINK_LEMMAS:
                verb = True
                j -= 1
            else:
                break
        if j < lower:
            return []
        if not verb and word(j) == "et":  # X, médecin à Lyon et membre de Y
            j = description_comma(ctx, index, j, lower)
            if j is None:
                return []
        if not verb and word(j) == "," and not definite:
            rule, end = "membership.apposition", j - 1  # not "À Rennes, les membres de l'ONG"
        elif verb:
            rule, end = "membership.copula", j
        else:
            return []  # "les pays membres de l'OTAN", "les États membres de l'OTSC"
        members = coordinated_before(ctx, index, end, MEMBER_LABELS, lower)
        begin = members[0]["start_char"] if members else 0
        if not members and verb:  # Il est membre de l'association
            antecedent = person_antecedent(ctx, index, end)
            members, begin = ([antecedent], doc[end].idx) if antecedent else ([], 0)
        members = [m for m in members if m is not organisation]
        evidence = (begin, max(organisation["end_char"], doc[noun].idx + len(doc[noun].text)))
        qualifier = ", ".join(qualifiers) or None
        return [relation(doc, "member_of", m, organisation, evidence, rule, qualifier=qualifier)
                for m in members]

    def _join(self, ctx: StoryContext, index: MentionIndex, verb: int, lower: int,
              upper: int) -> list[dict[str, Any]]:
        doc, word = ctx.doc, ctx.word
        if any(word(j) in NEGATIONS for j in range(max(lower, verb - 3), verb + 2)):
            return []
        j = verb + 1
        if ctx.lemmas[verb] == PART_OF[0]:  # X fait partie de Y
            j += 1
            if j >= upper or word(j) not in DE_WORDS:
                return []
            j += 1
        while j < upper and (word(j) in DETERMINERS or word(j) in INTO_WORDS):
            j += 1
        organisation = index.starting(j, {"ORG"})
        if organisation is None:
            return []
        members = verb_subjects(ctx, index, verb, MEMBER_LABELS)
        if not members:  # no parse, or a parse without subject: the list just before the verb
            j = verb - 1
            while j >= lower and (doc[j].pos_ == "AUX" or word(j) in _JOIN_AUXILIARIES):
                j -= 1
            members = coordinated_before(ctx, index, j, MEMBER_LABELS, lower)
        members = [m for m in members if m is not organisation]
        if not members:
            return []
        evidence = (min(members[0]["start_char"], doc[verb].idx), organisation["end_char"])
        return [relation(doc, "member_of", m, organisation, evidence, "membership.join")
                for m in members]

    def _accession(self, ctx: StoryContext, index: MentionIndex, noun: int,
                   upper: int) -> list[dict[str, Any]]:
        word = ctx.word
        j = noun + 1
        if j >= upper or word(j) not in DE_WORDS:
            return []
        members = coordinated_after(ctx, index, j, MEMBER_LABELS, upper)
        if not members:
            return []
        after = index.tokens(members[-1])[1]
        organisation, _ = self._organisation(ctx, index, after, upper, INTO_WORDS)
        if organisation is None:
            return []
        start = with_determiner(ctx, noun, 0)
        evidence = (ctx.doc[start].idx, organisation["end_char"])
        return [relation(ctx.doc, "member_of", m, organisation, evidence,
                         "membership.accession") for m in members]

    def __call__(self, doc: Doc) -> Doc:
        add_relations(doc, self.process(doc))
        return doc


def _can_be_member(row: dict[str, Any]) -> bool:
    """A place is never a member: a LOC subject is kept only when it is a country the model
    tagged LOC (its id ``country:<ISO>``); ``la mairie de Brest, membre de l'association``
    names the town hall, not the town."""
    subject = str(row["subject_id"] or "")
    return not subject.startswith("loc:")


@Language.factory("depeche_membership", assigns=["doc._.relations"],
                  requires=["doc._.mentions"])
def make_membership(nlp: Language, name: str) -> MembershipExtractor:
    """spaCy factory of :class:`MembershipExtractor` (``nlp.add_pipe("depeche_membership")``)."""
    return MembershipExtractor(nlp, name)
