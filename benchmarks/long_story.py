"""Does any component grow faster than the story? Time per component on long, dense stories.

    python -m benchmarks.long_story                     # 25,000, 50,000 and 100,000 characters
    python -m benchmarks.long_story --sizes 10000,100000

Builds invented news stories (every paragraph names new people and companies, quotes them
directly and indirectly, gives dates and places: far denser than wire copy), runs the model's
components once, then times each of dépêche's components on the resulting ``Doc`` and prints
seconds per size and the growth from the smallest to the largest size. A component that is
linear in the story grows like the characters (x4 from 25,000 to 100,000); one that compares
every mention or quote with every other grows like their square (x16). 100,000 characters is
the longest piece a story is cut into (``pipeline.processing.PIECE_CHARS``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Iterator, Sequence

GIVEN = ("Paul", "Claire", "Hugo", "Léa", "Marc", "Inès", "Yves", "Nora", "Louis", "Anne",
         "Rémi", "Lucie", "Olivier", "Sophie", "Bruno", "Agathe")
FAMILY = ("Varlet", "Morand", "Quesnel", "Berthier", "Lacombe", "Fauvel", "Rigaud", "Tissier",
          "Chambon", "Delorme", "Garnier", "Hervieu", "Jourdan", "Maillet", "Perrot", "Sorel")
COMPANIES = ("Vialis", "Norvatec", "Brenmar", "Calistra", "Dorlane", "Ecovia", "Fermadis")
TOWNS = ("Lyon", "Rennes", "Brest", "Nantes", "Dijon", "Tours", "Metz", "Nancy")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre")


def people() -> Iterator[str]:
    """Distinct invented full names, in a fixed order."""
    for family, given in itertools.product(FAMILY, GIVEN):
        yield f"{given} {family}"


def paragraph(k: int, boss: str, analyst: str) -> str:
    """One invented paragraph of dense business news."""
    company, town = COMPANIES[k % len(COMPANIES)], TOWNS[k % len(TOWNS)]
    day, month = k % 27 + 1, MONTHS[k % len(MONTHS)]
    return (f"{town.upper()}, {day} {month} (AFP) - Le directeur général de {company}, {boss}, "
            f"a annoncé le {day} {month} 2025 à {town} l'ouverture de trois usines. « Nous avons "
            f"besoin de cette croissance », a-t-il ajouté devant les actionnaires. Selon "
            f"{analyst}, analyste chez {company}, les ventes progresseront de {k % 9 + 2} % "
            f"l'an prochain. « Le marché reste difficile », a affirmé {analyst}. Elle a estimé "
            f"que la concurrence resterait forte. Le syndicat s'est inquiété des conditions de "
            f"travail, a indiqué {company} dans un communiqué. La ministre de l'Industrie a "
            f"rencontré {boss} la veille à Paris.\n\n")


def story(chars: int) -> str:
    """An invented story of exactly ``chars`` characters."""
    names = people()
    parts: list[str] = []
    size = 0
    for k in itertools.count():
        if size >= chars:
            break
        try:
            text = paragraph(k, next(names), next(names))
        except StopIteration:  # every name used: start again with the same names
            names = people()
            text = paragraph(k, next(names), next(names))
        parts.append(text)
        size += len(text)
    return "".join(parts)[:chars]


def main(argv: Sequence[str] | None = None) -> int:
    """Print seconds per dépêche component and size, and the growth factor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25000,50000,100000",
                        help="story lengths in characters, comma-separated")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    from pipeline.nlp import build_nlp

    nlp = build_nlp()
    ours = [name for name in nlp.pipe_names if name.startswith("depeche_")]
    seconds: dict[str, list[float]] = {name: [] for name in ours}
    counts: list[str] = []
    for size in sizes:
        doc = nlp.make_doc(story(size))
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            doc = component(doc)
            if name in seconds:
                seconds[name].append(time.perf_counter() - started)
        counts.append(f"{size:,} chars: {len(doc):,} tokens, {len(doc._.mentions or []):,} "
                      f"mentions")
    print("\n".join(counts) + "\n")
    print("| component | " + " | ".join(f"{s:,} chars (s)" for s in sizes) + " | growth |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    for name in ours:
        row = seconds[name]
        growth = row[-1] / row[0] if row[0] > 0 else float("nan")
        print(f"| {name} | " + " | ".join(f"{s:.2f}" for s in row) + f" | x{growth:.1f} |")
    print(f"\ncharacters grow x{sizes[-1] / sizes[0]:.1f}: a component growing much faster "
          "is not linear in the story")
    return 0


if __name__ == "__main__":
    sys.exit(main())
