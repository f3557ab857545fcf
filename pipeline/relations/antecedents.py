"""Document-level antecedents: the entity a pronoun or an unnamed noun phrase refers to.

Relation rules find a relation inside one sentence, but news stories name an entity once and
then refer to it as ``il``/``elle``, ``l'association``, ``la société``, ``cette ONG``. This
module links such a word to the mention it stands for, so that ``Elle était la présidente de
l'association`` attaches to the person and the organisation named earlier:

* :func:`person_antecedent`: ``il``/``elle`` (subject pronoun) -> the one person named in the
  same sentence before it or in the :data:`WINDOW` sentences before (two different people
  there: no antecedent);
* :func:`organisation_antecedent`: an organisation noun of ``relations_org_nouns.csv`` after a
  definite, demonstrative or possessive determiner and followed by no name (``l'association,``
  ``cette ONG``, ``son entreprise``) -> the organisation written right after the same noun
  earlier (``l'association « Main tendue »``), else the one organisation of the window. A
  person's name may follow (``la présidente de l'association Inès Roy``).

Both only look backwards and never cross more than :data:`WINDOW` sentences: an unsure link
gives nothing. Used by roles (object and copula subject) and membership (copula subject);
the quotes family keeps its own speaker coreference (:mod:`pipeline.relations.quotes.
coreference`), which also resolves role descriptions.
"""

from __future__ import annotations

from pipeline.context import StoryContext
from pipeline.relations.base import Mention, MentionIndex, load_org_nouns

__all__ = ["ANAPHORIC_DETERMINERS", "POSSESSIVES", "PRONOUNS", "WINDOW",
           "organisation_antecedent", "person_antecedent", "possessor_organisation"]

#: Sentences before the anaphor's own that are searched.
WINDOW = 2
#: Subject pronouns that refer to a person (folded).
PRONOUNS: frozenset[str] = frozenset({"il", "elle"})
#: Determiners of an organisation noun that points back (folded).
ANAPHORIC_DETERMINERS: frozenset[str] = frozenset({
    "l'", "la", "le", "cette", "cet", "ce", "son", "sa", "leur"})
#: Possessive determiners of a function whose body was named before (folded): ``sa
#: présidente``, ``leur porte-parole``.
POSSESSIVES: frozenset[str] = frozenset({"son", "sa", "ses", "leur", "leurs"})
#: Words after the noun that show it names nothing new (folded): punctuation, a verb follows.
_NAME_OPENERS: frozenset[str] = frozenset({'"', "«", "“", "'", "‘", "``"})


def _window_start(ctx: StoryContext, i: int) -> int:
    """First token of the window of token ``i``: its sentence and the WINDOW before it."""
    starts = ctx.merged_starts
    lower = ctx.sentence_bounds(i)[0]
    position = starts.index(lower) if lower in starts else 0
    return starts[max(0, position - WINDOW)]


def _distinct(mentions: list[Mention]) -> list[str]:
    seen: list[str] = []
    for m in mentions:
        key = m["entity_id"] or m["text"]
        if key not in seen:
            seen.append(key)
    return seen


def person_antecedent(ctx: StoryContext, index: MentionIndex, i: int) -> Mention | None:
    """The PER mention the pronoun at token ``i`` refers to, None when not exactly one."""
    if not 0 <= i < ctx.n_tokens or ctx.word(i) not in PRONOUNS:
        return None
    people = [m for m in _mentions_before(ctx, index, i) if m["label"] == "PER"]
    if len(_distinct(people)) != 1:
        return None
    return people[-1]


def organisation_antecedent(ctx: StoryContext, index: MentionIndex, i: int) -> Mention | None:
    """The ORG mention the unnamed organisation noun at token ``i`` refers to, or None."""
    if not 0 < i < ctx.n_tokens or index.at(i) is not None:
        return None
    nouns = load_org_nouns()
    noun = ctx.word(i)
    if noun not in nouns or ctx.word(i - 1) not in ANAPHORIC_DETERMINERS:
        return None
    following = i + 1
    while following < ctx.n_tokens and ctx.doc[following].pos_ == "ADJ" \
            and ctx.doc[following].text[:1].islower():
        following += 1
    person = index.starting(following, {"PER"}) if following < ctx.n_tokens else None
    if following < ctx.n_tokens and person is None and (
            index.at(following) is not None or ctx.word(following) in _NAME_OPENERS
            or ctx.doc[following].text[:1].isupper()):
        return None  # l'association « X », la société Vialis: a name, not a reference
    organisations = [m for m in _mentions_before(ctx, index, i) if m["label"] == "ORG"]
    if not organisations:
        return None
    named = [m for m in organisations if _noun_before(ctx, index, m) == noun]
    if named and len(_distinct(named)) == 1:
        return named[-1]
    if len(_distinct(organisations)) == 1:
        return organisations[-1]
    return None


def _noun_before(ctx: StoryContext, index: MentionIndex, mention: Mention) -> str | None:
    """The organisation noun written just before a mention (quotes skipped), if any."""
    j = index.tokens(mention)[0] - 1
    while j >= 0 and ctx.word(j) in _NAME_OPENERS:
        j -= 1
    return ctx.word(j) if j >= 0 else None


def _mentions_before(ctx: StoryContext, index: MentionIndex, i: int) -> list[Mention]:
    """The mentions starting between the window's first token and token ``i``, in order."""
    found = []
    for k in range(_window_start(ctx, i), i):
        mention = index.starting(k)
        if mention is not None and index.tokens(mention)[0] == k:
            found.append(mention)
    return found


def possessor_organisation(ctx: StoryContext, index: MentionIndex, i: int) -> Mention | None:
    """The organisation a possessive determiner at token ``i`` stands for (``L'association
    « Main tendue » a tenu son assemblée. Sa présidente, Inès Roy, …``): the one organisation
    named in the window before it, with no person named between it and the determiner (the
    person could be the possessor: ``Paul Roy et son directeur``); None otherwise."""
    if not 0 <= i < ctx.n_tokens or ctx.word(i) not in POSSESSIVES:
        return None
    before = _mentions_before(ctx, index, i)
    organisations = [m for m in before if m["label"] == "ORG"]
    if len(_distinct(organisations)) != 1:
        return None
    last = organisations[-1]
    if any(m["label"] == "PER" and m["start_char"] > last["start_char"] for m in before):
        return None
    return last
