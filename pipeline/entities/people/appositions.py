"""The written extent of a PER mention: maiden names, and what each convention puts inside.

Under every convention a maiden name belongs to the mention: ``Louise née Vasseur``. With
``extent="hipe"`` (the HIPE/impresso convention) honorifics, functions and person descriptors
before the name with their complements (``M. le notaire Bovet``, ``ministre belge Luc
Vermeulen``, ``citoyen Jean-Louis Tissot``, ``le Kényan Samuel Otieno``) and appositions after
it (``M. Bovet, juge de paix``, ``Jean-Paul Rochat, maître menuisier à Morges``) belong to the
mention too; ``people_descriptors.csv`` lists the descriptors. With ``honorific_in_span=False``
(POPCORN) the honorific is left out: ``M. [Japarov]``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.context import StoryContext
from pipeline.entities.countries import load_countries
from pipeline.entities.people.base import (
    APPOSITION_DETERMINERS,
    ARTICLES,
    MAIDEN,
    PHRASE_STOP,
    Candidate,
    load_descriptors,
    load_honorifics,
    single_word_functions,
)
from pipeline.entities.people.names import parse_name, word_end
from pipeline.entities.people.titles import Functions, skip_function_phrase

__all__ = ["Extents"]

#: Start token -> (end token, kind) of a function (kind ``function``) or a descriptor.
Heads = dict[int, tuple[int, str]]


class Extents:
    """Turns kept candidates into written extents under one annotation convention."""

    def __init__(self, extent: str = "name", honorific_in_span: bool = True) -> None:
        self.extent = extent
        self.honorific_in_span = honorific_in_span
        self.honorifics = load_honorifics()
        self.descriptors = load_descriptors()

    def __call__(self, doc: Doc, kept: list[Candidate], functions: Functions,
                 known: dict[int, int]) -> list[tuple[int, int] | None]:
        """The written extent of each kept candidate (None: swallowed by another one)."""
        out: list[tuple[int, int] | None] = [(c.start, c.end) for c in kept]
        for i in range(len(out)):
            extent = out[i]
            if extent is None:
                continue
            maiden = self._maiden_end(doc, extent[1], known)
            if maiden is None:
                continue
            for k in range(i + 1, len(out)):
                other = out[k]
                if other is not None and other[0] < maiden:
                    maiden = max(maiden, other[1])
                    out[k] = None
            out[i] = (extent[0], maiden)
        if self.extent == "hipe":
            self._hipe(doc, out, self._heads(doc, functions), known)
        elif not self.honorific_in_span:
            self._honorific_out(doc, out)
        return out

    def _hipe(self, doc: Doc, out: list[tuple[int, int] | None], heads: Heads,
              known: dict[int, int]) -> None:
        floor = 0
        for i, extent in enumerate(out):
            if extent is None:
                continue
            start = self._hipe_start(doc, extent[0], floor, heads, known)
            ceiling = len(doc)
            while True:  # an apposition may swallow a stray name (``secrétaire d'Etat``)
                end = self._hipe_end(doc, extent[1], ceiling, heads, known)
                blocking = next((o[0] for o in out[i + 1:] if o is not None
                                 and o[0] < end and (o[1] > end or doc[o[0]].text
                                                     in self.honorifics)), None)
                if blocking is None:
                    break
                ceiling = blocking
            for k in range(i + 1, len(out)):
                other = out[k]
                if other is not None and other[1] <= end:
                    out[k] = None
            out[i] = (start, end)
            floor = end

    def _honorific_out(self, doc: Doc, out: list[tuple[int, int] | None]) -> None:
        for i, extent in enumerate(out):
            if extent is None:
                continue
            start, end = extent
            if doc[start].text in self.honorifics:
                dotted = doc[start].text.endswith(".")
                start += 1
                if start < end and doc[start].text == "." and not dotted:
                    start += 1
            if start < end:
                out[i] = (start, end)

    def _heads(self, doc: Doc, functions: Functions) -> Heads:
        """Start -> (end, kind) of every function (kind ``function``) or person descriptor
        (its kind in ``people_descriptors.csv``: ``notaire``, ``contre-amiral``, ``père``)."""
        heads = {start: (end, "function") for start, (end, _) in functions.items()}
        singles = single_word_functions()
        for i, folded in enumerate(StoryContext.of(doc).words):
            last = folded.rsplit("-", 1)[-1]
            if folded in self.descriptors:
                kind = self.descriptors[folded]
            elif last != folded and (last in self.descriptors or last in singles):
                kind = self.descriptors.get(last, "function")
            else:
                continue
            token = doc[i]
            if i in heads or not token.is_alpha and "-" not in token.text:
                continue
            heads[i] = (i + 1, kind)
        return heads

    @staticmethod
    def _maiden_end(doc: Doc, end: int, known: dict[int, int]) -> int | None:
        """End of ``née Bourgoin`` after a name ending at ``end``, or None."""
        if end + 1 < len(doc) and StoryContext.of(doc).words[end] in MAIDEN:
            return parse_name(doc, end + 1, known=known)
        return None

    def _head_ending_at(self, doc: Doc, cur: int, floor: int, heads: Heads,
                        known: dict[int, int]) -> int | None:
        """Start of a function or descriptor phrase ending just before ``cur`` (or before a
        comma there): ``ministre belge`` in ``ministre belge Luc Vermeulen``. A
        kinship word counts only right before the name (``leur père Lucien Morel``; in
        ``fille de feu Henri Tissot`` it names a relation to the person, not the person)."""
        for start in range(cur - 1, max(floor, cur - 10) - 1, -1):
            if start not in heads or heads[start][0] > cur:
                continue
            head_end, kind = heads[start]
            if kind == "kinship" and head_end != cur:
                continue
            j = head_end if head_end == cur else skip_function_phrase(doc, head_end, known, cur)
            if j == cur or (j == cur - 1 and doc[j].text == ","):
                return start
        return None

    def _hipe_start(self, doc: Doc, start: int, floor: int, heads: Heads,
                    known: dict[int, int]) -> int:
        """Start of a mention extended over what HIPE puts before a name: honorifics,
        functions and descriptors with their complements, ``le`` after an honorific
        (``M. le notaire Bovet``), a nationality noun (``le Kényan Samuel Otieno``)."""
        demonyms = load_countries().by_demonym
        words = StoryContext.of(doc).words
        cur = start
        while cur > floor:
            token = doc[cur - 1]
            if token.text in self.honorifics:
                cur -= 1
                continue
            if (words[cur - 1] in ARTICLES and cur - 2 >= floor
                    and doc[cur - 2].text in self.honorifics):
                cur -= 1
                continue
            head = self._head_ending_at(doc, cur, floor, heads, known)
            if head is not None:
                cur = head
                continue
            if (token.text[:1].isupper() and words[cur - 1] in demonyms and cur - 2 >= floor
                    and words[cur - 2] in ARTICLES | {"un", "une"}):
                cur -= 1
                continue
            break
        return cur

    def _apposition_end(self, doc: Doc, k: int, ceiling: int, heads: Heads,
                        known: dict[int, int]) -> int | None:
        """End of an apposition starting at ``k`` (after its comma): an optional determiner,
        up to two adjectives, a function or descriptor and its complements, ``à`` + place,
        ``et`` + another one (``maître menuisier à Morges``), or None. Kinship words
        (``sa veuve``, ``fils de Théodore``) name a relation and do not count; descriptors
        must be written in lower case (``Rochat, Meunier`` is a list of names)."""
        words = StoryContext.of(doc).words
        if k < ceiling and words[k] in APPOSITION_DETERMINERS:
            k += 1
        end = None
        while k < ceiling:
            head_end = None
            for m in range(k, min(k + 3, ceiling)):
                if m in heads and heads[m][1] != "kinship" and (
                        heads[m][1] == "function" or doc[m].text.islower()):
                    head_end = heads[m][0]
                    break
                if not (doc[m].is_alpha and doc[m].is_lower and words[m] not in PHRASE_STOP):
                    break
            if head_end is None or head_end > ceiling:
                break
            end = skip_function_phrase(doc, head_end, known, ceiling)
            if end + 1 < ceiling and words[end] in {"a", "au"}:
                place = known.get(end + 1) or word_end(doc, end + 1, ceiling)
                if place is not None and place <= ceiling:
                    end = place
            if end + 1 < ceiling and doc[end].text == "et":
                k = end + 1
                continue
            break
        return end

    def _hipe_end(self, doc: Doc, end: int, ceiling: int, heads: Heads,
                  known: dict[int, int]) -> int:
        """End of a mention extended over the appositions HIPE puts inside it
        (``M. Bovet, juge de paix``; ``M. Rochat, notaire, juge de paix``)."""
        while end + 1 < ceiling and doc[end].text == ",":
            more = self._apposition_end(doc, end + 1, ceiling, heads, known)
            if more is None:
                break
            end = more
        return end
