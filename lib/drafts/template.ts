/**
 * Placeholders a template (a built-in text or a seller's override) may use. `buyer` and `orderTail`
 * are deliberately missing from public kinds: a public reply must never carry the buyer's data.
 */
export const PLACEHOLDERS = {
  shop: 'shop name',
  signature: 'who signs the reply',
  serviceHours: 'service hours as configured',
  product: 'short product name',
  remedy: 'the remedy offered, in words ("换货", "a refund of €20.00")',
  topic: 'the problem as the buyer raised it, in words',
  contactList: 'each logged contact attempt with date, time, channel (one per line)',
  followUp: 'the concrete follow-up time proposed to the buyer',
  buyer: 'buyer nick (private kinds only)',
  orderTail: 'last four characters of the order id (private kinds only)',
  draft: "Mend's own draft for this kind, so an override can wrap it",
} as const;
export type PlaceholderName = keyof typeof PLACEHOLDERS;

export interface RenderResult {
  text: string;
  /** Placeholder names found in the template with no value given; they stay in the text as written. */
  unknown: string[];
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/**
 * Fills `{name}` placeholders from `values`. A name without a value is left in the text (so the seller
 * sees it in the preview) and reported in `unknown`; nothing else in the template is interpreted.
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string | undefined>>): RenderResult {
  const unknown: string[] = [];
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined) {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    return value;
  });
  return { text, unknown };
}
