"""Names that no list holds, read from the phrase around them.

* a capitalised head word (``organisations_heads.csv``) with what qualifies it: ``Conseil
  fédéral``, ``Société vaudoise des maîtres de chant`` (rule ``organisations.head_phrase``);
* a name a common noun introduces (``organisations_nouns.csv``), quoted or capitalised:
  ``l'association "Main tendue"``, ``le laboratoire Biolume`` (``organisations.named_by_noun``);
  after a chief's noun also unquoted (``le PDG de Vialis``, cue ``chief``); a capitalised name
  ends where the model starts a person's name (``le groupe Vialis Media Jean Tardieu``);
* a name a person leads, before ``, dirigée par`` / ``, présidé par`` (``Vialis, dirigé par
  Jean Roy``; ``organisations.led_by``);
* with ``generic_institutions``, an institution noun after a definite article (``l'État``,
  ``le Gouvernement``; ``organisations_generic.csv``; ``organisations.generic``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.context import StoryContext
from pipeline.entities.countries import lookup_country
from pipeline.entities.gazetteers import DE_WORDS, QUOTE_MARKS, fold
from pipeline.entities.organisations.base import (
    LABEL,
    RULE_GENERIC,
    RULE_HEAD_PHRASE,
    RULE_LED_BY,
    RULE_NAMED_BY_NOUN,
    Candidate,
    given_names,
    honorific_words,
    is_word,
    led_by_after,
    load_adjectives,
    load_generic_words,
    load_naming_words,
    load_nouns,
    load_phrase_heads,
    low,
)
from pipeline.entities.organisations.gazetteer import OrgGazetteer, slugify
from pipeline.entities.places import lookup_place

__all__ = ["PhraseRule", "head_phrase_end", "named_by_noun"]

#: Lower-case words that never belong to a name's complement (articles, pronouns, verbs of
#: being, prepositions that start something else, days and months).
FUNCTION_WORDS: frozenset[str] = frozenset({
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "et", "ou", "a", "à", "au",
    "aux", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "qui", "que", "qu'",
    "dont", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos",
    "votre", "vos", "mon", "ma", "mes", "il", "elle", "ils", "elles", "on", "y", "ne", "n'",
    "se", "s'", "ont", "est", "sont", "était", "étaient", "avait", "avaient", "sera", "seront",
    "été", "être", "avoir", "fait", "très", "plus", "moins", "aussi", "déjà", "encore", "mais",
    "donc", "or", "ni", "car", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre", "hier", "demain", "aujourd'hui",
})
#: Endings of French adjectives of nationality, place and kind (``fédéral``, ``nationale``,
#: ``genevois``, ``européenne``, ``militaire``, ``pyrotechnique``, ``socialiste``).
ADJECTIVE_ENDINGS: tuple[str, ...] = (
    "al", "ale", "ales", "aux", "el", "elle", "els", "elles", "ien", "ienne", "iens", "iennes",
    "éen", "éenne", "éens", "éennes", "yen", "yenne", "yens", "yennes", "ais", "aise", "aises",
    "ois", "oise", "oises", "ain", "aine", "ains", "aines", "ique", "iques", "aire", "aires",
    "if", "ive", "ifs", "ives", "iste", "istes", "ier", "ière", "iers", "ières",
)
#: Endings of adjectives of nationality (``genevois``, ``européenne``, ``kényan``): such an
#: adjective makes a head word a name on its own.
NATIONALITY_ENDINGS: tuple[str, ...] = (
    "ais", "aise", "aises", "ois", "oise", "oises", "ien", "ienne", "iens", "iennes", "ain",
    "aine", "ains", "aines", "éen", "éenne", "éens", "éennes", "yen", "yenne", "yens", "yennes",
)
_DE_ARTICLES = frozenset({"la", "l'", "les"})
_POUR_ARTICLES = frozenset({"la", "le", "les", "l'", "un", "une"})
_DEFINITE = frozenset({"l'", "le", "la", "les", "au", "aux", "du", "des"})
#: Quotation marks around a name, single ones included (``‘’Terre Claire’’``).
_QUOTE_CHARS = QUOTE_MARKS | frozenset("‘’'‹›")
_QUOTE_OPEN_CHARS = frozenset("\"«“„‘'‹")
_MAX_QUOTED = 12
_MAX_CAPITALISED = 6
_MAX_CHIEF_CHAIN = 6


def _is_lower_word(token: Token) -> bool:
    return is_word(token) and token.text.islower()


def _is_adjective(token: Token) -> bool:
    """A lower-case word that reads as an adjective (``fédéral``, ``suisse``, ``armée``), a
    nationality among them (``allemand``: ``demonyms.csv``)."""
    if not _is_lower_word(token) or len(token.text) < 3:
        return False
    text = low(token)
    return text in load_adjectives()[0] or (text not in FUNCTION_WORDS
                                            and text.endswith(ADJECTIVE_ENDINGS)) or (
        lookup_country(token.text, demonyms=True) is not None)


def _is_name_adjective(token: Token) -> bool:
    text = low(token)
    return _is_adjective(token) and (text in load_adjectives()[1]
                                     or text.endswith(NATIONALITY_ENDINGS))


def _line_break_before(doc: Doc, j: int) -> bool:
    """True when a new line (a title, a new paragraph) starts at token ``j``."""
    return j > 0 and ("\n" in doc[j - 1].whitespace_ or doc[j - 1].is_space
                      or doc[j].is_space)


def _is_name_word(token: Token) -> bool:
    """A capitalised word (``Vignerons``, ``ACME``, ``Ile-de-France``)."""
    return is_word(token) and token.text[:1].isupper()


def _is_noun(token: Token) -> bool:
    """A lower-case word that may be the noun of a complement (``sécurité``, ``finances``)."""
    text = low(token)
    return (_is_lower_word(token) and text not in FUNCTION_WORDS and len(text) > 1
            and not text.endswith(("er", "ir")))


def _is_quote(token: Token) -> bool:
    return bool(token.text) and all(c in _QUOTE_CHARS for c in token.text)


def _person_starts(token: Token) -> bool:
    """Whether the model's ``PER`` entity starts at ``token``: after a body's name, the name
    of its head (``le président du groupe Vialis Media Jean Tardieu``)."""
    return token.ent_iob_ == "B" and token.ent_type_ == "PER"


def _capitalised_run(doc: Doc, i: int) -> int:
    """End of the run of capitalised words from ``i`` (glued pieces such as ``Ors'elle``
    count as one word), ending before a person's name the model starts inside it; ``i``
    when there is none."""
    j = i
    while j < len(doc) and j - i < _MAX_CAPITALISED:
        token = doc[j]
        if j > i and (_line_break_before(doc, j) or _person_starts(token)):
            break
        if _is_name_word(token) or (j > i and token.text[:1].isdigit() and token.is_digit):
            j += 1
        elif j > i and not doc[j - 1].whitespace_ and is_word(token):
            j += 1  # second piece of a glued word
        elif (j > i and token.text == "-" and not doc[j - 1].whitespace_
              and not token.whitespace_ and j + 1 < len(doc) and is_word(doc[j + 1])):
            j += 2  # Biochem-Lausanne, Alpha-CR
        else:
            break
    return j


def _quoted_name(doc: Doc, i: int) -> tuple[int, int, int] | None:
    """``(start, end, close_end)`` of a quoted name opening at token ``i``: the words between
    the quotation marks, which must start with a capital letter or a digit."""
    if i >= len(doc) or not _is_quote(doc[i]) or doc[i].text[0] not in _QUOTE_OPEN_CHARS:
        return None
    start = i
    while start < len(doc) and (_is_quote(doc[start]) or doc[start].is_space) \
            and start - i < 3:
        start += 1
    end = start
    while end < len(doc) and not _is_quote(doc[end]) and end - start < _MAX_QUOTED:
        if doc[end].text in (".", "!", "?", ";", ":", "(", ")") or "\n" in doc[end].text:
            return None
        end += 1
    if end == start or end >= len(doc) or not _is_quote(doc[end]):
        return None
    close_at = end
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end == start:
        return None
    first = doc[start].text
    if not (first[:1].isupper() or first[:1].isdigit()):
        return None
    close = close_at
    while close < len(doc) and _is_quote(doc[close]) and close - close_at < 3:
        close += 1
    return start, end, close


def head_phrase_end(doc: Doc, i: int) -> int | None:
    """End of an organisation name opened by the capitalised head word ``doc[i]``, or None.

    After the head come adjectives and capitalised words (``Conseil fédéral``, ``Centre
    Médical Universitaire``), then complements: ``de``/``du``/``des``/``d'`` (+ ``la``/``l'``),
    ``et des`` ..., or, first, ``pour`` + article, each with its noun and adjectives
    (``Société vaudoise des maîtres de chant``, ``Ministère de l'Agriculture et de la
    Pêche``). The phrase is a name only when it holds a capitalised word besides the head
    or an adjective right after the head; ``la Banque de développement`` alone is a
    description.
    """
    n = len(doc)
    j = i + 1
    strong = False
    while j < n and not _line_break_before(doc, j) and (
            _is_name_word(doc[j]) or _is_adjective(doc[j])):
        if strong and _person_starts(doc[j]):
            break  # la Commission européenne Ursula von der Leyen
        if _is_name_word(doc[j]):
            strong = True
            j = _capitalised_run(doc, j)
        else:
            strong = strong or _is_name_adjective(doc[j])
            j += 1
    first_complement = True
    while j < n and not _line_break_before(doc, j):
        k = j
        word = low(doc[k])
        if word == "et" and not first_complement:
            k += 1
            if k >= n or low(doc[k]) not in DE_WORDS:
                break
            word = low(doc[k])
        if word in DE_WORDS:
            k += 1
            if k < n and word in ("de", "d'") and low(doc[k]) in _DE_ARTICLES:
                k += 1
        elif word == "pour" and first_complement:
            k += 1
            if k >= n or low(doc[k]) not in _POUR_ARTICLES:
                break
            k += 1
        else:
            break
        if k >= n:
            break
        if _is_name_word(doc[k]):
            k = _capitalised_run(doc, k)
            strong = True
        elif _is_noun(doc[k]):
            k += 1
        else:
            break
        while k < n and (_is_adjective(doc[k]) or _is_name_word(doc[k])):
            if _is_name_word(doc[k]):
                strong = True
                k = _capitalised_run(doc, k)
            else:
                k += 1
        j = k
        first_complement = False
    return j if strong and j > i + 1 else None


def _names_no_place(doc: Doc, i: int) -> bool:
    """Whether capitalised words start at ``i`` that neither a gazetteer nor the model take
    for a place (``des Motards Solidaires``, not ``des Ardennes``)."""
    if not _is_name_word(doc[i]) or doc[i].ent_type_ in ("LOC", "GPE"):
        return False
    text = doc[i:_capitalised_run(doc, i)].text
    return lookup_country(text) is None and lookup_place(text) is None


def named_by_noun(doc: Doc, i: int, cue: str) -> tuple[int, int, int] | None:
    """``(name_start, name_end, phrase_end)`` of the name a common noun introduces, or None.

    ``head`` nouns (``l'association "Main tendue"``, ``le laboratoire Biolume``, ``la
    société agroalimentaire "Grainval"``, ``l'usine de chaussures "Podalis"``, ``une entreprise
    nommée Lumisol``): up to three adjectives, one ``de`` + noun complement or a naming
    participle may come between; the name is quoted or a run of capitalised words, never
    an honorific (``la société a remercié Madame Dupont``).
    ``role`` nouns (``la fondatrice de "Maison Lavande"``, ``chez "O Diário Lisboeta"``): the name
    must be quoted, right after ``de``/``du``/``d'`` (or after ``chez`` itself).
    """
    n = len(doc)
    j = i + 1
    if cue == "chief":
        j = _chief_complement(doc, j)
        if j is None:
            return None
        quoted = _quoted_name(doc, j)
        return quoted if quoted is not None else _chief_name(doc, j)
    if cue == "role":
        if doc[i].lower_ != "chez":
            if j >= n or low(doc[j]) not in ("de", "du", "d'"):
                return None
            j += 1
        return _quoted_name(doc, j)
    fillers = 0
    complement = False
    naming = load_naming_words()
    while j < n and fillers < 4:
        word = low(doc[j])
        if word in naming or _is_adjective(doc[j]):
            j += 1
        elif not complement and word in ("de", "d'") and j + 1 < n and _is_noun(doc[j + 1]):
            complement = True
            j += 2
        else:
            break
        fillers += 1
    if j < n and low(doc[j]) in DE_WORDS and _quoted_name(doc, j + 1) is not None:
        j += 1  # l'association des "Parents contre le bruit"
    elif j + 1 < n and low(doc[j]) == "des" and _names_no_place(doc, j + 1):
        j += 1  # l'organisation des Motards Solidaires (not l'usine des Ardennes)
    quoted = _quoted_name(doc, j)
    if quoted is not None:
        return quoted
    if (j < n and _is_name_word(doc[j])
            and StoryContext.of(doc).words[j] not in honorific_words()):
        end = _capitalised_run(doc, j)
        return j, end, end
    return None


def _chief_complement(doc: Doc, j: int) -> int | None:
    """The token after the ``de``/``du``/``d'`` that introduces the body a chief heads, from
    ``j`` right after the chief's noun: ``le PDG [de] Vialis``, ``la directrice générale
    adjointe [d']Orvane``, ``la présidente du conseil d'administration [de] Vialis`` (lower-case
    words, determiners and ``de`` between, :data:`_MAX_CHIEF_CHAIN` at most); None when no
    capitalised or quoted name follows such a ``de``."""
    n = len(doc)
    for k in range(j, min(n - 1, j + _MAX_CHIEF_CHAIN)):
        word = low(doc[k])
        if word in ("de", "du", "d'") and (_is_name_word(doc[k + 1]) or _is_quote(doc[k + 1])):
            return k + 1
        if not (word in DE_WORDS or word in _DE_ARTICLES
                or _is_lower_word(doc[k]) and word not in FUNCTION_WORDS):
            return None
    return None


def _led_name_start(doc: Doc, comma: int) -> int | None:
    """Start of the body's name right before ``, dirigée par`` at ``comma`` (``Vialis,
    dirigé par Jean Roy``): capitalised words the model reads as a proper noun or a name,
    not a place or a country, not opened by an honorific or a common given name."""
    start = comma
    while start > 0 and comma - start < _MAX_CAPITALISED and _is_name_word(doc[start - 1]):
        start -= 1
    if start == comma or _capitalised_run(doc, start) != comma:
        return None
    found = _chief_name(doc, start)
    return start if found is not None and found[1] == comma else None


def _chief_name(doc: Doc, j: int) -> tuple[int, int, int] | None:
    """The unquoted name of the body a chief heads (``le PDG de Vialis``, ``la fondatrice de
    Lumisol Énergie``): capitalised words the model reads as a proper noun or a name, not a
    place or a country, not opened by an honorific or a common given name (``le directeur
    de Jean Roy`` names no body)."""
    if j >= len(doc) or not _names_no_place(doc, j):
        return None
    token = doc[j]
    if token.pos_ != "PROPN" and not token.ent_type_:
        return None
    words = StoryContext.of(doc).words
    if words[j] in honorific_words() or words[j] in given_names():
        return None
    end = _capitalised_run(doc, j)
    end = next((k for k in range(j + 1, end - 1) if words[k] in given_names()), end)
    return j, end, end  # le PDG de Vialis Marc Dubois: the name stops before the person's


class PhraseRule:
    """Head-word phrases, names introduced by a noun and (optionally) institution nouns."""

    def __init__(self, gazetteer: OrgGazetteer, head_noun_in_span: bool = False,
                 generic_institutions: bool = False) -> None:
        self.gazetteer = gazetteer
        self.head_noun_in_span = head_noun_in_span
        self.generic_institutions = generic_institutions
        self.phrase_heads = load_phrase_heads()
        self.nouns = load_nouns()
        self.generic = load_generic_words()
        #: Folded forms of every word that may open a phrase: the tokens worth a look.
        self.openers = (self.phrase_heads | {fold(w) for w in self.nouns}
                        | {fold(w) for w in self.generic})

    def __call__(self, doc: Doc, listed: list[Candidate], rejected: set[int]
                 ) -> list[Candidate]:
        """The phrase names of ``doc``; ``listed`` are the gazetteer's names and ``rejected``
        the starts of listed names qualified away (no head phrase starts there)."""
        listed_ends = {c.span.start: c.span.end for c in listed}
        found: list[Candidate] = []
        used: set[int] = set()
        words = StoryContext.of(doc).words
        for i, word in enumerate(words):
            if word == "," and led_by_after(words, i):
                start = _led_name_start(doc, i)
                if start is not None and start not in listed_ends:
                    found.append(self._candidate(doc, start, i, RULE_LED_BY))
                continue
            if word not in self.openers:
                continue
            text = doc[i].text
            cue = self.nouns.get(text) or (
                self.nouns.get(text.lower()) if text[:1].isupper() and not text.isupper()
                else None)
            if cue is not None:
                named = named_by_noun(doc, i, cue)
                if named is not None and cue == "chief" and named[0] in listed_ends:
                    named = None  # le patron de Renault [Carlos Ghosn]: the listed name
                if named is not None and (text.islower() or text in ("ONG", "PDG")
                                          or _is_quote(doc[named[0] - 1])):
                    start, end, close = named
                    used.add(i)
                    if self.head_noun_in_span and cue == "head":
                        found.append(self._candidate(doc, i, close, RULE_NAMED_BY_NOUN,
                                                     doc[start:end]))
                    else:
                        found.append(self._candidate(doc, start, end, RULE_NAMED_BY_NOUN))
                    continue
            if text[:1].isupper() and not (text.isupper() and len(text) > 1) \
                    and word in self.phrase_heads and i not in rejected:
                end = head_phrase_end(doc, i)
                if end is not None and not _adjectives_only(doc, i, end, listed_ends):
                    found.append(self._candidate(doc, i, end, RULE_HEAD_PHRASE))
                    continue
            if self.generic_institutions and text in self.generic and i not in used:
                if _generic_institution(doc, i):
                    found.append(self._candidate(doc, i, i + 1, RULE_GENERIC))
        return found

    def _candidate(self, doc: Doc, start: int, end: int, rule: str,
                   name: Span | None = None) -> Candidate:
        """An ORG candidate of ``doc[start:end]``; ``name`` is the name part (the whole span
        by default), looked up in the gazetteer for the id."""
        name = doc[start:end] if name is None else name
        info = self.gazetteer.lookup(name.text)
        text = " ".join(name.text.split())
        org_id, canonical = (info.id, info.canonical) if info else (slugify(text) or text, text)
        return Candidate(Span(doc, start, end, label=LABEL, kb_id=org_id),
                         {"rule": rule, "form": "name", "canonical": canonical,
                          "acronym": info.acronym if info else None})


def _adjectives_only(doc: Doc, start: int, end: int, listed: dict[int, int]) -> bool:
    """True when ``doc[start:end]`` is a listed name followed by adjectives only
    (``l'Assemblée nationale française``): the listed name stays the mention."""
    listed_end = listed.get(start)
    return listed_end is not None and all(_is_adjective(t) for t in doc[listed_end:end])


def _generic_institution(doc: Doc, i: int) -> bool:
    """``l'État``, ``le Gouvernement``, ``l'ONG``: after a definite article or a
    possessive, not part of a longer name nor of ``l'État de droit``, nor a state of a
    federation (``l'État de Bahia``)."""
    if i == 0 or low(doc[i - 1]) not in _DEFINITE | {"son", "sa", "leur", "cette"}:
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and (_is_name_word(nxt) or nxt.text in ("-", "\u2011")):
        return False
    after = doc[i + 2] if i + 2 < len(doc) else None
    return not (nxt is not None and low(nxt) in ("de", "d'") and after is not None
                and (_is_lower_word(after) or _is_name_word(after)))
