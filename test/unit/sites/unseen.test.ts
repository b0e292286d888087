import { describe, expect, it } from 'vitest';
import { marksOnNonReviewPage, scorePage, unseenManifest } from './unseen-harness';

const manifest = unseenManifest();
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

/**
 * Issue 7's targets on pages Mend has never seen: redesigned markup for every platform, labelled
 * by hand. The thresholds are the targets themselves.
 */
describe('pages Mend has never seen', { timeout: 60_000 }, () => {
  const scores = manifest.pages.map(scorePage);
  const total = (key: 'reviews' | 'recognized' | 'ratingRight' | 'orderRight' | 'ordersShown' | 'extraMarks' | 'unhappy' | 'causeRight' | 'causeExact' | 'byAdapter' | 'cases') => scores.reduce((sum, s) => sum + s[key], 0);
  const nonReview = manifest.nonReview.map((page) => ({ file: page.file, ...marksOnNonReviewPage(page) }));

  it('prints the figures', () => {
    for (const s of scores) {
      console.log(`${s.file.padEnd(40)} by ${s.by.padEnd(15)} recognized ${s.recognized}/${s.reviews} (adapter alone ${s.byAdapter})  rating ${s.ratingRight}  causes ${s.causeRight}/${s.unhappy} (exact ${s.causeExact})  cases ${s.cases}/${s.unhappy}  extra ${s.extraMarks}`);
      for (const miss of s.misses) console.log(`    ${miss}`);
    }
    for (const page of nonReview) console.log(`${page.file.padEnd(40)} by ${page.by.padEnd(15)} marks ${page.marks}`);
    console.log(
      `unseen: recognized ${total('recognized')}/${total('reviews')} (${pct(total('recognized'), total('reviews'))}; by the adapters alone ${total('byAdapter')}), rating right ${total('ratingRight')}, order id right ${total('orderRight')}/${total('ordersShown')}, ` +
        `marks on non-review pages ${nonReview.reduce((n, p) => n + p.marks, 0)}, extra marks on review pages ${total('extraMarks')}, ` +
        `right cause ${total('causeRight')}/${total('unhappy')} (${pct(total('causeRight'), total('unhappy'))}; exact set ${pct(total('causeExact'), total('unhappy'))}), cases ${total('cases')}/${total('unhappy')}`,
    );
    expect(scores.length).toBeGreaterThanOrEqual(8);
    expect(new Set(manifest.pages.map((p) => p.platform)).size).toBe(8);
  });

  it('recognizes ≥ 95% of the reviews, with their verdict', () => {
    expect(total('recognized') / total('reviews')).toBeGreaterThanOrEqual(0.95);
    expect(total('ratingRight') / total('reviews')).toBeGreaterThanOrEqual(0.95);
  });

  it('marks nothing on non-review pages, and nothing but reviews on review pages', () => {
    expect(nonReview.length).toBeGreaterThanOrEqual(5);
    expect(nonReview.filter((page) => page.marks > 0)).toEqual([]);
    expect(total('extraMarks')).toBe(0);
  });

  it('gives the right cause on ≥ 75% of the medium/bad reviews', () => {
    expect(total('causeRight') / total('unhappy')).toBeGreaterThanOrEqual(0.75);
  });

  it('opens a case for every medium/bad review', () => {
    expect(total('cases')).toBe(total('unhappy'));
  });
});
