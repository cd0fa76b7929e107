#!/usr/bin/env python3
"""Writes the built-in GB/T 2260 region table, src/SocialCard.Core/Persons/Gb2260Codes.txt.

Input: a UTF-8 CSV of `year,code,name` rows, one row per division code per year it was listed
(the project's copy came from jxlwqq/address-code-of-china, MIT License, 1980-2020; see
THIRD-PARTY-NOTICES.md). Give its path as the only argument:

    python3 scripts/make-gb2260.py path/to/gb2260.csv

Output: one line per code, sorted: the code, the years it is listed as ranges, and its name in the
latest of those years, separated by tabs, e.g. `110103<TAB>1980-2009<TAB>崇文区`. Lines starting
with `#` are comments. The table the portal reads (Gb2260RegionTable.BuiltIn) is this file, embedded
in SocialCard.Core; nothing reads the CSV at run time. Running the script twice gives the same file.
"""

import csv
import os
import sys

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "SocialCard.Core", "Persons", "Gb2260Codes.txt")


def read_rows(path):
    """Yields (year, code, name), refusing any row that is not a year, six digits and a name."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        for number, row in enumerate(csv.reader(f), start=1):
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != 3:
                sys.exit(f"{path}:{number}: expected year,code,name, got {row!r}")
            year, code, name = (cell.strip() for cell in row)
            if number == 1 and not year.isdigit():
                continue  # a header line
            if not (year.isdigit() and len(year) == 4):
                sys.exit(f"{path}:{number}: the year is not four digits: {row!r}")
            if not (code.isdigit() and len(code) == 6):
                sys.exit(f"{path}:{number}: the code is not six digits: {row!r}")
            if not name or "\t" in name:
                sys.exit(f"{path}:{number}: the name is empty or holds a tab: {row!r}")
            yield int(year), code, name


def ranges(years):
    """Sorted distinct years as "first-last" runs, a run of one year as the year alone."""
    runs = []
    for year in sorted(years):
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 scripts/make-gb2260.py path/to/gb2260.csv (year,code,name rows)")
    source = sys.argv[1]
    years = {}
    names = {}
    for year, code, name in read_rows(source):
        years.setdefault(code, set()).add(year)
        if code not in names or year >= names[code][0]:
            names[code] = (year, name)
    if not years:
        sys.exit(f"{source}: no rows")

    first = min(min(y) for y in years.values())
    last = max(max(y) for y in years.values())
    abolished = sum(1 for y in years.values() if max(y) < last)
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# GB/T 2260 administrative division codes listed {first}-{last}: {len(years)} codes, {abolished} of them not listed in {last}.\n")
        out.write("# One line a code: code<TAB>years listed (ranges)<TAB>name in the latest of those years.\n")
        out.write("# Made by scripts/make-gb2260.py; do not edit by hand. Data: jxlwqq/address-code-of-china (MIT), see THIRD-PARTY-NOTICES.md.\n")
        for code in sorted(years):
            out.write(f"{code}\t{ranges(years[code])}\t{names[code][1]}\n")
    print(f"{os.path.normpath(OUTPUT)}: {len(years)} codes ({abolished} abolished), {first}-{last}")


if __name__ == "__main__":
    main()
