import { InputError } from "../errors";
import { stripByteOrderMark } from "./records";

/**
 * RFC 4180 CSV: fields separated by a delimiter, records by "\n" or "\r\n", a field in double
 * quotes may hold delimiters, line breaks and doubled quotes (""). Written by hand because it is
 * this small and must report the line of every problem, which is where a record starts.
 */
export type CsvRow = { line: number; cells: string[] };

/** Rows of `content`, blank lines left out; errors name the header's column, once there is one. */
export function parseCsvRows(content: string, delimiter = ","): CsvRow[] {
  const text = stripByteOrderMark(content);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const field = () => rows[0]?.cells[cells.length] ?? `column ${cells.length + 1}`;

  while (i <= text.length) {
    let value: string;
    if (text[i] === '"') {
      const quoteLine = line;
      value = "";
      for (;;) {
        const close = text.indexOf('"', i + 1);
        if (close < 0) throw new InputError(quoteLine, field(), "a quoted field is never closed");
        const piece = text.slice(i + 1, close);
        value += piece;
        line += countLineBreaks(piece);
        i = close + 1;
        if (text[i] !== '"') break;
        value += '"';
      }
      if (!isFieldEnd(text[i], delimiter)) {
        throw new InputError(line, field(), "text after the closing quote of a quoted field");
      }
    } else {
      let end = i;
      while (!isFieldEnd(text[end], delimiter)) end++;
      value = text.slice(i, end);
      if (value.includes('"')) {
        throw new InputError(
          line,
          field(),
          'a quote inside an unquoted field (quote it, doubling the ")',
        );
      }
      i = end;
    }
    cells.push(value);
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    if (cells.length > 1 || cells[0] !== "") rows.push({ line: rowLine, cells });
    cells = [];
    if (i >= text.length) break;
    i += text.startsWith("\r\n", i) ? 2 : 1;
    line++;
    rowLine = line;
  }
  return rows;
}

/** One CSV record, quoting only the cells that need it. */
export function formatCsvRow(cells: readonly (string | number)[], delimiter = ","): string {
  return cells
    .map((cell) => {
      const text = String(cell);
      return text.includes(delimiter) || /["\r\n]/.test(text)
        ? `"${text.replaceAll('"', '""')}"`
        : text;
    })
    .join(delimiter);
}

function isFieldEnd(char: string | undefined, delimiter: string): boolean {
  return char === undefined || char === delimiter || char === "\n" || char === "\r";
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
