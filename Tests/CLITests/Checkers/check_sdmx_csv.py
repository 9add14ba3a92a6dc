"""An independent check of SDMX-CSV files against the UN SDG DSD as Cifra uses it.

Written for the tests from methodology.md §6.1-6.3 alone (none of Cifra's code): python3
check_sdmx_csv.py FILE... prints one line per problem and exits 1 when there is any.
- columns: DATAFLOW (1.0) or STRUCTURE, STRUCTURE_ID, ACTION (2.0); then the 15 DF_SDG_GLH
  dimensions in DSD order; TIME_PERIOD; OBS_VALUE; then attributes, each a DSD attribute, in
  DSD order (custom columns only after them);
- codes: FREQ, REPORTING_TYPE, SERIES, UNIT_MEASURE, OBS_STATUS from their code lists;
  REF_AREA an M49 code (countries from m49.csv beside this file, plus World and regions);
  CUST_BREAKDOWN `_T` or `C` + an M49 code; every other dimension `_T`;
- TIME_PERIOD in the form of its FREQ; OBS_VALUE a finite number; UNIT_MULT a whole number;
- every observation key (all dimensions and TIME_PERIOD) unique in its file.
"""
import csv
import math
import os
import re
import sys

DIMENSIONS = ["FREQ", "REPORTING_TYPE", "SERIES", "REF_AREA", "SEX", "AGE", "URBANISATION",
              "INCOME_WEALTH_QUANTILE", "EDUCATION_LEV", "OCCUPATION", "CUST_BREAKDOWN",
              "COMPOSITE_BREAKDOWN", "DISABILITY_STATUS", "ACTIVITY", "PRODUCT"]
ATTRIBUTES = ["OBS_STATUS", "UNIT_MULT", "UNIT_MEASURE", "BASE_PER", "NATURE", "TIME_DETAIL",
              "COMMENT_OBS", "TIME_COVERAGE", "UPPER_BOUND", "LOWER_BOUND", "SOURCE_DETAIL",
              "COMMENT_TS", "GEO_INFO_URL", "GEO_INFO_TYPE", "CUST_BREAKDOWN_LB", "DATA_LAST_UPDATE"]
SERIES = {"SI_RMT_COST", "SI_RMT_COST_SND", "SI_RMT_COST_BC", "SI_RMT_COST_SC", "SM_DTH_MIGR",
          "SM_POP_REFG_OR", "SG_CPA_MIGRP", "SG_CPA_MIGRS", "BX_TRF_PWKR", "SG_REG_BRTH",
          "SL_EMP_FTLINJUR", "SL_EMP_INJUR"}
FREQ = {"A": r"\d{4}", "S": r"\d{4}-S[12]", "Q": r"\d{4}-Q[1-4]", "M": r"\d{4}-(0[1-9]|1[0-2])"}
UNITS = {"PT", "NUMBER", "PER_100000_POP"}
OBS_STATUS = {"A", "B", "E", "F", "I", "M", "P"}
# World and the M49 regions (UNSD M49 overview).
REGIONS = {"1", "2", "5", "9", "11", "13", "14", "15", "17", "18", "19", "21", "29", "30", "34", "35",
           "39", "53", "54", "57", "61", "142", "143", "145", "150", "151", "154", "155", "202", "419"}


def m49_codes():
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "m49.csv"), newline="") as handle:
        return {row["m49"] for row in csv.DictReader(handle)} | REGIONS


def check(path, areas):
    problems = []
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        return [path + ": empty file"]
    header = rows[0]
    lead = 1 if header[:1] == ["DATAFLOW"] else (3 if header[:3] == ["STRUCTURE", "STRUCTURE_ID", "ACTION"] else None)
    if lead is None:
        return [path + ": the first columns are neither DATAFLOW nor STRUCTURE,STRUCTURE_ID,ACTION"]
    expected = DIMENSIONS + ["TIME_PERIOD", "OBS_VALUE"]
    if header[lead:lead + len(expected)] != expected:
        return [path + ": dimensions not in DSD order: " + ",".join(header[lead:lead + len(expected)])]
    rest = header[lead + len(expected):]
    attributes = [name for name in rest if name in ATTRIBUTES]
    if rest[:len(attributes)] != attributes or attributes != [a for a in ATTRIBUTES if a in attributes]:
        problems.append(path + ": attributes out of DSD order or mixed with custom columns: " + ",".join(rest))
    if len(rows) < 2:
        problems.append(path + ": no observations")
    keys = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            problems.append("%s line %d: %d fields, header has %d" % (path, number, len(row), len(header)))
            continue
        cell = dict(zip(header, row))
        where = "%s line %d" % (path, number)
        if cell["FREQ"] not in FREQ:
            problems.append(where + ": FREQ " + cell["FREQ"])
        elif not re.fullmatch(FREQ[cell["FREQ"]], cell["TIME_PERIOD"]):
            problems.append(where + ": TIME_PERIOD %s is not of FREQ %s" % (cell["TIME_PERIOD"], cell["FREQ"]))
        if cell["REPORTING_TYPE"] not in {"G", "N"}:
            problems.append(where + ": REPORTING_TYPE " + cell["REPORTING_TYPE"])
        if cell["SERIES"] not in SERIES:
            problems.append(where + ": SERIES " + cell["SERIES"])
        if cell["REF_AREA"] not in areas:
            problems.append(where + ": REF_AREA %r is no M49 code" % cell["REF_AREA"])
        breakdown = cell["CUST_BREAKDOWN"]
        if breakdown != "_T" and not (breakdown.startswith("C") and breakdown[1:] in areas):
            problems.append(where + ": CUST_BREAKDOWN " + breakdown)
        for name in DIMENSIONS:
            if name not in {"FREQ", "REPORTING_TYPE", "SERIES", "REF_AREA", "CUST_BREAKDOWN"} and cell[name] != "_T":
                problems.append(where + ": %s %s (Cifra writes no breakdown there)" % (name, cell[name]))
        try:
            if not math.isfinite(float(cell["OBS_VALUE"])):
                problems.append(where + ": OBS_VALUE not finite")
        except ValueError:
            problems.append(where + ": OBS_VALUE %r" % cell["OBS_VALUE"])
        if "OBS_STATUS" in cell and cell["OBS_STATUS"] not in OBS_STATUS:
            problems.append(where + ": OBS_STATUS " + cell["OBS_STATUS"])
        if "UNIT_MEASURE" in cell and cell["UNIT_MEASURE"] not in UNITS:
            problems.append(where + ": UNIT_MEASURE " + cell["UNIT_MEASURE"])
        if "UNIT_MULT" in cell and not re.fullmatch(r"-?\d+", cell["UNIT_MULT"]):
            problems.append(where + ": UNIT_MULT " + cell["UNIT_MULT"])
        key = tuple(cell[name] for name in DIMENSIONS + ["TIME_PERIOD"])
        if key in keys:
            problems.append(where + ": the key of line %d again (%s)" % (keys[key], ".".join(key)))
        keys[key] = number
    return problems


def main():
    areas = m49_codes()
    problems = [p for path in sys.argv[1:] for p in check(path, areas)]
    for problem in problems:
        print(problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
