import type { CauseId } from '../analysis/types';
import { CAUSE_IDS } from '../analysis/types';
import type { Platform } from '../sites/types';
import type { Case, CaseGroup, CaseState } from './types';
import { CASE_GROUPS, CASE_STATES } from './types';
import { DAY_MS, FIRST_RESPONSE_SLA_MS } from './time';
import { statsEntryOf, type StatsEntry } from './stats-entry';

export type CauseCounts = Partial<Record<CauseId, number>>;

export interface WeekBucket {
  /** ISO 8601 week, e.g. `2026-W47`, in the seller's local time. */
  week: string;
  total: number;
  causes: CauseCounts;
}

export interface ProductBucket {
  /** The platform's product id, else the title: the same product keeps one row even if renamed. */
  key: string;
  title: string;
  count: number;
  causes: CauseCounts;
  /** Cases per SKU, for products that showed one. */
  skus: Record<string, number>;
}

export interface PlatformBucket {
  count: number;
  causes: CauseCounts;
}

export interface RemedyTotal {
  count: number;
  /** Sum of the amounts that were given; remedies without an amount only count. */
  amount: number;
}

export interface CaseStats {
  total: number;
  open: number;
  byState: Record<CaseState, number>;
  groups: Record<CaseGroup, number>;
  causes: CauseCounts;
  causesByWeek: WeekBucket[];
  byProduct: ProductBucket[];
  byPlatform: Partial<Record<Platform, PlatformBucket>>;
  revision: { revised: number; unrevised: number; rate: number | null };
  /** Median from the review to the first response (contact or public reply), in ms; null if none yet. */
  medianFirstResponseMs: number | null;
  /** Cases answered after 24 h, or still (or never) unanswered past it. */
  slaBreaches: number;
  /** Per ISO currency; `unknown` for amounts logged without one. */
  remedies: Record<string, RemedyTotal>;
  risk: { assessed: number; low: number; watch: number; high: number; highShareOfAssessed: number | null };
}

export interface StatsOptions {
  now?: number;
  /** The seller's offset from UTC for week boundaries; defaults to this machine's. */
  utcOffsetMinutes?: number;
  /** Only cases whose review (or first sight) falls in [from, to). */
  from?: number;
  to?: number;
}

