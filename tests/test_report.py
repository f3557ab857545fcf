"""The HTML report: content, escaping, self-containment; and in a real headless browser."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.cli import main
from pipeline.report import Tables, buckets, entity_counts, render, write_report
from pipeline.runner import run
from tests.conftest import ROOT, SAMPLE_ID

SCRIPT_ATTACK = "<script>window.__pwned=1</script>"
IMG_ATTACK = '<img src=x onerror="window.__pwned=1">'
#: Chromium's switches for a quiet, offline, sandbox-less headless run (as root in CI).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The report of the committed sample run, its story read from corpus/."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    write_report(ROOT / "outputs", out, root=ROOT)
    return out.read_text(encoding="utf-8")


def test_overview_shows_counts_top_entities_and_pairs(sample_page: str) -> None:
    assert "<b>1</b><span>stories processed</span>" in sample_page
    assert '<b>33</b><span>mentions</span>' in sample_page
    top_people = sample_page.split("<h3>Top people</h3>", 1)[1].split("</table>", 1)[0]
    assert 'data-pick="Sadyr Japarov">Sadyr Japarov</button>' in top_people
    top_countries = sample_page.split("<h3>Top countries</h3>", 1)[1].split("</table>", 1)[0]
    assert re.search(r"Kirghizistan</button> <span class=\"muted\">Q813</span></td>"
                     r"<td class=\"n\">1</td><td class=\"n\">4 <span class=\"muted\">\+2 adj",
                     top_countries)
    pairs = sample_page.split('<h2 id="pairs">', 1)[1]
    assert "Organisation du traité de sécurité collective" in pairs


def test_the_story_is_highlighted_with_its_relations_and_quotes(sample_page: str) -> None:
    story = sample_page.split('<section class="story"', 1)[1]
    assert story.count('<mark class="entity"') == 33
    assert re.search(r"Sadyr Japarov\s*<span[^>]*>PER</span>", story)
    assert "le président kirghize Sadyr Japarov" in story  # a role's evidence
    assert "<b>Sadyr Japarov <span class='muted'>(M. Japarov)</span></b>" in story  # a speaker


def test_the_page_needs_no_network(sample_page: str) -> None:
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?(?!data:|#)[a-z]+:""", sample_page,
                         flags=re.I)
    assert not re.search(r"url\(|@import|//[a-z0-9.-]+\.[a-z]{2,}/", sample_page, flags=re.I)
    assert "Content-Security-Policy" in sample_page and "default-src 'none'" in sample_page


