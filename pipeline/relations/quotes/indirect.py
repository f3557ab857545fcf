"""Reported speech (kind ``indirect``): the clause a reporting verb or ``selon`` introduces.

* ``quotes.indirect_que``: ``X a déclaré que <clause>`` (a few words may stand between the
  verb and ``que``: ``a déclaré mardi à la presse que``);
* ``quotes.indirect_postposed``: ``<clause>, a indiqué X.``;
* ``quotes.indirect_incise``: ``En outre, a-t-il assuré, <clause>.`` (a short connective
  before the incise: the clause after it is the reported one);
* ``quotes.indirect_selon``: ``Selon X, <clause>``, ``D'après X, …``, ``Pour X, …`` (``pour``
  only at the start of a sentence and only with a PER/ORG/COUNTRY mention), and the postposed
  ``<clause>, selon X.``.

An indirect quote is kept only when its source is a person, an organisation or a country: a
PER/ORG/COUNTRY mention (``la France a déclaré que``, ``selon le groupe X``, ``selon les
autorités russes``), a pronoun ``il``/``elle`` or a role description (``le ministre``); ``le
rapport indique que`` or ``selon les statistiques`` give no row. A reporting verb in the passive
(``a été annoncé``) or inside quotation marks introduces none, nor does one that already
attributes a direct quote.

Span: the reported clause, from the first word after ``que`` / after the attribution's comma
(leading punctuation dropped) to the end of the sentence (:meth:`QuoteStory.sentence_bounds`)
without the final punctuation; for a postposed attribution, from the start of the sentence to
the comma before it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from pipeline.relations.quotes.cues import MAX_QUE_GAP, Cue, Cues
from pipeline.relations.quotes.spans import CLAUSE_END, CLOSING, OPENING, Finding, QuoteStory
from pipeline.relations.quotes.speakers import Speakers

__all__ = ["IndirectQuotes"]

#: Words (normalised) that may open a ``selon``-like attribution.
_SELON_WORDS = frozenset({"selon", "d'", "de", "pour", "d'après", "d’après"})


class IndirectQuotes:
    """The reported speech of one story, with its cue and speaker as written."""

    def __init__(self, story: QuoteStory, cues: Cues, speakers: Speakers) -> None:
        self.story = story
        self.cues = cues
        self.speakers = speakers

    def find(self, used_verbs: set[int]) -> Iterator[Finding]:
        """Every indirect quote, in text order; ``used_verbs`` attribute direct quotes."""
        story, cues = self.story, self.cues
        by_form = cues.lex.by_form
        for i, (text, pos) in enumerate(zip(story.norms, story.pos, strict=True)):
            if text not in _SELON_WORDS and pos not in ("VERB", "AUX") and text not in by_form:
                continue  # neither a preposition of attribution nor a reporting verb
            if story.in_quote(story.starts[i]) or i in used_verbs:
                continue
            if text in _SELON_WORDS:
                selon = self._selon(i)
                if selon is not None:
                    yield selon
                    continue
            entry = cues.reporting(i)
            if entry is None or self._passive(i):
                continue
            cue = cues.cue_for(i, entry)
            found = self._que(cue) or self._postposed(cue)
            if found is not None:
                yield found

    def _passive(self, verb: int) -> bool:
        return any(c.dep_ == "aux:pass" for c in self.story.doc[verb].children) or any(
            self.story.norms[j] == "été" for j in range(max(0, verb - 2), verb))

    def _que(self, cue: Cue) -> Finding | None:
        story = self.story
        que = None
        for j in range(cue.verb + 1, min(story.n_tokens, cue.verb + 1 + MAX_QUE_GAP)):
            if story.norms[j] in ("que", "qu'"):
                que = j
                break
            text = story.texts[j]
            if story.pos[j] in ("VERB", "AUX") or text in CLAUSE_END or text in OPENING \
                    or text == ":" or story.in_quote(story.starts[j]):
                return None
        if que is None:
            return None
        if que + 1 < story.n_tokens and story.texts[que + 1] in OPENING:
            return None
        end = story.sentence_bounds(que)[1]
        clause = story.clause(que + 1, end)
        if clause is None:
            return None
        speaker = self.speakers.before(cue)
        if speaker is None:
            return None
        return Finding("indirect", clause[0], clause[1], cue, speaker, "quotes.indirect_que")

    def _postposed(self, cue: Cue) -> Finding | None:
        story = self.story
        if cue.start == 0 or story.texts[cue.start - 1] != ",":
            return None
        comma = cue.start - 1
        if comma > 0 and story.texts[comma - 1] in CLOSING:
            return None
        speaker = self.speakers.after_verb(cue)
        if speaker is None:
            return None
        start, end = story.sentence_bounds(comma)
        pre = story.doc[start:comma]
        if _connective(pre):
            after = self.speakers.after(speaker, cue)
            if after < story.n_tokens and story.texts[after] == ",":
                clause = story.clause(after + 1, end)
                if clause is not None:
                    return Finding("indirect", clause[0], clause[1], cue, speaker,
                                   "quotes.indirect_incise")
            return None
        if not any(story.pos[k] in ("VERB", "AUX") for k in range(start, comma)):
            return None
        clause = story.clause(start, comma)
        if clause is None:
            return None
        return Finding("indirect", clause[0], clause[1], cue, speaker,
                       "quotes.indirect_postposed")

    def _selon(self, i: int) -> Finding | None:
        story = self.story
        text = story.norms[i]
        if text in ("d'", "de") and story.norms[i + 1:i + 2] != ["après"]:
            return None  # a plain "de"
        start, end = story.sentence_bounds(i)
        if text == "pour" and i != start:
            return None
        found = self.speakers.selon_at(i)
        if found is None:
            return None
        cue, speaker = found
        if speaker is None:
            return None
        after = story.token_at_or_after(speaker.end)
        if after < story.n_tokens and story.texts[after] == "," and cue.start == start:
            clause = story.clause(after + 1, end)
        elif cue.start > start and story.texts[cue.start - 1] == ",":
            if after < end and story.texts[after] == ",":
                clause = story.clause(start, end)  # "A, selon X, B." : the whole sentence
            else:
                clause = story.clause(start, cue.start - 1)
        else:
            return None
        if clause is None:
            return None
        return Finding("indirect", clause[0], clause[1], cue, speaker, "quotes.indirect_selon")


def _connective(pre: Span) -> bool:
    """A short sentence opener without a subject or verb (``En outre``, ``Par ailleurs``)."""
    return (0 < len(pre) <= 3 and pre[0].pos_ != "DET"
            and not any(t.pos_ in ("VERB", "AUX", "PROPN", "PRON", "NOUN") and
                        t.dep_.startswith("nsubj") for t in pre)
            and not any(t.pos_ in ("VERB", "AUX", "PROPN", "PRON") for t in pre))