function bump<K extends string>(counts: Partial<Record<K, number>>, key: K, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

function zeroed<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** ISO week label of a local day number (days since 1970-01-01 in local time). */
function isoWeekOfDay(day: number): string {
  const date = new Date(day * DAY_MS);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date((day - weekday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - jan1) / DAY_MS / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isoWeek(instant: number, utcOffsetMinutes: number): string {
  return isoWeekOfDay(Math.floor((instant + utcOffsetMinutes * 60_000) / DAY_MS));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Cause counters as a fixed array: a hot loop over 50,000 cases should not grow objects key by key. */
const CAUSE_INDEX = new Map<string, number>(CAUSE_IDS.map((cause, i) => [cause, i]));
const newCounts = () => new Int32Array(CAUSE_IDS.length);

function countsToRecord(counts: Int32Array): CauseCounts {
  const record: CauseCounts = {};
  counts.forEach((n, i) => {
    if (n) record[CAUSE_IDS[i]] = n;
  });
  return record;
}

interface Bucket {
  count: number;
  causes: Int32Array;
}

/** One pass over the cases; cheap enough for tens of thousands on every dashboard render. */
export function computeStats(items: ReadonlyArray<StatsEntry | Case>, options: StatsOptions = {}): CaseStats {
  const now = options.now ?? Date.now();
  const offset = options.utcOffsetMinutes ?? -new Date(now).getTimezoneOffset();
  const from = options.from ?? Number.NEGATIVE_INFINITY;
  const to = options.to ?? Number.POSITIVE_INFINITY;

  const stats: CaseStats = {
    total: 0,
    open: 0,
    byState: zeroed(CASE_STATES),
    groups: zeroed(CASE_GROUPS),
    causes: {},
    causesByWeek: [],
    byProduct: [],
    byPlatform: {},
    revision: { revised: 0, unrevised: 0, rate: null },
    medianFirstResponseMs: null,
    slaBreaches: 0,
    remedies: {},
    risk: { assessed: 0, low: 0, watch: 0, high: 0, highShareOfAssessed: null },
  };
  const allCauses = newCounts();
  // Every local day maps to its week's bucket; weeks are keyed by label.
  const weekOfDay = new Map<number, Bucket & { label: string }>();
  const weeks = new Map<string, Bucket & { label: string }>();
  const platforms = new Map<Platform, Bucket>();
  const products = new Map<string, Bucket & { title: string; skus: Record<string, number> }>();
  const responseTimes: number[] = [];
  const offsetMs = offset * 60_000;

  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    // Full cases are accepted too (tests, callers holding them already); entries are what the store keeps.
    // Read by index, not destructured: the first (cold, unoptimized) run over 50,000 entries is the
    // one the seller waits for, and destructuring goes through the iterator protocol there.
    const e = Array.isArray(item) ? item : statsEntryOf(item, null);
    const platformId = e[2];
    const state = e[3];
    const isOpen = e[4];
    const initialRating = e[5];
    const outcome = e[6];
    const causes = e[7];
    const productKey = e[8];
    const productTitle = e[9];
    const sku = e[10];
    const start = e[11];
    const firstResponseAt = e[12];
    const closedAt = e[13];
    const remedies = e[14];
    const riskBand = e[15];
    if (start < from || start >= to) continue;
    stats.total++;
    if (isOpen) stats.open++;
    stats.byState[state]++;
    if (initialRating === 'medium') stats.groups.medium_review_buyers++;
    else if (initialRating === 'bad') stats.groups.bad_review_buyers++;
    if (state === 'agreed_to_revise') stats.groups.agreed_to_revise++;
    if (outcome === 'revised') {
      stats.groups.revised++;
      stats.revision.revised++;
    } else if (outcome === 'unrevised') stats.revision.unrevised++;

    const day = Math.floor((start + offsetMs) / DAY_MS);
    let week = weekOfDay.get(day);
    if (!week) {
      const label = isoWeekOfDay(day);
      week = weeks.get(label);
      if (!week) weeks.set(label, (week = { label, count: 0, causes: newCounts() }));
      weekOfDay.set(day, week);
    }
    week.count++;

    let platform = platforms.get(platformId);
    if (!platform) platforms.set(platformId, (platform = { count: 0, causes: newCounts() }));
    platform.count++;

    let product: (Bucket & { title: string; skus: Record<string, number> }) | undefined;
    if (productKey !== null) {
      product = products.get(productKey);
      if (!product) products.set(productKey, (product = { title: productTitle ?? '', count: 0, causes: newCounts(), skus: {} }));
      product.count++;
      if (sku) bump(product.skus, sku);
    }

    for (let k = 0; k < causes.length; k++) {
      const i = CAUSE_INDEX.get(causes[k]);
      if (i === undefined) continue;
      allCauses[i]++;
      week.causes[i]++;
      platform.causes[i]++;
      if (product) product.causes[i]++;
    }

    if (firstResponseAt !== null) responseTimes.push(Math.max(0, firstResponseAt - start));
    const answeredAt = firstResponseAt ?? (isOpen ? now : (closedAt ?? now));
    if (answeredAt > start + FIRST_RESPONSE_SLA_MS) stats.slaBreaches++;

    for (let k = 0; k < remedies.length; k++) {
      const currency = remedies[k][0];
      const amount = remedies[k][1];
      const total = (stats.remedies[currency || 'unknown'] ??= { count: 0, amount: 0 });
      total.count++;
      if (amount !== null) total.amount += amount;
    }

    if (riskBand) {
      stats.risk.assessed++;
      stats.risk[riskBand]++;
    }
  }

  stats.causes = countsToRecord(allCauses);
  stats.causesByWeek = [...weeks.values()]
    .sort((a, b) => (a.label < b.label ? -1 : 1))
    .map((w) => ({ week: w.label, total: w.count, causes: countsToRecord(w.causes) }));
  for (const [name, bucket] of platforms) stats.byPlatform[name] = { count: bucket.count, causes: countsToRecord(bucket.causes) };
  stats.byProduct = [...products.entries()]
    .map(([key, p]) => ({ key, title: p.title, count: p.count, causes: countsToRecord(p.causes), skus: p.skus }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
  const decided = stats.revision.revised + stats.revision.unrevised;
  stats.revision.rate = decided ? stats.revision.revised / decided : null;
  stats.medianFirstResponseMs = median(responseTimes);
  stats.risk.highShareOfAssessed = stats.risk.assessed ? stats.risk.high / stats.risk.assessed : null;
  for (const total of Object.values(stats.remedies)) total.amount = Math.round(total.amount * 100) / 100;
  return stats;
}
