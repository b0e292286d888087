import { useEffect, useRef, useState } from 'preact/hooks';
import { CAUSE_IDS, type CauseId } from '../../lib/analysis/types';
import type { CaseQuery } from '../../lib/cases/query';
import { CASE_GROUPS, OPEN_STATES, type CaseGroup, type CaseState, type RiskBand } from '../../lib/cases/types';
import type { Platform } from '../../lib/sites/types';
import { t } from '../../lib/i18n';
import { causeLabel, FILTER_PLATFORMS, groupLabel, platformLabel, RISK_BANDS, riskLabel, stateLabel } from './labels';

export interface FilterValues {
  platform: Platform | '';
  state: CaseState | '' | 'open';
  cause: CauseId | '';
  risk: RiskBand | '';
  group: CaseGroup | '';
  search: string;
}

export const EMPTY_FILTERS: FilterValues = { platform: '', state: '', cause: '', risk: '', group: '', search: '' };

/** The filter form as a repository query; an empty field means "any". */
export function filtersToQuery(filters: FilterValues, base: CaseQuery = {}): CaseQuery {
  const query: CaseQuery = { ...base };
  if (filters.state === 'open') query.states = OPEN_STATES;
  else if (filters.state) query.states = [filters.state];
  if (filters.platform) query.platform = filters.platform;
  if (filters.cause) query.cause = filters.cause;
  if (filters.risk) query.risk = filters.risk;
  if (filters.group) query.group = filters.group;
  if (filters.search.trim()) query.search = filters.search.trim();
  return query;
}

const SEARCH_DELAY_MS = 200;

export interface CaseFiltersProps {
  value: FilterValues;
  onChange: (next: FilterValues) => void;
  /** States offered; the popup only lists open ones. */
  states: readonly CaseState[];
  /** Offer "all open" as a state choice (the dashboard). */
  offerOpen?: boolean;
  showGroups?: boolean;
}

function Choice<T extends string>(props: {
  name: string;
  label: string;
  value: T | '';
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T | '') => void;
}) {
  return (
    <select
      name={props.name}
      aria-label={props.label}
      value={props.value}
      data-filter={props.name}
      onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as T | '')}
    >
      <option value="">{props.label}</option>
      {props.options.map((o) => <option value={o.value} key={o.value}>{o.label}</option>)}
    </select>
  );
}

export function CaseFilters({ value, onChange, states, offerOpen, showGroups }: CaseFiltersProps) {
  // Typing updates the box at once; the query waits until the seller pauses.
  const [search, setSearch] = useState(value.search);
  // The other filters may change while the search waits; it must apply to the latest ones.
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => setSearch(value.search), [value.search]);
  useEffect(() => {
    if (search === latest.current.search) return;
    const timer = setTimeout(() => onChange({ ...latest.current, search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const stateOptions: Array<{ value: CaseState | 'open'; label: string }> = [
    ...(offerOpen ? [{ value: 'open' as const, label: t('filter_all_open') }] : []),
    ...states.map((s) => ({ value: s, label: stateLabel(s) })),
  ];
  return (
    <div class="filters" role="search">
      <input
        type="search"
        name="search"
        data-filter="search"
        placeholder={t('filter_search_placeholder')}
        aria-label={t('filter_search_placeholder')}
        value={search}
        onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)}
      />
      <Choice
        name="platform"
        label={t('filter_platform')}
        value={value.platform}
        options={FILTER_PLATFORMS.map((p) => ({ value: p, label: platformLabel(p) }))}
        onChange={(platform) => onChange({ ...value, platform })}
      />
      <Choice name="state" label={t('filter_state')} value={value.state} options={stateOptions} onChange={(state) => onChange({ ...value, state })} />
      <Choice
        name="cause"
        label={t('filter_cause')}
        value={value.cause}
        options={CAUSE_IDS.map((c) => ({ value: c, label: causeLabel(c) }))}
        onChange={(cause) => onChange({ ...value, cause })}
      />
      <Choice
        name="risk"
        label={t('filter_risk')}
        value={value.risk}
        options={RISK_BANDS.map((r) => ({ value: r, label: riskLabel(r) }))}
        onChange={(risk) => onChange({ ...value, risk })}
      />
      {showGroups && (
        <Choice
          name="group"
          label={t('filter_group')}
          value={value.group}
          options={CASE_GROUPS.map((g) => ({ value: g, label: groupLabel(g) }))}
          onChange={(group) => onChange({ ...value, group })}
        />
      )}
    </div>
  );
}

