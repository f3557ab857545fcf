"""Quotes and reported speech, with their speakers (component ``depeche_quotes``).

Writes ``doc._.quotes`` (rows of the ``quotes`` table minus ``doc_id`` and ``quote_id``) and
appends ``quote`` relations (subject = the speaker, no object) to ``doc._.relations``.

Direct quotes
    Words between quotation marks: ``« … »`` (nestable, a paragraph opening with ``«`` inside
    an open quote continues it), ``“ … ”`` and ``" … "``; only the outermost pair makes a row.
    The span includes the marks. The quote is attributed, first rule that applies:

    * ``quotes.direct_postposed``: a reporting verb group right after the closing mark
      (``« … », a déclaré M. Japarov``, ``« … », a-t-il ajouté``, ``« … », estime le ministre``)
      or ``« … », selon X`` / ``d'après X``;
    * ``quotes.direct_incise``: an incise inside the quote (``« …, a-t-il dit, … »``);
    * ``quotes.direct_preposed``: a reporting verb before the opening mark followed by ``:``
      or ``que`` (``M. Japarov a déclaré : « … »``, ``Le ministre a affirmé que « … »``);
    * ``quotes.direct_embedded``: a reporting verb of the same sentence that governs the quoted
      words in the parse (``X a jugé le texte « insuffisant »``, ``X a qualifié les discussions
      de « constructives »``, ``X a parlé d'un « saut quantique »``); any length once the verb
      has a speaker (a person, an organisation or a pronoun/description, even unresolved);
      without one (``le rapport qualifie la situation de « grave »``) it counts as unattributed;
    * ``quotes.direct``: no attribution; kept only with 4 words or more (shorter unattributed
      quotes are scare quotes or titles: ``des « terroristes »``).

    One statement, one row: a quote embedded in the clause of an indirect quote with the same
    cue (``X a affirmé que la Russie « ne reculera pas »``) gives only the indirect row, whose
    span holds the quoted words, marks included. The indirect row is kept rather than the direct
    one because it is the whole statement (the fragment alone loses ``la Russie``); a quote that
    is the whole reported clause (``a affirmé que « … »``) stays direct (``direct_preposed``).

Reported speech (kind ``indirect``)
    * ``quotes.indirect_que``: ``X a déclaré que <clause>`` (a few words may stand between the
      verb and ``que``: ``a déclaré mardi à la presse que``);
    * ``quotes.indirect_postposed``: ``<clause>, a indiqué X.``;
    * ``quotes.indirect_incise``: ``En outre, a-t-il assuré, <clause>.`` (a short connective
      before the incise: the clause after it is the reported one);
    * ``quotes.indirect_selon``: ``Selon X, <clause>``, ``D'après X, …``, ``Pour X, …`` (``pour``
      only at the start of a sentence and only with a PER/ORG mention), and the postposed
      ``<clause>, selon X.``.

    An indirect quote is kept only when its source is a person or organisation: a PER/ORG
    mention, a pronoun ``il``/``elle`` or a role description (``le ministre``); ``le rapport
    indique que`` or ``selon les statistiques`` give no row.

Span of an indirect quote: the reported clause, from the first word after ``que`` / after the
attribution's comma (leading punctuation dropped) to the end of the sentence -- the first
``.``, ``!``, ``?``, ``;`` outside quotation marks, or a line break -- without the final
punctuation; for a postposed attribution, from the start of the sentence to the comma before
it. (The hand-made gold of the sample story sometimes stops earlier, at a content boundary
such as ``…maintien de la paix`` before ``pendant sa présidence``; the spans overlap.)

Cue: the verb group as written, from its first auxiliary or clitic to the reporting verb
(``a déclaré``, ``a-t-il assuré``, ``s'est félicité``, ``a fait savoir``), or the preposition
(``Selon``, ``D'après``, ``Pour``); ``que`` is not part of the cue. ``cue_lemma`` is the
listed lemma (``déclarer``, ``se féliciter``, ``selon``, ``d'après``, ``pour``).

Speakers
    ``explicit``: a PER or ORG mention that is the subject of the reporting verb (before it,
    or inverted after it), or the complement of ``selon``; a role noun with a PER mention in
    apposition (``le porte-parole du Kremlin, Dmitri Peskov,``) gives the PER mention, and so
    does any common noun followed by a name (``le sélectionneur Guillaume Gille``); when the
    parse gives the verb no subject, a name opening the sentence before an apposition between
    commas (``Marine Le Pen, présidente du groupe RN, a jugé``).
    ``coreference``: a pronoun (``il``, ``elle``, ``a-t-il``, ``selon lui``) or a role
    description (``le dirigeant kirghize``, or a nationality noun after a determiner: ``le
    Français``, ``la Kényane``, from ``demonyms.csv``) resolved to the most recent PER mention
    before it: candidates are the PER mentions of the same sentence (before it) and the two
    sentences before; when these name nobody, a description first takes the one person of the
    whole text written after the same role noun, then (like a pronoun) the people of the last
    sentence that names one -- sentences about places and organisations in between do not
    block it; mentions sharing a last name count as one person
    (``Sadyr Japarov`` / ``M. Japarov``); gender must agree when both sides are known
    (``il``/``le``/``M.`` vs ``elle``/``la``/``Mme``); for a description, a candidate written
    right after the same role noun wins. Two people fitting equally: no speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.context import StoryContext
from pipeline.entities.gazetteers import GazetteerError, fold, read_csv
from pipeline.extensions import register_extensions
from pipeline.relations.base import Mention, add_relations, relation

VERBS_FILE = "relations_reporting_verbs.csv"
ROLES_FILE = "relations_quotes_roles.csv"
#: Nationality nouns (``le Français``, ``la Kényane``) describe a person like role nouns.
DEMONYMS_FILE = "demonyms.csv"

CLASSES: frozenset[str] = frozenset({
    "declare", "assert", "opine", "add", "explain", "announce", "deny", "admit", "promise",
    "warn", "criticize", "praise", "regret", "demand", "answer", "reveal", "write", "conclude",
    "observe", "recall"})

SPEAKER_LABELS = ("PER", "ORG")
#: Quotation marks: opening -> closing.
MARKS = {"«": "»", "“": "”", '"': '"'}
CLOSING = frozenset("»”\"")
OPENING = frozenset("«“\"")
#: Tokens that end a sentence or a clause for the span of a reported clause.
CLAUSE_END = frozenset({".", "!", "?", ";", "…", "..."})
AUX_LEMMAS = frozenset({"avoir", "être"})
AUX_FORMS = frozenset({"a", "ai", "as", "avons", "avez", "ont", "avait", "avaient", "aura",
                       "auront", "aurait", "auraient", "eu", "est", "sont", "était", "étaient",
                       "sera", "seront", "serait", "seraient", "été", "s'", "se", "n'", "ne"})
REFLEXIVE = frozenset({"se", "s'", "s’"})
FAIRE_FORMS = frozenset({"fait", "fais", "font", "faisait", "faisaient", "fera", "feront",
                         "ferait", "feraient", "faisant", "fit", "firent"})
PRONOUNS = {"il": "m", "elle": "f", "lui": "m"}
CLITIC_RE = re.compile(r"^-(?:t-)?(il|elle)$", re.IGNORECASE)
TITLE_GENDER = {"m.": "m", "monsieur": "m", "mme": "f", "mme.": "f", "madame": "f",
                "mlle": "f", "mademoiselle": "f"}
SELON = {"selon": "selon", "d'après": "d'après", "d’après": "d'après", "pour": "pour"}
DET_GENDER = {"le": "m", "la": "f", "un": "m", "une": "f", "ce": "m", "cet": "m", "cette": "f"}
#: Unattributed quotes shorter than this (in words) are not rows.
MIN_UNATTRIBUTED_WORDS = 4
#: How many tokens may stand between a reporting verb and its ``que`` (``a déclaré mardi que``).
MAX_QUE_GAP = 6
#: Sentences before the anaphor's own that coreference looks at first.
COREF_WINDOW = 2


@dataclass(frozen=True)
class ReportingVerb:
    """One entry of the reporting-verb list."""

    lemma: str
    head: str
    before: str | None
    cls: str


@dataclass(frozen=True)
class Lexicon:
    """The data the component needs: reporting verbs by head lemma and form, role nouns."""

    by_lemma: dict[str, tuple[ReportingVerb, ...]]
    by_form: dict[str, tuple[ReportingVerb, ...]]
    roles: dict[str, str]


@dataclass
class Speaker:
    """Who a quote is attributed to, as found in the text (before resolution)."""

    kind: str  # "mention" | "pronoun" | "description"
    start: int
    end: int
    text: str
    mention: Mention | None = None
    gender: str = ""
    role: str = ""


@dataclass
class Cue:
    """A reporting verb group or a ``selon``-like preposition, with its token range."""

    start: int  # token index of the first token of the group
    verb: int  # token index of the reporting verb (or the preposition)
    lemma: str
    text: str
    start_char: int
    end_char: int


def _regular_forms(lemma: str) -> set[str]:
    if not lemma.endswith("er") or lemma == "aller":
        return {lemma}
    stem = lemma[:-2]
    soft = stem + ("e" if stem.endswith("g") else "")
    soft = soft[:-1] + "ç" if stem.endswith("c") else soft
    forms = {lemma, stem + "é", stem + "ée", stem + "és", stem + "ées", stem + "e", stem + "ent",
             soft + "ait", soft + "aient", soft + "a", stem + "èrent", stem + "era",
             stem + "eront", stem + "erait", stem + "eraient", soft + "ant"}
    return forms


def _check_lemma(value: str) -> str | None:
    words = value.replace("'", "' ").split()
    if not 1 <= len(words) <= 2 or value != value.lower():
        return "expected a lower-case infinitive, 'se X' or 'faire savoir'"
    return None


def _check_class(value: str) -> str | None:
    return None if value in CLASSES else f"unknown class, expected one of {sorted(CLASSES)}"


def _check_gender(value: str) -> str | None:
    return None if value in ("m", "f") else "expected m, f or empty"


def _split_lemma(lemma: str) -> tuple[str, str | None]:
    if lemma.startswith(("se ", "s'")):
        return lemma[3:] if lemma.startswith("se ") else lemma[2:], "se"
    parts = lemma.split()
    if len(parts) == 2:
        return parts[1], parts[0]
    return lemma, None


def load_lexicon(verbs: str = VERBS_FILE, roles: str = ROLES_FILE) -> Lexicon:
    """Read and validate the reporting verbs and role nouns (errors name file and line)."""
    by_lemma: dict[str, list[ReportingVerb]] = {}
    by_form: dict[str, list[ReportingVerb]] = {}
    seen: set[str] = set()
    for row in read_csv(verbs, required=("lemma", "class"), optional=("forms",),
                        validators={"lemma": _check_lemma, "class": _check_class}):
        lemma = row["lemma"]
        if lemma in seen:
            raise row.error(f"duplicate lemma {lemma!r}")
        seen.add(lemma)
        head, before = _split_lemma(lemma)
        entry = ReportingVerb(lemma, head, before, row["class"])
        by_lemma.setdefault(head, []).append(entry)
        extra = {f.strip() for f in row.get("forms").split("|") if f.strip()}
        if any(f != f.lower() or " " in f for f in extra):
            raise row.error("forms must be lower-case single words")
        for form in _regular_forms(head) | extra:
            by_form.setdefault(form, []).append(entry)
    role_nouns: dict[str, str] = {}
    for row in read_csv(roles, required=("noun",), optional=("gender",),
                        validators={"gender": _check_gender}):
        noun = row["noun"]
        if noun != noun.lower() or " " in noun:
            raise row.error("expected one lower-case noun")
        if noun in role_nouns:
            raise row.error(f"duplicate noun {noun!r}")
        role_nouns[noun] = row.get("gender")
    if not by_lemma or not role_nouns:
        raise GazetteerError(verbs if not by_lemma else roles, None, "no data rows")
    return Lexicon({k: tuple(v) for k, v in by_lemma.items()},
                   {k: tuple(v) for k, v in by_form.items()}, role_nouns)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    return load_lexicon()


@lru_cache(maxsize=1)
def nationality_nouns() -> dict[str, str]:
    """Singular nationality nouns (folded) with their gender: ``kenyane`` -> ``f``."""
    nouns: dict[str, str] = {}
    for row in read_csv(DEMONYMS_FILE, required=("iso2", "masc_sg", "fem_sg", "masc_pl",
                                                 "fem_pl")):
        for column, gender in (("masc_sg", "m"), ("fem_sg", "f")):
            key = fold(row[column])
            # "suisse", "belge": one form for both genders -> decided by the determiner
            nouns[key] = "" if nouns.get(key, gender) != gender else gender
    return nouns


def _norm(text: str) -> str:
    return text.lower().replace("’", "'")


def find_quote_marks(text: str) -> list[tuple[int, int]]:
    """Outermost quotation-mark spans of ``text`` as (start, end) offsets, marks included.

    >>> find_quote_marks("Il a dit : « Oui. » Puis “non”.")
    [(11, 18), (24, 29)]
    """
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    opened = 0
    for i, char in enumerate(text):
        if char == "\n":
            if stack:
                rest = text[i + 1:].lstrip(" \t\n")
                if not (stack == ["«"] and rest.startswith("«")):
                    stack = []
            continue
        if stack and char == MARKS[stack[-1]]:
            stack.pop()
            if not stack:
                spans.append((opened, i + 1))
            continue
        if char in MARKS and char != "\"" or (char == "\"" and "\"" not in stack):
            if char == "«" and stack == ["«"] and text[:i].rstrip(" \t").endswith("\n"):
                continue  # a new paragraph of the same quote
            if not stack:
                opened = i
            stack.append(char)
    return spans


class QuoteExtractor:
    """Pipeline component: direct quotes and reported speech with their speakers."""

    def __init__(self, nlp: Language | None = None, name: str = "depeche_quotes",
                 lexicon: Lexicon | None = None) -> None:
        register_extensions()
        self.name = name
        self.lexicon = lexicon or default_lexicon()

    # -- public API ------------------------------------------------------------------------

    def process(self, doc: Doc) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Return the quote rows and the ``quote`` relation rows of ``doc``."""
        run = _Run(doc, self.lexicon)
        quotes = sorted(run.extract(), key=lambda q: (q["quote_start"], q["quote_end"]))
        relations = [run.relation_row(q) for q in quotes if q["speaker_id"]]
        return [_public(q) for q in quotes], relations

    def __call__(self, doc: Doc) -> Doc:
        quotes, relations = self.process(doc)
        doc._.quotes = quotes
        add_relations(doc, relations)
        return doc


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if not k.startswith("_")}


