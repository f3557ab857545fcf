"""Resolving speakers by coreference: the person a pronoun or a role description refers to.

A pronoun (``il``, ``elle``, ``a-t-il``, ``selon lui``) or a role description (``le dirigeant
kirghize``, or a nationality noun after a determiner: ``le Français``, ``la Kényane``) is
resolved by the antecedent resolution every relation family shares
(:class:`pipeline.relations.antecedents.PersonAntecedents`), with ``beyond_window``: the most
recent fitting person of the same sentence and the two before; when these name nobody, a
description first takes the one person of the whole text written after the same role noun,
then (like a pronoun) the people of the last sentence that names one -- sentences about
places and organisations in between do not block it. Mentions sharing a last name count as
one person (``Sadyr Japarov`` / ``M. Japarov``); gender must agree when both sides are known
(``il``/``le``/``M.`` vs ``elle``/``la``/``Mme``); for a description, a candidate written
right after the same role noun wins. Two people fitting equally: no speaker.

What this module adds is the quotes' word knowledge: which role noun (and gender) stands
before a name (``le président kirghize X``, ``la ministre X``), from the quotes lexicon.
"""

from __future__ import annotations

from pipeline.relations.antecedents import Anaphor, PersonAntecedents
from pipeline.relations.base import Mention
from pipeline.relations.quotes.spans import QuoteStory
from pipeline.relations.quotes.speakers import DET_GENDER, Speaker, Speakers

__all__ = ["Coreference"]


class Coreference:
    """Resolves the pronouns and role descriptions of one story to its PER mentions."""

    def __init__(self, story: QuoteStory, speakers: Speakers) -> None:
        self.story = story
        self.speakers = speakers
        self.people = PersonAntecedents(story.ctx, story.ctx.mention_index(),
                                        role_before=self.role_before)

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
        role = speaker.role if speaker.kind == "description" else ""
        return self.people.resolve(Anaphor(speaker.start, speaker.gender, role),
                                   beyond_window=True)
