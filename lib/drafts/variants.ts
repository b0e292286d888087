/** FNV-1a: tiny, stable across runs and platforms, good enough to spread seeds over a few variants. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
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
