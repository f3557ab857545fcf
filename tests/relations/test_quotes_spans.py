"""Quote spans (pipeline/relations/quotes/spans.py): quotation marks, and the sentence around
a token by punctuation and line breaks."""

from __future__ import annotations

import pytest
import spacy

from pipeline.relations.quotes import find_quote_marks
from pipeline.relations.quotes.spans import QuoteStory


@pytest.mark.parametrize("text, spans", [
    ("Il a dit : « Oui. » Puis “non”.", ["« Oui. »", "“non”"]),
    ("« Il a dit “non” hier », a-t-elle affirmé.", ["« Il a dit “non” hier »"]),
    ('Il a dit "oui" puis "non".', ['"oui"', '"non"']),
    ("« Premier paragraphe.\n« Second paragraphe », a-t-il dit.",
     ["« Premier paragraphe.\n« Second paragraphe »"]),
    ("« Jamais fermé.\nAutre paragraphe.", []),
])
def test_quote_marks(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in find_quote_marks(text)] == spans


@pytest.mark.parametrize("text, word, sentence", [
    ("Il pleut ; elle reste.", "pleut", "Il pleut"),
    ("Il pleut ; elle reste.", "elle", "elle reste"),
    ("« Je pars. Adieu », dit-il.", "Adieu", "« Je pars. Adieu », dit-il"),
    ("Il a dit : « Je pars. » Puis il est parti.", "Puis", "Puis il est parti"),
    ("Élections\nLe vote a eu lieu.", "vote", "Le vote a eu lieu"),
    ("Il pleut ! Elle reste.", "Elle", "Elle reste"),
])
def test_sentence_by_punctuation(text: str, word: str, sentence: str) -> None:
    doc = spacy.blank("fr")(text)
    story = QuoteStory(doc)
    i = next(t.i for t in doc if t.text == word)
    start, end = story.sentence_bounds(i)
    assert doc[start:end].text == sentence
