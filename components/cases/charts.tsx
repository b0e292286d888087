import type { ComponentChildren } from 'preact';

/**
 * Small SVG charts: no library, text drawn in the page's font, so Chinese and Latin labels read
 * the same. Every chart carries a <title> per mark and a text table fallback is not needed
 * because values are printed next to the bars.
 */

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** Shown on hover, e.g. a full product title and its SKUs. */
  detail?: string;
}

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 56;
const BAR_AREA = 300;
const ROW = 24;

/** Wide (CJK) characters take two units, so a label is cut at the same visual width in any script. */
export function clipLabel(label: string, maxUnits = 20): string {
  let units = 0;
  let out = '';
  for (const ch of label) {
    units += /[\u1100-\uFFFF]/.test(ch) && !/[\uFF61-\uFF9F]/.test(ch) ? 2 : 1;
    if (units > maxUnits) return `${out}…`;
    out += ch;
  }
  return out;
}

export function BarChart({ data, label, format = String, color = 'var(--accent)' }: {
  data: readonly BarDatum[];
  label: string;
  format?: (value: number) => string;
  color?: string;
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const height = Math.max(ROW, data.length * ROW);
  return (
    <svg class="chart bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-chart={label}>
      {data.map((d, i) => {
        const y = i * ROW;
        const w = Math.max(d.value > 0 ? 2 : 0, (d.value / max) * BAR_AREA);
        return (
          <g key={d.key} data-bar={d.key} data-value={d.value}>
            <title>{`${d.detail ?? d.label}: ${format(d.value)}`}</title>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle" class="chart-label">
              {clipLabel(d.label)}
            </text>
            <rect x={LABEL_WIDTH} y={y + 5} width={w} height={ROW - 10} rx={3} fill={color} />
            <text x={LABEL_WIDTH + w + 6} y={y + ROW / 2} dominant-baseline="middle" class="chart-value">
              {format(d.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface ColumnDatum {
  key: string;
  label: string;
  segments: ReadonlyArray<{ key: string; value: number }>;
}

/** Stacked columns (e.g. causes per week) with a legend in HTML, where long labels wrap freely. */
export function StackedColumns({ columns, label, colorOf, legend }: {
  columns: readonly ColumnDatum[];
  label: string;
  colorOf: (segment: string) => string;
  legend: ReadonlyArray<{ key: string; label: string }>;
}) {
  const height = 180;
  const axis = 22;
  const columnWidth = 34;
  const gap = 10;
  const left = 32;
  const width = Math.max(300, left + columns.length * (columnWidth + gap));
  const totals = columns.map((c) => c.segments.reduce((sum, s) => sum + s.value, 0));
  const max = Math.max(1, ...totals);
  const scale = (height - axis - 8) / max;
  return (
    <figure class="chart-figure">
      <svg class="chart columns-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-chart={label}>
        <line x1={left} x2={width} y1={height - axis} y2={height - axis} class="chart-axis" />
        <text x={left - 6} y={8} text-anchor="end" dominant-baseline="hanging" class="chart-value">{max}</text>
        {columns.map((column, i) => {
          const x = left + gap / 2 + i * (columnWidth + gap);
          let y = height - axis;
          const marks: ComponentChildren[] = [];
          for (const segment of column.segments) {
            if (segment.value <= 0) continue;
            const h = segment.value * scale;
            y -= h;
            marks.push(
              <rect key={segment.key} x={x} y={y} width={columnWidth} height={h} fill={colorOf(segment.key)} data-segment={segment.key}>
                <title>{`${column.label} · ${legend.find((l) => l.key === segment.key)?.label ?? segment.key}: ${segment.value}`}</title>
              </rect>,
            );
          }
          return (
            <g key={column.key} data-column={column.key} data-value={totals[i]}>
              {marks}
              <text x={x + columnWidth / 2} y={height - axis + 14} text-anchor="middle" class="chart-label small">{column.label}</text>
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {legend.map((item) => (
          <span key={item.key} class="legend-item">
            <svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" rx="2" fill={colorOf(item.key)} /></svg>
            {item.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** A headline figure: big number, small caption. */
export function Figure({ id, label, value, tone }: { id: string; label: string; value: string; tone?: 'warn' | 'ok' }) {
  return (
    <div class="figure" data-figure={id} data-tone={tone}>
      <div class="figure-value">{value}</div>
      <div class="figure-label">{label}</div>
    </div>
  );
}
