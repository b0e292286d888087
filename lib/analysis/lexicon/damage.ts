/**
 * Words that say an item arrived damaged or spoiled, without saying why. The taxonomy gives such damage to
 * the courier when the review also blames the delivery (压坏, 物流太慢 … 都烂了), to quality otherwise.
 * Normalized forms (Simplified, lower case).
 */
export const ARRIVAL_DAMAGE = new Set([
  '坏了', '坏的', '损坏', '破了', '破损', '碎了', '裂了', '裂开', '烂了', '烂的', '变形', '压坏', '摔坏', '坏果', '烂果',
  'broken', 'broke_', 'cracked', 'crack_', 'dented', 'shattered', 'smashed',
  'kaputt', 'zerbrochen', 'gebrochen', 'beschädigt', 'verbeult', 'gerissen',
]);

/** Words that say the contents leaked: in a review that blames the packing, the packing's fault. */
export const LEAKS = new Set(['漏水', '漏液', '漏了', '洒了', '撒了', '漏出', '渗漏', 'leaked', 'leaking', 'ausgelaufen']);

/** Words that the buyer used the item before it failed: then the damage is the product's, not the courier's. */
export const USED_BEFORE = /用了|用过|使用|穿了|洗了|几天就|两天就|after (?:a|one|two|three|\d)|stopped|nach (?:einer|zwei|drei|\d|kurzer)/;
