"""dépêche: French news stories in, analyst tables out.

The Python API is the same set of functions the ``depeche`` command calls:

>>> from pipeline import build_nlp, run
>>> summary = run(["corpus"], "outputs", nlp=build_nlp())

and :func:`extract` returns the same tables as pandas DataFrames.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "analyse", "build_nlp", "extract", "run"]


def __getattr__(name: str) -> object:
    # Lazy: importing the package (and `depeche --help`) must not load spaCy.
    if name == "build_nlp":
        from pipeline.nlp import build_nlp

        return build_nlp
    if name == "extract":
        from pipeline.frames import extract

        return extract
    if name in ("run", "analyse"):
        from pipeline import runner

        return getattr(runner, name)
    raise AttributeError(name)
