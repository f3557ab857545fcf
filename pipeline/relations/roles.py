"""Roles: who holds which function for which country or organisation (predicate ``role``).

A function word from ``relations_role_titles.csv`` must stand next to a person mention, inside
one sentence, in one of three token patterns (token walks on the tokenizer's output, so that a
parser that mis-attaches a name or mis-splits a sentence does not lose the role):

* ``roles.title_name``: ``le président kirghize Sadyr Japarov``, ``le Premier ministre indien
  Narendra Modi`` (function, nationality adjective, name);
* ``roles.title_comma_name``: ``le secrétaire général de l'ONU, António Guterres``;
* ``roles.apposition``: ``Sergueï Lavrov, ministre russe des Affaires étrangères``,
  ``X, chef de la diplomatie française``, ``Emmanuel Macron, président de la République``;
* ``roles.copula``: ``X est (devenu) le directeur de Y``;
* ``roles.post``: ``X a été nommé au poste de directeur de Y``, ``X, en tant que directrice
  de Y,`` (the person up the parse from the function);
* ``roles.led_by``: ``Y, dirigée par X``;
* ``roles.verb``: ``X dirige Y``, ``X, qui préside Y``, ``X travaille pour Y`` (verbs of
  ``relations_role_verbs.csv``).

After ``roles.title_name`` with no complement, a complement right after the name gives the
object: ``le gouverneur Paul Roy de l'Ohio``. Two functions joined by ``et`` share the
second's complement (``président et directeur général de Y``: title ``président``).

The object is the mention of a complement ``de la Russie`` / ``de l'ONU`` / ``du Kazakhstan``
after the function (ORG, COUNTRY or LOC), else the nationality adjective inside it (a COUNTRY
mention of form ``demonym``; when the entity layer gave none, the adjective is looked up in
``demonyms.csv`` and the object carries ``entity_id`` ``country:<ISO>``), else ``None``: a role
with a title and no object (``Emmanuel Macron, président de la République``). A function with
no name next to it gives nothing; two people in one sentence are never crossed, because only
the name adjacent to the function is taken.

Attributes: ``title`` (normalised function) and, when a word before the function says so,
``status`` (``former``, ``future``, ``current``: ``l'ancien président X``).

The walks from a function or a verb to its person and organisation live in
:mod:`pipeline.relations.role_walks`; the token/mention helpers shared with the other relation
families (:class:`MentionIndex`, the list walkers, :func:`organisation_at`) live in
:mod:`pipeline.relations.base`; the story's words, sentences and mention index come from its
:class:`~pipeline.context.StoryContext`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.context import StoryContext
from pipeline.entities.gazetteers import GazetteerError, fold, read_csv
from pipeline.extensions import register_extensions
from pipeline.relations.antecedents import (
    ANAPHORIC_DETERMINERS,
    organisation_antecedent,
    possessor_organisation,
)
from pipeline.relations.base import (
    CLOSING_QUOTES,
    DE_WORDS,
    DETERMINERS,
    HONORIFICS,
    Mention,
    MentionIndex,
    add_relations,
    coordinated_before,
    organisation_at,
    relation,
    skip_determiners,
    tokenize_form,
    with_determiner,
)
from pipeline.relations.role_walks import (
    NEGATIONS,
    OBJECT_LABELS,
    affiliations,
    after_adverbials,
    after_posting,
    apposition_comma,
    chained_complement,
    clause_subjects,
    copula_subject,
    object_after_name,
    person_from,
    post_subject,
)

__all__ = [
    "RoleExtractor",
    "TitleEntry",
    "demonym_countries",
    "load_titles",
    "make_roles",
]

TITLES_FILE = "relations_role_titles.csv"
MODIFIERS_FILE = "relations_role_modifiers.csv"
DEMONYMS_FILE = "demonyms.csv"

RULE_TITLE_NAME = "roles.title_name"
RULE_TITLE_COMMA_NAME = "roles.title_comma_name"
RULE_APPOSITION = "roles.apposition"
RULE_LED_BY = "roles.led_by"
RULE_COPULA = "roles.copula"
RULE_POST = "roles.post"
RULE_VERB = "roles.verb"
VERBS_FILE = "relations_role_verbs.csv"
#: Prefix of a former function written as one token (folded): ``l'ex-PDG de Y``.
EX_PREFIX = "ex-"
AGENTS_FILE = "relations_role_agents.csv"
#: Marks allowed between an organisation and ``dirigée par`` (folded).
_BEFORE_AGENT: frozenset[str] = frozenset({",", '"', "»", "”", "'"})

STAFF = "staff"
#: Prepositions of a staff post's organisation besides ``de`` (folded): ``ingénieur chez Y``.
STAFF_PREPOSITIONS: frozenset[str] = frozenset({"au", "aux", "a", "chez"})
#: Participles between a staff post and its organisation (folded).
WORKING: frozenset[str] = frozenset({"travaillant", "employe", "employee", "employes",
                                     "employees", "salarie", "salariee", "salaries"})
_GENDERS = frozenset({"m", "f", ""})
_STATUSES = frozenset({"former", "future", "current"})


@dataclass(frozen=True)
class TitleEntry:
    """One function of the lexicon: its folded tokens, gender and normalised title."""

    words: tuple[str, ...]
    gender: str
    title: str
    #: ``staff``: a post taken only with an organisation complement (``ingénieur chez Y``).
    kind: str = ""


def _check_kind(value: str) -> str | None:
    return None if value in ("", STAFF) else f"kind must be {STAFF} or empty"


def _check_gender(value: str) -> str | None:
    return None if value in _GENDERS else "gender must be m, f or empty"


@lru_cache(maxsize=4)
def load_titles(source: str = TITLES_FILE) -> tuple[TitleEntry, ...]:
    """Read the function lexicon (longest forms first); errors name the file and the line."""
    entries: dict[tuple[str, ...], TitleEntry] = {}
    for row in read_csv(source, required=("form", "title"), optional=("gender", "kind"),
                        validators={"gender": _check_gender, "kind": _check_kind}):
        words = tokenize_form(row["form"])
        if words in entries:
            raise row.error(f"duplicate form {row['form']!r}")
        entries[words] = TitleEntry(words, row.get("gender") or "", row["title"],
                                    row.get("kind") or "")
    if not entries:
        raise GazetteerError(source, None, "no function listed")
    return tuple(sorted(entries.values(), key=lambda e: -len(e.words)))


@lru_cache(maxsize=4)
def load_modifiers(source: str = MODIFIERS_FILE) -> dict[str, str]:
    """Read the words that set a role's ``status`` (``ancien`` -> ``former``)."""
    def check(value: str) -> str | None:
        return None if value in _STATUSES else f"status must be one of {sorted(_STATUSES)}"

    return {fold(row["word"]): row["status"]
            for row in read_csv(source, required=("word", "status"),
                                validators={"status": check})}


