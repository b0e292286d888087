import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizedDigest } from '../../../lib/cases/digest';
import { DERIVED_FIELDS, type Case } from '../../../lib/cases/types';
import { readExportedCase, readParsedCases } from '../../../lib/cases/validate';
import { damagedCopies, richExportedCase, type ReaderAnswer } from './validate-golden';

/**
 * The answers were recorded from the reader as it was before it was made faster (see
 * validate-golden.record.ts): the same cases accepted, normalized to the same digest, and the same
 * files refused with the same words.
 */
const golden = JSON.parse(readFileSync(join(process.cwd(), 'test/unit/cases/validate-golden.json'), 'utf8')) as ReaderAnswer[];

function answersOf(read: (value: unknown) => Case): ReaderAnswer[] {
  return damagedCopies(richExportedCase()).map(({ label, value }): ReaderAnswer => {
    try {
      return { label, digest: normalizedDigest(read(value)) };
    } catch (error) {
      return { label, error: (error as Error).message };
    }
  });
}

describe('strict case reader, against recorded answers', () => {
  it('answers every damaged copy exactly as recorded', () => {
    expect(answersOf((value) => readExportedCase(value, 'cases[7]'))).toEqual(golden);
  });

  it('answers the same when reading a parsed file, which reuses normalized values', () => {
    // Seven sound cases before the damaged one: its place in the list is cases[7], as recorded.
    const sound = Array.from({ length: 7 }, () => richExportedCase() as unknown);
    expect(answersOf((value) => readParsedCases([...sound, value], 'cases')[7])).toEqual(golden);
  });
});

describe('reading a parsed file', () => {
  /** A case as an export writes it: normalized, without the derived fields. */
  const normalized = () => {
    const c = readExportedCase(richExportedCase(), 'case') as Partial<Case>;
    for (const field of DERIVED_FIELDS) c[field] = undefined;
    return JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
  };

  it('keeps an already normalized case and its parts as they are, adding the derived fields', () => {
    const value = normalized();
    const { contacts, risk } = value;
    const [read] = readParsedCases([value], 'cases');
    expect(read).toBe(value);
    expect(read.contacts).toBe(contacts);
    expect(read.risk).toBe(risk);
    expect(read.isOpen).toBe(0);
    expect(JSON.stringify(read)).toBe(JSON.stringify(readExportedCase(normalized(), 'case')));
  });

  it('copies what is out of order and leaves the file untouched', () => {
    const value = normalized();
    const contact = (value.contacts as Array<Record<string, unknown>>)[0];
    (value.contacts as unknown[])[0] = Object.fromEntries(Object.entries(contact).reverse());
    const before = JSON.stringify(value);
    const [read] = readParsedCases([value], 'cases');
    expect(read).not.toBe(value);
    expect(read.contacts).not.toBe(value.contacts);
    expect(read.remedies).toBe(value.remedies);
    expect(Object.keys(read.contacts[0])).toEqual(Object.keys(contact));
    expect(JSON.stringify(value)).toBe(before);
    expect(normalizedDigest(read)).toBe(normalizedDigest(readExportedCase(richExportedCase(), 'case')));
  });

  it('names the place of a bad case in the list', () => {
    const bad = { ...normalized(), state: 'lost' };
    expect(() => readParsedCases([normalized(), normalized(), bad], 'cases')).toThrow(/^cases\[2\]\.state: expected one of /);
  });
});
