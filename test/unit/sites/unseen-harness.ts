/**
 * Measures Mend on pages it has never seen (test/fixtures/unseen): each page is read the way the
 * content script reads it — the adapter chosen by URL, the generic detector when that finds nothing
 * on a page that looks like a review list — and compared with what the fixture's author labelled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../lib/analysis';
import { opensCaseAutomatically } from '../../../lib/cases/snapshot';
import { genericAdapter, looksLikeReviewList } from '../../../lib/sites/generic';
import { adapterFor } from '../../../lib/sites/index';
import type { ReviewSnapshot, SiteAdapter } from '../../../lib/sites/types';
import { attachDeclarativeShadowRoots } from './fixture-dom';

const UNSEEN = join(process.cwd(), 'test/fixtures/unseen');

export interface LabelledReview {
  rating: 'good' | 'medium' | 'bad';
  stars?: number;
  text: string;
  followUp?: string;
  existingReply?: string;
  orderId?: string;
  /** Causes as a labeller gives them per taxonomy.md; empty for a review without a complaint. */
  causes: string[];
}

export interface UnseenManifest {
  pages: { platform: string; file: string; url: string; reviews: LabelledReview[] }[];
  nonReview: { file: string; url: string; note: string }[];
}

export function unseenManifest(): UnseenManifest {
  return JSON.parse(readFileSync(join(UNSEEN, 'labels.json'), 'utf8')) as UnseenManifest;
}

export function loadUnseen(file: string): Document {
  const doc = new DOMParser().parseFromString(readFileSync(join(UNSEEN, file), 'utf8'), 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

/** What the content script would mark on this page, in page order. */
export function recognize(doc: Document, url: URL): { by: string; snapshots: ReviewSnapshot[] } {
  const readAll = (adapter: SiteAdapter) =>
    adapter.findReviewRoots(doc).map((root) => adapter.read(root, url)).filter((s): s is ReviewSnapshot => s !== null);
  const adapter = adapterFor(url);
  const byAdapter = adapter ? readAll(adapter) : [];
  if (byAdapter.length > 0 || !looksLikeReviewList(doc)) return { by: adapter?.platform ?? 'none', snapshots: byAdapter };
  return { by: 'generic', snapshots: readAll(genericAdapter) };
}

/** How many reviews the URL's own adapter reads, without the generic fallback. */
function adapterOnly(file: string, url: URL): number {
  const adapter = adapterFor(url);
  if (!adapter) return 0;
  return adapter.findReviewRoots(loadUnseen(file)).filter((root) => adapter.read(root, url) !== null).length;
}

const norm = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

export interface PageScore {
  file: string;
  by: string;
  reviews: number;
  recognized: number;
  ratingRight: number;
  /** Order ids read right, of the reviews whose page shows one. */
  orderRight: number;
  ordersShown: number;
  extraMarks: number;
  unhappy: number;
  /** Medium/bad reviews whose labelled cause Mend names (a chip with the right cause). */
  causeRight: number;
  /** …and that name no cause the labeller would not give. */
  causeExact: number;
  /** Reviews the platform's adapter reads by itself, before any generic fallback. */
  byAdapter: number;
  cases: number;
  misses: string[];
}

/** Right cause: a labelled cause is among those Mend names. */
export function causeIsRight(predicted: readonly string[], labelled: readonly string[]): boolean {
  return predicted.some((c) => labelled.includes(c));
}

/** Exact: the right cause, and no cause the labeller would not give. */
export function causeIsExact(predicted: readonly string[], labelled: readonly string[]): boolean {
  return causeIsRight(predicted, labelled) && predicted.every((c) => labelled.includes(c));
}

export function scorePage(page: UnseenManifest['pages'][number]): PageScore {
  const url = new URL(page.url);
  const { by, snapshots } = recognize(loadUnseen(page.file), url);
  const score: PageScore = { file: page.file, by, reviews: page.reviews.length, recognized: 0, ratingRight: 0, orderRight: 0, ordersShown: 0, extraMarks: 0, unhappy: 0, causeRight: 0, causeExact: 0, byAdapter: adapterOnly(page.file, url), cases: 0, misses: [] };
  const used = new Set<ReviewSnapshot>();
  for (const review of page.reviews) {
    const snapshot = snapshots.find((s) => !used.has(s) && norm(s.text) === norm(review.text));
    const unhappy = review.rating !== 'good';
    if (unhappy) score.unhappy++;
    if (!snapshot) {
      score.misses.push(`not recognized: ${review.text.slice(0, 20)}`);
      continue;
    }
    used.add(snapshot);
    score.recognized++;
    if (snapshot.rating === review.rating) score.ratingRight++;
    else score.misses.push(`rating ${snapshot.rating} ≠ ${review.rating}: ${review.text.slice(0, 20)}`);
    if (review.orderId) {
      score.ordersShown++;
      if (snapshot.orderId === review.orderId) score.orderRight++;
      else score.misses.push(`order id ${snapshot.orderId} ≠ ${review.orderId}: ${review.text.slice(0, 20)}`);
    }
    if (!unhappy) continue;
    // As the content script does: the follow-up is analysed with the review.
    const analysed = snapshot.followUp ? `${snapshot.text}\n${snapshot.followUp}` : snapshot.text;
    const analysis = analyze(analysed, { rating: snapshot.rating });
    if (causeIsRight(analysis.causes, review.causes)) score.causeRight++;
    if (causeIsExact(analysis.causes, review.causes)) score.causeExact++;
    else score.misses.push(`causes [${analysis.causes}] ≠ [${review.causes}]: ${review.text.slice(0, 20)}`);
    if (opensCaseAutomatically(snapshot, analysis)) score.cases++;
    else score.misses.push(`no case: ${review.text.slice(0, 20)}`);
  }
  score.extraMarks = snapshots.length - used.size;
  if (score.extraMarks > 0) score.misses.push(`${score.extraMarks} marks on things that are no review: ${snapshots.filter((s) => !used.has(s)).map((s) => s.text.slice(0, 20)).join(' | ')}`);
  return score;
}

export function marksOnNonReviewPage(page: UnseenManifest['nonReview'][number]): { by: string; marks: number } {
  const { by, snapshots } = recognize(loadUnseen(page.file), new URL(page.url));
  return { by, marks: snapshots.length };
}