@lru_cache(maxsize=4)
def load_agents(source: str = AGENTS_FILE) -> dict[str, str]:
    """Read the participles of ``ORG, dirigée par X`` (``dirigée`` -> ``dirigeant``)."""
    return {fold(row["word"]): row["title"]
            for row in read_csv(source, required=("word", "title"))}


@dataclass(frozen=True)
class RoleVerb:
    """A verb of ``relations_role_verbs.csv``: its title and the prepositions before its
    organisation (empty: a direct object)."""

    title: str
    prepositions: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=4)
def load_verbs(source: str = VERBS_FILE) -> dict[str, RoleVerb]:
    """Read the verbs of ``X dirige Y`` (folded lemma or form -> :class:`RoleVerb`)."""
    table: dict[str, RoleVerb] = {}
    for row in read_csv(source, required=("word", "title"), optional=("preposition",)):
        key = fold(row["word"])
        if key in table:
            raise row.error(f"duplicate word {row['word']!r}")
        prepositions = tuple(tokenize_form(p) for p in (row.get("preposition") or "").split("|")
                             if p.strip())
        table[key] = RoleVerb(row["title"], prepositions)
    return table


@lru_cache(maxsize=4)
def demonym_countries(source: str = DEMONYMS_FILE) -> dict[str, str]:
    """Folded nationality adjective -> ISO code, from the countries family's ``demonyms.csv``."""
    table: dict[str, str] = {}
    columns = ("masc_sg", "fem_sg", "masc_pl", "fem_pl")
    for row in read_csv(source, required=("iso2", *columns)):
        for column in columns:
            table.setdefault(fold(row[column]), row["iso2"])
    return table


