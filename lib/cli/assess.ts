import { assessRisk } from '../analysis/risk/assess';
import { parseCriticFacts } from '../analysis/risk/facts';
import type { RiskBand } from '../analysis/risk/score';

/**
 * `npm run mend -- assess --in facts.jsonl --out risk.jsonl`: one CriticFacts object per line (see
 * lib/analysis/risk/facts.ts) → `{"id","score","band","signals":[...]}`. A line that is not valid
 * facts throws, and runBatch answers it with `{id?, error}`.
 */
export const describe = 'assess';

const bands: Record<RiskBand, number> = { low: 0, watch: 0, high: 0 };

export function handleRecord(record: Record<string, unknown>): object {
  const facts = parseCriticFacts(record);
  const { score, band, signals } = assessRisk(facts);
  bands[band]++;
  return { id: facts.id, score, band, signals };
}

export function finish(): string | undefined {
  return `bands: low ${bands.low}, watch ${bands.watch}, high ${bands.high}`;
}
