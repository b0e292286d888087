/** FNV-1a plus a finalizer: tiny, stable across runs and platforms, enough to spread seeds over variants. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV's low bits only track the parity of the input characters; a murmur finalizer spreads all bits
  // so that `% 2` really differs between seeds.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Returns a picker that chooses one of several phrasings per named slot. Each slot hashes separately,
 * so two reviews rarely share the whole combination even with only two variants per slot.
 */
export function variantPicker(seed: string): <T>(slot: string, options: readonly T[]) => T {
  return (slot, options) => options[hash(`${seed}\u0000${slot}`) % options.length];
}

export type Pick = ReturnType<typeof variantPicker>;
