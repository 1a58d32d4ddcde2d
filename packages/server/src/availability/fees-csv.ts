/**
 * A CSV file of fees, one per line: `account,component,month,amount,currency` (the header names the
 * columns, in any order; `account` is an account's id or exact name, `component` a component key,
 * `month` YYYY-MM, `amount` a decimal with a dot, `currency` ISO 4217). Parsed with csv-parse; every
 * problem names its line and column.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { LocalizedText } from '../errors.js';
import { parseMonth } from './month.js';

export const FEE_COLUMNS = ['account', 'component', 'month', 'amount', 'currency'] as const;
export type FeeColumn = (typeof FEE_COLUMNS)[number];
/** At most this many fees per file. */
export const MAX_FEE_ROWS = 10_000;
/** At most this many problems are reported. */
export const MAX_PROBLEMS = 50;

export const AMOUNT_PATTERN = /^\d{1,14}(\.\d{1,2})?$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export interface FeeLine {
  line: number;
  values: Record<FeeColumn, string>;
  /** 1-based column of each field. */
  columns: Record<FeeColumn, number>;
}

export interface CsvProblem {
  line: number;
  column: number;
  text: LocalizedText;
}

export type ParsedFees = { ok: true; lines: FeeLine[] } | { ok: false; problems: CsvProblem[] };

const at = (line: number, column: number, id: LocalizedText['id'], values: Record<string, string | number> = {}): CsvProblem => ({
  line,
  column,
  text: { id, values: { line, column, ...values } },
});

export function parseFeesCsv(text: string): ParsedFees {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const e = error as CsvError & { lines?: number; column?: number };
    return { ok: false, problems: [at(e.lines ?? 1, typeof e.column === 'number' ? e.column + 1 : 1, 'availability.csv.syntax')] };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: [{ line: 1, column: 1, text: { id: 'availability.csv.empty' } }] };
  const names = header.record.map((n) => n.toLowerCase());
  const columns = {} as Record<FeeColumn, number>;
  for (const column of FEE_COLUMNS) {
    const index = names.indexOf(column);
    if (index < 0) return { ok: false, problems: [{ line: header.info.lines, column: names.length + 1, text: { id: 'availability.csv.columns', values: { missing: column } } }] };
    columns[column] = index + 1;
  }
  if (rows.length === 0) return { ok: false, problems: [{ line: header.info.lines, column: 1, text: { id: 'availability.csv.empty' } }] };
  if (rows.length > MAX_FEE_ROWS) return { ok: false, problems: [{ line: header.info.lines + MAX_FEE_ROWS + 1, column: 1, text: { id: 'availability.csv.tooMany', values: { max: MAX_FEE_ROWS } } }] };
  const problems: CsvProblem[] = [];
  const lines: FeeLine[] = [];
  for (const { record, info } of rows) {
    const values = Object.fromEntries(FEE_COLUMNS.map((c) => [c, record[columns[c] - 1] ?? ''])) as Record<FeeColumn, string>;
    const line = info.lines;
    if (!parseMonth(values.month)) problems.push(at(line, columns.month, 'availability.csv.month', { value: values.month }));
    if (!AMOUNT_PATTERN.test(values.amount)) problems.push(at(line, columns.amount, 'availability.csv.amount', { value: values.amount }));
    if (!CURRENCY_PATTERN.test(values.currency)) problems.push(at(line, columns.currency, 'availability.csv.currency', { value: values.currency }));
    lines.push({ line, values, columns });
  }
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, lines };
}

export { at as csvProblem };
