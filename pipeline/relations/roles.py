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

The token/mention helpers shared with the other relation families (:class:`MentionIndex`,
the list walkers, :func:`organisation_at`) live in :mod:`pipeline.relations.base`; the story's
words, sentences and mention index come from its :class:`~pipeline.context.StoryContext`.
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
    person_antecedent,
    possessor_organisation,
)
from pipeline.relations.base import (
    CLOSING_QUOTES,
    COORDINATORS,
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
    verb_subjects,
    with_determiner,
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
RULE_AFFILIATION = "roles.affiliation"
#: Marks that close the organisation of ``X, de l'Inserm,`` or ``X (Inserm)`` (folded).
AFFILIATION_END: frozenset[str] = frozenset({",", ")", ".", ";", ":"})
VERBS_FILE = "relations_role_verbs.csv"
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
#: Prefix of a former function written as one token (folded): ``l'ex-PDG de Y``.
EX_PREFIX = "ex-"
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
AGENTS_FILE = "relations_role_agents.csv"
#: Marks allowed between an organisation and ``dirigée par`` (folded).
_BEFORE_AGENT: frozenset[str] = frozenset({",", '"', "»", "”", "'"})

#: Labels a role's object may have (LOC: a country tagged LOC by the model, a city's mayor).
OBJECT_LABELS: frozenset[str] = frozenset({"ORG", "COUNTRY", "LOC"})
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


# -- walks from a function or a verb to its person -------------------------------------

def _apposition_comma(ctx: StoryContext, index: MentionIndex, start: int,
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
    citoyenne grecque et présidente de Y``)."""
    mention = index.at(k)
    return mention is None or mention.get("form") == "demonym"


def _copula_subject(ctx: StoryContext, index: MentionIndex, start: int,
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


def _post_subject(ctx: StoryContext, index: MentionIndex, start: int,
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


def _object_after_name(ctx: StoryContext, index: MentionIndex, person: Mention,
                       upper: int) -> Mention | None:
    """The complement right after a name that follows its function: ``le gouverneur
    Paul Roy de l'Ohio``, ``le PDG Léa Simon de Vialis`` (a country, a place or a body)."""
    end = index.tokens(person)[1]
    if end >= upper or ctx.word(end) not in DE_WORDS:
        return None
    j = skip_determiners(ctx, end + 1, 1, upper)
    return organisation_at(ctx, index, j, upper, OBJECT_LABELS)


def _person_from(ctx: StoryContext, index: MentionIndex, i: int,
                 upper: int) -> Mention | None:
    """The PER mention starting at token ``i``, or after a courtesy title the mention leaves
    out (``Monsieur Paul Roy`` where the person is ``Paul Roy``)."""
    while i < upper and index.starting(i) is None and ctx.word(i) in HONORIFICS:
        i += 1
    return index.starting(i, {"PER"}) if i < upper else None


def _clause_subjects(ctx: StoryContext, index: MentionIndex, verb: int,
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
        comma = _apposition_comma(ctx, index, verb, lower)  # pour Y
        return (coordinated_before(ctx, index, comma - 1, {"PER"}, lower)
                if comma is not None and comma - 1 >= lower else [])
    return [mention] if mention is not None else []


def _chained_complement(ctx: StoryContext, index: MentionIndex, i: int, upper: int,
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


def _after_posting(ctx: StoryContext, index: MentionIndex, end: int, upper: int) -> int:
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


def _after_adverbials(ctx: StoryContext, index: MentionIndex, j: int, upper: int) -> int:
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


def _affiliations(ctx: StoryContext, index: MentionIndex,
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
        rows.extend(_affiliations(ctx, index, taken))
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
            j = _after_adverbials(ctx, index, i + 1, upper)
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
            for person in _clause_subjects(ctx, index, i, lower):
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
            obj, end = _chained_complement(ctx, index, after_title, upper, end)
        if obj is None and not staff and word(after_title) == "et":
            obj = self._shared_complement(ctx, index, after_title + 1, upper)
        if obj is not None:
            end = _after_posting(ctx, index, end, upper)
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
        after = _person_from(ctx, index, end, upper)
        comma = _apposition_comma(ctx, index, start, lower)
        if comma is not None and comma < start - 1 and found.entry.words[0] == "a":
            comma = None  # X, candidate à la présidence de Y: the noun governs the title
        before = (coordinated_before(ctx, index, comma - 1, {"PER"}, lower)
                  if comma is not None and comma - 1 >= lower else [])
        behind = (_person_from(ctx, index, end + 1, upper)
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
            subject, begin = _copula_subject(ctx, index, start, lower)
            if subject is not None:
                people, rule = [subject], RULE_COPULA
                evidence = (begin, last.idx + len(last.text))
            elif obj is not None:  # X a été nommé au poste de directeur de Vialis
                subject = _post_subject(ctx, index, start, lower)
                if subject is not None:
                    people, rule = [subject], RULE_POST
                    evidence = (min(subject["start_char"], doc[start].idx),
                                max(subject["end_char"], last.idx + len(last.text)))
        if rule == RULE_TITLE_NAME and obj is None and found.demonym is None:
            obj = _object_after_name(ctx, index, people[0], upper)
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
