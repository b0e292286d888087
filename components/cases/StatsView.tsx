import type { ComponentChildren } from 'preact';
import { CAUSE_IDS, type CauseId } from '../../lib/analysis/types';
import type { CaseStats } from '../../lib/cases/stats';
import { CASE_GROUPS } from '../../lib/cases/types';
import type { Platform } from '../../lib/sites/types';
import { t, uiLanguage } from '../../lib/i18n';
import { BarChart, Figure, StackedColumns } from './charts';
import { causeLabel, formatSpan, groupLabel, platformLabel } from './labels';

/** Twelve calm, distinguishable hues, one per cause, stable across charts. */
const CAUSE_COLORS: Record<CauseId, string> = {
  logistics: '#4e79a7',
  shipping: '#76b7b2',
  quality: '#e15759',
  authenticity: '#b07aa1',
  not_as_described: '#f28e2b',
  size: '#edc948',
  service: '#59a14f',
  after_sales: '#9c755f',
  price_value: '#bab0ac',
  packaging: '#ff9da7',
  personal: '#8cd17d',
  other: '#a0a7b4',
};

const WEEKS_SHOWN = 12;
const PRODUCTS_SHOWN = 10;

function percent(share: number | null): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(uiLanguage(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

function money(amount: number, currency: string): string {
  if (currency === 'unknown') return new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 2 }).format(amount);
  try {
    return new Intl.NumberFormat(uiLanguage(), { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

function Section({ title, children, id }: { title: string; id: string; children: ComponentChildren }) {
  return (
    <section class="stats-section" data-stats={id}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function StatsView({ stats }: { stats: CaseStats }) {
  const causesPresent = CAUSE_IDS.filter((c) => (stats.causes[c] ?? 0) > 0);
  const weeks = stats.causesByWeek.slice(-WEEKS_SHOWN);
  const platforms = (Object.entries(stats.byPlatform) as Array<[Platform, { count: number }]>).sort((a, b) => b[1].count - a[1].count);
  const remedies = Object.entries(stats.remedies).sort((a, b) => b[1].count - a[1].count);
  const decided = stats.revision.revised + stats.revision.unrevised;

  if (stats.total === 0) return <div class="empty" data-stats="empty">{t('stats_empty')}</div>;

  return (
    <div class="stats">
      <div class="figures">
        <Figure id="total" label={t('stats_total', String(stats.open))} value={String(stats.total)} />
        <Figure
          id="revision-rate"
          label={t('stats_revision_rate', [String(stats.revision.revised), String(decided)])}
          value={percent(stats.revision.rate)}
          tone="ok"
        />
        <Figure
          id="median-first-response"
          label={t('stats_median_first_response')}
          value={stats.medianFirstResponseMs === null ? '—' : formatSpan(stats.medianFirstResponseMs)}
        />
        <Figure id="sla-breaches" label={t('stats_sla_breaches')} value={String(stats.slaBreaches)} tone={stats.slaBreaches ? 'warn' : undefined} />
        <Figure
          id="high-risk-share"
          label={t('stats_high_risk_share', [String(stats.risk.high), String(stats.risk.assessed)])}
          value={percent(stats.risk.highShareOfAssessed)}
          tone={stats.risk.high ? 'warn' : undefined}
        />
      </div>

      <Section id="causes-per-week" title={t('stats_causes_per_week')}>
        <StackedColumns
          label={t('stats_causes_per_week')}
          columns={weeks.map((w) => ({
            key: w.week,
            label: w.week.slice(5),
            segments: CAUSE_IDS.map((c) => ({ key: c, value: w.causes[c] ?? 0 })),
          }))}
          colorOf={(key) => CAUSE_COLORS[key as CauseId] ?? '#a0a7b4'}
          legend={causesPresent.map((c) => ({ key: c, label: causeLabel(c) }))}
        />
      </Section>

      <div class="stats-grid">
        <Section id="causes" title={t('stats_causes')}>
          <BarChart
            label={t('stats_causes')}
            data={causesPresent
              .map((c) => ({ key: c, label: causeLabel(c), value: stats.causes[c] ?? 0 }))
              .sort((a, b) => b.value - a.value)}
          />
        </Section>
        <Section id="platforms" title={t('stats_by_platform')}>
          <BarChart label={t('stats_by_platform')} data={platforms.map(([p, b]) => ({ key: p, label: platformLabel(p), value: b.count }))} />
        </Section>
        <Section id="products" title={t('stats_by_product')}>
          <BarChart
            label={t('stats_by_product')}
            data={stats.byProduct.slice(0, PRODUCTS_SHOWN).map((p) => {
              const skus = Object.entries(p.skus).sort((a, b) => b[1] - a[1]);
              const top = (CAUSE_IDS.filter((c) => p.causes[c]) as CauseId[]).sort((a, b) => (p.causes[b] ?? 0) - (p.causes[a] ?? 0))[0];
              const parts = [p.title, top ? causeLabel(top) : '', skus.length ? skus.map(([sku, n]) => `${sku} ×${n}`).join(', ') : ''];
              return { key: p.key, label: p.title, value: p.count, detail: parts.filter(Boolean).join(' · ') };
            })}
          />
        </Section>
        <Section id="groups" title={t('stats_groups')}>
          <BarChart label={t('stats_groups')} data={CASE_GROUPS.map((g) => ({ key: g, label: groupLabel(g), value: stats.groups[g] }))} color="#59a14f" />
        </Section>
      </div>

      <Section id="remedies" title={t('stats_remedies')}>
        {remedies.length === 0 ? (
          <p class="muted">{t('stats_no_remedies')}</p>
        ) : (
          <ul class="remedy-totals">
            {remedies.map(([currency, total]) => (
              <li key={currency} data-currency={currency}>
                <strong>{money(total.amount, currency)}</strong> {t('stats_remedy_count', String(total.count))}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
