import { assessRisk } from '../analysis/risk/assess';
import { parseCriticFacts } from '../analysis/risk/facts';
import type { RiskBand } from '../analysis/risk/score';

/**
 * `npm run mend -- assess --in facts.jsonl --out risk.jsonl`: one CriticFacts object per line (see
 * lib/analysis/risk/facts.ts) → `{"id","score","band","signals":[...]}`. A line that is not valid
 * facts throws, and runBatch answers it with `{id?, error}`. A CSV works too, with dotted column
 * names for nested facts (`buyer.nick`, `order.price`, …) and `contacts` as a JSON list in a cell.
 */
export const describe = 'assess';

const bands: Record<RiskBand, number> = { low: 0, watch: 0, high: 0 };

const NUMBER_FIELDS = new Set([
  'buyer.accountAgeDays',
  'buyer.givenRatings.good',
  'buyer.givenRatings.medium',
  'buyer.givenRatings.bad',
  'buyer.givenRatings.windowDays',
  'buyer.distinctShopsBadRated',
  'order.price',
  'order.secondsToPay',
  'order.daysToReview',
  'history.priorBadReviewsThisShop',
  'history.similarTextsLast7Days',
]);
const BOOLEAN_FIELDS = new Set(['order.chatBeforeOrder', 'blacklisted']);
const TRUE = new Set(['true', '1', 'yes', 'y', '是', '有']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '无', '無']);

/** A spreadsheet cell as the value the facts shape wants; an empty cell is "not known". */
function cellValue(path: string, cell: string): unknown {
  const value = cell.trim();
  if (value === '') return undefined;
  if (NUMBER_FIELDS.has(path)) return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (BOOLEAN_FIELDS.has(path)) {
    const lower = value.toLowerCase();
    return TRUE.has(lower) ? true : FALSE.has(lower) ? false : value;
  }
  if (path === 'contacts') {
    try {
      return JSON.parse(value);
    } catch {
      throw new Error('"contacts" must be a JSON list in its cell');
    }
  }
  return cell;
}

/** A CSV row (flat, all strings) as a nested facts object; JSONL records pass through unchanged. */
export function factsFromFlatRow(record: Record<string, unknown>): Record<string, unknown> {
  const flat = Object.keys(record).some((key) => key.includes('.')) || typeof record.contacts === 'string' || typeof record.blacklisted === 'string';
  if (!flat) return record;
  const out: Record<string, unknown> = {};
  for (const [path, raw] of Object.entries(record)) {
    const value = typeof raw === 'string' ? cellValue(path, raw) : raw;
    if (value === undefined) continue;
    const keys = path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]] = value;
  }
  return out;
}

export function handleRecord(record: Record<string, unknown>): object {
  const facts = parseCriticFacts(factsFromFlatRow(record));
  const { score, band, signals } = assessRisk(facts);
  bands[band]++;
  return { id: facts.id, score, band, signals };
}

export function finish(): string | undefined {
  return `bands: low ${bands.low}, watch ${bands.watch}, high ${bands.high}`;
}
