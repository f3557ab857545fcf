"""The README's Python example prints what the README says it prints."""

from __future__ import annotations

import contextlib
import io
import re

import pytest
from spacy.language import Language

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.model
def test_python_example_output_is_current(nlp: Language) -> None:
    section = README.split("## Python", 1)[1]
    code, printed = re.findall(r"```(?:python)?\n(.*?)```", section, flags=re.S)[:2]
    code = code.replace("nlp = build_nlp()", "nlp = shared_nlp")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"shared_nlp": nlp})  # noqa: S102 - our own README
    assert out.getvalue() == printed


def test_readme_opens_with_the_two_commands() -> None:
    commands = re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)[:2]
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/depeche run",
        'python3 -m venv .venv && .venv/bin/pip install ".[test]" && .venv/bin/python -m pytest',
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci
