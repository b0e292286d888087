/** A case with every optional field filled, and ways to damage it, for the reader's golden test. */
import type { ExportedCase } from '../../../lib/cases/transfer';

export type ReaderAnswer = { label: string; digest: number } | { label: string; error: string };

export function richExportedCase(): ExportedCase {
  const at = Date.parse('2026-11-21T08:00:00Z');
  return {
    id: 'qianniu:r1',
    platform: 'qianniu',
    reviewId: 'r1',
    rating: 'bad',
    initialRating: 'medium',
    stars: 2,
    causes: ['logistics', 'packaging'],
    evidence: { logistics: [[0, 4]], packaging: [[6, 8], [9, 11]] },
    negativity: 0.8,
    extortion: true,
    extortionEvidence: [[1, 3]],
    text: '快递太慢了，包装也破了',
    followUp: '追评：还是坏的',
    buyerNick: '王**',
    buyerCredit: 'b_blue_4',
    orderId: '1234567890123',
    product: { title: '保温杯 500ml', url: 'https://item.taobao.com/item.htm?id=42', id: '42', sku: '白色' },
    reviewDate: '2026-11-20T10:00:00+08:00',
    existingReply: '亲，抱歉',
    canReply: true,
    replyDaysLeft: 25,
    replyDaysLeftReadAt: at,
    pageUrl: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
    state: 'reviewed',
    outcome: 'revised',
    history: [
      { from: null, to: 'new', at },
      { from: 'new', to: 'contacted', at: at + 1 },
      { from: 'contacted', to: 'revised', at: at + 2 },
      { from: 'revised', to: 'reviewed', at: at + 3 },
    ],
    flags: { publicReplyPosted: true, appealFiled: false },
    contacts: [
      { id: 'c1', channel: 'phone', at: at + 1, outcome: 'no_answer', note: '中午再打' },
      { id: 'c2', channel: 'chat', at: at + 2, outcome: 'agreed' },
    ],
    remedies: [{ id: 'm1', kind: 'partial_refund', amount: 12.5, currency: 'CNY', at: at + 2, note: '退一半' }, { id: 'm2', kind: 'gift', at: at + 2 }],
    notes: [{ id: 'n1', at: at + 2, text: '买家要求换货' }],
    lesson: { rootCause: 'logistics', improvement: '换快递', at: at + 3 },
    risk: {
      band: 'watch',
      score: 45,
      signals: [
        { id: 'extortion', kind: 'soft', source: 'text', detail: '赔偿', weight: 20, messageKey: 'risk_signal_x', args: ['a', 'b'], evidence: [[1, 3]] },
        { id: 'history', kind: 'hard', source: 'history', detail: '3', weight: 40 },
      ],
      assessedAt: at,
    },
    manualFacts: { chatBeforeOrder: false, secondsToPay: 20, price: 99.5, daysToReview: 3 },
    evidenceChecklist: { chat_log: at + 1, screenshots: at },
    nextFollowUpAt: at + 30,
    snoozedUntil: at + 40,
    createdAt: at,
    updatedAt: at + 3,
    firstSeenAt: at,
    lastSeenAt: at + 3,
    firstResponseAt: at + 1,
    closedAt: at + 2,
  } as ExportedCase;
}

type Path = Array<string | number>;

/** Every place in a JSON value, as a path of keys and indexes. */
function placesOf(value: unknown, prefix: Path = []): Path[] {
  const places = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => places.push(...placesOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) places.push(...placesOf(v, [...prefix, k]));
  return places;
}

const REPLACEMENTS: Array<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['1.5', 1.5],
  ['-1', -1],
  ['0', 0],
  ['text', 'x'],
  ['empty text', ''],
  ['true', true],
  ['empty list', []],
  ['empty object', {}],
  ['three numbers', [1, 2, 3]],
  ['reversed span', [5, 2]],
  ['currency', 'eur'],
];

/** Copies of `base` each damaged in one place: a value replaced, a key removed, a key added. */
export function damagedCopies(base: ExportedCase): Array<{ label: string; value: unknown }> {
  const copies: Array<{ label: string; value: unknown }> = [{ label: 'as is', value: structuredClone(base) }];
  for (const path of placesOf(base)) {
    const where = path.join('.') || '(root)';
    for (const [name, replacement] of REPLACEMENTS) {
      if (path.length === 0) continue;
      const copy = structuredClone(base) as any;
      let node = copy;
      for (const key of path.slice(0, -1)) node = node[key];
      node[path[path.length - 1]] = replacement;
      copies.push({ label: `${where} = ${name}`, value: copy });
    }
    const copy = structuredClone(base) as any;
    let node = copy;
    for (const key of path) node = node[key];
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      node.surprise = 1;
      copies.push({ label: `${where} + surprise`, value: copy });
      const plain = structuredClone(base) as any;
      let target = plain;
      for (const key of path) target = target[key];
      for (const key of Object.keys(target)) {
        const without = structuredClone(base) as any;
        let holder = without;
        for (const k of path) holder = holder[k];
        delete holder[key];
        copies.push({ label: `${where} - ${key}`, value: without });
      }
      // Keys in reverse order: the reader must give the same normalized case.
      const reversed = structuredClone(base) as any;
      let parent = reversed;
      for (const k of path.slice(0, -1)) parent = parent[k];
      const flipped = Object.fromEntries(Object.entries(target).reverse());
      if (path.length === 0) copies.push({ label: '(root) reversed keys', value: flipped });
      else {
        parent[path[path.length - 1]] = flipped;
        copies.push({ label: `${where} reversed keys`, value: reversed });
      }
    }
  }
  // Derived fields in a hand-made or stored file are allowed and recomputed.
  copies.push({ label: 'derived fields present', value: { ...structuredClone(base), isOpen: 7, dueAt: 1, urgencyKey: 'x', recentKey: [1] } });
  copies.push({ label: 'derived fields undefined', value: { ...structuredClone(base), isOpen: undefined, dueAt: undefined } });
  copies.push({ label: 'not an object', value: [base] });
  copies.push({ label: 'inherited field only', value: Object.assign(Object.create({ text: 'x' }), { ...structuredClone(base), text: undefined }) });
  return copies;
}
