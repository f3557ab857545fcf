"""The quotes family's word lists (pipeline/relations/quotes/lexicon.py)."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.entities.gazetteers import GazetteerError
from pipeline.relations.quotes import load_lexicon


def test_lexicon_has_real_reporting_verbs() -> None:
    lexicon = load_lexicon()
    lemmas = {e.lemma for entries in lexicon.by_lemma.values() for e in entries}
    assert len(lemmas) >= 60
    assert {"déclarer", "affirmer", "souligner", "se féliciter", "faire savoir"} <= lemmas
    assert lexicon.by_form["martelé"][0].lemma == "marteler"
    assert lexicon.roles["présidente"] == "f"
    assert {"analyste", "économiste", "expert"} <= lexicon.experts
    assert "ministre" not in lexicon.experts and "porte-parole" not in lexicon.experts


def test_bad_data_file_names_file_and_line(tmp_path: Any) -> None:
    verbs = tmp_path / "verbs.csv"
    verbs.write_text("lemma,class,forms\ndéclarer,declare,\ndire,shout,\n", encoding="utf-8")
    roles = tmp_path / "roles.csv"
    roles.write_text("noun,gender\nministre,\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"verbs\.csv:3"):
        load_lexicon(str(verbs), str(roles))
    verbs.write_text("lemma,class,forms\ndéclarer,declare,\n", encoding="utf-8")
    roles.write_text("noun,gender\nministre,\nministre,\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"roles\.csv:3"):
        load_lexicon(str(verbs), str(roles))


def test_speaks_for_takes_only_organisation(tmp_path: Any) -> None:
    verbs = tmp_path / "verbs.csv"
    verbs.write_text("lemma,class,forms\ndéclarer,declare,\n", encoding="utf-8")
    roles = tmp_path / "roles.csv"
    roles.write_text("noun,gender,speaks_for\nanalyste,,organisation\nministre,,\n",
                     encoding="utf-8")
    assert load_lexicon(str(verbs), str(roles)).experts == frozenset({"analyste"})
    roles.write_text("noun,gender,speaks_for\nanalyste,,banque\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"roles\.csv:2"):
        load_lexicon(str(verbs), str(roles))
