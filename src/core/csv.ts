/**
 * A CSV writer after RFC 4180: comma separator, CRLF after every record (the last one too), a field quoted when it
 * holds a comma, a double quote, CR or LF, and a double quote inside a field written twice. Pure: no I/O.
 */

/** The UTF-8 byte order mark: without it, Excel reads a UTF-8 file as Windows-1252 and mangles accents. */
export const CSV_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 writes it: as is, or between double quotes with inner quotes doubled. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, fields joined by commas, ending with CRLF. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * A whole CSV document: one record per row, each ending with CRLF. With `bom`, starts with {@link CSV_BOM} so that
 * spreadsheet software detects UTF-8.
 */
export function toCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  return (options.bom ? CSV_BOM : '') + rows.map(csvRecord).join('');
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A negative number as people and the pages write it: digits, maybe grouped by thousands (a space, a no-break
 * space, a comma or a dot), maybe a decimal part after a dot or a French comma, maybe a percent sign. A spreadsheet
 * reads it as the number it is: it names no function and no cell, so it cannot run anything.
 */
const NEGATIVE_NUMBER = /^-(?:\d+|\d{1,3}(?:[ \u00A0\u202F.,]\d{3})+)(?:[.,]\d+)?(?:[ \u00A0\u202F]?%)?$/;

/**
 * A cell of text someone typed, made safe to open in a spreadsheet: a leading `'` when it starts like a formula
 * (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, CR), so Excel and LibreOffice show it as text instead of running it.
 * A negative number (`-3`, `-2,5`) is left as it is, so it shows as a number and not as `'-3`; a `+` number keeps
 * its quote, since a spreadsheet would drop the `+` of `+33…`. Everything else is returned unchanged.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * A lenient CSV reader for files people export from spreadsheets: comma or semicolon separator (whichever the first
 * line has more of), CRLF, LF or CR line ends, quoted fields with doubled quotes, a UTF-8 BOM ignored. Blank lines
 * are kept as empty rows so row numbers match the file's lines.
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const firstLine = body.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
