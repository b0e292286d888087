import { PLACEHOLDERS, renderTemplate } from '../../lib/drafts/template';
import { PUBLIC_KINDS, type DraftKind } from '../../lib/drafts/types';
import { SUPPORTED_HOST_PATTERNS } from '../../lib/sites/hosts';

/** A problem with one field, as an i18n key and its substitutions. */
export interface FieldError {
  key: string;
  args?: string[];
}

export const TEXT_LIMITS = { shopName: 30, signature: 40, serviceHours: 40, template: 1000 } as const;

const length = (text: string) => [...text].length;

export function checkLength(text: string, max: number): FieldError | null {
  return length(text.trim()) > max ? { key: 'options_error_too_long', args: [String(max)] } : null;
}

/** Refunds and coupons need a positive amount (empty means "not stated"); other remedies take none. */
export function parseAmount(text: string): { amount?: number; error?: FieldError } {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return {};
  const amount = Number(trimmed);
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed) || !(amount > 0) || amount > 1_000_000) return { error: { key: 'options_error_amount' } };
  return { amount };
}

/**
 * Placeholders a template uses that a draft of this kind cannot fill: unknown names (typos) and the
 * buyer's data in a public kind, where it would publish personal data.
 */
export function templateErrors(template: string, kind: DraftKind): FieldError[] {
  const errors: FieldError[] = [];
  for (const name of renderTemplate(template, {}).unknown) {
    if (!(name in PLACEHOLDERS)) errors.push({ key: 'options_error_placeholder_unknown', args: [`{${name}}`] });
    else if ((name === 'buyer' || name === 'orderTail') && PUBLIC_KINDS.includes(kind))
      errors.push({ key: 'options_error_placeholder_private', args: [`{${name}}`] });
  }
  const tooLong = checkLength(template, TEXT_LIMITS.template);
  if (tooLong) errors.push(tooLong);
  return errors;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Turns what a seller typed ("shop.example.com", "https://seller.example.de/reviews", "*.example.com")
 * into a host and the https match pattern to request. Only https: a back-office on plain http would
 * show the seller's customers to anyone on the network.
 */
export function parseHost(input: string): { host: string; pattern: string } | { error: FieldError } {
  let text = input.trim().toLowerCase();
  if (!text) return { error: { key: 'options_error_host_empty' } };
  const wildcard = text.startsWith('*.');
  if (wildcard) text = text.slice(2);
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    if (!text.startsWith('https://')) return { error: { key: 'options_error_host_https' } };
  } else {
    text = `https://${text}`;
  }
  let hostname: string;
  try {
    const url = new URL(text);
    if (url.username || url.password || url.port) return { error: { key: 'options_error_host_invalid', args: [input.trim()] } };
    hostname = url.hostname;
  } catch {
    return { error: { key: 'options_error_host_invalid', args: [input.trim()] } };
  }
  const labels = hostname.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels[labels.length - 1])) {
    return { error: { key: 'options_error_host_invalid', args: [input.trim()] } };
  }
  const host = wildcard ? `*.${hostname}` : hostname;
  const pattern = `https://${host}/*`;
  if (SUPPORTED_HOST_PATTERNS.includes(pattern)) return { error: { key: 'options_error_host_supported', args: [host] } };
  return { host, pattern };
}

export function hostPattern(host: string): string {
  return `https://${host}/*`;
}
