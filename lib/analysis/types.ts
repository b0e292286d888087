/** Cause ids of shared/taxonomy.md v1. */
export const CAUSE_IDS = [
  'logistics',
  'shipping',
  'quality',
  'authenticity',
  'not_as_described',
  'size',
  'service',
  'after_sales',
  'price_value',
  'packaging',
  'personal',
  'other',
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];

export type Lang = 'zh-Hans' | 'zh-Hant' | 'de' | 'en';

/** Half-open character range [start, end) in the ORIGINAL text. */
export type Span = [number, number];

export interface Analysis {
  lang: Lang;
  negative: boolean;
  /** 0 (clearly satisfied) … 1 (clearly unhappy), from the text alone. */
  negativity: number;
  causes: CauseId[];
  evidence: Partial<Record<CauseId, Span[]>>;
  extortion: boolean;
  extortionEvidence: Span[];
}
