import { collapseSpaces } from './dom';

/**
 * Review ids for pages that do not show the platform's own id. The hash only needs to be stable
 * across visits and distinct between reviews, not secret, so a 2×32-bit FNV-1a is enough and
 * keeps the content script free of async crypto.
 */
export function stableHash(parts: readonly (string | undefined)[]): string {
  const input = parts.map((part) => collapseSpaces(part ?? '')).join('\u241f');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ input.length;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 = (h2 ^ (h2 >>> 15)) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** `h:`-prefixed so a hashed id can never collide with a platform's numeric id. */
export function hashedReviewId(parts: readonly (string | undefined)[]): string {
  return `h:${stableHash(parts)}`;
}
