"""One self-contained HTML page to look at a run: the corpus at a glance, then story by story.

>>> write_report("outputs", "report.html", limit=20)

The page needs nothing but a browser: CSS and its one small script are inline, it loads no
file, font or image and links to no address (a Content-Security-Policy forbids any other script
and any request). It shows

* the corpus overview: stories, errors, mentions per label; the people, countries and
  organisations named in the most stories; a timeline of the stories (by their date) and one of
  the dates they mention; the strongest co-occurrence pairs;
* then, for the first ``limit`` stories, the text with its entities highlighted in displaCy's
  style (``displacy.render(..., style="ent", manual=True)``), its relations and its quotes with
  their speakers; a filter box keeps the stories that name a given person, place or body.

The tables hold no text, so the story texts are read again from the inputs the run recorded
(``documents.input`` and ``line``) with :mod:`pipeline.io.readers`; relative input paths are
taken from ``root`` (default: the current folder, where ``depeche run`` usually ran). A story
whose input is gone, or changed since the run (its length differs from ``documents.n_chars``),
is listed without its text. Every piece of story text, metadata and file name is escaped: a
story holding ``<script>`` shows those characters, it never runs them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.io.readers import ReaderOptions, Record, read_inputs
from pipeline.io.tables import read_table

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_LIMIT = 20
#: Entries of each "top" list and of the co-occurrence list.
TOP = 10
TOP_PAIRS = 15
#: Longest timeline, in bars, before a coarser unit (day, month, year) is used.
MAX_BARS = 120

LABELS = ("PER", "ORG", "COUNTRY", "LOC", "DATE", "MISC")
#: displaCy's palette for the model's labels, extended to dépêche's COUNTRY.
COLORS = {"PER": "#aa9cfc", "ORG": "#7aecec", "COUNTRY": "#feca74", "LOC": "#ff9561",
          "DATE": "#bfe1d9", "MISC": "#e4e7d2"}
LABEL_NAMES = {"PER": "people", "ORG": "organisations", "COUNTRY": "countries",
               "LOC": "places", "DATE": "dates", "MISC": "other names"}

_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

CSS = """
:root { --ink: #1d2330; --muted: #5b6475; --line: #dde1e8; --accent: #1f5f99; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: #f6f7f9; }
header { background: #13294b; color: #fff; padding: 1.2rem 2rem; }
header h1 { margin: 0 0 .2rem; font-size: 1.5rem; }
header p { margin: 0; color: #c9d3e3; }
main { max-width: 1180px; margin: 0 auto; padding: 1rem 2rem 3rem; }
h2 { margin: 2rem 0 .6rem; font-size: 1.2rem; border-bottom: 2px solid var(--line);
     padding-bottom: .3rem; }
h3 { margin: 0 0 .3rem; font-size: 1.05rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: .6rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .7rem 1rem; }
.card b { display: block; font-size: 1.6rem; }
.card span { color: var(--muted); font-size: .85rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); gap: 1rem;
        margin-top: 1rem; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meter { display: inline-block; height: .6rem; background: var(--accent); border-radius: 2px;
         vertical-align: middle; margin-right: .4rem; }
.chart { display: flex; align-items: stretch; gap: 2px; height: 150px; padding-top: .4rem;
         border-bottom: 1px solid var(--muted); }
.chart .col { flex: 1 1 0; display: flex; flex-direction: column; justify-content: flex-end;
              align-items: stretch; min-width: 2px; }
.chart .v { text-align: center; font-size: .75rem; color: var(--muted); }
.chart .bar { background: var(--accent); border-radius: 2px 2px 0 0; }
.chart .bar.zero { background: transparent; }
.axis { display: flex; justify-content: space-between; color: var(--muted); font-size: .8rem; }
.axis.labels { gap: 2px; }
.axis.labels .k { flex: 1 1 0; text-align: center; font-size: .7rem; overflow: hidden; }
.muted { color: var(--muted); }
button.pick { border: 0; background: none; padding: 0; color: var(--accent); cursor: pointer;
              font: inherit; text-align: left; }
button.pick:hover { text-decoration: underline; }
.filter { position: sticky; top: 0; background: #f6f7f9; padding: .6rem 0; z-index: 1; }
.filter input { width: 22rem; max-width: 100%; padding: .35rem .5rem; font: inherit;
                border: 1px solid var(--line); border-radius: 6px; }
section.story { background: #fff; border: 1px solid var(--line); border-radius: 8px;
                padding: 1rem 1.2rem; margin: 0 0 1rem; }
.meta { color: var(--muted); font-size: .85rem; margin-bottom: .6rem; }
.story .entities { line-height: 2.5; font-size: .95rem; }
.story h4 { margin: .9rem 0 .3rem; font-size: .9rem; color: var(--muted); }
.quote { margin: .3rem 0; padding-left: .7rem; border-left: 3px solid var(--line); }
.legend span { display: inline-block; padding: .05rem .5rem; border-radius: .35em;
               margin-right: .3rem; font-size: .8rem; font-weight: 600; }
.errors li { font-family: ui-monospace, monospace; font-size: .85rem; }
"""

SCRIPT = """
(function () {
  var box = document.getElementById("filter");
  var stories = document.querySelectorAll("section.story");
  var shown = document.getElementById("shown");
  function apply() {
    var query = box.value.trim().toLowerCase();
    var n = 0;
    stories.forEach(function (story) {
      var hit = !query || story.getAttribute("data-search").indexOf(query) >= 0;
      story.hidden = !hit;
      if (hit) { n += 1; }
    });
    shown.textContent = String(n);
  }
  box.addEventListener("input", apply);
  document.querySelectorAll("button.pick").forEach(function (button) {
    button.addEventListener("click", function () {
      box.value = button.getAttribute("data-pick");
      apply();
      box.scrollIntoView();
    });
  });
  apply();
})();
"""


class ReportError(RuntimeError):
    """The tables cannot be read or the report cannot be written; one printable line."""


@dataclass
class ReportSummary:
    """What :func:`write_report` wrote."""

    path: str
    documents: int
    stories: int
    texts: int

    def line(self) -> str:
        """The one-line summary printed by ``depeche report``."""
        return (f"depeche: report of {self.documents} documents, {self.stories} stories shown "
                f"({self.texts} with their text) -> {self.path}")


@dataclass
class Tables:
    """The tables a report reads, as pandas DataFrames."""

    documents: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    relations: pd.DataFrame
    quotes: pd.DataFrame
    cooccurrence_totals: pd.DataFrame
    errors: pd.DataFrame

    @classmethod
    def read(cls, outdir: str | os.PathLike[str]) -> Tables:
        """Read every table the report needs from ``outdir``."""
        frames = {}
        for name in cls.__dataclass_fields__:
            if not (Path(outdir) / f"{name}.csv").is_file():
                raise ReportError(f"{outdir}: no {name}.csv: not an output folder of "
                                  "`depeche run`")
            frames[name] = read_table(outdir, name)
        return cls(**frames)


def write_report(outdir: str | os.PathLike[str], path: str | os.PathLike[str], *,
                 limit: int = DEFAULT_LIMIT,
                 root: str | os.PathLike[str] | None = None) -> ReportSummary:
    """Write the report of the run in ``outdir`` to the HTML file ``path``."""
    tables = Tables.read(outdir)
    page, stories, texts = render(tables, limit=limit, root=root, name=Path(outdir).name)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        raise ReportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return ReportSummary(str(target), len(tables.documents), stories, texts)


# -- page ------------------------------------------------------------------------------------

def _e(value: Any) -> str:
    """Escaped text of a cell; empty for a missing value."""
    if value is None or _missing(value):
        return ""
    return html.escape(str(value), quote=True)


def _missing(value: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: (None if _missing(v) else v) for k, v in row.items()}
            for row in frame.to_dict("records")]


def render(tables: Tables, *, limit: int = DEFAULT_LIMIT,
           root: str | os.PathLike[str] | None = None, name: str = "") -> tuple[str, int, int]:
    """The report's HTML, the number of stories shown and how many of them with their text."""
    documents = _records(tables.documents)
    entities = {row["entity_id"]: row for row in _records(tables.entities)}
    shown = [d for d in documents if d.get("status") == "ok"][:limit]
    texts = story_texts(shown, root)
    overview = _overview(tables, documents, entities)
    wanted = {doc["doc_id"] for doc in shown}
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {doc_id: {} for doc_id in wanted}
    for table in ("mentions", "relations", "quotes"):
        frame = getattr(tables, table)
        for row in _records(frame[frame["doc_id"].isin(wanted)]):
            rows[row["doc_id"]].setdefault(table, []).append(row)
    sections = [_story(doc, texts.get(doc["doc_id"]), rows[doc["doc_id"]], entities)
                for doc in shown]
    with_text = sum(1 for doc in shown if isinstance(texts.get(doc["doc_id"]), str))
    script_hash = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()
    policy = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
              f"script-src 'sha256-{script_hash}'")
    title = f"dépêche report{': ' + name if name else ''}"
    legend = "".join(f'<span style="background: {COLORS[label]}">{label}</span>'
                     for label in LABELS)
    page = f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>{_e(title)}</h1>
<p>{len(documents)} documents · {len(tables.mentions)} mentions · {len(entities)} entities ·
{len(tables.relations)} relations · {len(tables.quotes)} quotes</p></header>
<main>
{overview}
<h2 id="stories">Stories</h2>
<div class="filter"><input id="filter" type="search" placeholder="Filter: a name, a place, a word"
 aria-label="Filter the stories"> <span class="muted"><span id="shown">{len(shown)}</span> of
{len(shown)} stories shown{_more(len(documents), len(shown))}</span>
<span class="legend">{legend}</span></div>
{''.join(sections) or '<p class="muted">No story to show.</p>'}
</main>
<script>{SCRIPT}</script>
</body>
</html>
"""
    return page, len(shown), with_text


def _more(total: int, shown: int) -> str:
    return f" (the first {shown} of {total} documents: see --limit)" if total > shown else ""


def _overview(tables: Tables, documents: list[dict[str, Any]],
              entities: dict[str, dict[str, Any]]) -> str:
    ok = sum(1 for d in documents if d.get("status") == "ok")
    mentions = _records(tables.mentions)
    per_label = Counter(m["label"] for m in mentions)
    dated = sum(1 for d in documents if d.get("date"))
    cards = [(ok, "stories processed"), (len(documents) - ok, "failed in processing"),
             (len(tables.errors), "errors rows"), (len(mentions), "mentions"),
             (len(entities), "distinct entities"), (len(tables.relations), "relations"),
             (len(tables.quotes), "quotes"), (dated, "stories with a date")]
    out = ['<h2 id="overview">Corpus overview</h2><div class="cards">']
    out += [f'<div class="card"><b>{n}</b><span>{_e(what)}</span></div>' for n, what in cards]
    out.append("</div>")
    top = max(per_label.values(), default=1)
    rows = "".join(
        f'<tr><td><span class="meter" style="width: {80 * per_label[label] // top}px; '
        f'background: {COLORS[label]}"></span>{label} <span class="muted">'
        f'{LABEL_NAMES[label]}</span></td><td class="n">{per_label[label]}</td></tr>'
        for label in LABELS if per_label[label])
    out.append('<div class="grid"><div class="panel"><h3>Mentions per label</h3>'
               f'<table><tr><th>label</th><th class="n">mentions</th></tr>{rows}</table></div>')
    counts = entity_counts(mentions)
    for label, heading in (("PER", "Top people"), ("COUNTRY", "Top countries"),
                           ("ORG", "Top organisations")):
        out.append(_top_entities(entities, counts, label, heading))
    out.append("</div>")
    story_dates = [d["date"] for d in documents if d.get("date")]
    mentioned = [m["norm"].split("/")[0] for m in mentions
                 if m["label"] == "DATE" and m.get("norm") and m.get("kind") != "dateline"]
    out.append('<div class="grid">')
    out.append(_timeline("Stories by date", story_dates, "stories",
                         "documents.date: field, path, --date or dateline"))
    out.append(_timeline("Dates the stories mention", mentioned, "mentions",
                         "DATE mentions with a known year (dateline dates left out)"))
    out.append("</div>")
    credits = {m["entity_id"] for m in mentions if m.get("rule") in NOT_COUNTED_RULES}
    credits -= {m["entity_id"] for m in mentions if m.get("rule") not in NOT_COUNTED_RULES}
    totals = [t for t in _records(tables.cooccurrence_totals)
              if t["entity_a"] not in credits and t["entity_b"] not in credits]
    out.append(_pairs(totals, entities))
    errors = _records(tables.errors)
    if errors:
        items = "".join(f"<li>{_e(e['input'])}{':' + _e(e['line']) if e.get('line') else ''}: "
                        f"{_e(e['message'])}</li>" for e in errors[:TOP])
        more = f"<p class='muted'>… and {len(errors) - TOP} more in errors.csv</p>" \
            if len(errors) > TOP else ""
        out.append(f'<h2 id="errors">Errors</h2><ul class="errors">{items}</ul>{more}')
    return "\n".join(out)


#: Mentions left out of the "top" lists: the agency credit of a dateline (``(AFP)``) names the
#: wire service, not a body the story is about.
NOT_COUNTED_RULES = frozenset({"datelines.agency"})


def entity_counts(mentions: Iterable[dict[str, Any]]) -> dict[str, tuple[int, int, int]]:
    """Per entity: ``(stories, mentions by name, nationality words)``, dateline credits left out.

    A story counts when it names the entity or uses its nationality word (``kirghize``).

    >>> entity_counts([{"entity_id": "country:KG", "doc_id": "a", "form": "demonym",
    ...                 "rule": "countries.demonym"}])
    {'country:KG': (1, 0, 1)}
    """
    stories: dict[str, set[str]] = {}
    names: Counter[str] = Counter()
    demonyms: Counter[str] = Counter()
    for m in mentions:
        entity_id = m.get("entity_id")
        if not entity_id or m.get("rule") in NOT_COUNTED_RULES:
            continue
        (demonyms if m.get("form") == "demonym" else names)[entity_id] += 1
        stories.setdefault(entity_id, set()).add(str(m["doc_id"]))
    return {e: (len(docs), names[e], demonyms[e]) for e, docs in stories.items()}


def _top_entities(entities: dict[str, dict[str, Any]], counts: dict[str, tuple[int, int, int]],
                  label: str, heading: str) -> str:
    chosen = sorted((e for e in entities.values()
                     if e["label"] == label and e["entity_id"] in counts),
                    key=lambda e: (-counts[e["entity_id"]][0], -sum(counts[e["entity_id"]]),
                                   e["name"]))
    rows = []
    for e in chosen[:TOP]:
        n_stories, n_names, n_demonyms = counts[e["entity_id"]]
        extra = f' <span class="muted">{_e(e["wikidata"])}</span>' if e.get("wikidata") else ""
        demonyms = f' <span class="muted">+{n_demonyms} adj.</span>' if n_demonyms else ""
        rows.append(f'<tr><td><button class="pick" type="button" data-pick="{_e(e["name"])}">'
                    f'{_e(e["name"])}</button>{extra}</td><td class="n">{n_stories}</td>'
                    f'<td class="n">{n_names}{demonyms}</td></tr>')
    body = "".join(rows) or '<tr><td class="muted" colspan="3">none</td></tr>'
    note = '<p class="muted">Agency credits of datelines left out.</p>' if label == "ORG" else ""
    return (f'<div class="panel"><h3>{_e(heading)}</h3><table><tr><th>name</th>'
            f'<th class="n">stories</th><th class="n">mentions</th></tr>{body}</table>{note}'
            "</div>")


def _pairs(totals: list[dict[str, Any]], entities: dict[str, dict[str, Any]]) -> str:
    ranked = sorted(totals, key=lambda t: (-t["n_documents"], -t["n_sentences"],
                                           t["entity_a"], t["entity_b"]))[:TOP_PAIRS]

    def name(entity_id: str) -> str:
        return str((entities.get(entity_id) or {}).get("name") or entity_id)

    rows = "".join(
        f'<tr><td>{_e(name(t["entity_a"]))} <span class="muted">{_e(t["label_a"])}</span></td>'
        f'<td>{_e(name(t["entity_b"]))} <span class="muted">{_e(t["label_b"])}</span></td>'
        f'<td class="n">{t["n_documents"]}</td><td class="n">{t["n_sentences"]}</td></tr>'
        for t in ranked) or '<tr><td class="muted" colspan="4">none</td></tr>'
    return ('<h2 id="pairs">Strongest co-occurrences</h2><div class="panel"><table><tr>'
            '<th>entity</th><th>entity</th><th class="n">stories</th>'
            f'<th class="n">sentences</th></tr>{rows}</table><p class="muted">Pairs named in '
            "the same sentence, from cooccurrence_totals; agencies named only in dateline "
            "credits left out.</p></div>")


# -- timelines -------------------------------------------------------------------------------

def buckets(values: Iterable[str]) -> tuple[str, list[tuple[str, int]]]:
    """Count ISO dates per day, month or year, whichever keeps the timeline short.

    Returns the unit and every bucket from the first to the last, empty ones included, so that
    the bars are to scale. Values without the precision of the unit are left out (``2025`` in a
    timeline by month); non-ISO values (``XXXX-11-24``, ``2024-W12``) always are.

    >>> buckets(["2024-11-24", "2024-11-26"])
    ('day', [('2024-11-24', 1), ('2024-11-25', 0), ('2024-11-26', 1)])
    """
    parsed = [m.groups() for m in map(_ISO_RE.match, values) if m]
    for unit in ("day", "month", "year"):
        width = {"day": 3, "month": 2, "year": 1}[unit]
        keys = ["-".join(p[:width]) for p in parsed if all(p[:width])]
        if not keys:
            continue
        first, last = min(keys), max(keys)
        span = _span(unit, first, last)
        if len(span) <= MAX_BARS or unit == "year":
            counts = Counter(keys)
            return unit, [(key, counts.get(key, 0)) for key in span]
    return "day", []


def _span(unit: str, first: str, last: str) -> list[str]:
    if unit == "day":
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        if (end - start).days > MAX_BARS:
            return [""] * (MAX_BARS + 1)
        return [(start + dt.timedelta(days=i)).isoformat()
                for i in range((end - start).days + 1)]
    if unit == "month":
        y0, m0 = map(int, first.split("-"))
        y1, m1 = map(int, last.split("-"))
        return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(y0 * 12 + m0 - 1, y1 * 12 + m1)]
    return [f"{y:04d}" for y in range(int(first), int(last) + 1)]


#: Up to this many bars, each carries its count and its label.
LABELLED_BARS = 16


def _timeline(heading: str, values: Sequence[str], what: str, note: str) -> str:
    unit, counted = buckets(values)
    if not counted:
        return (f'<div class="panel"><h3>{_e(heading)}</h3><p class="muted">no dates</p>'
                "</div>")
    top = max(n for _, n in counted) or 1
    labelled = len(counted) <= LABELLED_BARS
    cols = []
    for key, n in counted:
        value = f'<span class="v">{n or ""}</span>' if labelled else ""
        cols.append(f'<div class="col" title="{_e(key)}: {n} {_e(what)}">{value}'
                    f'<div class="bar{" zero" if not n else ""}" '
                    f'style="height: {max(1, 80 * n // top)}%"></div></div>')
    if labelled:
        axis = "".join(f'<span class="k">{_e(key)}</span>' for key, _ in counted)
        axis = f'<div class="axis labels">{axis}</div>'
    else:
        axis = (f'<div class="axis"><span>{_e(counted[0][0])}</span><span>by {unit}</span>'
                f'<span>{_e(counted[-1][0])}</span></div>')
    total = sum(n for _, n in counted)
    return (f'<div class="panel"><h3>{_e(heading)} <span class="muted">by {unit}</span></h3>'
            f'<div class="chart" role="img" aria-label="{_e(heading)} by {unit}">'
            f'{"".join(cols)}</div>{axis}<p class="muted">{total} {_e(what)}; {_e(note)}</p>'
            "</div>")


# -- stories ---------------------------------------------------------------------------------

def story_texts(documents: Sequence[dict[str, Any]],
                root: str | os.PathLike[str] | None = None) -> dict[str, str | None]:
    """The text of each story, read again from its input; None when it cannot be had.

    A story whose text no longer has the length the run recorded gets None too: its offsets
    would not fit.
    """
    base = Path(root) if root is not None else Path.cwd()
    by_input: dict[str, list[dict[str, Any]]] = {}
    for doc in documents:
        by_input.setdefault(str(doc["input"]), []).append(doc)
    texts: dict[str, str | None] = {}
    options = ReaderOptions(encoding="auto", max_chars=10**9)
    for name, docs in by_input.items():
        path = Path(name) if Path(name).is_absolute() else base / name
        records: dict[int | None, Record] = {}
        if path.is_file():
            for item in read_inputs([path], options):
                if isinstance(item, Record):
                    records[item.line] = item
        for doc in docs:
            record = records.get(doc.get("line"))
            ok = record is not None and len(record.text) == doc.get("n_chars")
            texts[doc["doc_id"]] = record.text if ok and record is not None else None
    return texts


def _story(doc: dict[str, Any], text: str | None, rows: dict[str, list[dict[str, Any]]],
           entities: dict[str, dict[str, Any]]) -> str:
    doc_id = doc["doc_id"]
    mentions, relations, quotes = (rows.get(name, []) for name in
                                   ("mentions", "relations", "quotes"))
    names = {str((entities.get(m["entity_id"]) or {}).get("name") or m["text"])
             for m in mentions if m["label"] != "DATE"}
    search = " | ".join(sorted({doc_id, str(doc.get("title") or ""), *names}))
    if text is not None:
        search += " | " + text
    where = f"{doc['input']}:{doc['line']}" if doc.get("line") else str(doc["input"])
    meta = [f"<code>{_e(doc_id)}</code>"] if doc.get("title") else []
    if doc.get("date"):
        meta.append(f"{_e(doc['date'])} <span title='date_source'>({_e(doc.get('date_source'))})"
                    "</span>")
    if doc.get("source"):
        meta.append(_e(doc["source"]))
    if doc.get("dateline_place") or doc.get("agency"):
        meta.append("dateline " + " · ".join(_e(doc[k]) for k in ("dateline_place", "agency")
                                             if doc.get(k)))
    meta.append(f"{doc.get('n_mentions') or 0} mentions")
    meta.append(_e(where))
    if text is not None:
        body = _highlight(text, mentions)
    else:
        body = (f'<p class="muted">Text not shown: {_e(where)} is not readable from here or has '
                "changed since the run (see --root).</p>")
    return (f'<section class="story" id="story-{_e(doc_id)}" data-search="{_e(search.lower())}">'
            f'<h3>{_e(doc.get("title") or doc_id)}</h3><div class="meta">{" · ".join(meta)}</div>'
            f"{body}{_relations(relations, entities)}{_quotes(quotes, entities)}</section>\n")


def _highlight(text: str, mentions: Sequence[dict[str, Any]]) -> str:
    """The text with its mentions marked, rendered by displaCy (which escapes the text)."""
    from spacy import displacy

    spans, end = [], 0
    for m in sorted(mentions, key=lambda m: (m["start_char"], -m["end_char"])):
        if m["start_char"] >= end and m["label"] in COLORS:
            spans.append({"start": int(m["start_char"]), "end": int(m["end_char"]),
                          "label": str(m["label"])})
            end = int(m["end_char"])
    rendered = displacy.render({"text": text, "ents": spans, "title": None}, style="ent",
                               manual=True, page=False, jupyter=False,
                               options={"colors": COLORS})
    return str(rendered)


def _entity_name(entity_id: Any, written: Any, entities: dict[str, dict[str, Any]]) -> str:
    entity = entities.get(entity_id) if entity_id else None
    name = entity["name"] if entity else None
    if name and written and name != written:
        return f"{_e(name)} <span class='muted'>({_e(written)})</span>"
    return _e(name or written or "")


def _relations(relations: Sequence[dict[str, Any]], entities: dict[str, dict[str, Any]]) -> str:
    relations = [r for r in relations if r["predicate"] != "quote"]  # shown under Quotes
    if not relations:
        return ""
    rows = "".join(
        f"<tr><td>{_e(r['predicate'])}{_attributes(r.get('attributes'))}</td>"
        f"<td>{_entity_name(r['subject_id'], r['subject_text'], entities)}</td>"
        f"<td>{_entity_name(r['object_id'], r['object_text'], entities)}</td>"
        f"<td>{_e(r['evidence'])}</td></tr>" for r in relations)
    return (f"<h4>Relations ({len(relations)})</h4><table><tr><th>predicate</th>"
            f"<th>subject</th><th>object</th><th>evidence</th></tr>{rows}</table>")


def _attributes(attributes: Any) -> str:
    if not isinstance(attributes, dict) or not attributes:
        return ""
    shown = ", ".join(f"{_e(k)}: {_e(v)}" for k, v in sorted(attributes.items())
                      if not k.endswith(("_start", "_end")))
    return f" <span class='muted'>({shown})</span>"


def _quotes(quotes: Sequence[dict[str, Any]], entities: dict[str, dict[str, Any]]) -> str:
    if not quotes:
        return ""
    items = []
    for q in quotes:
        speaker = _entity_name(q["speaker_id"], q["speaker_text"], entities) or \
            "<span class='muted'>no speaker</span>"
        items.append(f'<div class="quote"><b>{speaker}</b> <span class="muted">{_e(q["kind"])}'
                     f'{", " + _e(q["cue"]) if q.get("cue") else ""}</span><br>'
                     f'{_e(q["quote_text"])}</div>')
    return f"<h4>Quotes ({len(quotes)})</h4>{''.join(items)}"