def test_a_story_whose_input_is_gone_is_listed_without_text(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    summary = write_report(ROOT / "outputs", out, root=tmp_path)
    assert (summary.stories, summary.texts) == (1, 0)
    assert "Text not shown: corpus/000_76d78a2bedede6b9.txt is not readable from here" in \
        out.read_text(encoding="utf-8")


def test_a_story_changed_since_the_run_is_listed_without_text(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    text = (ROOT / "corpus" / f"{SAMPLE_ID}.txt").read_text(encoding="utf-8")
    (tmp_path / "corpus" / f"{SAMPLE_ID}.txt").write_text(text + " Ajout.", encoding="utf-8")
    summary = write_report(ROOT / "outputs", tmp_path / "r.html", root=tmp_path)
    assert summary.texts == 0


def test_story_text_and_metadata_are_escaped(tmp_path: Path, blank_nlp: Language) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "piege.jsonl").write_text(
        '{"id": "x\\"><b>", "title": "<i>titre</i>", "text": "Marie Curie à Lyon. '
        + SCRIPT_ATTACK + " " + IMG_ATTACK.replace('"', '\\"') + '"}\n', encoding="utf-8")
    run([corpus], tmp_path / "out", nlp=blank_nlp)
    page, stories, texts = render(Tables.read(tmp_path / "out"), root=tmp_path)
    assert (stories, texts) == (1, 1)
    assert SCRIPT_ATTACK not in page and "<img" not in page and "<i>titre" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "x&quot;&gt;&lt;b&gt;" in page
    assert page.count("<script>") == 1  # the report's own filter


@pytest.mark.parametrize(("values", "expected"), [
    (["2024-11-24", "2024-11-26", "2024-11-24"],
     ("day", [("2024-11-24", 2), ("2024-11-25", 0), ("2024-11-26", 1)])),
    (["2024-01-05", "2024-06-20", "2024-06", "2024"],
     ("month", [("2024-01", 1), ("2024-02", 0), ("2024-03", 0), ("2024-04", 0),
                ("2024-05", 0), ("2024-06", 2)])),
    (["1945-05-08", "2024-06-20", "2024"], ("year", [(str(y), int(y in (1945, 2024)) +
                                                      (y == 2024)) for y in range(1945, 2025)])),
    (["XXXX-11-24", "2024-W12", "2024-SU"], ("day", [])),
])
def test_timeline_buckets(values: list[str], expected: tuple[str, list[tuple[str, int]]]) -> None:
    assert buckets(values) == expected


def test_entity_counts_leave_dateline_agency_credits_out() -> None:
    mentions = [
        {"entity_id": "org:AFP", "doc_id": "a", "form": "name", "rule": "datelines.agency"},
        {"entity_id": "org:AFP", "doc_id": "b", "form": "name", "rule": "organisations.name"},
        {"entity_id": "country:FR", "doc_id": "a", "form": "demonym", "rule": "x"},
        {"entity_id": "country:FR", "doc_id": "b", "form": "name", "rule": "x"},
    ]
    assert entity_counts(mentions) == {"org:AFP": (1, 1, 0), "country:FR": (2, 1, 1)}


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(ROOT / "outputs"), "-o", str(out), "--limit", "1",
                 "--root", str(ROOT)]) == 0
    assert capsys.readouterr().err == (f"depeche: report of 1 documents, 1 stories shown (1 with "
                                       f"their text) -> {out}\n")
    assert main(["report", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an output folder of `depeche run`" in err


# -- in a real browser ------------------------------------------------------------------------

def chromium() -> str:
    """Path of Chromium; skip (or fail where DEPECHE_REQUIRE_BROWSER=1, as in CI) without it."""
    path = os.environ.get("DEPECHE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    missing = None
    if not Path(path).is_file():
        missing = f"Chromium not found at {path} (Debian: apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is not installed (pip install '.[test]')"
    if missing:
        if os.environ.get("DEPECHE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser test required (DEPECHE_REQUIRE_BROWSER=1): {missing}")
        pytest.skip(f"browser test skipped: {missing}")
    return path


STORIES = {
    "2024/11/24/astana.txt": "ASTANA, 24 novembre (AFP) - Les dirigeants de l'OTSC se sont réunis "
                             "dimanche au Kazakhstan. Le président kirghize Sadyr Japarov a pris "
                             "la présidence de l'organisation.",
    "2024-12-02-piege.txt": "Bruxelles, 2 décembre (AFP) - Un message piégé a circulé : "
                            f"{SCRIPT_ATTACK} puis {IMG_ATTACK} dans une dépêche sur l'OTAN.",
}


@pytest.mark.model
@pytest.mark.browser
def test_the_report_in_headless_chromium(nlp: Language, tmp_path: Path) -> None:
    executable = chromium()
    from playwright.sync_api import sync_playwright

    for name, text in STORIES.items():
        (tmp_path / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    (tmp_path / "corpus" / "titres.jsonl").write_text(json.dumps(
        {"id": "t1", "title": f"Titre {IMG_ATTACK}", "source": SCRIPT_ATTACK,
         "text": "Réunion de l'OTAN à Bruxelles."}) + "\n", encoding="utf-8")
    run([tmp_path / "corpus"], tmp_path / "out", nlp=nlp)
    page_path = tmp_path / "report.html"
    write_report(tmp_path / "out", page_path, root=tmp_path)
    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_path.as_uri())
            page.wait_for_load_state("load")
            assert problems == []
            assert [r for r in requests if not r.startswith(("file:", "data:"))] == []
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.locator("mark.entity").count() >= 8
            assert page.locator("img").count() == 0
            trap = page.locator("section.story").nth(1)
            assert SCRIPT_ATTACK in trap.inner_text() and IMG_ATTACK in trap.inner_text()
            names = page.locator("mark.entity").all_inner_texts()
            assert "Sadyr Japarov PER" in [" ".join(n.split()) for n in names]
            page.fill("#filter", "japarov")
            assert page.locator("#shown").inner_text() == "1"
            assert page.locator("section.story:visible").count() == 1
            shot = tmp_path / "report.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            # Escaping alone keeps the page safe: the same page without its security policy.
            bare = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "",
                          page_path.read_text(encoding="utf-8"))
            assert "Content-Security-Policy" not in bare
            page.set_content(bare)
            page.wait_for_load_state("load")
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.locator("img").count() == 0
            assert page.locator("section.story").count() == 3
        finally:
            browser.close()


@pytest.mark.parametrize(("required", "outcome"), [
    (None, pytest.skip.Exception), ("1", pytest.fail.Exception)])
def test_without_chromium_the_browser_test_skips_or_fails_when_required(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, required: str | None,
        outcome: type[BaseException]) -> None:
    monkeypatch.setenv("DEPECHE_CHROMIUM", str(tmp_path / "no-chromium"))
    if required is None:
        monkeypatch.delenv("DEPECHE_REQUIRE_BROWSER", raising=False)
    else:
        monkeypatch.setenv("DEPECHE_REQUIRE_BROWSER", required)
    with pytest.raises(outcome, match="Chromium not found"):
        chromium()
