"""Stream stories out of a corpus: folders, ``.txt``, ``.html``, ``.jsonl`` and ``.csv`` files.

A web page (``.html``, ``.htm``) is read with trafilatura: the article's text without menus,
footers and other boilerplate, and its title, publication date, site name and URL as metadata.

A story's date comes, in this order, from its own metadata (the ``date`` field of a JSON Lines
or CSV row, a web page's publication date: ``date_source="field"``), from its file's path for a
one-story file (``2024-11-24-otsc.txt``, ``2024/11/24/otsc.txt``: ``"path"``), or from
:attr:`ReaderOptions.default_date` (``depeche run --date``: ``"option"``).

Readers never raise on bad input. They yield :class:`Record` objects for good stories
and :class:`ReadError` objects for everything that could not be read, in input order,
so that one bad file never costs the good ones.

>>> for item in read_inputs(["corpus"]):
...     print(item.doc_id)
000_76d78a2bedede6b9
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

SUFFIXES = (".txt", ".jsonl", ".csv", ".html", ".htm")
#: One story per file: the files whose id is their path and whose path may hold their date.
ONE_STORY_SUFFIXES = (".txt", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
METADATA_FIELDS = ("date", "source", "title", "url")
DEFAULT_MAX_CHARS = 1_000_000
_BINARY_SNIFF = 8192


@dataclass(frozen=True)
class Record:
    """One story to process: its id, its text and its metadata."""

    doc_id: str
    text: str
    input: str
    line: int | None = None
    date: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: Where ``date`` came from: ``field``, ``path`` or ``option`` (None when there is no date).
    date_source: str | None = None


@dataclass(frozen=True)
class ReadError:
    """One input (file or row) that could not be turned into a story."""

    input: str
    line: int | None
    doc_id: str | None
    stage: str
    message: str

    def one_line(self) -> str:
        """The message as printed on stderr: ``file:line: message``."""
        where = self.input if self.line is None else f"{self.input}:{self.line}"
        return f"{where}: {self.message}"


Item = Record | ReadError


@dataclass
class ReaderOptions:
    """How inputs are decoded and which stories are refused."""

    encoding: str = "utf-8"
    max_chars: int = DEFAULT_MAX_CHARS
    #: ISO date (``YYYY-MM-DD``) given to stories with no date of their own (``--date``).
    default_date: str | None = None

    def __post_init__(self) -> None:
        if self.default_date is not None and (
                len(self.default_date) != 10 or parse_iso_date(self.default_date) is None):
            raise ValueError(f"default date {self.default_date!r} is not a YYYY-MM-DD date")


def read_inputs(inputs: Iterable[str | os.PathLike[str]],
                options: ReaderOptions | None = None) -> Iterator[Item]:
    """Yield records and read errors for every story under ``inputs``, in a stable order.

    Folders are searched recursively for ``.txt``, ``.html``, ``.htm``, ``.jsonl`` and ``.csv``
    files (sorted by path; other files are ignored). A doc_id seen twice is reported as an
    error the second time.
    """
    options = options or ReaderOptions()
    seen: dict[str, str] = {}
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            yield ReadError(str(raw), None, None, "read", "no such file or folder")
            continue
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield ReadError(str(raw), None, None, "read",
                                "folder holds no .txt, .html, .jsonl or .csv file")
            for file in files:
                yield from _dedupe(_read_file(file, path, options), seen)
        elif path.suffix.lower() in SUFFIXES:
            yield from _dedupe(_read_file(path, path.parent, options), seen)
        else:
            yield ReadError(str(raw), None, None, "read",
                            f"unknown file type {path.suffix or '(none)'!r}: "
                            "expected .txt, .html, .jsonl or .csv")


def _dedupe(items: Iterator[Item], seen: dict[str, str]) -> Iterator[Item]:
    """Pass items on, turning a record whose doc_id was already read into an error.

    ``seen`` maps each doc_id to where it was first read, so the error names both places.
    """
    for item in items:
        if isinstance(item, Record):
            first = seen.get(item.doc_id)
            if first is not None:
                yield ReadError(item.input, item.line, item.doc_id, "read",
                                f"duplicate doc_id {item.doc_id!r}: first read at {first}; "
                                "this copy is skipped")
                continue
            seen[item.doc_id] = item.input if item.line is None else f"{item.input}:{item.line}"
        yield item


def _read_file(path: Path, root: Path, options: ReaderOptions) -> Iterator[Item]:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(name, None, None, "read", f"cannot read file: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    one_story = suffix in ONE_STORY_SUFFIXES
    file_id = path.relative_to(root).with_suffix("").as_posix() if one_story else None
    if b"\x00" in data[:_BINARY_SNIFF]:
        yield ReadError(name, None, file_id, "decode", "binary file (NUL bytes), not text")
        return
    text, problem = decode(data, options.encoding)
    bad = None
    if text is None and suffix in HTML_SUFFIXES:
        text, problem = _decode_declared(data, problem)
    elif text is None and not one_story:
        # one bad byte costs its line or row, not the whole file
        text, bad = _decode_lines(data, options.encoding)
    if text is None:
        yield ReadError(name, None, file_id, "decode", problem or "cannot decode")
        return
    if one_story:
        path_date = date_from_path(name)
        dated = {"date": path_date, "date_source": "path"} if path_date else \
            _default_date(options)
        if suffix == ".txt":
            yield _check(Record(doc_id=str(file_id), text=text, input=name, **dated), options)
        else:
            yield _read_html(text, name, str(file_id), dated, options)
    elif suffix == ".jsonl":
        yield from _read_jsonl(text, name, options, bad)
    else:
        yield from _read_csv(text, name, options, bad)


#: Bytes that did not decode, as ``surrogateescape`` keeps them (U+DC80 to U+DCFF).
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


class _BadBytes:
    """How a file with undecodable bytes was read: each such byte stays in the text as a
    ``surrogateescape`` character, and the line or row holding one is reported."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding

    def find(self, *values: Any) -> str | None:
        """The error of the first undecodable byte in ``values``, or None."""
        for value in values:
            found = _ESCAPED_BYTE.search(value) if isinstance(value, str) else None
            if found:
                byte = ord(found.group()) - 0xDC00
                return f"not valid {self.encoding}: byte 0x{byte:02x} (see --encoding)"
        return None


