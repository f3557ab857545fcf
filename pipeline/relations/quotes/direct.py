"""Direct quotes: words between quotation marks, and who the text says spoke them.

Every outermost quotation-mark span (:func:`~pipeline.relations.quotes.spans.find_quote_marks`)
is attributed by the first rule that applies:

* ``quotes.direct_postposed``: a reporting verb group right after the closing mark
  (``« … », a déclaré M. Japarov``, ``« … », a-t-il ajouté``, ``« … », estime le ministre``)
  or ``« … », selon X`` / ``d'après X``;
* ``quotes.direct_incise``: an incise inside the quote (``« …, a-t-il dit, … »``);
* ``quotes.direct_preposed``: a reporting verb before the opening mark followed by ``:`` or
  ``que`` (``M. Japarov a déclaré : « … »``, ``Le ministre a affirmé que « … »``);
* ``quotes.direct_embedded``: a reporting verb of the same sentence that governs the quoted
  words in the parse (``X a jugé le texte « insuffisant »``); any length once the verb has a
  speaker, without one it counts as unattributed;
* ``quotes.direct``: no attribution; kept only with :data:`MIN_UNATTRIBUTED_WORDS` words or
  more (shorter unattributed quotes are scare quotes or titles: ``des « terroristes »``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from pipeline.relations.quotes.cues import MAX_QUE_GAP, Cue, Cues
from pipeline.relations.quotes.spans import CLAUSE_END, CLOSING, Finding, QuoteStory
from pipeline.relations.quotes.speakers import Speaker, Speakers

__all__ = ["MIN_UNATTRIBUTED_WORDS", "DirectQuotes"]

#: Unattributed quotes shorter than this (in words) are not rows.
MIN_UNATTRIBUTED_WORDS = 4
EMBEDDED = "quotes.direct_embedded"

Attribution = tuple[Cue, Speaker | None, str]


class DirectQuotes:
    """The direct quotes of one story, with their cue and speaker as written."""

    def __init__(self, story: QuoteStory, cues: Cues, speakers: Speakers) -> None:
        self.story = story
        self.cues = cues
        self.speakers = speakers

    def find(self, used_verbs: set[int]) -> Iterator[Finding]:
        """Every direct quote; adds to ``used_verbs`` the reporting verbs it attributes (an
        indirect quote does not use them again)."""
        doc = self.story.doc
        for start, end in self.story.marks:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) < 2:
                continue
            found = (self._postposed(span) or self._incise(span) or self._preposed(span)
                     or self._embedded(span))
            words = sum(1 for t in span if t.is_alpha or t.like_num)
            if found is not None and found[1] is None and found[2] == EMBEDDED \
                    and words < MIN_UNATTRIBUTED_WORDS:
                found = None  # "le rapport qualifie la situation de « grave »": no one speaks
            if found is None:
                if words < MIN_UNATTRIBUTED_WORDS:
                    continue
                yield Finding("direct", start, end, None, None, "quotes.direct")
                continue
            cue, speaker, rule = found
            if rule != EMBEDDED:
                used_verbs.add(cue.verb)
            yield Finding("direct", start, end, cue, speaker, rule)

    def _postposed(self, span: Span) -> Attribution | None:
        story = self.story
        i = span.end
        if i < story.n_tokens and story.texts[i] == ",":
            i += 1
        if i >= story.n_tokens:
            return None
        selon = self.speakers.selon_at(i)
        if selon is not None:
            cue, speaker = selon
            return cue, speaker, "quotes.direct_postposed"
        found = self.cues.cue_after(i)
        if found is None:
            return None
        cue = self.cues.cue_for(*found)
        return cue, self.speakers.after_verb(cue), "quotes.direct_postposed"

    def _incise(self, span: Span) -> Attribution | None:
        story = self.story
        for i in range(span.start + 1, span.end - 1):
            if story.texts[i] != ",":
                continue
            found = self.cues.cue_after(i + 1, limit=4)
            if found is None:
                continue
            cue = self.cues.cue_for(*found)
            speaker = self.speakers.after_verb(cue)
            if speaker is None:
                continue
            after = self.speakers.after(speaker, cue)
            if after < span.end - 1 and story.texts[after] == ",":
                return cue, speaker, "quotes.direct_incise"
        return None

    def _preposed(self, span: Span) -> Attribution | None:
        story = self.story
        j = span.start - 1
        if j < 0:
            return None
        if story.texts[j] == ":" or story.norms[j] in ("que", "qu'"):
            j -= 1
            reach = MAX_QUE_GAP
        else:
            reach = 1  # "a déclaré « … »": the verb right before the mark
        for k in range(j, max(-1, j - reach), -1):
            text = story.texts[k]
            if text in CLAUSE_END or text in CLOSING or text == ":":
                return None
            entry = self.cues.reporting(k)
            if entry is not None:
                cue = self.cues.cue_for(k, entry)
                return cue, self.speakers.before(cue), "quotes.direct_preposed"
        return None

    def _embedded(self, span: Span) -> Attribution | None:
        inner = [t for t in span if not t.is_punct]
        if not inner:
            return None
        sent_start = self.story.sentence_bounds(span.start)[0]
        for anc in inner[0].ancestors:
            if anc.i >= span.start and anc.i < span.end:
                continue
            if anc.i < sent_start:
                break
            entry = self.cues.reporting(anc.i)
            if entry is not None:
                cue = self.cues.cue_for(anc.i, entry)
                speaker = (self.speakers.before(cue) if cue.verb < span.start
                           else self.speakers.after_verb(cue))
                return cue, speaker, EMBEDDED
        return None
