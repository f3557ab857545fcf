"""Resolving speakers, as written: who a cue attributes a quote to.

``explicit``: a PER, ORG or COUNTRY mention that is the subject of the reporting verb (before
it, or inverted after it: ``a annoncé l'ONU``), or the complement of ``selon``; a role noun
with a PER mention in apposition (``le porte-parole du Kremlin, Dmitri Peskov,``, ``a déclaré
le PDG du groupe, Jean Dupont``) gives the PER mention, and so does any common noun followed by
a name (``le sélectionneur Guillaume Gille``, ``a indiqué le groupe X``); when the parse gives
the verb no subject, a name opening the sentence before an apposition between commas
(``Marine Le Pen, présidente du groupe RN, a jugé``). A person is preferred: an expert noun
(``speaks_for`` in ``relations_quotes_roles.csv``) gives the organisation after it (``selon
les analystes de la banque X``) only when no name is in apposition; a government noun
(:data:`GOVERNMENT_NOUNS`) gives the country after it (``le gouvernement français``, speaker
text the whole phrase). A country's demonym alone is no speaker (``le Français`` is a
person, a description).

Otherwise a pronoun (``il``, ``elle``, ``a-t-il``, ``selon lui``) or a role description (``le
dirigeant kirghize``, ``la Kényane``), with the gender the text gives it; which person it
refers to is decided by :mod:`pipeline.relations.quotes.coreference`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.relations.base import Mention, load_org_nouns
from pipeline.relations.quotes.cues import CLITIC_RE, Cue, Cues
from pipeline.relations.quotes.lexicon import Lexicon, nationality_nouns
from pipeline.relations.quotes.spans import CLOSING, OPENING, QuoteStory, norm

__all__ = ["DET_GENDER", "GOVERNMENT_NOUNS", "SPEAKER_LABELS", "Speaker", "Speakers"]

#: Labels of the mentions that may speak: a person, an organisation, a country (its name; a
#: demonym speaks only after a government noun: ``le gouvernement français``).
SPEAKER_LABELS = ("PER", "ORG", "COUNTRY")
#: Nouns that make a country speak through the words after them (folded): ``le gouvernement
#: français``, ``les autorités russes``, ``la diplomatie de la Chine``.
GOVERNMENT_NOUNS = frozenset({"gouvernement", "gouvernements", "executif", "autorites",
                              "diplomatie", "administration", "regime", "chancellerie"})
#: Words that may stand between an expert noun and its organisation (folded).
_OF_WORDS = frozenset({"de", "d'", "du", "des", "chez", "la", "le", "l'", "les"})
PRONOUNS = {"il": "m", "elle": "f", "lui": "m"}
DET_GENDER = {"le": "m", "la": "f", "un": "m", "une": "f", "ce": "m", "cet": "m", "cette": "f"}
#: Determiners before a capitalised nationality noun that names a person (``la Kényane``).
_NATIONALITY_DETERMINERS = ("le", "la", "l'", "un", "une")


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


class Speakers:
    """The speakers of one story's cues: mentions, pronouns and role descriptions."""

    def __init__(self, story: QuoteStory, lexicon: Lexicon, cues: Cues) -> None:
        self.story = story
        self.doc = story.doc
        self.lex = lexicon
        self.cues = cues
        #: Which mention covers which token (shared by every component).
        self.index = story.ctx.mention_index()

    # -- words ------------------------------------------------------------------------------

    def role_gender(self, i: int) -> str | None:
        """Gender of a role noun at token ``i`` ('' when unknown), None when it is none."""
        story, roles = self.story, self.lex.roles
        word = story.norms[i]
        if word not in roles:
            word = norm(self.doc[i].lemma_)
            if word not in roles or story.pos[i] not in ("NOUN", "PROPN"):
                return self.nationality_gender(i)
        return roles[word]

    def is_expert(self, i: int) -> bool:
        """Whether token ``i`` is a role noun whose holders speak for their organisation
        (``analystes``, ``l'économiste``): ``speaks_for`` in the roles file."""
        experts = self.lex.experts
        return self.story.norms[i] in experts or (
            norm(self.doc[i].lemma_) in experts and self.story.pos[i] in ("NOUN", "PROPN"))

    def nationality_gender(self, i: int) -> str | None:
        """Gender of a capitalised nationality noun after a determiner (``la Kényane``)."""
        story = self.story
        if not story.texts[i][:1].isupper() or i == 0:
            return None
        if story.norms[i - 1] not in _NATIONALITY_DETERMINERS:
            return None
        return nationality_nouns().get(story.ctx.words[i])

    # -- mentions ---------------------------------------------------------------------------

    def mention_at(self, i: int, labels: tuple[str, ...] = SPEAKER_LABELS) -> Mention | None:
        """The mention of ``labels`` covering token ``i`` (a country's demonym is no speaker:
        ``le Français`` is a person, ``français`` an adjective; it is a COUNTRY for a
        government noun)."""
        m = self.index.at(i, labels)
        if m is not None and m.get("form") == "demonym" and labels != ("COUNTRY",):
            return None
        return m

    def mention_starting(self, i: int) -> Mention | None:
        """The speaker mention that starts at token ``i`` (or whose title token it is)."""
        m = self.mention_at(i)
        if m is not None and m["start_char"] >= self.story.starts[i] - 1:
            return m
        return None

    @staticmethod
    def of_mention(m: Mention) -> Speaker:
        """The speaker named by mention ``m``."""
        return Speaker("mention", m["start_char"], m["end_char"], m["text"], mention=m)

    def after(self, speaker: Speaker, cue: Cue) -> int:
        """Index of the first token after both the speaker and the reporting verb."""
        return max(self.story.token_at_or_after(speaker.end), cue.verb + 1)

    # -- subjects ---------------------------------------------------------------------------

    def _pronoun(self, tok: Token, word: str) -> Speaker:
        """A subject pronoun: ``il``, or the ``il`` of a clitic ``-t-il``."""
        end = tok.idx + len(tok.text)
        start = end - len(word)
        return Speaker("pronoun", start, end, self.story.text[start:end], gender=PRONOUNS[word])

    def from_subject(self, tok: Token, limit: int) -> Speaker | None:
        """The speaker named by a subject token (tokens from ``limit`` on are excluded)."""
        doc, story = self.doc, self.story
        m = self.mention_at(tok.i)
        if m is not None:
            return self.of_mention(m)
        word = story.norms[tok.i]
        clitic = CLITIC_RE.match(tok.text)
        if clitic or (tok.pos_ == "PRON" and word in ("il", "elle")):
            return self._pronoun(tok, clitic.group(1).lower() if clitic else word)
        if story.ctx.words[tok.i] in GOVERNMENT_NOUNS:
            country = self._organisation_of(tok, limit, ("COUNTRY",))
            if country is not None:  # the speaker as written: "gouvernement français"
                return Speaker("mention", tok.idx, country.end,
                               story.text[tok.idx:country.end], mention=country.mention)
            return self._named_after(tok, limit)
        gender = self.role_gender(tok.i)
        if gender is None:
            return self._named_after(tok, limit)
        left = min(t.i for t in tok.subtree)
        right = tok.i + 1
        for t in doc[tok.i + 1:limit]:
            if t.is_punct and t.text != "-" or t.is_sent_start:
                break
            if tok not in t.ancestors:
                break
            right = t.i + 1
        for k in range(tok.i + 1, right):
            if (m := self.mention_at(k, ("PER",))) is not None:
                return self.of_mention(m)
        # an apposition after a comma: "le porte-parole du Kremlin, Dmitri Peskov, a déclaré"
        if right < limit and story.texts[right] == ",":
            if right + 1 < story.n_tokens and (m := self.mention_at(right + 1, ("PER",))):
                end = story.token_at_or_after(m["end_char"])
                if end >= limit or doc[end].is_punct:
                    return self.of_mention(m)
        if self.is_expert(tok.i):
            found = self._organisation_of(tok, right, ("ORG", "COUNTRY"))
            if found is not None:
                return found
        if not gender and left < tok.i:
            gender = DET_GENDER.get(story.norms[left], "")
        if not gender:
            gender = {"Masc": "m", "Fem": "f"}.get(
                (tok.morph.get("Gender") or [""])[0], "") if self.lex.roles.get(
                story.norms[tok.i]) is None else ""
        start_char, end_char = story.starts[left], story.end_char(right - 1)
        return Speaker("description", start_char, end_char, story.text[start_char:end_char],
                       gender=gender, role=story.norms[tok.i])

    def _organisation_of(self, tok: Token, limit: int,
                         labels: tuple[str, ...]) -> Speaker | None:
        """The organisation or country a noun speaks for, written right after it through
        adjectives, determiners, ``de`` or ``chez``: ``les analystes de la banque X``, ``le
        gouvernement français``, ``les autorités de la Russie``."""
        words, pos = self.story.ctx.words, self.story.pos
        for k in range(tok.i + 1, min(limit, tok.i + 6)):
            if (m := self.mention_at(k, labels)) is not None:
                return self.of_mention(m)
            if not (pos[k] == "ADJ" or words[k] in _OF_WORDS or words[k] in load_org_nouns()):
                return None
        return None

    def _named_after(self, tok: Token, limit: int) -> Speaker | None:
        """A name right after a common noun (adjectives between): ``le sélectionneur
        Guillaume Gille``, ``l'acteur français Gérard Depardieu``."""
        if tok.pos_ != "NOUN":
            return None
        for t in self.doc[tok.i + 1:limit]:
            if (m := self.mention_starting(t.i)) is not None:
                return self.of_mention(m) if tok in t.ancestors else None
            if t.pos_ != "ADJ":
                return None
        return None

    def before(self, cue: Cue) -> Speaker | None:
        """The subject of a reporting verb written before its verb group."""
        doc, story = self.doc, self.story
        verb = doc[cue.verb]
        heads = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])  # "a fait savoir"
        subjects = [c for h in heads for c in h.children
                    if c.dep_.startswith("nsubj") or c.dep_ == "expl:subj"]
        subjects = [c for c in subjects if c.i < cue.start] + [
            c for c in subjects if cue.start <= c.i < cue.verb and CLITIC_RE.match(c.text)]
        found = [s for s in (self.from_subject(c, cue.start) for c in subjects) if s]
        for speaker in found:
            if speaker.kind == "mention" and speaker.mention and speaker.mention["label"] == "PER":
                return speaker
        if found:
            return found[0]
        if subjects:
            return None
        # no subject in the parse: the words right before the verb group
        j = cue.start - 1
        if j >= 0 and story.texts[j] == ",":
            return self._name_before_apposition(j)
        if j >= 0 and not doc[j].is_punct:
            m = self.mention_at(j)
            if m is not None:
                return self.of_mention(m)
            if story.pos[j] == "PRON" and story.norms[j] in ("il", "elle"):
                return self.from_subject(doc[j], cue.start)
        return None

    def _name_before_apposition(self, comma: int) -> Speaker | None:
        """``Marine Le Pen, présidente du groupe RN, a jugé``: the name that opens the
        sentence before an apposition closed by the comma at ``comma`` (parse without
        subject)."""
        story = self.story
        start = story.sentence_bounds(comma)[0]
        for k in range(comma - 1, start, -1):
            text = story.texts[k]
            if text in OPENING or text in CLOSING or text == ":":
                return None
            if text != ",":
                continue
            m = self.mention_at(k - 1)
            if m is None or m["end_char"] != story.end_char(k - 1):
                continue
            first = story.token_at_or_after(m["start_char"])
            if first > start and not all(story.pos[t] == "DET" or self.role_gender(t) is not None
                                         for t in range(start, first)):
                continue
            return self.of_mention(m)
        return None

    def after_verb(self, cue: Cue) -> Speaker | None:
        """The inverted subject of a reporting verb (``a déclaré M. X``, ``a-t-il ajouté``)."""
        doc, story = self.doc, self.story
        for tok in doc[cue.start:min(story.n_tokens, cue.verb + 3)]:
            clitic = CLITIC_RE.match(tok.text)
            if clitic and (tok.i < cue.verb or tok.i <= cue.verb + 2):
                return self._pronoun(tok, clitic.group(1).lower())
        j = cue.verb + 1
        skipped = 0
        while j < story.n_tokens and skipped <= 4:
            tok = doc[j]
            if tok.is_punct and tok.text not in ("-",):
                return None
            if tok.pos_ == "ADP":  # "a précisé à l'AFP le porte-parole": who is told
                j = self._after_complement(j + 1)
                skipped += 1
                continue
            m = self.mention_starting(j)
            if m is not None:
                return self.of_mention(m)
            if tok.pos_ == "DET" and j + 1 < story.n_tokens:
                if (m := self.mention_starting(j + 1)) is not None:
                    return self.of_mention(m)  # "a annoncé l'ONU", "a déclaré la France"
                head = next((t for t in doc[j + 1:j + 3] if t.pos_ in ("NOUN", "PROPN")), None)
                if head is not None and (self.role_gender(head.i) is not None
                                         or story.ctx.words[head.i] in GOVERNMENT_NOUNS):
                    return self.from_subject(head, story.n_tokens)
                if head is not None:
                    # "a indiqué le groupe X dans un communiqué": a noun, then the name
                    return self._named_after(head, story.n_tokens)
            if tok.pos_ == "PRON" and story.norms[j] in ("il", "elle"):
                return self.from_subject(tok, story.n_tokens)
            j += 1
            skipped += 1
        return None

    def _after_complement(self, k: int) -> int:
        """First token after the noun phrase of a preposition starting at token ``k``
        (``l'AFP``, ``la presse``, ``son tour``): determiners, then nouns, adjectives and
        names, up to the next name (``à la presse Paul Morel``)."""
        story, index = self.story, self.index
        while k < story.n_tokens and story.pos[k] == "DET":
            k += 1
        first = k
        while k < story.n_tokens and (story.pos[k] in ("NOUN", "PROPN", "ADJ", "NUM")
                                      or k in index.cover):
            named = index.starting(k)
            if k > first and named is not None and index.at(k - 1) is not named:
                break
            k += 1
        return k

    def selon_at(self, i: int) -> tuple[Cue, Speaker | None] | None:
        """``selon X`` / ``d'après X`` / ``pour X`` at token ``i``: (cue, speaker); None when
        there is no such preposition, or what follows it is no source."""
        found = self.cues.selon_at(i)
        if found is None:
            return None
        cue, text = found
        doc, story = self.doc, self.story
        end = cue.verb + 1
        while end < story.n_tokens and not (doc[end].is_punct and story.texts[end] != "-"):
            end += 1
        first = cue.verb + 1
        if first >= end:
            return None
        if (m := self.mention_starting(first)) is not None:
            return cue, self.of_mention(m)
        if text == "pour":
            return None
        if story.pos[first] == "PRON" and story.norms[first] in ("lui", "elle"):
            token = doc[first]
            return cue, Speaker("pronoun", token.idx, token.idx + len(token.text), token.text,
                                gender=PRONOUNS[story.norms[first]])
        nouns = [k for k in range(first, end)
                 if story.pos[k] in ("NOUN", "PROPN") and not self.mention_at(k)]
        words = story.ctx.words
        if story.pos[first] == "DET" and nouns and (self.role_gender(nouns[0]) is not None
                                                    or words[nouns[0]] in GOVERNMENT_NOUNS):
            head = nouns[0]
            if any(story.pos[k] == "ADP" for k in range(first, head)):
                return None
            # the whole story as limit: a name in apposition after the comma is the source
            # ("selon l'économiste de la banque X, Jean Morel, ...")
            return cue, self.from_subject(doc[head], story.n_tokens)
        # "le président kirghize Sadyr Japarov", "le groupe Renault": determiners, role or
        # organisation nouns, adjectives, then a name
        for k in range(first, end):
            if (m := self.mention_at(k)) is not None:
                if all(story.pos[x] in ("DET", "ADJ") or self.role_gender(x) is not None
                       or words[x] in load_org_nouns() for x in range(first, k)):
                    return cue, self.of_mention(m)
                break
            if story.pos[k] == "ADP":
                break
        return None