def _decode_lines(data: bytes, encoding: str) -> tuple[str | None, _BadBytes | None]:
    """``data`` decoded keeping undecodable bytes (see :class:`_BadBytes`); (None, None) with
    ``--encoding auto`` or an encoding that cannot do that."""
    if encoding.lower() == "auto":
        return None, None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode(encoding, errors="surrogateescape"), _BadBytes(encoding)
    except (UnicodeDecodeError, LookupError):
        return None, None


def _default_date(options: ReaderOptions) -> dict[str, Any]:
    if options.default_date is None:
        return {}
    return {"date": options.default_date, "date_source": "option"}


#: A date in one path component: ``2024-11-24-otsc.txt``, ``2024_11_24``.
_PATH_DATE_RE = re.compile(r"(?<!\d)(\d{4})([-_])(\d{2})\2(\d{2})(?!\d)")


def date_from_path(path: str) -> str | None:
    """The ISO date written in a file's path, or None; the deepest one wins.

    Either one component holds ``YYYY-MM-DD`` (or ``YYYY_MM_DD``), or three consecutive
    components are ``YYYY``, ``MM`` and ``DD``. Impossible dates (``2024-13-40``) are ignored.

    >>> date_from_path("corpus/2024/11/24/otsc.txt"), date_from_path("a/2024-11-24-otsc.txt")
    ('2024-11-24', '2024-11-24')
    """
    parts = Path(path).with_suffix("").parts
    for i in range(len(parts) - 1, -1, -1):
        for match in reversed(list(_PATH_DATE_RE.finditer(parts[i]))):
            found = _valid_date(match.group(1), match.group(3), match.group(4))
            if found:
                return found
        if i >= 2 and all(p.isdigit() for p in parts[i - 2:i + 1]) \
                and (len(parts[i - 2]), len(parts[i - 1]), len(parts[i])) == (4, 2, 2):
            found = _valid_date(parts[i - 2], parts[i - 1], parts[i])
            if found:
                return found
    return None


def _valid_date(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


_CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.I)


def _decode_declared(data: bytes, problem: str | None) -> tuple[str | None, str | None]:
    """Decode a web page with the charset its ``<meta>`` declares, when it declares one."""
    declared = _CHARSET_RE.search(data[:4096])
    if declared is None:
        return None, problem
    encoding = declared.group(1).decode("ascii")
    try:
        return data.decode(encoding), None
    except (UnicodeDecodeError, LookupError):
        return None, f"not valid {encoding}, the charset the page declares"


def _read_html(page: str, name: str, doc_id: str, dated: dict[str, Any],
               options: ReaderOptions) -> Item:
    """One web page: its article text (boilerplate removed) and metadata, via trafilatura.

    ``favor_precision`` keeps menus and footers out, and a page with no article yields an
    error, not a story made of navigation links. The date is only taken from the page's markup
    and metadata (no guess from its URL or its text).
    """
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            page, with_metadata=True, favor_precision=True, include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # noqa: BLE001 - a page trafilatura chokes on is an errors row
        return ReadError(name, None, doc_id, "parse",
                         f"cannot extract the page: {type(exc).__name__}: {exc}")
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not text:
        return ReadError(name, None, doc_id, "parse",
                         "web page holds no article text (only menus, links or boilerplate)")
    meta = {"title": _clean(found.title), "url": _clean(found.url),
            "source": _clean(found.sitename) or _clean(found.hostname)}
    page_date = parse_iso_date(found.date) if isinstance(found.date, str) else None
    if page_date is not None:
        dated = {"date": page_date, "date_source": "field"}
    return _check(Record(doc_id=doc_id, text=text, input=name, **dated, **meta), options)


