import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '../../../lib/sites/dom';
import { stableHash } from '../../../lib/sites/stable-id';

/** Text made of words and every kind of whitespace the pages use, in runs of any length. */
const spacedText = fc
  .array(fc.oneof(fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\r\n  '), fc.string({ maxLength: 6 }), fc.constantFrom('质量', '差评', 'ok')), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('collapseSpaces', () => {
  it('gives what collapsing every whitespace run and trimming gives', () => {
    fc.assert(fc.property(spacedText, (text) => collapseSpaces(text) === text.replace(/\s+/g, ' ').trim()));
  });

  it('hands back a text that needs nothing collapsed unchanged', () => {
    expect(collapseSpaces('衣服 起球了 质量差')).toBe('衣服 起球了 质量差');
    expect(collapseSpaces(' 一般\n\n还行 ')).toBe('一般 还行');
  });

  it('keeps review ids as they were: the hash still sees collapsed, trimmed parts', () => {
    fc.assert(
      fc.property(fc.array(fc.option(spacedText, { nil: undefined }), { maxLength: 4 }), (parts) =>
        stableHash(parts) === stableHash(parts.map((part) => (part ?? '').replace(/\s+/g, ' ').trim())),
      ),
    );
    // Ids already stored in sellers' case databases (values from before this change) must not move.
    expect(stableHash(['3812345678901234567', '2026-11-20 14:32', '衣服洗了一次就起球了'])).toBe('c4279e18029bd9cc');
    expect(stableHash(['a\tb', undefined, '  x  y '])).toBe('40dbcefbd0483a6b');
  });
});
