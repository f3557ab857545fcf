"""Names introduced by an honorific or a function, and the phrase of a function.

* honorific + name (``M. Japarov``, ``Mme Dupont``, ``MM. Dupont et Durand``, ``Me``, ``Dr``,
  ``Pr``, ``Mgr``, ``Sir``...; ``people_honorifics.csv``): following the Quaero/HIPE
  conventions the honorific stays INSIDE the mention (rules ``people.honorific`` and
  ``people.honorific_list``);
* function + name (``le président kirghize Sadyr Japarov``, ``le ministre russe des Affaires
  étrangères Sergueï Lavrov``, ``le porte-parole du Kremlin, Dmitri Peskov``;
  ``people_functions.csv``): the function phrase stays OUTSIDE the mention and is recorded
  in ``function`` (rule ``people.function``). Military ranks take a particle name (``le
  général de Gaulle`` -> ``de Gaulle``).

:func:`skip_function_phrase` reads the modifiers and complements of a function, ending them
at the spans of other families (``doc.spans`` of :data:`COMPLEMENT_GROUPS`), at the
organisations the organisation gazetteer lists and at the end of a name of several words the
model tags as a body or a place (``le président du Real Madrid``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.context import StoryContext
from pipeline.entities.gazetteers import DE_WORDS, QUOTE_MARKS, FormMatcher
from pipeline.entities.organisations.base import load_head_nouns
from pipeline.entities.organisations.gazetteer import lookup_organisation
from pipeline.entities.people.base import (
    ARTICLES,
    COMPLEMENT_GROUPS,
    LABEL,
    PHRASE_STOP,
    RULE_FUNCTION,
    RULE_HONORIFIC,
    RULE_HONORIFIC_LIST,
    Candidate,
    Function,
    folded_honorifics,
    load_functions,
    load_given_names,
    load_honorifics,
)
from pipeline.entities.people.names import (
    hyphen_joined,
    is_initial,
    is_name_word,
    parse_name,
    word_end,
)

__all__ = ["TitleRules", "known_ends", "skip_function_phrase"]

#: Functions found in a story: start token -> (end token, function).
Functions = dict[int, tuple[int, Function]]


def known_ends(doc: Doc) -> dict[int, int]:
    """Start -> end of the spans of the families of :data:`COMPLEMENT_GROUPS` in ``doc``."""
    ends: dict[int, int] = {}
    for group in COMPLEMENT_GROUPS:
        if group in doc.spans:
            for span in doc.spans[group]:
                ends[span.start] = max(ends.get(span.start, 0), span.end)
    return ends


def _listed_organisation_end(doc: Doc, k: int) -> int | None:
    """End of the longest organisation of the gazetteer written at ``k`` (8 tokens at most)."""
    text = StoryContext.of(doc).text
    begin = doc[k].idx
    for m in range(min(len(doc), k + 8), k, -1):
        last = doc[m - 1]
        if lookup_organisation(text[begin:last.idx + len(last.text)]) is not None:
            return m
    return None


def _complement_end(doc: Doc, k: int, known: dict[int, int]) -> int | None:
    if k in known:
        return known[k]
    words = StoryContext.of(doc).words
    if doc[k].text[:1].isupper():
        listed = _listed_organisation_end(doc, k)
        if listed is not None:
            return listed
        named = _model_name_end(doc, k)
        if named is not None:
            return named
        end = word_end(doc, k, len(doc))
        if (end == k + 1 and words[k] in load_head_nouns()
                and end < len(doc) and doc[end].text[:1].isupper()):
            # "de la Banque Populaire", "du Groupe Acme": the body's name goes on
            return _organisation_name_end(doc, end, known, len(doc))
        return end
    if doc[k].is_alpha and doc[k].is_lower and words[k] not in PHRASE_STOP:
        return k + 1
    return None


def _model_name_end(doc: Doc, k: int) -> int | None:
    """End of a name of several words that the model tags as a body, a place or a thing
    at ``k`` (``du Real Madrid``, ``de Northwind Capital``: the complement is the whole name,
    not its first word and then a person), cut before a common given name that opens a
    person's name inside it (``de l'Économie Bruno Le Maire``); None when the model has no
    such span starting there."""
    token = doc[k]
    if token.ent_iob_ != "B" or token.ent_type_ in ("", LABEL):
        return None
    words, given = StoryContext.of(doc).words, load_given_names()
    m = k + 1
    while m < len(doc) and doc[m].ent_iob_ == "I":
        if words[m] in given and m + 1 < len(doc) and is_name_word(doc[m + 1]):
            break
        m += 1
    return m if m > k + 1 else None


def _organisation_name_end(doc: Doc, k: int, known: dict[int, int], limit: int) -> int:
    """End of the name of a body written at ``k`` after its noun (``la société [Acme]``,
    ``l’association ["Les Amis du Vercors"]``, ``le groupe [Renault]``), or ``k`` if there is
    none. A known span, a listed organisation or a quoted name closes it; otherwise every
    capitalised word (with ``de``, ``&``... between them) belongs to it, so that no
    person's name is taken from it (``la société Acme`` is not a person). A common given
    name and another name word there are a person's name, the noun referring back to a
    body named before (``la trésorière de l’association Claire Vasseur``): ``k`` is returned.
    """
    words = StoryContext.of(doc).words
    if (k + 1 < limit and words[k] in load_given_names()
            and word_end(doc, k + 1, limit) is not None):
        return k
    quoted = k < limit and doc[k].text in QUOTE_MARKS
    m = k + 1 if quoted else k
    if m < limit and m in known:
        m = known[m]
    elif m < limit and doc[m].text[:1].isupper() and (
            listed := _listed_organisation_end(doc, m)) is not None:
        m = listed
    elif quoted:
        close = next((q for q in range(m, min(limit, m + 15)) if doc[q].text in QUOTE_MARKS),
                     None)
        return k if close is None else close + 1
    else:
        while m < limit:
            text = doc[m].text
            if m in known:
                m = known[m]
            elif text[:1].isupper() or text in {"&", "-"} or is_initial(doc[m]):
                m += 1
            elif (words[m] in DE_WORDS | ARTICLES and m + 1 < limit
                  and doc[m + 1].text[:1].isupper()):
                m += 1
            else:
                break
        return min(m, limit)
    if quoted and m < limit and doc[m].text in QUOTE_MARKS:
        m += 1
    return min(m, limit)


def skip_function_phrase(doc: Doc, i: int, known: dict[int, int] | None = None,
                         limit: int | None = None) -> int:
    """Index of the first token after the modifiers and complements of a function.

    ``le ministre [russe des Affaires étrangères] Sergueï Lavrov``: lower-case adjectives,
    ``de/du/des/d’`` + article + complement (a listed organisation, a capitalised word,
    or a lower-case noun), and ``et`` between complements. A noun naming a body
    (``organisations_nouns.csv``: ``de la société Acme``, ``du groupe pharmaceutique X``,
    ``de l’association "Y"``) takes the body's name with it: a name right after the
    phrase follows only a closed name (known, listed or quoted), never one of its
    capitalised words.
    """
    known = known_ends(doc) if known is None else known
    limit = len(doc) if limit is None else limit
    words = StoryContext.of(doc).words
    j, modifiers = i, 0
    body = False  # a body's noun was read; its name may follow
    while j < limit:
        token = doc[j]
        folded = words[j]
        if body and (token.text[:1].isupper() or token.text in QUOTE_MARKS or j in known):
            end = _organisation_name_end(doc, j, known, limit)
            body = False
            if end == j:
                break
            j = end
            continue
        if folded in DE_WORDS:
            k = j + 1
            if k < limit and words[k] in ARTICLES:
                k += 1
            end = _complement_end(doc, k, known) if k < limit else None
            if end is None or end > limit:
                break
            if (end == k + 1 and doc[k].is_lower and words[k] in load_head_nouns()
                    and (k > j + 1 or folded != "de")):
                body = True  # "de la société", "du groupe"; not "directeur de banque"
            elif doc[k].text[:1].isupper() or k in known:
                body = False
            j = end
            continue
        if folded == "et" and j + 1 < limit and words[j + 1] in DE_WORDS:
            j += 1
            continue
        if (token.is_alpha and token.is_lower and folded not in PHRASE_STOP
                and modifiers < 3):
            j += 1
            modifiers += 1
            continue
        break
    return j


class TitleRules:
    """Finds functions in a story and the names that honorifics and functions introduce."""

    def __init__(self, nlp: Language) -> None:
        self.honorifics = load_honorifics()
        self.functions = load_functions()
        self.function_matcher: FormMatcher[Function] = FormMatcher(
            nlp, [(f.text, f) for f in self.functions], check_case=False)

    def functions_at(self, doc: Doc) -> Functions:
        """Start -> (end, function) of the longest function starting at each token."""
        found: Functions = {}
        for match in self.function_matcher(doc):
            if match.start not in found or found[match.start][0] < match.end:
                found[match.start] = (match.end, match.payloads[0])
        return found

    def honorific_candidates(self, doc: Doc, known: dict[int, int],
                             functions: Functions) -> list[Candidate]:
        """``M. Japarov``, ``Mme Dupont``, ``MM. Dupont et Durand``: honorific + name."""
        out: list[Candidate] = []
        n = len(doc)
        folded = folded_honorifics()
        for i, word in enumerate(StoryContext.of(doc).words):
            if word not in folded:
                continue
            token = doc[i]
            honorific = self.honorifics.get(token.text)
            if honorific is None:
                continue
            if i > 0 and token.text.endswith(".") and (
                    is_initial(doc[i - 1]) or is_name_word(doc[i - 1])):
                continue  # "J. M. Keynes": an initial, not "monsieur"
            j = i + 1
            if j < n and doc[j].text == "." and not token.text.endswith("."):
                j += 1
            end = parse_name(doc, j, known=known, stops=functions)
            if end is None:
                continue
            out.append(Candidate(i, end, RULE_HONORIFIC, 1))
            if honorific.number != "plural":
                continue
            while end + 1 < n and doc[end].text in {",", "et"}:
                if doc[end].text == "," and end + 2 < n and doc[end + 1].text == "et":
                    end += 1  # "les sieurs Mauley, et Confesse"
                more = parse_name(doc, end + 1, known=known, stops=functions)
                if more is None:
                    break
                out.append(Candidate(end + 1, more, RULE_HONORIFIC_LIST, 1))
                end = more
        return out

    def function_candidates(self, doc: Doc, functions: Functions, known: dict[int, int],
                            model: list[Candidate]) -> list[Candidate]:
        """``le président kirghize Sadyr Japarov``: function (+ phrase) + name; the model's
        span decides where a name starts when it ends where the rule's does."""
        out: list[Candidate] = []
        n = len(doc)
        covered = set()
        for start in sorted(functions):
            f_end, function = functions[start]
            if start in covered:
                continue
            covered.update(range(start, f_end))
            j = skip_function_phrase(doc, f_end, known)
            apposition = j < n and doc[j].text == ","
            if apposition:
                j += 1
            end = parse_name(doc, j, known=known, stops=functions) if j < n else None
            if end is None and function.kind == "military" and not apposition:
                j = f_end
                end = parse_name(doc, j, known=known, stops=functions)
            if end is None:
                continue
            if apposition and sum(1 for k in range(j, end) if is_name_word(doc[k])) < 2:
                continue
            for cand in model:  # the model knows better where a name starts
                if (cand.end == end and j < cand.start < end
                        and not hyphen_joined(doc, cand.start - 1, cand.start)
                        and not hyphen_joined(doc, cand.start, cand.start)):
                    j = cand.start
            out.append(Candidate(j, end, RULE_FUNCTION, 2, function.text))
        return out
