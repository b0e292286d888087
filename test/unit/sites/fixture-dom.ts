import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fixture page parsed into its own document, as the browser would build it (scripts never run). */
export function loadFixture(platform: string, file: string): Document {
  const html = readFileSync(join(process.cwd(), 'test/fixtures', platform, file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Table rows from an HTML string, adopted into `doc` so they can be inserted like late SPA rows. */
export function parseRows(doc: Document, rowsHtml: string): Element[] {
  const parsed = new DOMParser().parseFromString(`<table><tbody>${rowsHtml}</tbody></table>`, 'text/html');
  const body = parsed.querySelector('tbody');
  return Array.from(body?.children ?? []).map((row) => doc.adoptNode(row));
}