@dataclass(frozen=True)
class TitleMatch:
    """A function found in the text: its token bounds, entry and nationality adjective."""

    start: int
    end: int
    entry: TitleEntry
    demonym: int | None
    #: Written with the prefix ``ex-`` (``l'ex-PDG de Y``).
    former: bool = False


class RoleExtractor:
    """Pipeline component: ``role`` relations between a person and a country or organisation."""

    def __init__(self, nlp: Language | None = None, name: str = "depeche_roles",
                 titles: str = TITLES_FILE) -> None:
        register_extensions()
        self.name = name
        self.titles = load_titles(titles)
        self.modifiers = load_modifiers()
        self.demonyms = demonym_countries()
        self.agents = load_agents()
        self.verbs = load_verbs()
        self.first_words = {e.words[0] for e in self.titles}
        self._titles_by_first: dict[str, tuple[TitleEntry, ...]] = {}
        for entry in self.titles:  # longest first, as in self.titles
            self._titles_by_first[entry.words[0]] = (
                *self._titles_by_first.get(entry.words[0], ()), entry)

    # -- function words ---------------------------------------------------------------------
    def _is_demonym(self, ctx: StoryContext, index: MentionIndex, i: int) -> bool:
        if not 0 <= i < ctx.n_tokens:
            return False
        mention = index.at(i, {"COUNTRY"})
        if mention is not None and mention.get("form") == "demonym":
            return True
        return ctx.words[i] in self.demonyms and ctx.doc[i].text[:1].islower()

    def match_title(self, ctx: StoryContext, index: MentionIndex, i: int,
                    limit: int) -> TitleMatch | None:
        """The longest function starting at token ``i``, with at most one demonym inside it."""
        word = ctx.word
        first = word(i)
        former = first.startswith(EX_PREFIX)  # l'ex-PDG: one token
        entries = self._titles_by_first.get(first[len(EX_PREFIX):] if former else first)
        if entries is None or index.at(i, {"PER"}) is not None:
            return None
        for entry in entries:
            j, demonym, ok = i, None, True
            for k, expected in enumerate(entry.words):
                if j < limit and (word(j) == expected or k == 0 and former):
                    j += 1
                    continue
                if k > 0 and demonym is None and self._is_demonym(ctx, index, j) and (
                        j + 1 < limit and word(j + 1) == expected):
                    demonym, j = j, j + 2
                    continue
                ok = False
                break
            if not ok:
                continue
            if demonym is None and j < limit and self._is_demonym(ctx, index, j):
                demonym, j = j, j + 1
            return TitleMatch(i, j, entry, demonym, former)
        return None

    def _complement(self, ctx: StoryContext, index: MentionIndex, i: int, limit: int,
                    staff: bool = False) -> tuple[Mention | None, int]:
        """A ``de la Russie`` / ``de l'ONU`` complement at token ``i``: (mention, end token).

        A staff post also takes ``au``/``à``/``chez``/``au sein de`` and only an ORG."""
        word = ctx.word
        if staff and word(i) in WORKING:  # ingénieurs travaillant au sein de X
            i += 1
        if staff and word(i) == "au" and word(i + 1) == "sein" and word(i + 2) in DE_WORDS:
            i += 2
        if i >= limit or not (word(i) in DE_WORDS or staff and word(i) in STAFF_PREPOSITIONS):
            return None, i
        j = skip_determiners(ctx, i + 1, 1, limit)
        labels = {"ORG"} if staff else OBJECT_LABELS
        mention = organisation_at(ctx, index, j, limit, labels)  # l'association « X »
        if mention is None:  # de l'association, de son entreprise: named earlier
            if j < limit and word(j) in ANAPHORIC_DETERMINERS:
                j += 1
            mention = organisation_antecedent(ctx, index, j) if j < limit else None
            return (mention, j + 1) if mention is not None else (None, i)
        if mention.get("source") == "relations":  # a quoted name: end after the closing quote
            doc = ctx.doc
            end = j
            while end < limit and doc[end].idx < mention["end_char"]:
                end += 1
            return mention, min(end + 1, limit)
        return mention, index.tokens(mention)[1]

    def _shared_complement(self, ctx: StoryContext, index: MentionIndex, i: int,
                           upper: int) -> Mention | None:
        """The complement of a second function coordinated with the first, which both
        share: ``président et directeur général de Vialis``, ``fondatrice et présidente de
        l'association Y`` (``i`` is the token after ``et``). The row keeps the first title
        (one row per person and body); the second gives its own row only when a name is
        written next to it."""
        i = skip_determiners(ctx, i, 1, upper)
        second = self.match_title(ctx, index, i, upper) if i < upper else None
        if second is None or second.entry.kind == STAFF:
            return None
        return self._complement(ctx, index, second.end, upper)[0]

    def _demonym_object(self, ctx: StoryContext, index: MentionIndex, i: int) -> Mention:
        """The country of a nationality adjective: the story's named mention of that country
        when there is one (``le président malgache`` -> ``Madagascar``, the nearest before, else
        the first after), else the adjective's own mention, else one made from it."""
        mention = index.at(i, {"COUNTRY"})
        iso = mention["norm"] if mention is not None else self.demonyms[ctx.words[i]]
        named = self._named_country(ctx, f"country:{iso}", ctx.doc[i].idx)
        if named is not None:
            return named
        if mention is not None:
            return mention
        token = ctx.doc[i]
        return {"sentence": None, "start_char": token.idx,
                "end_char": token.idx + len(token.text), "text": token.text,
                "label": "COUNTRY", "entity_id": f"country:{iso}", "entity_name": iso,
                "norm": iso, "form": "demonym", "source": "roles", "rule": "roles.demonym"}

    @staticmethod
    def _named_country(ctx: StoryContext, entity_id: str, char: int) -> Mention | None:
        named = [m for m in ctx.doc._.mentions or []
                 if m.get("entity_id") == entity_id and m.get("form") != "demonym"
                 and m["label"] in ("COUNTRY", "LOC")]
        before = [m for m in named if m["start_char"] < char]
        return before[-1] if before else (named[0] if named else None)

    # -- patterns ---------------------------------------------------------------------------
    def process(self, doc: Doc) -> list[dict[str, Any]]:
        """Return the ``role`` relation rows of ``doc`` (pure: ``doc`` is not modified)."""
        ctx = StoryContext.of(doc)
        index = ctx.mention_index()
        rows: list[dict[str, Any]] = []
        taken: dict[int, bool] = {}  # person -> whether its role has an object
        words, first_words = ctx.words, self.first_words
        i = 0
        while i < ctx.n_tokens:
            if words[i] not in first_words and not (  # no function starts here
                    words[i].startswith(EX_PREFIX) and words[i][len(EX_PREFIX):] in first_words):
                i += 1
                continue
            lower, upper = ctx.sentence_bounds(i)
            found = self.match_title(ctx, index, i, upper)
            if found is None:
                i += 1
                continue
            rows.extend(self._role_for(ctx, index, found, lower, upper, taken))
            i = max(found.end, i + 1)
        rows.extend(self._led_by(ctx, index, taken))
        rows.extend(self._verb_roles(ctx, index, taken))
        rows.extend(affiliations(ctx, index, taken))
        return rows

    def _verb_roles(self, ctx: StoryContext, index: MentionIndex,
                    taken: dict[int, bool]) -> list[dict[str, Any]]:
        """``Paul Roy dirige le groupe Vialis``, ``X, qui préside Y``, ``X a fondé Y``, ``X
        travaille pour Y`` (rule ``roles.verb``): the person subject of a verb of
        ``relations_role_verbs.csv`` holds its function in the organisation after it. Not
        under a negation (``X ne dirige plus Y``)."""
        doc, word = ctx.doc, ctx.word
        rows = []
        for i, (folded, lemma) in enumerate(zip(ctx.words, ctx.lemmas, strict=True)):
            verb = self.verbs.get(lemma) or self.verbs.get(folded)
            if verb is None or doc[i].pos_ not in ("VERB", "AUX"):
                continue
            lower, upper = ctx.sentence_bounds(i)
            if any(word(k) in NEGATIONS for k in range(max(lower, i - 2), min(upper, i + 2))):
                continue
            j = after_adverbials(ctx, index, i + 1, upper)
            if verb.prepositions:
                marker = next((p for p in verb.prepositions
                               if tuple(word(k) for k in range(j, j + len(p))) == p), None)
                if marker is None:
                    continue
                j += len(marker)
            j = skip_determiners(ctx, j, 1, upper)
            organisation = organisation_at(ctx, index, j, upper)
            if organisation is None:
                continue
            for person in clause_subjects(ctx, index, i, lower):
                if taken.get(id(person)):
                    continue
                taken[id(person)] = True
                evidence = (min(person["start_char"], doc[i].idx),
                            max(person["end_char"], organisation["end_char"]))
                rows.append(relation(doc, "role", person, organisation, evidence, RULE_VERB,
                                     title=verb.title))
        return rows

    def _led_by(self, ctx: StoryContext, index: MentionIndex,
                taken: dict[int, bool]) -> list[dict[str, Any]]:
        """``l'équipe « Alpha Secours », dirigée par Monsieur Henri Tissot``."""
        doc, word = ctx.doc, ctx.word
        rows = []
        for i, folded in enumerate(ctx.words):
            title = self.agents.get(folded)
            if title is None or word(i + 1) not in ("par", "a"):  # dirigée par, appartenant à
                continue
            lower, upper = ctx.sentence_bounds(i)
            k = i - 1
            while k >= lower and (word(k) in _BEFORE_AGENT or doc[k].pos_ == "AUX"):
                k -= 1  # l'équipe « X », dirigée par ; cette association est présidée par
            organisation = (index.ending(k, {"ORG"}) or organisation_antecedent(ctx, index, k)
                            if k >= lower else None)
            j = i + 2
            while j < upper and index.starting(j) is None and (
                    word(j) in DETERMINERS or word(j) in HONORIFICS):
                j += 1
            person = index.starting(j, {"PER"}) if j < upper else None
            if organisation is None or person is None or taken.get(id(person)):
                continue
            taken[id(person)] = True
            rows.append(relation(doc, "role", person, organisation,
                                 (organisation["start_char"], person["end_char"]), RULE_LED_BY,
                                 title=title))
        return rows

    def _role_for(self, ctx: StoryContext, index: MentionIndex, found: TitleMatch, lower: int,
                  upper: int, taken: dict[int, bool]) -> list[dict[str, Any]]:
        doc, word = ctx.doc, ctx.word
        staff = found.entry.kind == STAFF
        after_title = found.end
        if (after_title + 1 < upper and doc[after_title].pos_ == "ADJ"
                and doc[after_title].text[:1].islower() and index.at(after_title) is None
                and word(after_title + 1) in DE_WORDS):
            after_title += 1  # le chanteur principal de Y, la directrice adjointe de Y
        obj, end = self._complement(ctx, index, after_title, upper, staff)
        if obj is None and not staff:
            obj, end = chained_complement(ctx, index, after_title, upper, end)
        if obj is None and not staff and word(after_title) == "et":
            obj = self._shared_complement(ctx, index, after_title + 1, upper)
        if obj is not None:
            end = after_posting(ctx, index, end, upper)
        if staff and obj is None:
            return []
        if obj is None and found.demonym is not None:
            obj = self._demonym_object(ctx, index, found.demonym)
        start = found.start
        status = "former" if found.former else None
        before_title = (skip_determiners(ctx, start - 1, -1, lower) if start > lower
                        else start - 1)
        if before_title >= lower and word(before_title) in self.modifiers:
            status = self.modifiers[word(before_title)]
            start = before_title
        if obj is None and start - 1 >= lower:  # Sa présidente, Inès Roy: the body named before
            obj = possessor_organisation(ctx, index, start - 1)
            start = start - 1 if obj is not None else start
        start = with_determiner(ctx, start, lower)
        while end < upper and word(end) in CLOSING_QUOTES and end > found.end:
            end += 1  # le président du parti « X », Monsieur Y
        last = doc[end - 1]
        people: list[Mention] = []
        rule, evidence = "", (0, 0)
        after = person_from(ctx, index, end, upper)
        comma = apposition_comma(ctx, index, start, lower)
        if comma is not None and comma < start - 1 and found.entry.words[0] == "a":
            comma = None  # X, candidate à la présidence de Y: the noun governs the title
        before = (coordinated_before(ctx, index, comma - 1, {"PER"}, lower)
                  if comma is not None and comma - 1 >= lower else [])
        behind = (person_from(ctx, index, end + 1, upper)
                  if end + 1 < upper and word(end) == "," else None)
        glued = (index.ending(start - 1, {"PER"})
                 if obj is not None and start - 1 >= lower else None)
        if after is not None:  # le président kirghize Sadyr Japarov
            people, rule = [after], RULE_TITLE_NAME
            evidence = (doc[start].idx, after["end_char"])
        elif before:  # Sergueï Lavrov, ministre russe des Affaires étrangères
            people, rule = before, RULE_APPOSITION
            evidence = (before[0]["start_char"], last.idx + len(last.text))
        elif behind is not None:  # le secrétaire général de l'ONU, António Guterres
            people, rule = [behind], RULE_TITLE_COMMA_NAME
            evidence = (doc[start].idx, behind["end_char"])
        elif glued is not None:  # Jeanne Roux PDG de Vialis
            people, rule = [glued], RULE_APPOSITION
            evidence = (glued["start_char"], last.idx + len(last.text))
        else:  # Paul Henri est le directeur de Vialis
            subject, begin = copula_subject(ctx, index, start, lower)
            if subject is not None:
                people, rule = [subject], RULE_COPULA
                evidence = (begin, last.idx + len(last.text))
            elif obj is not None:  # X a été nommé au poste de directeur de Vialis
                subject = post_subject(ctx, index, start, lower)
                if subject is not None:
                    people, rule = [subject], RULE_POST
                    evidence = (min(subject["start_char"], doc[start].idx),
                                max(subject["end_char"], last.idx + len(last.text)))
        if rule == RULE_TITLE_NAME and obj is None and found.demonym is None:
            obj = object_after_name(ctx, index, people[0], upper)
        rows = []
        for person in people:
            # one role per person, unless the first had no object (X, porte-parole des
            # manifestants et présidente de la fondation Y)
            if id(person) in taken and (taken[id(person)] or obj is None):
                continue
            taken[id(person)] = obj is not None
            rows.append(relation(doc, "role", person, obj, evidence, rule,
                                 title=found.entry.title, status=status))
        return rows

    def __call__(self, doc: Doc) -> Doc:
        add_relations(doc, self.process(doc))
        return doc


@Language.factory("depeche_roles", assigns=["doc._.relations"], requires=["doc._.mentions"],
                  default_config={"titles": TITLES_FILE})
def make_roles(nlp: Language, name: str, titles: str) -> RoleExtractor:
    """spaCy factory of :class:`RoleExtractor` (``nlp.add_pipe("depeche_roles")``)."""
    return RoleExtractor(nlp, name, titles)
