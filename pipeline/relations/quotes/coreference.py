"""Resolving speakers by coreference: the person a pronoun or a role description refers to.

A pronoun (``il``, ``elle``, ``a-t-il``, ``selon lui``) or a role description (``le dirigeant
kirghize``, or a nationality noun after a determiner: ``le Français``, ``la Kényane``) is
resolved to the most recent PER mention before it: candidates are the PER mentions of the same
sentence (before it) and the two sentences before; when these name nobody, a description first
takes the one person of the whole text written after the same role noun, then (like a pronoun)
the people of the last sentence that names one -- sentences about places and organisations in
between do not block it. Mentions sharing a last name count as one person (``Sadyr Japarov`` /
``M. Japarov``); gender must agree when both sides are known (``il``/``le``/``M.`` vs
``elle``/``la``/``Mme``); for a description, a candidate written right after the same role
noun wins. Two people fitting equally: no speaker.
"""

from __future__ import annotations

import re

from pipeline.relations.base import Mention
from pipeline.relations.quotes.spans import QuoteStory, norm
from pipeline.relations.quotes.speakers import DET_GENDER, Speaker, Speakers

__all__ = ["Coreference"]

TITLE_GENDER = {"m.": "m", "monsieur": "m", "mme": "f", "mme.": "f", "madame": "f",
                "mlle": "f", "mademoiselle": "f"}
#: Sentences before the anaphor's own that coreference looks at first.
COREF_WINDOW = 2


class Coreference:
    """Resolves the pronouns and role descriptions of one story to its PER mentions."""

    def __init__(self, story: QuoteStory, speakers: Speakers) -> None:
        self.story = story
        self.speakers = speakers
        self._gender: dict[int, str] = {}

    def mention_gender(self, m: Mention) -> str:
        """Gender of a PER mention from its title or the word before it ('' when unknown)."""
        key = id(m)
        if key not in self._gender:
            self._gender[key] = self._mention_gender(m)
        return self._gender[key]

    def _mention_gender(self, m: Mention) -> str:
        title = norm(m.get("title") or "")
        if title in TITLE_GENDER:
            return TITLE_GENDER[title]
        first = norm(m["text"].split()[0]) if m["text"].split() else ""
        if first in TITLE_GENDER:
            return TITLE_GENDER[first]
        span = self.story.doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
        if span is not None and span.start > 0:
            prev = self.story.norms[span.start - 1]
            if prev in TITLE_GENDER:
                return TITLE_GENDER[prev]
            role = self.role_before(span.start)
            if role is not None and role[1]:
                return role[1]
        return ""

    def role_before(self, i: int) -> tuple[str, str] | None:
        """(role noun, gender) written just before token ``i`` (``le président kirghize X``)."""
        story = self.story
        for j in range(i - 1, max(-1, i - 5), -1):
            if story.doc[j].is_punct and story.texts[j] != ",":
                return None
            gender = self.speakers.role_gender(j)
            if gender is not None:
                if not gender and j > 0:
                    gender = DET_GENDER.get(story.norms[j - 1], "")
                return story.norms[j], gender
        return None

    def resolve(self, speaker: Speaker) -> Mention | None:
        """The PER mention a pronoun or description refers to, None when unsure."""
        sentence_at = self.story.ctx.sentence_index_at
        sentence = sentence_at(speaker.start)
        before = [m for m in self.speakers.mentions
                  if m["label"] == "PER" and m["end_char"] <= speaker.start
                  and _compatible(speaker.gender, self.mention_gender(m))]
        if not before:
            return None
        near = [m for m in before if sentence_at(m["start_char"]) >= sentence - COREF_WINDOW]
        if near:
            return self._pick(speaker, near)
        # nobody in the window: a description first looks for its role in the whole text,
        # then (like a pronoun) takes the people of the last sentence that names one
        if speaker.kind == "description":
            found = self._pick(speaker, before, by_role_only=True)
            if found is not None:
                return found
        last = sentence_at(before[-1]["start_char"])
        return self._pick(speaker, [m for m in before if sentence_at(m["start_char"]) == last])

    def _pick(self, speaker: Speaker, pool: list[Mention],
              by_role_only: bool = False) -> Mention | None:
        """The one person of ``pool`` (or the one fitting a description's role), else None."""
        people = _people(pool)
        if len(people) == 1 and not by_role_only:
            return pool[-1]
        if speaker.kind == "description":
            token_at = self.story.token_at_or_after
            fitting = [p for p in people
                       if any((r := self.role_before(token_at(m["start_char"])))
                              and _same_role(r[0], speaker.role) for m in p)]
            if len(fitting) == 1:
                return fitting[0][-1]
        return None


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def _surname(m: Mention) -> str:
    words = [w for w in re.split(r"\s+", m["text"].strip()) if w]
    return norm(words[-1]) if words else ""


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
