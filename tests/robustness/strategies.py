"""Hypothesis strategies: hostile story texts and the bytes of hostile input files.

Story texts are made of French news fragments (written for these tests) mixed with what
breaks naive code: control characters and NUL, right-to-left scripts, emoji sequences with
joiners, characters whose lower case is longer (``İ``) or whose fold changes (``ß``),
combining accents, zero-width characters, Unicode line separators, unbalanced « » and
parentheses, very long tokens, whitespace-only stories.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from hypothesis import strategies as st

FRAGMENTS = (
    "Marie Curie", "Lyon", "Unesco", "M.", "Mme", "Mme Curie", "le président", "la ministre",
    "a déclaré", "a-t-elle dit", "selon", "« ", " »", "«", "»", "(", ")", "\"", "“", "”",
    "le 3 mars 2024", "hier", "1er janvier", "mardi dernier", "en 1999", "LYON, 3 mars (AFP) -",
    "France", "française", "l'Allemagne", "ONU", "l'Union européenne", "—", "...", "qu'",
    "« Nous partirons demain », a déclaré Marie Curie.", "directrice de l'Unesco", "à Lyon",
    "membre de", "alias", "dite", ",", ".", ";", ":", "!", "?", "\n", "\n\n", "\t", "\r\n",
    "مرحبا بكم", "שלום", "\u202e", "\u200f", "😀", "👩\u200d👩\u200d👧", "🇫🇷", "\u200b",
    "\ufeff", "\x00", "\x07", "\x1b[31m", "\u2028", "\u2029", "\x85", "\x0c", "e\u0301",
    "İstanbul", "ß", "ﬁn", "Ⅻ", "ǅ", "Σ", "𝔐𝔞𝔯𝔦𝔢", "0/0/0", "3/4/2024", "2024-03-04",
    "-", "=", "+", "@", "'", "le 31 février 2024", "mi-février", "29/02/2023", "31/04/2024",
    "lundi dernier", "dans 3 jours", "il y a 2 semaines", "la semaine prochaine", "XIXe siècle",
    "les années 1990", "du 3 au 1er mars", "jusqu'au 32 décembre", "à 25h61", "Louis XIV",
    "PARIS, 31 février (AFP) -", "LYON, 3 mars /TASS/.", "a-t-il", "selon lui", "dit-elle",
)
#: Story dates as news carries them (the ends of the calendar crash the dates component: see
#: test_component_crashes.py).
STORY_DATES = st.one_of(st.none(), st.dates(date(1000, 1, 1), date(2999, 12, 31)).map(
    date.isoformat))
SEPARATORS = (" ", " ", " ", "", "\n", "\n\n", "\t", "\u00a0")


@st.composite
def story_texts(draw: st.DrawFn, max_parts: int = 40) -> str:
    """A hostile story: fragments, random text and long tokens, joined by odd separators."""
    part = st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(FRAGMENTS),
        st.text(max_size=15),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=15),
        st.builds(lambda c, n: c * n, st.sampled_from(["«", "»", "(", ")", "9/", "a", "-", " "]),
                  st.integers(1, 300)),
    )
    parts = draw(st.lists(part, max_size=max_parts))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts),
                         max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


def whitespace_story() -> st.SearchStrategy[str]:
    """Text that holds nothing but white space."""
    return st.text(alphabet=" \t\n\r\u00a0\u2028\u2029\u3000\x0b\x0c", max_size=30)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> tuple[str, bool]:
    """One line of a JSON Lines file and whether it is a good story row (an object with a
    non-blank ``text`` string and no lone surrogate)."""
    kind = draw(st.sampled_from(["good", "good", "good", "garbage", "truncated", "not_object",
                                 "no_text", "text_not_string", "blank_text", "surrogate",
                                 "bad_date"]))
    text = draw(story_texts(max_parts=12))
    good_text = bool(text.strip())
    row: dict[str, object] = {"text": text}
    if draw(st.booleans()):
        row["id"] = draw(st.text(max_size=10))
    if draw(st.booleans()):
        row["title"] = draw(st.text(max_size=10))
    if kind == "good":
        return json.dumps(row, ensure_ascii=draw(st.booleans())), good_text
    if kind == "bad_date":
        row["date"] = draw(st.text(max_size=12))
        return json.dumps(row, ensure_ascii=False), good_text
    if kind == "garbage":
        return draw(st.text(max_size=40).filter(lambda s: "\n" not in s and "\r" not in s)), \
            False
    if kind == "truncated":
        line = json.dumps(row, ensure_ascii=False)
        return line[:draw(st.integers(0, max(0, len(line) - 1)))], False
    if kind == "not_object":
        return json.dumps(draw(st.one_of(st.integers(), st.lists(st.integers()), st.text()))), \
            False
    if kind == "no_text":
        row.pop("text")
        return json.dumps(row), False
    if kind == "text_not_string":
        row["text"] = draw(st.one_of(st.integers(), st.none(), st.lists(st.text())))
        return json.dumps(row), False
    if kind == "blank_text":
        row["text"] = draw(whitespace_story())
        return json.dumps(row), False
    row["text"] = text + "\ud83d"  # an escaped lone surrogate: not Unicode text
    return json.dumps(row), False


def csv_text(header: list[str], records: list[list[str]]) -> str:
    """CSV text of a header and records, as a spreadsheet writes them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(records)
    return out.getvalue()


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252")


@st.composite
def file_bytes(draw: st.DrawFn) -> bytes:
    """The bytes of a hostile input file: random bytes, random text in some encoding, text
    with a NUL, or a mix of valid and broken JSON Lines."""
    kind = draw(st.sampled_from(["bytes", "text", "nul", "lines", "long"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "nul":
        text = draw(story_texts(max_parts=10))
        at = draw(st.integers(0, len(text)))
        return (text[:at] + "\x00" + text[at:]).encode("utf-8")
    if kind == "long":
        return draw(st.sampled_from(["a", "«", "9/", "\u00e9"])).encode("utf-8") * \
            draw(st.integers(1000, 20_000))
    if kind == "lines":
        lines = draw(st.lists(jsonl_lines(), max_size=6))
        return "\n".join(line for line, _ in lines).encode("utf-8")
    text = draw(story_texts(max_parts=15))
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")
