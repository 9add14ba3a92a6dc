"""Workbooks for Cifra's .xlsx reader tests, written by openpyxl (pip install openpyxl; run here:
python3 make_workbooks.py). Each is committed with the CSV of the same data, so the tests
compare the two readings without needing openpyxl at test time.

- book.xlsx: sheet "Datos" (strings, integers, decimals, dates in the 1900 system — including
  two before 1900-03-01, where Excel's leap-year bug shifts serials — booleans, blank cells),
  then a second sheet "Notas". book.csv: the same data as CSV.
- book1904.xlsx: the same data in the 1904 date system (its two pre-1904 dates become
  1904-01-02 and 1904-01-03, as that system has no earlier day).
- series.xlsx / series.csv: a two-region annual series for `cifra growth`.
- bad.xlsx: sheet "Datos" whose numeric column C has the text 'n/d' in C17.
- merged.xlsx: a header with merged cells (A1:B1).
- titled.xlsx: two title rows above the header (row 3), a footnote column outside it in G9.
- shared.xlsx: written part by part with zipfile (as Excel writes them, which openpyxl does
  not): shared strings with a rich-text run and a phonetic run, a custom date format
  (dd/mm/yyyy), a built-in date format (14), booleans, a cell without an `r` address, and a
  second sheet reached through the workbook relationships.
- wide.xlsx: an INEGI-style tabulation, years as columns (2019-2021), a blank cell.
- parts.xlsx: AÑO and MES columns (Spanish month names), with 'trece' (no month) in B5.
- badutf8.xlsx: shared.xlsx with invalid UTF-8 in an element name (a FuzzXLSX finding: it
  made Foundation's XMLParser trap).
"""
import csv
import datetime

import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROWS = [
    ["Aguascalientes", 2020, 1234.5, datetime.date(2020, 1, 31), True, "a"],
    ["Baja California", 2021, 0.25, datetime.date(1900, 1, 15), False, None],
    ["Campeche", 2022, -7, datetime.date(1900, 3, 1), True, "c, con coma"],
    ["Chiapas", 2023, 1e-7, datetime.date(1999, 12, 31), None, 'dice "hola"'],
]
HEADER = ["estado", "anio", "valor", "fecha", "activo", "nota"]


def book(path, epoch=None, rows=ROWS):
    workbook = openpyxl.Workbook()
    if epoch:
        workbook.epoch = epoch
    sheet = workbook.active
    sheet.title = "Datos"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
        sheet.cell(row=sheet.max_row, column=4).number_format = "yyyy-mm-dd"
    notes = workbook.create_sheet("Notas")
    notes.append(["fuente", "Secretaría de prueba"])
    workbook.save(path)


def main():
    book("book.xlsx")
    # The 1904 system cannot hold days before 1904-01-01: those rows get other dates.
    book("book1904.xlsx", CALENDAR_MAC_1904, [row[:3] + [datetime.date(1904, 1, 1 + i)] + row[4:] if row[3].year < 1904 else row for i, row in enumerate(ROWS)])
    with open("book.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        for row in ROWS:
            writer.writerow([
                "" if v is None else ("true" if v is True else "false" if v is False else v.isoformat() if isinstance(v, datetime.date) else v)
                for v in row
            ])
    series = [("A", 2019, 100.0), ("A", 2020, 110.0), ("A", 2021, 121.0), ("B", 2019, 50.0), ("B", 2020, 40.0), ("B", 2021, 44.0)]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Datos"
    sheet.append(["region", "year", "value"])
    for row in series:
        sheet.append(list(row))
    workbook.save("series.xlsx")
    with open("series.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["region", "year", "value"])
        writer.writerows(series)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Datos"
    sheet.append(["region", "year", "value"])
    for index in range(2, 17):
        sheet.append(["A", 2000 + index, float(index)])
    sheet.append(["A", 2017, "n/d"])  # row 17, column C
    workbook.save("bad.xlsx")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Entidad", None, "valor"])
    sheet.merge_cells("A1:B1")
    sheet.append(["x", "y", 1])
    workbook.save("merged.xlsx")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Cuadro 1"
    sheet.append(["Remesas por entidad"])
    sheet.append(["(millones de dólares)"])
    sheet.append(["entidad", "anio", "valor"])
    for index in range(6):
        sheet.append(["E%d" % index, 2020 + index, 10.5 * index])
    sheet["G9"] = "nota al pie"
    workbook.save("titled.xlsx")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Cuadro"
    for row in [["entidad", "2019", "2020", "2021"], ["Zacatecas", 100, 110, 121], ["Jalisco", 200, None, 220]]:
        sheet.append(row)
    workbook.save("wide.xlsx")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Datos"
    for row in [["AÑO", "MES", "valor"], [2022, "enero", 10], [2022, "febrero", 11], [2023, "ENE", 12], [2023, "trece", 1]]:
        sheet.append(row)
    workbook.save("parts.xlsx")


SHARED_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets>'
    '<sheet name="Resumen" sheetId="1" r:id="rId7"/><sheet name="Datos" sheetId="2" r:id="rId3"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId7" Type="worksheet" Target="worksheets/resumen.xml"/>'
    '<Relationship Id="rId3" Type="worksheet" Target="/xl/worksheets/datos.xml"/></Relationships>',
    "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">'
    '<si><t>entidad</t></si><si><t>fecha</t></si><si><t>monto</t></si>'
    '<si><r><t>Ciudad de </t></r><r><rPr><b/></rPr><t>México</t></r><rPh sb="0" eb="1"><t>X</t></rPh></si>'
    '<si><t xml:space="preserve"> Jalisco </t></si><si><t>activo</t></si></sst>',
    "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    "xl/worksheets/datos.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>5</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>44927</v></c><c r="C2"><v>1500.75</v></c><c r="D2" t="b"><v>1</v></c></row>'
    '<row r="3"><c r="A3" t="s"><v>4</v></c><c s="2"><v>45292</v></c><c><v>-3</v></c><c t="b"><v>0</v></c></row>'
    '<row r="5"><c r="A5" t="inlineStr"><is><t>Oaxaca</t></is></c><c r="B5" s="1"><v>59</v></c><c r="C5"><v>2.5E-3</v></c></row>'
    '</sheetData></worksheet>',
    "xl/worksheets/resumen.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>total</t></is></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData></worksheet>',
}


def bad_utf8():
    """The crash FuzzXLSX found: invalid UTF-8 in an element name of the worksheet."""
    parts = dict(SHARED_PARTS)
    sheet = parts["xl/worksheets/datos.xml"].encode().replace(b'<c r="C2">', b'<\xff\xff\xff\xffc r="C2">')
    with zipfile.ZipFile("badutf8.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
            archive.writestr(info, sheet if name == "xl/worksheets/datos.xml" else text.encode(), zipfile.ZIP_DEFLATED)


def shared():
    with zipfile.ZipFile("shared.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in SHARED_PARTS.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
            archive.writestr(info, text, zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    shared()
    bad_utf8()
    main()
