"""Who is who in a story: short mentions linked to full names, and the user's watch list.

:func:`link_people` resolves short mentions to the longest full name of the story that ends
with the same words (``M. Japarov`` -> ``Sadyr Japarov``), and leaves a surname shared by two
full names (``Le Pen`` with ``Marine Le Pen`` and ``Jean-Marie Le Pen``) unresolved.
:class:`Watchlist` finds the names of the user's watch-list files (CSV ``canonical,aliases``
with ``|`` between aliases) and gives their canonical name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.entities.gazetteers import FormMatcher, fold, read_csv
from pipeline.entities.people.base import RULE_WATCHLIST, Candidate
from pipeline.entities.people.names import name_tokens, text_of

__all__ = ["Watchlist", "link", "link_people", "load_watchlist", "name_key", "span_key"]


def span_key(span: Span) -> str:
    """The key of ``span`` in :func:`link_people`'s result: ``"start_char:end_char"``."""
    return f"{span.start_char}:{span.end_char}"


def name_key(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The folded words of a name, hyphenated parts apart: the key names are linked by."""
    parts: list[str] = []
    for token in tokens:
        parts.extend(p for p in fold(token.text).split("-") if p)
    return tuple(parts)


def link(spans: Sequence[Span]) -> dict[str, Span | None]:
    """Map each span key to the span holding its full name (None: ambiguous)."""
    keyed = [(s, name_key(name_tokens(s))) for s in spans]
    result: dict[str, Span | None] = {}
    for span, key in keyed:
        if not key:
            continue
        longer: dict[tuple[str, ...], Span] = {}
        for other, other_key in keyed:
            if len(other_key) > len(key) and other_key[-len(key):] == key:
                longer.setdefault(other_key, other)
        # drop candidates that are themselves the end of a longer candidate
        maximal = {k: s for k, s in longer.items()
                   if not any(len(o) > len(k) and o[-len(k):] == k for o in longer)}
        if not maximal:
            result[span_key(span)] = span
        elif len(maximal) == 1:
            result[span_key(span)] = next(iter(maximal.values()))
        else:
            result[span_key(span)] = None
    return result


def link_people(spans: Sequence[Span]) -> dict[str, str]:
    """Resolve the people mentions of one document to canonical full names.

    Returns ``{span_key(span): canonical name}`` where the canonical name is the longest name
    in ``spans`` whose last words are the span's name (honorifics ignored, accents and case
    ignored): ``M. Japarov`` and ``Japarov`` -> ``Sadyr Japarov``. A span with no longer match
    maps to its own name; a span whose name ends two different full names (``Le Pen`` with
    ``Marine Le Pen`` and ``Jean-Marie Le Pen``) is ambiguous and left out. Pure.
    """
    return {key: text_of(name_tokens(target))
            for key, target in link(spans).items() if target is not None}


def load_watchlist(paths: Iterable[str | Path]) -> list[tuple[str, tuple[str, ...]]]:
    """Read watch-list files (``canonical,aliases``): canonical name and all its forms.

    Raises :class:`pipeline.entities.gazetteers.GazetteerError` naming file and line on a bad row.
    """
    def check(value: str) -> str | None:
        return ("empty alias between '|' separators"
                if any(not a.strip() for a in value.split("|")) else None)
    entries: list[tuple[str, tuple[str, ...]]] = []
    for path in paths:
        for row in read_csv(Path(path), required=("canonical",), optional=("aliases",),
                            validators={"aliases": check}):
            canonical = " ".join(row["canonical"].split())
            if not any(c.isupper() for c in canonical):
                raise row.error(f"canonical name {canonical!r} has no capital letter")
            forms = [canonical] + [" ".join(a.split()) for a in row.get("aliases").split("|")
                                   if a.strip()]
            entries.append((canonical, tuple(dict.fromkeys(forms))))
    return entries


class Watchlist:
    """The names of the user's watch-list files: found in a story, and by their forms."""

    def __init__(self, nlp: Language, paths: Iterable[str | Path]) -> None:
        self.entries = load_watchlist(paths)
        self.matcher: FormMatcher[str] = FormMatcher(
            nlp, [(form, canonical) for canonical, forms in self.entries for form in forms],
            check_case=True)
        #: Folded form -> canonical name.
        self.index: dict[str, str] = {
            fold(form): canonical for canonical, forms in self.entries for form in forms}

    def __bool__(self) -> bool:
        return bool(self.entries)

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every watched name of ``doc`` (rule ``people.watchlist``)."""
        return [Candidate(m.start, m.end, RULE_WATCHLIST, 3, None, m.payloads[0])
                for m in self.matcher(doc)] if self.entries else []

    def canonical(self, name: str) -> str | None:
        """The canonical name of a watched form (any case, accents), else None."""
        return self.index.get(fold(name))
