"""Build kg/data/divisions.tsv from a table of division codes.

The packaged table lists every province, prefecture and county-level division
of China with its six-digit code (GB/T 2260), so kg can recognise 市中区 and
know which city it belongs to without a network or a heavy dependency.

    python scripts/build_divisions.py adcodes.csv > kg/data/divisions.tsv

The input is cpca's ``resources/adcodes.csv`` (MIT licence; columns
adcode,name,longitude,latitude). Placeholder rows such as 市辖区 are dropped.
"""
from __future__ import annotations

import csv
import sys

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def main(path: str) -> None:
    rows = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"][:6], row["name"].strip()
            if name and name not in PLACEHOLDERS:
                rows[code] = name
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["code", "name", "level", "parent"])
    for code in sorted(rows):
        lv = level(code)
        parent = ""
        if lv == "county":
            parent = code[:4] + "00" if code[:4] + "00" in rows else code[:2] + "0000"
        elif lv == "city":
            parent = code[:2] + "0000"
        out.writerow([code, rows[code], lv, parent])


if __name__ == "__main__":
    main(sys.argv[1])
