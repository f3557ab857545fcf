"""Finding cues: reporting verbs in context, their verb group, and ``selon``-like prepositions.

A token is a reporting verb (:meth:`Cues.reporting`) when its lemma is listed (a verb or an
auxiliary by the tagger), or its form is (``martelé``) and it is a verb or follows an
auxiliary, a clitic ``-t-il`` or ``fait``; ``se féliciter`` needs its ``se``, ``faire savoir``
its ``fait``, and ``féliciter`` without ``se`` is not ``se féliciter``.

The cue is the verb group as written, from its first auxiliary or clitic to the reporting
verb (``a déclaré``, ``a-t-il assuré``, ``s'est félicité``, ``a fait savoir``), or the
preposition (``Selon``, ``D'après``, ``Pour``); ``que`` is not part of the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.relations.quotes.lexicon import Lexicon, ReportingVerb
from pipeline.relations.quotes.spans import QuoteStory

__all__ = ["AUX_FORMS", "CLITIC_RE", "MAX_QUE_GAP", "SELON", "Cue", "Cues"]

AUX_FORMS = frozenset({"a", "ai", "as", "avons", "avez", "ont", "avait", "avaient", "aura",
                       "auront", "aurait", "auraient", "eu", "est", "sont", "était", "étaient",
                       "sera", "seront", "serait", "seraient", "été", "s'", "se", "n'", "ne"})
FAIRE_FORMS = frozenset({"fait", "fais", "font", "faisait", "faisaient", "fera", "feront",
                         "ferait", "feraient", "faisant", "fit", "firent"})
#: An inverted subject clitic: ``-il``, ``-t-elle``.
CLITIC_RE = re.compile(r"^-(?:t-)?(il|elle)$", re.IGNORECASE)
#: Prepositions that attribute a statement (normalised) -> cue lemma.
SELON = {"selon": "selon", "d'après": "d'après", "d’après": "d'après", "pour": "pour"}
#: How many tokens may stand between a reporting verb and its ``que`` (``a déclaré mardi que``).
MAX_QUE_GAP = 6
_NO_ENTRY = object()


@dataclass
class Cue:
    """A reporting verb group or a ``selon``-like preposition, with its token range."""

    start: int  # token index of the first token of the group
    verb: int  # token index of the reporting verb (or the preposition)
    lemma: str
    text: str
    start_char: int
    end_char: int


class Cues:
    """The cues of one story: which tokens are reporting verbs, and their verb groups."""

    def __init__(self, story: QuoteStory, lexicon: Lexicon) -> None:
        self.story = story
        self.lex = lexicon
        self._reporting: dict[int, ReportingVerb | None] = {}

    def _group_word(self, i: int) -> bool:
        """Whether token ``i`` may stand in a verb group: auxiliary, clitic, ``-t``."""
        text = self.story.norms[i]
        return text in AUX_FORMS or bool(CLITIC_RE.match(self.story.texts[i])) or text == "-t"

    def reporting(self, i: int) -> ReportingVerb | None:
        """The reporting-verb entry of token ``i``, if it is a reporting verb in context."""
        found = self._reporting.get(i, _NO_ENTRY)
        if found is _NO_ENTRY:
            found = self._reporting[i] = self._find_reporting(i)
        return found  # type: ignore[return-value]

    def _find_reporting(self, i: int) -> ReportingVerb | None:
        story, lex = self.story, self.lex
        form, pos = story.norms[i], story.pos[i]
        entries: tuple[ReportingVerb, ...] = ()
        if pos in ("VERB", "AUX"):
            entries = lex.by_lemma.get(self._lemma(i), ())
        if not entries and form in lex.by_form:
            prev = self._prev_word(i)
            if pos == "VERB" or (prev is not None and (
                    story.norms[prev] in AUX_FORMS or CLITIC_RE.match(story.texts[prev])
                    or story.norms[prev] in FAIRE_FORMS)):
                entries = lex.by_form[form]
        for entry in entries:
            if entry.before == "se" and not self._has_reflexive(i):
                continue
            if entry.before and entry.before != "se":
                prev = self._prev_word(i)
                if prev is None or not (self._lemma(prev) == entry.before
                                        or story.norms[prev] in FAIRE_FORMS):
                    continue
            if entry.before is None and self._has_reflexive(i) and any(
                    e.before == "se" for e in lex.by_lemma.get(entry.head, ())):
                continue
            return entry
        return None

    def _lemma(self, i: int) -> str:
        return self.story.doc[i].lemma_.lower().replace("’", "'")

    def _has_reflexive(self, i: int) -> bool:
        story = self.story
        for j in range(i - 1, max(-1, i - 4), -1):
            text = story.norms[j]
            if text in ("se", "s'"):
                return True
            if text not in AUX_FORMS and not story.pos[j] == "ADV":
                return False
        return False

    def _prev_word(self, i: int) -> int | None:
        """The nearest token before ``i`` that is no adverb (two tokens back at most)."""
        for j in range(i - 1, max(-1, i - 3), -1):
            if self.story.pos[j] != "ADV":
                return j
        return None

    def cue_for(self, verb: int, entry: ReportingVerb) -> Cue:
        """The verb group of a reporting verb: auxiliaries, clitics, adverbs, ``fait``."""
        story = self.story
        start = verb
        j = verb - 1
        while j >= 0:
            text = story.norms[j]
            if self._group_word(j) or (entry.before and entry.before != "se"
                                       and text in FAIRE_FORMS):
                start = j
            elif story.pos[j] == "ADV" and text not in ("ne", "n'") and j > 0:
                pass
            else:
                break
            j -= 1
        while start < verb and story.pos[start] == "ADV":
            start += 1
        return self._cue(start, verb, entry.lemma)

    def _cue(self, start: int, last: int, lemma: str) -> Cue:
        start_char, end_char = self.story.starts[start], self.story.end_char(last)
        return Cue(start, last, lemma, self.story.text[start_char:end_char], start_char,
                   end_char)

    def cue_after(self, i: int, limit: int = 5) -> tuple[int, ReportingVerb] | None:
        """A reporting verb starting a verb group at token ``i`` (within ``limit`` tokens)."""
        story = self.story
        for j in range(i, min(story.n_tokens, i + limit)):
            entry = self.reporting(j)
            if entry is not None:
                return j, entry
            if not (self._group_word(j) or story.pos[j] == "ADV"
                    or story.norms[j] in FAIRE_FORMS):
                return None
        return None

    def selon_at(self, i: int) -> tuple[Cue, str] | None:
        """The cue of ``selon`` / ``d'après`` / ``pour`` at token ``i``, with the preposition
        (normalised)."""
        story = self.story
        text, last = story.norms[i], i
        if text in ("d'", "de") and i + 1 < story.n_tokens and story.norms[i + 1] == "après":
            text, last = "d'après", i + 1
        if text not in SELON:
            return None
        return self._cue(i, last, SELON[text]), text
