"""Snapshot what the pipeline says about a set of texts, to prove a refactoring changed nothing.

    python -m benchmarks.snapshot -o /tmp/before.jsonl            # corpus/ + ../shared/eval
    ... refactor ...
    python -m benchmarks.snapshot -o /tmp/after.jsonl --compare /tmp/before.jsonl

Writes one JSON line per text: its mentions, relations, quotes and documents rows as
:func:`pipeline.runner.analyse` returns them. ``--compare`` prints the texts whose rows
differ (the first difference of each) and exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"


def texts(eval_dir: Path) -> Iterator[tuple[str, str, str | None]]:
    """``(id, text, date)`` of the sample corpus and of every ``*/dev.jsonl`` of ``eval_dir``."""
    for path in sorted((REPO_ROOT / "corpus").glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8"), None
    for path in sorted(eval_dir.glob("*/dev.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    yield f"{path.parent.name}/{row['id']}", row["text"], row.get("date")


def first_difference(a: object, b: object, where: str = "") -> str | None:
    """Path and values of the first place where two JSON values differ, or None."""
    if type(a) is not type(b):
        return f"{where}: {a!r} != {b!r}"
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            found = first_difference(a.get(key), b.get(key), f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None if len(a) == len(b) else f"{where}: {len(a)} items != {len(b)} items"
    return None if a == b else f"{where}: {a!r} != {b!r}"


def main(argv: Sequence[str] | None = None) -> int:
    """Write the snapshot, and compare it with an earlier one when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    args = parser.parse_args(argv)
    from pipeline.nlp import build_nlp
    from pipeline.runner import analyse

    nlp = build_nlp()
    with args.out.open("w", encoding="utf-8") as out:
        for doc_id, text, date in texts(args.eval_dir):
            rows = analyse(text, nlp=nlp, doc_id=doc_id, date=date)
            out.write(json.dumps({"id": doc_id, **rows}, ensure_ascii=False, sort_keys=True))
            out.write("\n")
    if args.compare is None:
        return 0
    old = {r["id"]: r for r in map(json.loads, args.compare.open(encoding="utf-8"))}
    new = {r["id"]: r for r in map(json.loads, args.out.open(encoding="utf-8"))}
    changed = 0
    for doc_id in sorted(set(old) | set(new)):
        found = first_difference(old.get(doc_id), new.get(doc_id))
        if found:
            changed += 1
            print(f"{doc_id}{found}")
    print(f"{changed} of {len(new)} texts differ", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
