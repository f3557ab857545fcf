"""Every regular expression of the package finishes on adversarial input: long runs of the
characters that make a backtracking pattern blow up (a hang guard, not a speed test: each
pattern gets 10 s for what takes milliseconds when it is linear)."""

from __future__ import annotations

import re

import pytest

from pipeline.processing import StoryTimeout, time_budget
from tests.robustness.regexes import adversarial, all_patterns

PATTERNS = all_patterns()
LENGTH = 20_000


def test_the_catalogue_finds_compiled_patterns_inline_calls_and_token_specs() -> None:
    wheres = set(PATTERNS.values())
    assert r"\n\s*\n" in PATTERNS  # pipeline.processing._CUTS[0], in a tuple
    assert PATTERNS[r"(?:^|_)(?:start|end)(?:_char)?$"] == "pipeline.processing._OFFSET_KEY"
    assert any(":" in where for where in wheres)  # string literals passed to re.* calls
    assert len(PATTERNS) >= 25


def run_adversarial(pattern: str, where: str, budget: float = 10) -> None:
    """Feed ``pattern`` every adversarial string; fail if it does not finish in ``budget``."""
    compiled = re.compile(pattern)
    text = ""
    try:
        with time_budget(budget):
            for text in adversarial(pattern, LENGTH):
                compiled.search(text)
                compiled.fullmatch(text)
                for _ in compiled.finditer(text):
                    pass
                compiled.sub("-", text)
    except StoryTimeout:
        pytest.fail(f"{where} {pattern!r} backtracks without end on {text[:20]!r}... "
                    f"({len(text)} characters)")


@pytest.mark.parametrize("pattern", sorted(PATTERNS), ids=lambda p: PATTERNS[p])
def test_pattern_finishes_on_adversarial_input(pattern: str) -> None:
    run_adversarial(pattern, PATTERNS[pattern])


def test_a_catastrophic_pattern_is_caught() -> None:
    """The guard fails on a pattern that backtracks exponentially."""
    with pytest.raises(pytest.fail.Exception, match="backtracks without end on 'aaaa"):
        run_adversarial(r"^(a|aa)+$", "a nested quantifier", budget=1)
