"""Shared helpers for word-list extractors: data files, surface-form folding, phrase matching.

What any family that matches names from a list needs:

* :func:`read_csv` loads and validates a UTF-8 CSV file of ``pipeline/data`` (read through
  :mod:`importlib.resources`) or any path, and raises :class:`GazetteerError` naming the file
  and the line of the first bad row. Lines whose first cell starts with ``#`` are comments.
* :func:`fold` normalises a surface form for matching: case folding, accents stripped,
  typographic apostrophes and dashes unified, ``œ``/``æ`` expanded, spaces collapsed.
  ``fold("Les États‑Unis d’Amérique") == fold("LES ETATS-UNIS D'AMERIQUE")``.
* :class:`FormMatcher` finds every listed form in a ``Doc`` with a spaCy ``PhraseMatcher``
  run over the folded token texts, so that accents, capitals and apostrophes do not matter,
  while still (optionally) requiring the capital letters the form has in the list:
  ``Chine`` matches ``Chine`` and ``CHINE`` but not the common noun ``chine``.
* :func:`non_overlapping` keeps the best of overlapping matches or spans, greedily, by a
  ranking (by default the longest, then the leftmost, as :func:`spacy.util.filter_spans`).
* The closed lists several families read: :data:`APOSTROPHES`, :data:`DASHES`,
  :data:`WORD_JOINERS`, :data:`QUOTE_MARKS`, :data:`DE_WORDS`.
"""

from __future__ import annotations

import csv
import io
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pipeline.errors import DepecheError

if TYPE_CHECKING:  # spaCy is imported where it is used: reading a data file does not need it
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = [
    "ContextRule",
    "FormMatcher",
    "GazetteerError",
    "Match",
    "APOSTROPHES",
    "DASHES",
    "DE_WORDS",
    "QUOTE_MARKS",
    "WORD_JOINERS",
    "Row",
    "Validator",
    "data_file",
    "fold",
    "is_dateline_head",
    "longest_first",
    "longest_leftmost",
    "non_overlapping",
    "one_of",
    "previous_word",
    "read_context_rules",
    "read_csv",
    "spelling_variants",
    "strip_accents",
    "token_bounds",
    "unify_marks",
]

T = TypeVar("T")

#: Apostrophe-like characters folded to ``'``.
APOSTROPHES = "\u2019\u2018\u02bc\u02bb`\u00b4\u2032\uff07"
#: Dash-like characters folded to ``-``.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"
_TRANSLATE = {ord(c): "'" for c in APOSTROPHES} | {ord(c): "-" for c in DASHES}
_LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"}
#: Characters that may join the letters of one word (``Dupond-Moretti``, ``O’Brien``).
WORD_JOINERS = "-'\u2019"
#: Double quotation marks (straight, French, English, German).
QUOTE_MARKS: frozenset[str] = frozenset('"«»“”„')
#: ``de`` and its forms: the preposition that opens a complement (folded).
DE_WORDS: frozenset[str] = frozenset({"de", "du", "des", "d'"})


class GazetteerError(DepecheError, ValueError):
    """A data file is missing, malformed, or has a bad row; the message names file and line."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Row:
    """One data row of a CSV file: its values by column name and its 1-based line number."""

    file: str
    line: int
    values: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def get(self, column: str, default: str = "") -> str:
        """Return the value of ``column``, or ``default`` when the column is absent or empty."""
        return self.values.get(column) or default

    def error(self, message: str) -> GazetteerError:
        """Build a :class:`GazetteerError` pointing at this row (for checks done by callers)."""
        return GazetteerError(self.file, self.line, message)


#: A column check: returns an error message for a bad value, ``None`` when the value is fine.
Validator = Callable[[str], "str | None"]


def one_of(*allowed: str) -> Validator:
    """A column check accepting only the ``allowed`` values.

    >>> one_of("m", "f")("x")
    'expected one of m, f'
    """
    def check(value: str) -> str | None:
        return None if value in allowed else f"expected one of {', '.join(allowed)}"
    return check


def data_file(name: str) -> Traversable:
    """Return the packaged data file ``pipeline/data/<name>`` as an importlib resource."""
    return resources.files("pipeline").joinpath("data", name)


def strip_accents(text: str) -> str:
    """``text`` without its combining marks, case kept: ``strip_accents("Élysée") == "Elysee"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def unify_marks(text: str) -> str:
    """``text`` with every apostrophe written ``'`` and every dash ``-`` (case and accents kept).

    >>> unify_marks("Aujourd’hui‑même")
    "Aujourd'hui-même"
    """
    return text.translate(_TRANSLATE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Normalise a surface form for matching: lower case, no accents, one apostrophe, one dash.

    >>> fold("  Côte d’Ivoire ")
    "cote d'ivoire"
    >>> fold("ÉTATS‑UNIS")
    'etats-unis'
    """
    text = unify_marks(text)
    for ligature, expansion in _LIGATURES.items():
        text = text.replace(ligature, expansion)
    text = strip_accents(text).casefold()
    return " ".join(text.split())


def spelling_variants(form: str, lower: bool = True) -> set[str]:
    """Return the spellings of ``form`` met in press text, to build patterns from.

    As listed, unaccented, in capitals, in lower case (unless ``lower`` is False), with
    ``'`` or ``’``.

    Patterns are built from every variant because the tokenizer does not split them alike
    (``États-Unis`` is one token, ``Etats-Unis`` may not be).
    """
    bases = {form, strip_accents(form)}
    cased = {v for b in bases for v in (b, b.upper(), *((b.lower(),) if lower else ()))}
    if not any(c in form for c in "'\u2019"):
        return cased
    return {v for c in cased for v in (c, c.replace("\u2019", "'"), c.replace("'", "\u2019"))}


def _open_text(source: str | Path | Traversable) -> tuple[str, io.TextIOBase]:
    if isinstance(source, str) and "/" not in source and "\\" not in source:
        resource = data_file(source)
        if not resource.is_file():
            raise GazetteerError(source, None, "data file not found in pipeline/data")
        return source, resource.open("r", encoding="utf-8", newline="")
    path = Path(str(source)) if not isinstance(source, Path) else source
    if not path.is_file():
        raise GazetteerError(str(path), None, "data file not found")
    return str(path), path.open("r", encoding="utf-8", newline="")


def read_csv(
    source: str | Path | Traversable,
    required: Sequence[str],
    optional: Sequence[str] = (),
    validators: Mapping[str, Validator] | None = None,
) -> list[Row]:
    """Read and validate a UTF-8 CSV file with a header line; return its data rows.

    ``source`` is a file name in ``pipeline/data`` (``"countries.csv"``) or a path. The header
    must hold every ``required`` column and nothing outside ``required`` + ``optional``; every
    row must have as many cells as the header, a non-empty value in each required column and
    pass ``validators`` (column -> function returning an error message or ``None``). Cells are
    stripped of surrounding spaces. Blank lines and lines whose first cell starts with ``#``
    are skipped. Any problem raises :class:`GazetteerError` with the file name and line.
    """
    validators = validators or {}
    name, handle = _open_text(source)
    rows: list[Row] = []
    with handle:
        try:
            reader = csv.reader(handle)
            header: list[str] | None = None
            for cells in reader:
                line = reader.line_num
                if not cells or all(not c.strip() for c in cells):
                    continue
                if cells[0].lstrip().startswith("#"):
                    continue
                cells = [c.strip() for c in cells]
                if header is None:
                    header = _check_header(name, line, cells, required, optional)
                    continue
                if len(cells) != len(header):
                    raise GazetteerError(
                        name, line, f"expected {len(header)} cells ({', '.join(header)}), "
                        f"found {len(cells)}")
                values = dict(zip(header, cells, strict=True))
                for column in required:
                    if not values[column]:
                        raise GazetteerError(name, line, f"empty value in column {column!r}")
                for column, check in validators.items():
                    if column in values and values[column]:
                        message = check(values[column])
                        if message:
                            raise GazetteerError(
                                name, line, f"column {column!r}: {message} ({values[column]!r})")
                rows.append(Row(name, line, values))
        except UnicodeDecodeError as exc:
            raise GazetteerError(name, None, f"not valid UTF-8: {exc}") from exc
        except csv.Error as exc:
            raise GazetteerError(name, reader.line_num, f"malformed CSV: {exc}") from exc
    if header is None:
        raise GazetteerError(name, None, "empty file: no header line")
    return rows


def _check_header(name: str, line: int, cells: list[str], required: Sequence[str],
                  optional: Sequence[str]) -> list[str]:
    missing = [c for c in required if c not in cells]
    if missing:
        raise GazetteerError(name, line, f"header lacks column(s) {', '.join(missing)}")
    unknown = [c for c in cells if c not in required and c not in optional]
    if unknown:
        raise GazetteerError(name, line, f"unknown column(s) {', '.join(unknown)}")
    if len(set(cells)) != len(cells):
        raise GazetteerError(name, line, "duplicate column name in header")
    return cells


def previous_word(doc: Doc, start: int) -> str:
    """Return the folded text of the token before ``start`` (``""`` at the start of the doc).

    Whitespace tokens are skipped; ``l'``/``L’`` come back as ``"l'"``.
    """
    i = start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return _folded_words(doc)[i] if i >= 0 else ""


def _folded_words(doc: Doc) -> list[str]:
    """``fold(token.text)`` of every token, computed once per story (:mod:`pipeline.context`)."""
    from pipeline.context import StoryContext  # the context module imports this one

    return StoryContext.of(doc).words


def _has_capital(text: str) -> bool:
    for char in text:
        if char.isalpha():
            return char.isupper()
    return True


def _tokenize(nlp: Language, texts: list[str]) -> Iterator[list[str]]:
    """The non-space token texts of each text, as ``nlp.tokenizer`` splits them.

    A text of letters only that is no tokenizer exception is one token: it skips the
    tokenizer, which makes building a matcher of thousands of town names fast."""
    rules = nlp.tokenizer.rules or {}
    simple = [text.isalpha() and text not in rules for text in texts]
    docs = nlp.tokenizer.pipe(t for t, s in zip(texts, simple, strict=True) if not s)
    for text, is_simple in zip(texts, simple, strict=True):
        yield [text] if is_simple else [t.text for t in next(docs) if not t.is_space]


@dataclass(frozen=True)
class Match(Generic[T]):
    """One match of a :class:`FormMatcher`: token offsets and the payloads of the form."""

    start: int
    end: int
    payloads: tuple[T, ...]


class FormMatcher(Generic[T]):
    """Find listed forms in a Doc, insensitive to accents, case and apostrophe style.

    Patterns are built from the tokenizer's own output for every spelling variant of each
    form (never by splitting on spaces), then folded token by token; documents are matched
    through a shadow ``Doc`` of folded token texts, built once per story for all matchers in
    a vocabulary of their own, so the pipeline's ``StringStore`` is left untouched. With
    ``check_case=True`` every token written with a capital in the listed form must start with
    a capital in the text (``Chine``/``CHINE``, not ``chine``); lower-case tokens of the form
    (``arabes`` in ``Émirats arabes unis``) may have any case.
    """

    def __init__(self, nlp: Language, forms: Iterable[tuple[str, T]],
                 check_case: bool = True) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.check_case = check_case
        self.vocab = _shadow_vocab()
        self._matcher = PhraseMatcher(self.vocab, attr="ORTH")
        # folded token tuple -> (payloads, capital-required mask)
        self._entries: dict[tuple[str, ...], tuple[list[T], list[bool]]] = {}
        forms = [(f, p) for f, p in forms if f.strip()]
        texts: list[str] = []
        owners: list[int] = []
        for index, (form, _) in enumerate(forms):
            for variant in [form, *sorted(spelling_variants(form, lower=not check_case) - {form})]:
                texts.append(variant)
                owners.append(index)
        capitals: dict[int, set[str]] = {}
        for index, words in zip(owners, _tokenize(nlp, texts), strict=True):
            if index not in capitals:  # the listed spelling comes first: it sets the capitals
                capitals[index] = {fold(w) for w in words
                                   if any(c.isalpha() for c in w) and _has_capital(w)}
            key = tuple(fold(w) for w in words)
            if not key or "" in key:  # a blank word never matches a story's word
                continue
            payload = forms[index][1]
            mask = [k in capitals[index] for k in key]
            entry = self._entries.get(key)
            if entry is None:
                self._entries[key] = ([payload], mask)
            else:
                if payload not in entry[0]:
                    entry[0].append(payload)
                # a token needs a capital only if every form sharing the key writes one
                entry[1][:] = [a and b for a, b in zip(entry[1], mask, strict=True)]
        self._keys: dict[int, tuple[str, ...]] = {}
        for key in self._entries:
            label = "\x1f".join(key)
            match_id = self.vocab.strings.add(label)
            self._keys[match_id] = key
            _SHADOW_WORDS.update(key)
            self._matcher.add(label, [Doc(self.vocab, words=list(key))])

    def __len__(self) -> int:
        return len(self._entries)

    def __call__(self, doc: Doc) -> list[Match[T]]:
        """Return every match in ``doc``, overlapping ones included, in document order."""
        if not self._entries:
            return []
        matches: list[Match[T]] = []
        for match_id, start, end in self._matcher(_shadow(doc)):
            payloads, mask = self._entries[self._keys[match_id]]
            if self.check_case and not all(
                    _has_capital(doc[start + i].text) for i, need in enumerate(mask) if need):
                continue
            matches.append(Match(start, end, tuple(payloads)))
        matches.sort(key=lambda m: (m.start, -m.end))
        return matches


@lru_cache(maxsize=1)
def _shadow_vocab() -> Vocab:
    """The vocabulary of the patterns and shadow Docs of every :class:`FormMatcher`: folded
    words."""
    from spacy.vocab import Vocab

    return Vocab()


#: Every folded word of a pattern of some matcher. A story's word outside this set can match
#: nothing, so its shadow is :data:`_OTHER`: the shadow vocabulary never learns a corpus word
#: and stays the same size over millions of stories.
_SHADOW_WORDS: set[str] = set()
_OTHER = "\x1e"
_SHADOWS: weakref.WeakKeyDictionary[Doc, Doc] = weakref.WeakKeyDictionary()


def _shadow(doc: Doc) -> Doc:
    """The shadow of ``doc``: a Doc of its folded token texts (a word no pattern has is
    :data:`_OTHER`), built once per story and shared by every :class:`FormMatcher`."""
    shadow = _SHADOWS.get(doc)
    if shadow is None or len(shadow) != len(doc):
        from spacy.tokens import Doc

        words = [w if w in _SHADOW_WORDS else _OTHER for w in _folded_words(doc)]
        shadow = Doc(_shadow_vocab(), words=words)
        _SHADOWS[doc] = shadow
    return shadow


def token_bounds(item: Any) -> tuple[int, int]:
    """``(start, end)`` token offsets of a :class:`Match` or a ``Span``."""
    return item.start, item.end


def longest_leftmost(item: Any) -> tuple[int, int]:
    """Rank of :func:`non_overlapping` by default: the longest first, then the leftmost."""
    return item.start - item.end, item.start


def non_overlapping(items: Iterable[T], rank: Callable[[T], Any] = longest_leftmost,
                    bounds: Callable[[T], tuple[int, int]] = token_bounds) -> list[T]:
    """Keep the items that overlap no better-ranked item; return them in text order.

    Items are taken greedily in ``rank`` order (ties in the order given); one is kept when
    none of its tokens (``bounds``: token start and end) belongs to an item kept before.
    With the default rank (the longest first, then the leftmost) this is
    :func:`spacy.util.filter_spans`, for any item with ``start`` and ``end``; families that
    prefer some rules to others put them in the rank:

    >>> non_overlapping(spans, rank=lambda s: (s.start - s.end, priority(s), s.start))
    """
    kept: list[T] = []
    taken: set[int] = set()
    for item in sorted(items, key=rank):
        start, end = bounds(item)
        if taken.isdisjoint(range(start, end)):
            kept.append(item)
            taken.update(range(start, end))
    return sorted(kept, key=lambda item: bounds(item)[0])


def longest_first(matches: Iterable[Match[Any]]) -> Iterator[Match[Any]]:
    """Non-overlapping matches, the longest, then the leftmost kept: :func:`non_overlapping`
    with its default rank (kept for the families that call it by this name)."""
    return iter(non_overlapping(matches))


def is_dateline_head(doc: Doc, start: int, end: int) -> bool:
    """Tell whether ``doc[start:end]`` looks like the place heading a dateline.

    That is: in capitals, at the start of the text or of a line, followed by a comma, a
    parenthesis, a dash or a slash, as in ``BICHKEK, 1er janvier`` or ``PARIS (AFP)``.
    """
    if start > 0:
        before = doc[start - 1]
        if not (before.is_space and "\n" in before.text) and "\n" not in before.whitespace_:
            return False
    words = [t.text for t in doc[start:end] if any(c.isalpha() for c in t.text)]
    if not words or not all(w.isupper() for w in words):
        return False
    return end < len(doc) and doc[end].text in {",", "(", "-", "\u2013", "\u2014", "/"}


@dataclass(frozen=True)
class ContextRule:
    """Context a listed form needs before it counts: words allowed or denied just before it.

    Words are folded (:func:`fold`); an empty ``allow_after`` allows any previous word.
    A form in capitals heading a dateline (:func:`is_dateline_head`) is always accepted.
    """

    allow_after: frozenset[str] = frozenset()
    deny_after: frozenset[str] = frozenset()

    def accepts(self, doc: Doc, start: int, end: int) -> bool:
        """Return True when ``doc[start:end]`` stands in a context this rule accepts."""
        if is_dateline_head(doc, start, end):
            return True
        before = previous_word(doc, start)
        if before in self.deny_after:
            return False
        return not self.allow_after or before in self.allow_after


def read_context_rules(source: str | Path | Traversable) -> dict[str, ContextRule]:
    """Read a context file (``form,allow_after,deny_after,note``) into rules keyed by folded form.

    Each row needs an ``allow_after`` or a ``deny_after`` list (``|`` separated); a form may
    appear once.
    """
    rules: dict[str, ContextRule] = {}
    for row in read_csv(source, required=("form",), optional=("allow_after", "deny_after", "note")):
        allow = frozenset(fold(w) for w in row.get("allow_after").split("|") if w.strip())
        deny = frozenset(fold(w) for w in row.get("deny_after").split("|") if w.strip())
        if not allow and not deny:
            raise row.error("a context rule needs allow_after or deny_after")
        key = fold(row["form"])
        if key in rules:
            raise row.error(f"form {row['form']!r} listed twice")
        rules[key] = ContextRule(allow, deny)
    return rules
