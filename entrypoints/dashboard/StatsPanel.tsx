import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../../components/cases/errors';
import { ErrorBanner } from '../../components/cases/StoreBanner';
import { StatsView } from '../../components/cases/StatsView';
import type { CasesRepository } from '../../lib/cases/repository';
import { computeStats, type CaseStats } from '../../lib/cases/stats';
import { t } from '../../lib/i18n';

/** The benchmark reads this measure: reading every case, computing and painting the statistics. */
export const STATS_MEASURE = 'mend:stats';

export function StatsPanel({ repo, dataVersion }: { repo: CasesRepository | null; dataVersion: number }) {
  const [stats, setStats] = useState<CaseStats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!repo) return;
    let current = true;
    performance.mark(`${STATS_MEASURE}-start`);
    // Packed statistics entries, not cases or rows: a few hundred records for the same figures.
    repo.statsEntries().then(
      (entries) => {
        if (!current) return;
        setStats(computeStats(entries));
        setError(null);
      },
      (failure) => current && setError(describeError(failure)),
    );
    return () => {
      current = false;
    };
  }, [repo, dataVersion]);

  useEffect(() => {
    if (!stats) return;
    requestAnimationFrame(() => {
      performance.mark(`${STATS_MEASURE}-end`);
      performance.measure(STATS_MEASURE, `${STATS_MEASURE}-start`, `${STATS_MEASURE}-end`);
    });
  }, [stats]);

  return (
    <section class="stats-panel" aria-label={t('dash_tab_stats')}>
      <ErrorBanner message={error} />
      {!stats && !error && <div class="loading">{t('stats_loading')}</div>}
      {stats && <StatsView stats={stats} />}
    </section>
  );
}
