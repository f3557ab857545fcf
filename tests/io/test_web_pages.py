"""Web pages: the article's text and metadata through trafilatura; a page with no article is an
error, never an empty story."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from pipeline.io.readers import ReaderOptions, ReadError, Record, read_inputs
from pipeline.io.tables import read_table
from pipeline.runner import run

ARTICLE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Sommet à Astana | Le Courrier des steppes</title>
<meta property="og:site_name" content="Le Courrier des steppes">
<meta property="article:published_time" content="2024-11-24T09:30:00+05:00">
<link rel="canonical" href="https://courrier.example/2024/11/sommet-astana">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/abonnement">Abonnez-vous</a></li></ul></nav>
<article><h1>Sommet de l'OTSC à Astana</h1>
<p>ASTANA, 24 novembre - Les dirigeants de l'Organisation du traité de sécurité collective se
sont réunis dimanche dans la capitale kazakhe pour évoquer la sécurité aux frontières.</p>
<p>Le président kazakh a proposé la création d'un centre commun de lutte contre la
cybercriminalité, selon un communiqué publié à l'issue de la rencontre.</p>
</article>
<footer><p>Mentions légales</p><p>Tous droits réservés</p></footer>
</body></html>
"""

MENU_ONLY = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Le Courrier des steppes</title></head>
<body><nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/economie">Économie</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<footer><p>Mentions légales</p><p>Contact</p></footer></body></html>
"""


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_a_page_gives_its_article_without_menus_and_its_metadata(tmp_path: Path) -> None:
    path = _write(tmp_path / "pages" / "sommet.html", ARTICLE)
    [record] = list(read_inputs([tmp_path / "pages"]))
    assert isinstance(record, Record)
    assert record.doc_id == "sommet"
    assert "Le président kazakh a proposé la création d'un centre commun" in record.text
    assert "ASTANA, 24 novembre" in record.text
    for boilerplate in ("Accueil", "Abonnez-vous", "Mentions légales", "droits réservés"):
        assert boilerplate not in record.text
    assert (record.title, record.source, record.url, record.date, record.date_source) == (
        "Sommet de l'OTSC à Astana", "Le Courrier des steppes",
        "https://courrier.example/2024/11/sommet-astana", "2024-11-24", "field")
    assert record.input == str(path)


def test_a_page_with_no_article_is_an_error_row(tmp_path: Path) -> None:
    path = _write(tmp_path / "accueil.htm", MENU_ONLY)
    [error] = list(read_inputs([path]))
    assert isinstance(error, ReadError)
    assert (error.stage, error.doc_id) == ("parse", "accueil")
    assert error.message == "web page holds no article text (only menus, links or boilerplate)"


def test_a_page_without_a_date_takes_its_path_date_then_the_option(tmp_path: Path) -> None:
    undated = ARTICLE.replace('<meta property="article:published_time" '
                              'content="2024-11-24T09:30:00+05:00">', "")
    _write(tmp_path / "2024" / "11" / "25" / "sommet.html", undated)
    _write(tmp_path / "sommet.html", undated)
    found = {r.doc_id: (r.date, r.date_source) for r in
             read_inputs([tmp_path], ReaderOptions(default_date="2025-01-02"))}
    assert found == {"2024/11/25/sommet": ("2024-11-25", "path"),
                     "sommet": ("2025-01-02", "option")}


def test_a_page_in_the_charset_it_declares_is_decoded(tmp_path: Path) -> None:
    page = ARTICLE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    path = _write(tmp_path / "latin.html", page.encode("cp1252"))
    [record] = list(read_inputs([path]))
    assert isinstance(record, Record)
    assert "sécurité aux frontières" in record.text


def test_a_run_writes_the_page_as_a_story_and_the_empty_page_as_an_error(
        tmp_path: Path, blank_nlp: Language) -> None:
    _write(tmp_path / "corpus" / "sommet.html", ARTICLE)
    _write(tmp_path / "corpus" / "accueil.html", MENU_ONLY)
    run([tmp_path / "corpus"], tmp_path / "out", nlp=blank_nlp)
    documents = read_table(tmp_path / "out", "documents")
    errors = read_table(tmp_path / "out", "errors")
    assert documents["doc_id"].tolist() == ["sommet"]
    assert documents.loc[0, "title"] == "Sommet de l'OTSC à Astana"
    assert errors[["doc_id", "stage"]].values.tolist() == [["accueil", "parse"]]
