"""Faults of the machine, not of the input: the disk fills up, the output folder is removed
mid-run. The run stops with one clear line and exit status 2, never leaves a half-written
table that looks complete, leaves earlier tables as they were, and the same command resumes
once the fault is gone."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.io.store import STATE_DIR
from pipeline.io.tables import TABLE_NAMES
from tests.conftest import ROOT


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "stories.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = (f"Marie Curie a quitté Lyon le {i % 28 + 1} mars 2024 pour l'Unesco. "
                    f"Elle y restera {i} jours.")
            handle.write(json.dumps({"id": f"s{i:05d}", "text": text}, ensure_ascii=False)
                         + "\n")
    return path


def tables(outdir: Path) -> dict[str, bytes]:
    """The table files of ``outdir`` (name -> bytes); the work store is left out."""
    return {p.name: p.read_bytes() for p in outdir.iterdir() if p.is_file()}


def depeche(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "pipeline", "run", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored(outdir: Path) -> int:
    path = outdir / STATE_DIR / "store.sqlite"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM results").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A folder on a 1 MB tmpfs (None where mounting is not permitted); unmounted after."""
    folder = tmp_path / "disk"
    folder.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                              capture_output=True, check=False)
    except OSError:  # no mount command
        done = None
    if done is None or done.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_stops_with_one_line_keeps_old_tables_and_resumes(
        tmp_path: Path, small_model: str, small_disk: Path | None,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    out = (small_disk or tmp_path) / "out"
    args = ["-o", str(out), "--model", small_model, "--processes", "1", "--quiet",
            "--batch-size", "16"]
    assert main(["run", str(write_corpus(tmp_path / "small", 5)), *args]) == 0
    before = tables(out)
    big = write_corpus(tmp_path / "big", 2000)
    if small_disk is None:  # no tmpfs here: a write that fails as a full disk does
        fail_after_writes(monkeypatch, 3000)
    capsys.readouterr()
    assert main(["run", str(big), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"depeche: cannot write to {out}: ")
    assert "No space left on device" in err or "database or disk is full" in err
    assert tables(out) == before  # the earlier tables, untouched
    assert not list((out / STATE_DIR).glob("tmp/**/*.*"))
    if small_disk is not None:
        subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    else:
        monkeypatch.undo()
    assert main(["run", str(big), *args]) == 0
    assert capsys.readouterr().err.startswith("depeche: 2000 documents ok, 0 failed")
    assert len((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()) == 2000


def fail_after_writes(monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    """Make the JSON Lines writer fail with ENOSPC after ``n`` rows."""
    import pipeline.io.writers as writers

    real = writers._JsonlSink.write
    count = [0]

    def write(self: writers._JsonlSink, values: list[object]) -> None:
        count[0] += 1
        if count[0] > n:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(self, values)

    monkeypatch.setattr(writers._JsonlSink, "write", write)


def test_a_full_disk_while_writing_tables_leaves_no_table(
        tmp_path: Path, small_model: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    fail_after_writes(monkeypatch, 50)
    out = tmp_path / "out"
    code = main(["run", str(write_corpus(tmp_path / "c", 40)), "-o", str(out), "--model",
                 small_model, "--processes", "1", "--quiet"])
    assert code == 2
    assert capsys.readouterr().err == (f"depeche: cannot write to {out}: No space left on "
                                       "device\n")
    assert sorted(p.name for p in out.iterdir()) == [STATE_DIR]


def test_a_full_work_store_stops_with_one_line(tmp_path: Path, small_model: str,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.io.store import Store

    def put(self: Store, results: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "put", put)
    out = tmp_path / "out"
    code = main(["run", str(write_corpus(tmp_path / "c", 10)), "-o", str(out), "--model",
                 small_model, "--processes", "1", "--quiet"])
    assert code == 2
    assert capsys.readouterr().err == (
        f"depeche: cannot write to {out}: work store {out / STATE_DIR / 'store.sqlite'}: "
        "database or disk is full\n")


def test_the_output_folder_removed_mid_run(tmp_path: Path, small_model: str) -> None:
    out = tmp_path / "out"
    corpus = write_corpus(tmp_path / "c", 1500)
    args = [str(corpus), "-o", str(out), "--model", small_model, "--processes", "1",
            "--batch-size", "8", "--quiet"]
    first = depeche(*args)
    deadline = time.monotonic() + 120
    while stored(out) < 40 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    shutil.rmtree(out)
    _, err = first.communicate(timeout=300)
    assert first.returncode == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"depeche: cannot write to {out}: ")
    assert "removed" in err
    leftovers = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert not [p for p in leftovers if p.name.split(".")[0] in TABLE_NAMES]
    again = depeche(*args)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert err.startswith("depeche: 1500 documents ok, 0 failed")