class _Run:
    """The state of one extraction over one doc."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.ctx = StoryContext.of(doc)
        self.mentions = sorted(doc._.mentions or [], key=lambda m: m["start_char"])
        self.quote_spans = find_quote_marks(doc.text)
        self.used_verbs: set[int] = set()

    # -- lexicon look-ups ------------------------------------------------------------------

    def reporting(self, tok: Token) -> ReportingVerb | None:
        """The reporting-verb entry of ``tok``, if it is a reporting verb in context."""
        lemma, form = _norm(tok.lemma_), _norm(tok.text)
        entries = self.lex.by_lemma.get(lemma, ()) if tok.pos_ in ("VERB", "AUX") else ()
        if not entries and form in self.lex.by_form:
            prev = self._prev_word(tok.i)
            if tok.pos_ == "VERB" or (prev is not None and (
                    _norm(prev.text) in AUX_FORMS or CLITIC_RE.match(prev.text)
                    or _norm(prev.text) in FAIRE_FORMS)):
                entries = self.lex.by_form[form]
        for entry in entries:
            if entry.before == "se" and not self._has_reflexive(tok.i):
                continue
            if entry.before and entry.before != "se":
                prev = self._prev_word(tok.i)
                if prev is None or not (_norm(prev.lemma_) == entry.before
                                        or _norm(prev.text) in FAIRE_FORMS):
                    continue
            if entry.before is None and self._has_reflexive(tok.i) and any(
                    e.before == "se" for e in self.lex.by_lemma.get(entry.head, ())):
                continue
            return entry
        return None

    def _has_reflexive(self, i: int) -> bool:
        for j in range(i - 1, max(-1, i - 4), -1):
            text = _norm(self.doc[j].text)
            if text in ("se", "s'"):
                return True
            if text not in AUX_FORMS and not self.doc[j].pos_ == "ADV":
                return False
        return False

    def _prev_word(self, i: int) -> Token | None:
        for j in range(i - 1, max(-1, i - 3), -1):
            if self.doc[j].pos_ != "ADV":
                return self.doc[j]
        return None

    def role_gender(self, tok: Token) -> str | None:
        """Gender of a role noun ('' when unknown), None when ``tok`` is no role noun."""
        word = _norm(tok.text)
        if word not in self.lex.roles:
            word = _norm(tok.lemma_)
            if word not in self.lex.roles or tok.pos_ not in ("NOUN", "PROPN"):
                return self.nationality_gender(tok)
        return self.lex.roles[word]

    def nationality_gender(self, tok: Token) -> str | None:
        """Gender of a capitalised nationality noun after a determiner (``la Kényane``)."""
        if not tok.text[:1].isupper() or tok.i == 0:
            return None
        if _norm(self.doc[tok.i - 1].text) not in ("le", "la", "l'", "un", "une"):
            return None
        return nationality_nouns().get(fold(tok.text))

    # -- cues -------------------------------------------------------------------------------

    def cue_for(self, verb: Token, entry: ReportingVerb) -> Cue:
        """The verb group of a reporting verb: auxiliaries, clitics, adverbs, ``fait``."""
        start = verb.i
        j = verb.i - 1
        while j >= 0:
            tok = self.doc[j]
            text = _norm(tok.text)
            if (text in AUX_FORMS or CLITIC_RE.match(tok.text) or text == "-t"
                    or (entry.before and entry.before != "se" and text in FAIRE_FORMS)):
                start = j
            elif tok.pos_ == "ADV" and text not in ("ne", "n'") and j > 0:
                pass
            else:
                break
            j -= 1
        while start < verb.i and self.doc[start].pos_ == "ADV":
            start += 1
        span = self.doc[start:verb.i + 1]
        return Cue(start, verb.i, entry.lemma, span.text, span.start_char, span.end_char)

    def cue_after(self, i: int, limit: int = 5) -> tuple[Token, ReportingVerb] | None:
        """A reporting verb starting a verb group at token ``i`` (within ``limit`` tokens)."""
        for j in range(i, min(len(self.doc), i + limit)):
            tok = self.doc[j]
            entry = self.reporting(tok)
            if entry is not None:
                return tok, entry
            text = _norm(tok.text)
            if not (text in AUX_FORMS or CLITIC_RE.match(tok.text) or text == "-t"
                    or tok.pos_ == "ADV" or text in FAIRE_FORMS):
                return None
        return None

    # -- speakers ---------------------------------------------------------------------------

    def mention_at(self, tok: Token, labels: Iterable[str] = SPEAKER_LABELS) -> Mention | None:
        """The PER/ORG mention covering ``tok``."""
        for m in self.mentions:
            if m["start_char"] <= tok.idx < m["end_char"] and m["label"] in labels:
                return m
        return None

    def mention_starting(self, tok: Token) -> Mention | None:
        """The PER/ORG mention that starts at ``tok`` (or whose title token ``tok`` is)."""
        m = self.mention_at(tok)
        if m is not None and m["start_char"] >= tok.idx - 1:
            return m
        return None

    def _token_end(self, char: int) -> int:
        """Index of the first token starting at or after offset ``char``."""
        for tok in self.doc:
            if tok.idx >= char:
                return tok.i
        return len(self.doc)

    def _after(self, speaker: Speaker, cue: Cue) -> int:
        """Index of the first token after both the speaker and the reporting verb."""
        return max(self._token_end(speaker.end), cue.verb + 1)

    def speaker_from_subject(self, tok: Token, limit: int) -> Speaker | None:
        """The speaker named by a subject token (tokens from ``limit`` on are excluded)."""
        m = self.mention_at(tok)
        if m is not None:
            return self._mention_speaker(m)
        word = _norm(tok.text)
        clitic = CLITIC_RE.match(tok.text)
        if clitic or (tok.pos_ == "PRON" and word in ("il", "elle")):
            word = clitic.group(1).lower() if clitic else word
            start = tok.idx + len(tok.text) - len(word)
            return Speaker("pronoun", start, tok.idx + len(tok.text), self.doc.text[
                start:tok.idx + len(tok.text)], gender=PRONOUNS[word])
        gender = self.role_gender(tok)
        if gender is None:
            return self._named_after(tok, limit)
        left = min(t.i for t in tok.subtree)
        right = tok.i + 1
        for t in self.doc[tok.i + 1:limit]:
            if t.is_punct and t.text != "-" or t.is_sent_start:
                break
            if tok not in t.ancestors:
                break
            right = t.i + 1
        phrase = self.doc[left:right]
        for t in phrase:
            if t.i > tok.i and (m := self.mention_at(t, ("PER",))) is not None:
                return self._mention_speaker(m)
        # an apposition after a comma: "le porte-parole du Kremlin, Dmitri Peskov, a déclaré"
        if right < limit and self.doc[right].text == ",":
            nxt = self.doc[right + 1] if right + 1 < len(self.doc) else None
            if nxt is not None and (m := self.mention_at(nxt, ("PER",))) is not None:
                end = self._token_end(m["end_char"])
                if end >= limit or self.doc[end].is_punct:
                    return self._mention_speaker(m)
        det = self.doc[left]
        if not gender and det.i < tok.i:
            gender = DET_GENDER.get(_norm(det.text), "")
        if not gender:
            gender = {"Masc": "m", "Fem": "f"}.get(
                (tok.morph.get("Gender") or [""])[0], "") if self.lex.roles.get(
                _norm(tok.text)) is None else ""
        return Speaker("description", phrase.start_char, phrase.end_char, phrase.text,
                       gender=gender, role=_norm(tok.text))

    def _named_after(self, tok: Token, limit: int) -> Speaker | None:
        """A name right after a common noun (adjectives between): ``le sélectionneur
        Guillaume Gille``, ``l'acteur français Gérard Depardieu``."""
        if tok.pos_ != "NOUN":
            return None
        for t in self.doc[tok.i + 1:limit]:
            if (m := self.mention_starting(t)) is not None:
                return self._mention_speaker(m) if tok in t.ancestors else None
            if t.pos_ != "ADJ":
                return None
        return None

    def _mention_speaker(self, m: Mention) -> Speaker:
        return Speaker("mention", m["start_char"], m["end_char"], m["text"], mention=m)

    def speaker_before(self, cue: Cue) -> Speaker | None:
        """The subject of a reporting verb written before its verb group."""
        verb = self.doc[cue.verb]
        heads = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])  # "a fait savoir"
        subjects = [c for h in heads for c in h.children
                    if c.dep_.startswith("nsubj") or c.dep_ == "expl:subj"]
        subjects = [c for c in subjects if c.i < cue.start] + [
            c for c in subjects if cue.start <= c.i < cue.verb and CLITIC_RE.match(c.text)]
        found = [s for s in (self.speaker_from_subject(c, cue.start) for c in subjects) if s]
        for speaker in found:
            if speaker.kind == "mention" and speaker.mention and speaker.mention["label"] == "PER":
                return speaker
        if found:
            return found[0]
        if subjects:
            return None
        # no subject in the parse: the words right before the verb group
        j = cue.start - 1
        if j >= 0 and self.doc[j].text == ",":
            return self._name_before_apposition(j)
        if j >= 0 and not self.doc[j].is_punct:
            tok = self.doc[j]
            m = self.mention_at(tok)
            if m is not None:
                return self._mention_speaker(m)
            if tok.pos_ == "PRON" and _norm(tok.text) in ("il", "elle"):
                return self.speaker_from_subject(tok, cue.start)
        return None

    def _name_before_apposition(self, comma: int) -> Speaker | None:
        """``Marine Le Pen, présidente du groupe RN, a jugé``: the name that opens the
        sentence before an apposition closed by the comma at ``comma`` (parse without
        subject)."""
        start = self._sentence_bounds(comma)[0]
        for k in range(comma - 1, start, -1):
            tok = self.doc[k]
            if tok.text in OPENING or tok.text in CLOSING or tok.text == ":":
                return None
            if tok.text != ",":
                continue
            m = self.mention_at(self.doc[k - 1])
            if m is None or m["end_char"] != self.doc[k - 1].idx + len(self.doc[k - 1].text):
                continue
            first = self._token_end(m["start_char"])
            if first > start and not all(t.pos_ == "DET" or self.role_gender(t) is not None
                                         for t in self.doc[start:first]):
                continue
            return self._mention_speaker(m)
        return None

    def speaker_after(self, cue: Cue) -> Speaker | None:
        """The inverted subject of a reporting verb (``a déclaré M. X``, ``a-t-il ajouté``)."""
        doc = self.doc
        for tok in doc[cue.start:min(len(doc), cue.verb + 3)]:
            if CLITIC_RE.match(tok.text) and (tok.i < cue.verb or tok.i <= cue.verb + 2):
                word = CLITIC_RE.match(tok.text).group(1).lower()
                start = tok.idx + len(tok.text) - len(word)
                return Speaker("pronoun", start, tok.idx + len(tok.text),
                               tok.text[-len(word):], gender=PRONOUNS[word])
        j = cue.verb + 1
        skipped = 0
        while j < len(doc) and skipped <= 4:
            tok = doc[j]
            if tok.is_punct and tok.text not in ("-",):
                return None
            m = self.mention_starting(tok)
            if m is not None:
                return self._mention_speaker(m)
            if tok.pos_ == "DET" and j + 1 < len(doc):
                head = next((t for t in doc[j + 1:j + 3] if t.pos_ in ("NOUN", "PROPN")), None)
                if head is not None and self.role_gender(head) is not None:
                    return self.speaker_from_subject(head, len(doc))
                if head is not None:
                    return None
            if tok.pos_ == "PRON" and _norm(tok.text) in ("il", "elle"):
                return self.speaker_from_subject(tok, len(doc))
            j += 1
            skipped += 1
        return None

    # -- coreference ------------------------------------------------------------------------

    def mention_gender(self, m: Mention) -> str:
        """Gender of a PER mention from its title or the word before it ('' when unknown)."""
        title = _norm(m.get("title") or "")
        if title in TITLE_GENDER:
            return TITLE_GENDER[title]
        first = _norm(m["text"].split()[0]) if m["text"].split() else ""
        if first in TITLE_GENDER:
            return TITLE_GENDER[first]
        span = self.doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
        if span is not None and span.start > 0:
            prev = self.doc[span.start - 1]
            if _norm(prev.text) in TITLE_GENDER:
                return TITLE_GENDER[_norm(prev.text)]
            role = self._role_before(span.start)
            if role is not None and role[1]:
                return role[1]
        return ""

    def _role_before(self, i: int) -> tuple[str, str] | None:
        """(role noun, gender) written just before token ``i`` (``le président kirghize X``)."""
        for j in range(i - 1, max(-1, i - 5), -1):
            tok = self.doc[j]
            if tok.is_punct and tok.text != ",":
                return None
            gender = self.role_gender(tok)
            if gender is not None:
                if not gender and j > 0:
                    gender = DET_GENDER.get(_norm(self.doc[j - 1].text), "")
                return _norm(tok.text), gender
        return None

    def resolve(self, speaker: Speaker) -> Mention | None:
        """The PER mention a pronoun or description refers to, None when unsure."""
        sentence = self.ctx.sentence_index_at(speaker.start)
        before = [m for m in self.mentions
                  if m["label"] == "PER" and m["end_char"] <= speaker.start
                  and _compatible(speaker.gender, self.mention_gender(m))]
        if not before:
            return None
        near = [m for m in before
                if self.ctx.sentence_index_at(m["start_char"]) >= sentence - COREF_WINDOW]
        if near:
            return self._pick(speaker, near)
        # nobody in the window: a description first looks for its role in the whole text,
        # then (like a pronoun) takes the people of the last sentence that names one
        if speaker.kind == "description":
            found = self._pick(speaker, before, by_role_only=True)
            if found is not None:
                return found
        last = self.ctx.sentence_index_at(before[-1]["start_char"])
        return self._pick(speaker, [m for m in before
                                    if self.ctx.sentence_index_at(m["start_char"]) == last])

    def _pick(self, speaker: Speaker, pool: list[Mention],
              by_role_only: bool = False) -> Mention | None:
        """The one person of ``pool`` (or the one fitting a description's role), else None."""
        people = _people(pool)
        if len(people) == 1 and not by_role_only:
            return pool[-1]
        if speaker.kind == "description":
            fitting = [p for p in people
                       if any((r := self._role_before(self._token_end(m["start_char"])))
                              and _same_role(r[0], speaker.role) for m in p)]
            if len(fitting) == 1:
                return fitting[0][-1]
        return None

    # -- extraction -------------------------------------------------------------------------

    def extract(self) -> Iterator[dict[str, Any]]:
        """Every quote row of the doc (direct first, then indirect).

        A ``direct_embedded`` quote inside an indirect quote of the same cue is one statement:
        only the indirect row is kept (see the module docstring).
        """
        direct = list(self.direct_quotes())
        indirect = list(self.indirect_quotes())
        for row in direct:
            if row["rule"] == "quotes.direct_embedded" and any(
                    other["_cue_span"] == row["_cue_span"]
                    and other["quote_start"] <= row["quote_start"]
                    and row["quote_end"] <= other["quote_end"] for other in indirect):
                continue
            yield row
        yield from indirect

    def in_quote(self, char: int) -> bool:
        """Whether offset ``char`` lies inside a direct quote's marks."""
        return any(s <= char < e for s, e in self.quote_spans)

    def direct_quotes(self) -> Iterator[dict[str, Any]]:
        """Rows for the quotation-mark spans."""
        doc = self.doc
        for start, end in self.quote_spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) < 2:
                continue
            found = (self._postposed(span) or self._incise(span) or self._preposed(span)
                     or self._embedded(span))
            words = sum(1 for t in span if t.is_alpha or t.like_num)
            if found is not None and found[1] is None and found[2] == "quotes.direct_embedded" \
                    and words < MIN_UNATTRIBUTED_WORDS:
                found = None  # "le rapport qualifie la situation de « grave »": no one speaks
            if found is None:
                if words < MIN_UNATTRIBUTED_WORDS:
                    continue
                yield self.row("direct", start, end, None, None, "quotes.direct")
                continue
            cue, speaker, rule = found
            if rule != "quotes.direct_embedded":
                self.used_verbs.add(cue.verb)
            yield self.row("direct", start, end, cue, speaker, rule)

    def _postposed(self, span: Any) -> tuple[Cue, Speaker | None, str] | None:
        doc = self.doc
        i = span.end
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i >= len(doc):
            return None
        selon = self._selon_at(i)
        if selon is not None:
            cue, speaker = selon
            return cue, speaker, "quotes.direct_postposed"
        found = self.cue_after(i)
        if found is None:
            return None
        verb, entry = found
        cue = self.cue_for(verb, entry)
        return cue, self.speaker_after(cue), "quotes.direct_postposed"

    def _incise(self, span: Any) -> tuple[Cue, Speaker | None, str] | None:
        for tok in span[1:-1]:
            if tok.text != ",":
                continue
            found = self.cue_after(tok.i + 1, limit=4)
            if found is None:
                continue
            cue = self.cue_for(*found)
            speaker = self.speaker_after(cue)
            if speaker is None:
                continue
            after = self._after(speaker, cue)
            if after < span.end - 1 and self.doc[after].text == ",":
                return cue, speaker, "quotes.direct_incise"
        return None

    def _preposed(self, span: Any) -> tuple[Cue, Speaker | None, str] | None:
        doc = self.doc
        j = span.start - 1
        if j < 0:
            return None
        if doc[j].text == ":" or _norm(doc[j].text) in ("que", "qu'"):
            j -= 1
            reach = MAX_QUE_GAP
        else:
            reach = 1  # "a déclaré « … »": the verb right before the mark
        for k in range(j, max(-1, j - reach), -1):
            tok = doc[k]
            if tok.text in CLAUSE_END or tok.text in CLOSING or tok.text == ":":
                return None
            entry = self.reporting(tok)
            if entry is not None:
                cue = self.cue_for(tok, entry)
                return cue, self.speaker_before(cue), "quotes.direct_preposed"
        return None

    def _embedded(self, span: Any) -> tuple[Cue, Speaker | None, str] | None:
        inner = [t for t in span if not t.is_punct]
        if not inner:
            return None
        sent_start = self._sentence_bounds(span.start)[0]
        for anc in inner[0].ancestors:
            if anc.i >= span.start and anc.i < span.end:
                continue
            if anc.i < sent_start:
                break
            entry = self.reporting(anc)
            if entry is not None:
                cue = self.cue_for(anc, entry)
                speaker = (self.speaker_before(cue) if cue.verb < span.start
                           else self.speaker_after(cue))
                return cue, speaker, "quotes.direct_embedded"
        return None

    def _selon_at(self, i: int) -> tuple[Cue, Speaker | None] | None:
        """``selon X`` / ``d'après X`` / ``pour X`` at token ``i``: (cue, speaker)."""
        doc = self.doc
        tok = doc[i]
        text = _norm(tok.text)
        last = i
        if text in ("d'", "de") and i + 1 < len(doc) and _norm(doc[i + 1].text) == "après":
            text, last = "d'après", i + 1
        if text not in SELON:
            return None
        span = doc[i:last + 1]
        cue = Cue(i, last, SELON[text], span.text, span.start_char, span.end_char)
        end = last + 1
        while end < len(doc) and not (doc[end].is_punct and doc[end].text != "-"):
            end += 1
        phrase = doc[last + 1:end]
        if not len(phrase):
            return None
        first = phrase[0]
        if (m := self.mention_starting(first)) is not None:
            return cue, self._mention_speaker(m)
        if text == "pour":
            return None
        if first.pos_ == "PRON" and _norm(first.text) in ("lui", "elle"):
            word = _norm(first.text)
            return cue, Speaker("pronoun", first.idx, first.idx + len(first.text), first.text,
                                gender=PRONOUNS[word])
        nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN") and not self.mention_at(t)]
        if first.pos_ == "DET" and nouns and self.role_gender(nouns[0]) is not None:
            head = nouns[0]
            if any(t.pos_ == "ADP" for t in phrase[:head.i - phrase.start]):
                return None
            speaker = self.speaker_from_subject(head, end)
            return cue, speaker
        # "le président kirghize Sadyr Japarov": determiners, role nouns, adjectives, then a name
        for t in phrase:
            if (m := self.mention_at(t)) is not None:
                lead = phrase[:t.i - phrase.start]
                if all(x.pos_ in ("DET", "ADJ") or self.role_gender(x) is not None
                       for x in lead):
                    return cue, self._mention_speaker(m)
                break
            if t.pos_ == "ADP":
                break
        return None

    # -- indirect ---------------------------------------------------------------------------

    def _sentence_bounds(self, i: int) -> tuple[int, int]:
        """Token range of the sentence around token ``i`` by punctuation and line breaks."""
        doc = self.doc
        start = i
        while start > 0:
            prev = doc[start - 1]
            if (prev.text in CLAUSE_END and not self.in_quote(prev.idx)) or "\n" in prev.text \
                    or "\n" in prev.whitespace_ or prev.text in CLOSING and self._ends_quote(prev):
                break
            start -= 1
        end = i
        while end < len(doc):
            tok = doc[end]
            if (tok.text in CLAUSE_END and not self.in_quote(tok.idx)) or "\n" in tok.text:
                break
            end += 1
            if "\n" in tok.whitespace_:
                break
        return start, end

    def _ends_quote(self, tok: Token) -> bool:
        """Whether the closing mark ``tok`` ends a sentence-final quote (``… . »``)."""
        return tok.i > 0 and self.doc[tok.i - 1].text in CLAUSE_END

    def _clause(self, start: int, end: int) -> tuple[int, int] | None:
        """Char offsets of tokens [start, end) without leading/trailing punctuation."""
        doc = self.doc
        while start < end and doc[start].is_punct and doc[start].text not in OPENING:
            start += 1
        while end > start and doc[end - 1].is_punct and doc[end - 1].text not in CLOSING:
            end -= 1
        if end - start < 2:
            return None
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)

    def indirect_quotes(self) -> Iterator[dict[str, Any]]:
        """Rows for reported speech: ``que`` clauses, postposed incises, ``selon X``."""
        doc = self.doc
        for tok in doc:
            if self.in_quote(tok.idx) or tok.i in self.used_verbs:
                continue
            selon = self._indirect_selon(tok)
            if selon is not None:
                yield selon
                continue
            entry = self.reporting(tok)
            if entry is None or self._passive(tok):
                continue
            cue = self.cue_for(tok, entry)
            row = self._indirect_que(cue) or self._indirect_postposed(cue)
            if row is not None:
                yield row

    def _passive(self, verb: Token) -> bool:
        return any(c.dep_ == "aux:pass" for c in verb.children) or any(
            _norm(t.text) == "été" for t in self.doc[max(0, verb.i - 2):verb.i])

    def _indirect_que(self, cue: Cue) -> dict[str, Any] | None:
        doc = self.doc
        que = None
        for j in range(cue.verb + 1, min(len(doc), cue.verb + 1 + MAX_QUE_GAP)):
            tok = doc[j]
            if _norm(tok.text) in ("que", "qu'"):
                que = j
                break
            if tok.pos_ in ("VERB", "AUX") or tok.text in CLAUSE_END or tok.text in OPENING \
                    or tok.text == ":" or self.in_quote(tok.idx):
                return None
        if que is None:
            return None
        if que + 1 < len(doc) and doc[que + 1].text in OPENING:
            return None
        end = self._sentence_bounds(que)[1]
        clause = self._clause(que + 1, end)
        if clause is None:
            return None
        speaker = self.speaker_before(cue)
        if speaker is None:
            return None
        return self.row("indirect", clause[0], clause[1], cue, speaker, "quotes.indirect_que")

    def _indirect_postposed(self, cue: Cue) -> dict[str, Any] | None:
        doc = self.doc
        if cue.start == 0 or doc[cue.start - 1].text != ",":
            return None
        comma = cue.start - 1
        if comma > 0 and doc[comma - 1].text in CLOSING:
            return None
        speaker = self.speaker_after(cue)
        if speaker is None:
            return None
        start, end = self._sentence_bounds(comma)
        pre = doc[start:comma]
        if self._connective(pre):
            after = self._after(speaker, cue)
            if after < len(doc) and doc[after].text == ",":
                clause = self._clause(after + 1, end)
                if clause is not None:
                    return self.row("indirect", clause[0], clause[1], cue, speaker,
                                    "quotes.indirect_incise")
            return None
        if not any(t.pos_ in ("VERB", "AUX") for t in pre):
            return None
        clause = self._clause(start, comma)
        if clause is None:
            return None
        return self.row("indirect", clause[0], clause[1], cue, speaker,
                        "quotes.indirect_postposed")

    @staticmethod
    def _connective(pre: Any) -> bool:
        """A short sentence opener without a subject or verb (``En outre``, ``Par ailleurs``)."""
        return (0 < len(pre) <= 3 and pre[0].pos_ != "DET"
                and not any(t.pos_ in ("VERB", "AUX", "PROPN", "PRON", "NOUN") and
                            t.dep_.startswith("nsubj") for t in pre)
                and not any(t.pos_ in ("VERB", "AUX", "PROPN", "PRON") for t in pre))

    def _indirect_selon(self, tok: Token) -> dict[str, Any] | None:
        doc = self.doc
        if _norm(tok.text) not in ("selon", "d'", "de", "pour", "d'après", "d’après"):
            return None
        start, end = self._sentence_bounds(tok.i)
        if _norm(tok.text) == "pour" and tok.i != start:
            return None
        found = self._selon_at(tok.i)
        if found is None:
            return None
        cue, speaker = found
        if speaker is None:
            return None
        after = self._token_end(speaker.end)
        if after < len(doc) and doc[after].text == "," and cue.start == start:
            clause = self._clause(after + 1, end)
        elif cue.start > start and doc[cue.start - 1].text == ",":
            if after < end and doc[after].text == ",":
                clause = self._clause(start, end)  # "A, selon X, B." : the whole sentence
            else:
                clause = self._clause(start, cue.start - 1)
        else:
            return None
        if clause is None:
            return None
        return self.row("indirect", clause[0], clause[1], cue, speaker, "quotes.indirect_selon")

    # -- rows -------------------------------------------------------------------------------

    def row(self, kind: str, start: int, end: int, cue: Cue | None, speaker: Speaker | None,
            rule: str) -> dict[str, Any]:
        """One quote row (plus private ``_`` keys used for the relation row)."""
        target: Mention | None = None
        resolution = None
        if speaker is not None and speaker.kind == "mention":
            target, resolution = speaker.mention, "explicit"
        elif speaker is not None:
            target = self.resolve(speaker)
            resolution = "coreference" if target is not None else None
        return {
            "kind": kind,
            "quote_text": self.doc.text[start:end],
            "quote_start": start,
            "quote_end": end,
            "speaker_id": target["entity_id"] if target else None,
            "speaker_text": speaker.text if target and speaker else None,
            "speaker_start": speaker.start if target and speaker else None,
            "speaker_end": speaker.end if target and speaker else None,
            "speaker_resolution": resolution,
            "cue": cue.text if cue else None,
            "cue_lemma": cue.lemma if cue else None,
            "sentence": self.ctx.sentence_index_at(start),
            "rule": rule,
            "_cue_span": (cue.start_char, cue.end_char) if cue else None,
        }

    def relation_row(self, quote: dict[str, Any]) -> dict[str, Any]:
        """The ``quote`` relation of a quote row that has a speaker."""
        subject = {"entity_id": quote["speaker_id"], "text": quote["speaker_text"],
                   "start_char": quote["speaker_start"], "end_char": quote["speaker_end"]}
        points = [quote["quote_start"], quote["quote_end"], quote["speaker_start"],
                  quote["speaker_end"], *(quote["_cue_span"] or ())]
        return relation(self.doc, "quote", subject, None, (min(points), max(points)),
                        quote["rule"], kind=quote["kind"], cue=quote["cue"],
                        quote_start=quote["quote_start"], quote_end=quote["quote_end"],
                        speaker_resolution=quote["speaker_resolution"])


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def _surname(m: Mention) -> str:
    words = [w for w in re.split(r"\s+", m["text"].strip()) if w]
    return _norm(words[-1]) if words else ""


def _people(pool: list[Mention]) -> list[list[Mention]]:
    """Group PER mentions into people: one entity id, or a shared last name."""
    groups: list[list[Mention]] = []
    for m in pool:
        for group in groups:
            if any(g["entity_id"] == m["entity_id"] or _surname(g) == _surname(m)
                   for g in group):
                group.append(m)
                break
        else:
            groups.append([m])
    return groups


def _same_role(a: str, b: str) -> bool:
    return a.rstrip("e") == b.rstrip("e")


@Language.factory("depeche_quotes", assigns=["doc._.quotes", "doc._.relations"],
                  requires=["doc._.mentions"])
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    """Build the quotes component (spaCy factory ``depeche_quotes``)."""
    return QuoteExtractor(nlp, name)
