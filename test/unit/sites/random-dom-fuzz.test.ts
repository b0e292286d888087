import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allAdapters } from '../../../lib/sites';
import { detectReviewBlocks, genericAdapter, looksLikeReviewPage } from '../../../lib/sites/generic';
import type { ReviewSnapshot } from '../../../lib/sites/types';

/** Words that make a block look like a review to some adapter, mixed with hostile and plain text. */
const WORDS = [
  '正面评价', '中性评价', '负面评价', '好评', '中评', '差评', '初次评价：2026-11-20 14:32', '订单号：3812345678901234567',
  '订单编号：231120-512345678901234', '还有3天可回复', '评价回复', '追评：', '买家昵称：阿***', '王**', '★★☆☆☆', '2 von 5 Sternen',
  '1.0 out of 5 stars', '质量太差了，用两天就坏了', '<script>alert(1)</script>', '\u202Eevil', '😡'.repeat(20), '', ' ', '回复', '举报',
];
const TAGS = ['div', 'span', 'p', 'li', 'ul', 'tr', 'td', 'table', 'tbody', 'a', 'button', 'section', 'kat-table-row', 'kat-star-rating'];
const CLASSES = ['', 'next-table-row', 'rate-content', 'comment-item', 'ant-table-row', 'review', 'TB_tr_5-188-0', 'x'];

interface Node {
  tag: string;
  cls: string;
  text: string;
  attrs: [string, string][];
  children: Node[];
}

const node: fc.Memo<Node> = fc.memo((depth) =>
  fc.record({
    tag: fc.constantFrom(...TAGS),
    cls: fc.constantFrom(...CLASSES),
    text: fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 30 })),
    attrs: fc.array(fc.tuple(fc.constantFrom('data-testid', 'data-row-key', 'role', 'value', 'aria-label', 'data-id'), fc.oneof(fc.constantFrom('beast-core-table-middle-tbody', 'row', '3', '2 stars', 'review-R1'), fc.string({ maxLength: 8 }))), { maxLength: 2 }),
    children: depth > 1 ? fc.array(node(depth - 1), { maxLength: 4 }) : fc.constant([]),
  }),
);

function build(doc: Document, spec: Node): Element {
  const el = doc.createElement(spec.tag);
  if (spec.cls) el.className = spec.cls;
  for (const [name, value] of spec.attrs) el.setAttribute(name, value);
  if (spec.text) el.append(doc.createTextNode(spec.text));
  for (const child of spec.children) el.append(build(doc, child));
  return el;
}

const RATINGS = new Set(['good', 'medium', 'bad', 'unknown']);
function wellFormed(snapshot: ReviewSnapshot) {
  expect(typeof snapshot.reviewId).toBe('string');
  expect(snapshot.reviewId.length).toBeGreaterThan(0);
  expect(RATINGS.has(snapshot.rating)).toBe(true);
  expect(typeof snapshot.text).toBe('string');
  if (snapshot.stars !== undefined) expect(snapshot.stars >= 0 && snapshot.stars <= 5).toBe(true);
}

// Hundreds of random pages: on a loaded machine this takes longer than the 5 s default, which says nothing about Mend.
describe('adapters on random DOM never throw and return well-formed reviews', { timeout: 60_000 }, () => {
  const url = new URL('https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC');

  it('every adapter and the generic detector', () => {
    let snapshotsRead = 0;
    fc.assert(
      fc.property(fc.array(node(4), { minLength: 1, maxLength: 6 }), (specs) => {
        document.body.replaceChildren(...specs.map((spec) => build(document, spec)));
        for (const adapter of [...allAdapters, genericAdapter]) {
          const roots = adapter.findReviewRoots(document);
          expect(new Set(roots).size).toBe(roots.length);
          for (const root of roots) {
            expect(root.isConnected).toBe(true);
            const snapshot = adapter.read(root, url);
            if (snapshot) {
              wellFormed(snapshot);
              snapshotsRead++;
            }
            adapter.replyButton?.(root);
            adapter.mountPoint?.(root);
          }
          // Scanning an added subtree must agree with scanning from the top: nothing new appears.
          const first = document.body.firstElementChild;
          if (first) for (const root of adapter.findReviewRoots(first)) expect(document.body.contains(root)).toBe(true);
        }
        detectReviewBlocks(document.body);
        looksLikeReviewPage(document);
      }),
      { numRuns: 150 },
    );
    // The generated pages do look like reviews to the adapters often enough for this to test reading.
    expect(snapshotsRead).toBeGreaterThan(10);
  });
});
