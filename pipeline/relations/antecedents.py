"""Document-level antecedents: the entity a pronoun or an unnamed noun phrase refers to.

Relation rules find a relation inside one sentence, but news stories name an entity once and
then refer to it as ``il``/``elle``, ``l'association``, ``la société``, ``cette ONG``. This
module links such a word to the mention it stands for, so that ``Elle était la présidente de
l'association`` attaches to the person and the organisation named earlier:

* :func:`person_antecedent`: ``il``/``elle`` (subject pronoun) -> the one person named in the
  same sentence before it or in the :data:`WINDOW` sentences before (two different people
  there: no antecedent), through :class:`PersonAntecedents`;
* :func:`organisation_antecedent`: an organisation noun of ``relations_org_nouns.csv`` after a
  definite, demonstrative or possessive determiner and followed by no name (``l'association,``
  ``cette ONG``, ``son entreprise``) -> the organisation written right after the same noun
  earlier (``l'association « Main tendue »``), else the one organisation of the window. A
  person's name may follow (``la présidente de l'association Inès Roy``).

Both only look backwards and never cross more than :data:`WINDOW` sentences: an unsure link
gives nothing. Used by roles (object and copula subject) and membership (copula subject).

:class:`PersonAntecedents` is the one mechanism that links a person's anaphor (a pronoun, or
a role description such as ``le ministre``) to a PER mention, for every relation family: the
PER mentions of the story in text order, each with its (merged) sentence and the gender its
title gives it (``M.``, ``Mme``, or a gendered role noun before it when the caller knows role
nouns); a lookup bisects into them, so a story's lookups cost linear time in all. An
:class:`Anaphor` is resolved to the most recent fitting person: candidates are the people of
its sentence and the :data:`WINDOW` sentences before; mentions sharing an entity id or a last
name count as one person (``Sadyr Japarov`` / ``M. Japarov``); gender must agree when both
sides are known; for a description, the one candidate written right after the same role noun
wins. Two people fitting equally: nobody. With ``beyond_window`` (quotes' speakers), a window
without people is not the end: a description first takes the one person of the whole text
written after the same role noun, then (like a pronoun) the people of the last sentence that
names one.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.context import StoryContext
from pipeline.relations.base import Mention, MentionIndex, load_org_nouns

__all__ = ["ANAPHORIC_DETERMINERS", "POSSESSIVES", "PRONOUNS", "TITLE_GENDER", "WINDOW", "Anaphor",
           "PersonAntecedents", "RoleBefore", "organisation_antecedent", "person_antecedent",
           "possessor_organisation"]

#: Sentences before the anaphor's own that are searched.
WINDOW = 2
#: Subject pronouns that refer to a person (folded), with their gender.
PRONOUN_GENDER: dict[str, str] = {"il": "m", "elle": "f"}
PRONOUNS: frozenset[str] = frozenset(PRONOUN_GENDER)
#: Titles that give a person's gender (lower case).
TITLE_GENDER: dict[str, str] = {"m.": "m", "monsieur": "m", "mme": "f", "mme.": "f",
                                "madame": "f", "mlle": "f", "mademoiselle": "f"}
#: Determiners of an organisation noun that points back (folded).
ANAPHORIC_DETERMINERS: frozenset[str] = frozenset({
    "l'", "la", "le", "cette", "cet", "ce", "son", "sa", "leur"})
#: ``de``/``à`` + ``le`` written as one word before an organisation noun (folded): ``le PDG du
#: groupe``, ``un salarié au groupe``.
CONTRACTED: frozenset[str] = frozenset({"du", "au"})
#: What may stand right before an organisation noun that points back.
_BEFORE_ORG_NOUN: frozenset[str] = ANAPHORIC_DETERMINERS | CONTRACTED
#: Possessive determiners of a function whose body was named before (folded): ``sa
#: présidente``, ``leur porte-parole``.
POSSESSIVES: frozenset[str] = frozenset({"son", "sa", "ses", "leur", "leurs"})
#: Words after the noun that show it names nothing new (folded): punctuation, a verb follows.
_NAME_OPENERS: frozenset[str] = frozenset({'"', "«", "“", "'", "‘", "``"})


def _window_start(ctx: StoryContext, i: int) -> int:
    """First token of the window of token ``i``: its sentence and the WINDOW before it."""
    starts = ctx.merged_starts
    position = max(0, bisect_right(starts, i) - 1)  # the sentence of token i
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
    people = _SHARED.get(index)
    if people is None:
        people = _SHARED[index] = PersonAntecedents(ctx, index)
    return people.resolve(Anaphor(ctx.doc[i].idx, PRONOUN_GENDER[ctx.word(i)]))


@dataclass(frozen=True)
class Anaphor:
    """A word that points back to a person: a pronoun, or a role description."""

    start_char: int
    gender: str = ""  # "m", "f" or "" (unknown)
    role: str = ""  # a description's role noun (``ministre``); empty for a pronoun


#: (role noun, gender) written just before a token, as a caller that knows role nouns sees it.
RoleBefore = Callable[[int], "tuple[str, str] | None"]


class PersonAntecedents:
    """The PER mentions of one story, ready to resolve anaphors (see the module docstring).

    >>> people = PersonAntecedents(ctx, ctx.mention_index())
    >>> people.resolve(Anaphor(start_char=120, gender="m"))["text"]
    'Sadyr Japarov'
    """

    def __init__(self, ctx: StoryContext, index: MentionIndex,
                 role_before: RoleBefore | None = None) -> None:
        # no reference to ctx or its Doc: person_antecedent keeps one per mention index
        doc = ctx.doc
        #: PER mentions in text order (those the index places).
        self.people = sorted((m for m in doc._.mentions or [] if m["label"] == "PER"
                              and id(m) in index.bounds), key=lambda m: m["start_char"])
        firsts = [index.tokens(m)[0] for m in self.people]
        self._starts = [m["start_char"] for m in self.people]
        self._sentence_chars = [doc[s].idx for s in ctx.merged_starts] if len(doc) else [0]
        self._sentences = [self.sentence_at(c) for c in self._starts]
        roles = [role_before(k) if role_before else None for k in firsts]
        #: Role noun written just before each person mention ('' when none).
        self.roles = [role[0] if role else "" for role in roles]
        #: Gender of each person mention from its title, the word before it or a gendered
        #: role noun before it ('' when unknown).
        self.genders = [_title_gender(m, ctx.word(k - 1) if k > 0 else "") or
                        (role[1] if role else "") for m, k, role in
                        zip(self.people, firsts, roles, strict=True)]
        # positions by gender, by role noun, and by what makes two mentions one person
        self._by_gender: dict[str, list[int]] = {}
        self._by_role: dict[str, list[int]] = {}
        self._by_key: dict[str, list[int]] = {}
        for k in range(len(self.people)):
            self._by_gender.setdefault(self.genders[k], []).append(k)
            if self.roles[k]:
                self._by_role.setdefault(_role_key(self.roles[k]), []).append(k)
            for key in self._keys(k):
                self._by_key.setdefault(key, []).append(k)

    def sentence_at(self, char: int) -> int:
        """Index of the (merged) sentence holding offset ``char``."""
        return max(0, bisect_right(self._sentence_chars, char) - 1)

    def resolve(self, anaphor: Anaphor, beyond_window: bool = False) -> Mention | None:
        """The PER mention ``anaphor`` refers to, None when unsure."""
        end = bisect_left(self._starts, anaphor.start_char)
        while end > 0 and self.people[end - 1]["end_char"] > anaphor.start_char:
            end -= 1
        low = bisect_left(self._sentences, self.sentence_at(anaphor.start_char) - WINDOW)
        near = [k for k in range(low, end) if self._fits(anaphor, k)]
        if near or not beyond_window:
            return self._pick(anaphor, near)
        if anaphor.role:
            found = self._by_role_noun(anaphor, end)
            if found is not None:
                return found
        last = self._last_fitting(anaphor, self._gender_lists(anaphor), end)
        if last is None:
            return None
        first = bisect_left(self._sentences, self._sentences[last])
        return self._pick(anaphor, [k for k in range(first, last + 1)
                                    if self._fits(anaphor, k)])

    def _fits(self, anaphor: Anaphor, k: int) -> bool:
        return _compatible(anaphor.gender, self.genders[k])

    def _gender_lists(self, anaphor: Anaphor) -> list[list[int]]:
        """The position lists of the genders that fit ``anaphor``."""
        return [positions for gender, positions in self._by_gender.items()
                if _compatible(anaphor.gender, gender)]

    def _last_fitting(self, anaphor: Anaphor, lists: list[list[int]], end: int) -> int | None:
        """The last position before ``end`` of any of ``lists`` that fits ``anaphor``."""
        best = None
        for positions in lists:
            j = bisect_left(positions, end) - 1
            while j >= 0 and not self._fits(anaphor, positions[j]):
                j -= 1
            if j >= 0 and (best is None or positions[j] > best):
                best = positions[j]
        return best

    def _pick(self, anaphor: Anaphor, pool: list[int]) -> Mention | None:
        """The one person of ``pool`` (or the one fitting a description's role), else None."""
        people = self._group(pool)
        if len(people) == 1:
            return self.people[pool[-1]]
        if anaphor.role:
            fitting = [p for p in people if any(_same_role(self.roles[k], anaphor.role)
                                                for k in p)]
            if len(fitting) == 1:
                return self.people[fitting[0][-1]]
        return None

    def _by_role_noun(self, anaphor: Anaphor, end: int) -> Mention | None:
        """The one person written after the anaphor's role noun anywhere before it: their
        last fitting mention."""
        positions = self._by_role.get(_role_key(anaphor.role), [])
        group: list[int] = []
        for k in reversed(positions[:bisect_left(positions, end)]):
            if not self._fits(anaphor, k):
                continue
            if group and not self._same_person(group, k):
                return None  # two people after that role noun
            group.append(k)
        if not group:
            return None
        keys = {key for k in group for key in self._keys(k)}
        last = self._last_fitting(anaphor, [self._by_key[key] for key in keys], end)
        return self.people[group[0] if last is None else last]

    def _keys(self, k: int) -> tuple[str, str]:
        m = self.people[k]
        return "id:" + (m["entity_id"] or ""), "name:" + _surname(m)

    def _same_person(self, group: list[int], k: int) -> bool:
        m = self.people[k]
        return any(self.people[g]["entity_id"] == m["entity_id"]
                   or _surname(self.people[g]) == _surname(m) for g in group)

    def _group(self, pool: list[int]) -> list[list[int]]:
        """Group person mentions into people: one entity id, or a shared last name."""
        groups: list[list[int]] = []
        for k in pool:
            for group in groups:
                if self._same_person(group, k):
                    group.append(k)
                    break
            else:
                groups.append([k])
        return groups


#: The plain resolver of each mention index (pronouns of roles and membership).
_SHARED: weakref.WeakKeyDictionary[MentionIndex, PersonAntecedents] = \
    weakref.WeakKeyDictionary()


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def _surname(m: Mention) -> str:
    words = [w for w in re.split(r"\s+", m["text"].strip()) if w]
    return words[-1].lower().replace("’", "'") if words else ""


def _role_key(role: str) -> str:
    return role.rstrip("e")


def _same_role(a: str, b: str) -> bool:
    return bool(a) and _role_key(a) == _role_key(b)


def _title_gender(m: Mention, before: str) -> str:
    """Gender a person mention's title gives: its ``title``, its first word, or the word
    written before it (``M.``, ``Mme``); '' when none."""
    words = m["text"].split()
    return (TITLE_GENDER.get((m.get("title") or "").lower())
            or TITLE_GENDER.get(words[0].lower() if words else "")
            or TITLE_GENDER.get(before) or "")


def organisation_antecedent(ctx: StoryContext, index: MentionIndex, i: int) -> Mention | None:
    """The ORG mention the unnamed organisation noun at token ``i`` refers to, or None."""
    if not 0 < i < ctx.n_tokens or index.at(i) is not None:
        return None
    nouns = load_org_nouns()
    noun = ctx.word(i)
    if noun not in nouns or ctx.word(i - 1) not in _BEFORE_ORG_NOUN:
        return None  # l'association, cette société, du groupe
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
