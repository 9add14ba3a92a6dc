"""Writes a CSV's rows as an .xlsx sheet (openpyxl, write-only mode) for the workbook-reading
benchmark: python make_xlsx.py IN.csv OUT.xlsx. Integers and decimals are written as numbers,
the rest as (shared) strings, as Excel would store them."""
import csv
import sys

import openpyxl


def cell(text):
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def main(source, target):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Datos")
    with open(source, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        sheet.append(next(rows))
        for row in rows:
            sheet.append([cell(v) for v in row])
    workbook.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
