import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** One input record after parsing, or why it could not be parsed. */
export type InputRecord = { ok: true; value: Record<string, unknown>; line: number } | { ok: false; error: string; id?: string; line: number };

/** What a subcommand does with one parsed record: the output object, or a thrown Error for `{id, error}`. */
export type RecordHandler = (record: Record<string, unknown>) => object;

export class InputUnreadableError extends Error {}

/** Header names a seller's CSV export may use for the review text / id (Qianniu exports Chinese headers). */
const TEXT_HEADERS = ['text', 'content', 'comment', 'review', '评价内容', '评论内容', '评价', '内容', '初次评价'];
const ID_HEADERS = ['id', 'reviewId', '评价ID', '评价id', '订单号', '订单编号'];

function pick(row: Record<string, unknown>, names: string[]): unknown {
  for (const name of names) if (row[name] !== undefined && row[name] !== '') return row[name];
  const lower = new Map(Object.keys(row).map((k) => [k.trim().toLowerCase(), k]));
  for (const name of names) {
    const key = lower.get(name.toLowerCase());
    if (key !== undefined && row[key] !== '') return row[key];
  }
  return undefined;
}

/** CSV rows → records with `id` and `text`; other columns are kept as they are. */
export function csvRecords(source: string): InputRecord[] {
  const parsed = Papa.parse<Record<string, string>>(source.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  if (!fields.some((f) => TEXT_HEADERS.some((h) => h.toLowerCase() === f.trim().toLowerCase()))) {
    throw new InputUnreadableError(`CSV has no text column (looked for: ${TEXT_HEADERS.join(', ')}); columns: ${fields.join(', ')}`);
  }
  return parsed.data.map((row, index) => {
    const text = pick(row, TEXT_HEADERS);
    const id = pick(row, ID_HEADERS) ?? String(index + 1);
    const value: Record<string, unknown> = { ...row, id: String(id), text: typeof text === 'string' ? text : '' };
    return { ok: true, value, line: index + 2 };
  });
}

export function parseJsonLine(line: string, lineNumber: number): InputRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const id = /"id"\s*:\s*"([^"\\]{1,200})"/.exec(line)?.[1];
    return { ok: false, error: `line ${lineNumber}: not valid JSON (${(error as Error).message})`, id, line: lineNumber };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: `line ${lineNumber}: expected a JSON object`, line: lineNumber };
  }
  return { ok: true, value: value as Record<string, unknown>, line: lineNumber };
}

/**
 * Splits a text into lines the way readline does with `crlfDelay: Infinity` (\n, \r\n and a lone \r
 * each end a line), pushing complete lines onto `lines`; returns the unfinished rest. A final \r is held
 * back: the \n that would make it \r\n may start the next chunk.
 */
export function splitLines(text: string, lines: string[]): string {
  let start = 0;
  let cr = text.indexOf('\r');
  for (;;) {
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    const lf = text.indexOf('\n', start);
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      if (cr === text.length - 1) return text.slice(start);
      lines.push(text.slice(start, cr));
      start = text.charCodeAt(cr + 1) === 0x0a ? cr + 2 : cr + 1;
    } else if (lf >= 0) {
      lines.push(text.slice(start, lf));
      start = lf + 1;
    } else return text.slice(start);
  }
}

/**
 * JSONL records, a chunk's worth at a time: one await per chunk of the file, not one per line. Each
 * batch parses its lines as it is iterated, so a record is garbage before the next one is parsed.
 */
async function* jsonlRecordBatches(path: string): AsyncGenerator<Iterable<InputRecord>> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  if (path === '-') process.stdin.setEncoding('utf8');
  const opened = new Promise<void>((resolve, reject) => {
    if (path === '-') resolve();
    stream.once('error', reject);
    stream.once('readable', () => resolve());
    stream.once('end', () => resolve());
  });
  try {
    await opened;
  } catch (error) {
    throw new InputUnreadableError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const numbering = { line: 0 };
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    const lines: string[] = [];
    rest = splitLines(rest + chunk, lines);
    yield parsedLines(lines, numbering);
  }
  // What is left has no line end: a last line, or a lone \r that ends one.
  if (rest.length > 0) yield parsedLines([rest.endsWith('\r') ? rest.slice(0, -1) : rest], numbering);
}

function* parsedLines(lines: string[], numbering: { line: number }): Generator<InputRecord> {
  for (const raw of lines) {
    const lineNumber = ++numbering.line;
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    yield parseJsonLine(line, lineNumber);
  }
}

/** Reads JSONL (or CSV, by extension) in batches of records, so huge files stream. */
export async function* readRecordBatches(path: string): AsyncGenerator<Iterable<InputRecord>> {
  if (/\.csv$/i.test(path)) {
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch (error) {
      throw new InputUnreadableError(`cannot read ${path}: ${(error as Error).message}`);
    }
    yield csvRecords(source);
    return;
  }
  yield* jsonlRecordBatches(path);
}

/** Reads JSONL (or CSV, by extension) and yields records one by one, so huge files stream. */
export async function* readRecords(path: string): AsyncGenerator<InputRecord> {
  for await (const batch of readRecordBatches(path)) yield* batch;
}

/** Buffered line writer: one syscall per ~256 KB instead of one per record. */
export class LineWriter {
  private chunks: string[] = [];
  private size = 0;
  private readonly stream: NodeJS.WritableStream;

  constructor(path: string) {
    this.stream = path === '-' ? process.stdout : createWriteStream(path, { encoding: 'utf8' });
  }

  /** Queues one serialized line (with its '\n'); true when enough is queued that the caller should `flush()`. */
  add(line: string): boolean {
    this.chunks.push(line);
    this.size += line.length;
    return this.size >= 1 << 18;
  }

  async write(object: object): Promise<void> {
    if (this.add(JSON.stringify(object) + '\n')) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.chunks.length === 0) return;
    const data = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    if (!this.stream.write(data)) await new Promise((resolve) => this.stream.once('drain', resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.stream === process.stdout) return;
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

export interface BatchSummary {
  records: number;
  errors: number;
}

/**
 * Runs `handle` over every record. A malformed line or a failing record yields `{id?, error}` and
 * the batch goes on; only an unreadable input throws (InputUnreadableError).
 */
export async function runBatch(inPath: string, outPath: string, handle: RecordHandler): Promise<BatchSummary> {
  const writer = new LineWriter(outPath);
  const summary: BatchSummary = { records: 0, errors: 0 };
  try {
    for await (const batch of readRecordBatches(inPath)) {
      for (const record of batch) {
        summary.records++;
        if (writer.add(lineOf(record, handle, summary))) await writer.flush();
      }
    }
  } finally {
    await writer.close();
  }
  return summary;
}

/** The output line for one record: the handler's answer, or `{id?, error}` for a malformed line or a failing record. */
function lineOf(record: InputRecord, handle: RecordHandler, summary: BatchSummary): string {
  if (!record.ok) {
    summary.errors++;
    return JSON.stringify(record.id === undefined ? { error: record.error } : { id: record.id, error: record.error }) + '\n';
  }
  try {
    return JSON.stringify(handle(record.value)) + '\n';
  } catch (error) {
    summary.errors++;
    const id = record.value.id;
    const message = `line ${record.line}: ${(error as Error).message}`;
    return JSON.stringify(typeof id === 'string' || typeof id === 'number' ? { id, error: message } : { error: message }) + '\n';
  }
}

/** A record field that must be a string; throws a message naming the field otherwise. */
export function requireString(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (typeof value !== 'string') throw new Error(`"${field}" must be a string`);
  return value;
}
