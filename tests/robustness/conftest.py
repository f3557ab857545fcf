"""Fixtures of the robustness tests: deterministic Hypothesis settings and a small saved
pipeline for command-line runs in a subprocess.

Hypothesis runs derandomized (the same examples on every run, so CI is reproducible) and
keeps no example database in the work tree. ``HYPOTHESIS_PROFILE=explore`` draws fresh
random examples to look for new failures by hand (``DEPECHE_FUZZ_SCALE=10`` multiplies the
number of examples of every fuzz test, see :func:`tests.robustness.checks.examples`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.robustness.checks import names_model

settings.register_profile(
    "depeche", derandomize=True, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("explore", parent=settings.get_profile("depeche"), derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "depeche"))


@pytest.fixture(scope="package")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A saved blank French pipeline with a few names (fast to load in a subprocess or a
    worker); ``build_nlp`` adds dépêche's components to it."""
    nlp = names_model()
    path: Path = tmp_path_factory.mktemp("model") / "fr_small"
    nlp.to_disk(path)
    return str(path)
