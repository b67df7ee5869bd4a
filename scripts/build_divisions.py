"""Build kg/data/divisions.tsv from tables of division codes.

The packaged table lists every province, prefecture and county-level division
of China with its six-digit code (GB/T 2260), so kg can recognise 市中区 and
know which city it belongs to without a network or a heavy dependency.

    python scripts/build_divisions.py adcodes.csv [modood-dist/ ...] > kg/data/divisions.tsv
    python scripts/build_divisions.py kg/data/divisions.tsv modood-dist/ > new.tsv
    python scripts/build_divisions.py kg/data/divisions.tsv jionlp/dictionary/china_location.txt > new.tsv

Sources, oldest first:
- cpca's ``resources/adcodes.csv`` (MIT licence; columns adcode,name,…);
- the ``dist/`` folder of modood/Administrative-divisions-of-China (MIT licence;
  provinces.csv, cities.csv, areas.csv), which holds the divisions created or
  renamed since (光明区 in 2018, 华亭县 → 华亭市);
- jionlp's ``dictionary/china_location.txt`` (Apache-2.0 licence; in the jionlp wheel,
  zipped), which is kept up to date (湾沚区 and 繁昌区 in 2020, 钱塘区 in 2021);
- a divisions.tsv built before, to add a newer source to it.

Every (code, name) pair of every source is kept: reports of 2015 still say
华亭县, reports of 2024 say 华亭市. Placeholder rows such as 市辖区 are dropped.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖行政区划", "市直辖行政区划"}


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
    elif path.name == "china_location.txt":  # jionlp's dictionary: tab-indented name, code, short name
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                fields = line.strip("\t\n").split("\t")
                if len(fields) >= 2 and fields[1].isdigit() and len(fields[1]) == 6 \
                        and not fields[0].endswith(("开发区", "新区")) \
                        and (fields[1][:2] not in ("71", "81", "82") or fields[1].endswith("0000")):
                    # 成都高新技术产业开发区 is a park; the districts of Taiwan, Hong Kong and
                    # Macao (东区, 桃园) are named like common words and seldom in these reports
                    pairs.add((fields[1], fields[0].strip()))
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