def decode(data: bytes, encoding: str = "utf-8") -> tuple[str | None, str | None]:
    """Decode ``data``; return ``(text, None)`` or ``(None, reason)``.

    ``encoding="auto"`` accepts UTF-8 and otherwise asks charset-normalizer for its best guess.
    Strict UTF-8 (the default) names the likely encoding in its reason, so that a user knows
    which ``--encoding`` to pass.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if encoding.lower() != "auto":
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError as exc:
            guess = _guess_encoding(data)
            hint = f"; it looks like {guess} (pass --encoding {guess} or auto)" if guess else ""
            return None, (f"not valid {encoding}: byte 0x{data[exc.start]:02x} at offset "
                          f"{exc.start}{hint}")
        except LookupError:
            return None, f"unknown encoding {encoding!r}"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    guess = _guess_encoding(data)
    if guess is None:
        return None, "cannot decode: not UTF-8 and no other encoding fits"
    return data.decode(guess, errors="strict"), None


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    try:
        data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return str(best.encoding)


def _check(record: Record, options: ReaderOptions) -> Item:
    if not record.text.strip():
        return ReadError(record.input, record.line, record.doc_id, "read", "empty document")
    if len(record.text) > options.max_chars:
        return ReadError(record.input, record.line, record.doc_id, "read",
                         f"document too long: {len(record.text):,} characters "
                         f"(limit {options.max_chars:,}; see --max-chars)")
    return record


def _lines(text: str) -> io.StringIO:
    """The lines of ``text``, ends kept, split at line feeds, carriage returns and CRLF
    only: U+2028, U+0085, form feeds... are text inside a JSON string or a CSV field."""
    return io.StringIO(text, newline="")


def _read_jsonl(text: str, name: str, options: ReaderOptions,
                bad: _BadBytes | None = None) -> Iterator[Item]:
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        problem = bad.find(line) if bad else None
        if problem:
            yield ReadError(name, number, None, "decode", problem)
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(name, number, None, "parse", f"not valid JSON: {exc.msg}")
            continue
        if not isinstance(row, dict):
            yield ReadError(name, number, None, "parse",
                            f"expected a JSON object, got {type(row).__name__}")
            continue
        if "\\u" in line and _has_lone_surrogate(row):
            yield ReadError(name, number, None, "parse", "a string holds an escaped lone "
                            "surrogate (\\ud800 to \\udfff without its pair): not Unicode text")
            continue
        yield from _from_row(row, name, number, options)


def _has_lone_surrogate(row: dict[str, Any]) -> bool:
    try:
        json.dumps(row, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _read_csv(text: str, name: str, options: ReaderOptions,
              bad: _BadBytes | None = None) -> Iterator[Item]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(_lines(text))
    problem = bad.find(*reader.fieldnames or ()) if bad else None
    if problem:
        yield ReadError(name, 1, None, "decode", f"{problem} (in the header)")
        return
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield ReadError(name, 1, None, "parse", "CSV header has no 'text' column")
        return
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadError(name, reader.line_num, None, "parse", f"malformed CSV: {exc}")
            continue
        if None in row:
            yield ReadError(name, reader.line_num, _clean(row.get("id")), "parse",
                            "row has more fields than the header")
            continue
        problem = bad.find(*row.values()) if bad else None
        if problem:
            yield ReadError(name, reader.line_num, None, "decode", problem)
            continue
        yield from _from_row(row, name, reader.line_num, options)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _from_row(row: dict[str, Any], name: str, line: int, options: ReaderOptions) -> Iterator[Item]:
    doc_id = _clean(row.get("id"))
    text = row.get("text")
    if not isinstance(text, str):
        what = "has no 'text' field" if text is None else "'text' is not a string"
        yield ReadError(name, line, doc_id, "parse", f"row {what}")
        return
    if doc_id is None:
        doc_id = f"{Path(name).stem}:{line}"
    meta: dict[str, str | None] = {key: _clean(row.get(key)) for key in METADATA_FIELDS}
    if meta["date"] is not None:
        iso = parse_iso_date(meta["date"])
        if iso is None:
            yield ReadError(name, line, doc_id, "metadata",
                            f"'date' {meta['date']!r} is not an ISO 8601 date; ignored")
        meta["date"] = iso
    dated: dict[str, Any] = {"date_source": "field"} if meta["date"] else _default_date(options)
    meta.update(dated)
    extra = {key: value for key, value in row.items()
             if key not in METADATA_FIELDS and key not in ("id", "text")}
    yield _check(Record(doc_id=doc_id, text=text, input=name, line=line, extra=extra,
                        **meta), options)


def parse_iso_date(value: str) -> str | None:
    """Return ``YYYY-MM-DD`` for an ISO 8601 date or date-time string, else None.

    >>> parse_iso_date("2024-03-15T10:00:00+01:00")
    '2024-03-15'
    """
    value = value.strip()
    try:
        return date.fromisoformat(value[:10]).isoformat() if len(value) == 10 else \
            datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None
