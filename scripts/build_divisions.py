"""Build kg/data/divisions.tsv from tables of division codes.

The packaged table lists every province, prefecture and county-level division
of China with its six-digit code (GB/T 2260), so kg can recognise 市中区 and
know which city it belongs to without a network or a heavy dependency.

    python scripts/build_divisions.py adcodes.csv [modood-dist/ ...] > kg/data/divisions.tsv
    python scripts/build_divisions.py kg/data/divisions.tsv modood-dist/ > new.tsv

Sources, oldest first:
- cpca's ``resources/adcodes.csv`` (MIT licence; columns adcode,name,…);
- the ``dist/`` folder of modood/Administrative-divisions-of-China (MIT licence;
  provinces.csv, cities.csv, areas.csv), which holds the divisions created or
  renamed since (光明区 in 2018, 华亭县 → 华亭市);
- a divisions.tsv built before, to add a newer source to it.

Every (code, name) pair of every source is kept: reports of 2015 still say
华亭县, reports of 2024 say 华亭市. Placeholder rows such as 市辖区 are dropped.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def read(path: Path) -> set[tuple[str, str]]:
    """(six-digit code, name) pairs of one source."""
    pairs = set()
    if path.is_dir():  # modood's dist/: two-, four- and six-digit codes
        for name in ("provinces.csv", "cities.csv", "areas.csv"):
            with open(path / name, encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    pairs.add((row["code"].ljust(6, "0"), row["name"].strip()))
    elif path.suffix == ".tsv":
        with open(path, encoding="utf-8") as fh:
            pairs = {(row["code"], row["name"]) for row in csv.DictReader(fh, delimiter="\t")}
    else:
        with open(path, encoding="utf-8") as fh:
            pairs = {(row["adcode"][:6], row["name"].strip()) for row in csv.DictReader(fh)}
    # codes …7x are development zones given a code for statistics (石家庄高新技术产业开发区):
    # parks, not divisions
    return {(c, n) for c, n in pairs if n and n not in PLACEHOLDERS and not (level(c) == "county" and c[4] == "7")}


def main(paths: list[str]) -> None:
    pairs: set[tuple[str, str]] = set()
    for p in paths:
        pairs |= read(Path(p))
    codes = {c for c, _ in pairs}
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["code", "name", "level", "parent"])
    for code, name in sorted(pairs):
        lv = level(code)
        parent = ""
        if lv == "county":
            parent = code[:4] + "00" if code[:4] + "00" in codes else code[:2] + "0000"
        elif lv == "city":
            parent = code[:2] + "0000"
        out.writerow([code, name, lv, parent])


if __name__ == "__main__":
    main(sys.argv[1:])
