/**
 * Isolated-world side of the structured review lists: listens for the page-world tap's messages,
 * keeps the records they carry, and fills DOM snapshots from them. Only this window's own messages
 * from its own origin are looked at; their content is checked by lib/sites/structured-inbox.
 */
import { fillFromStructured, type StructuredReview } from '../../lib/sites/structured';
import { recordsFromTapMessage } from '../../lib/sites/structured-inbox';
import { REPLAY_MESSAGE } from '../../lib/sites/structured-sources';
import type { ReviewSnapshot } from '../../lib/sites/types';

/** Records kept per page; the oldest go first (infinite scroll keeps loading pages). */
const MAX_RECORDS = 2000;

export interface StructuredReceiver {
  /** The snapshot with gaps filled from the records; the same object when nothing would change. */
  fill<T extends ReviewSnapshot | null>(snapshot: T): T;
  stop(): void;
}

function sameSnapshot(a: ReviewSnapshot, b: ReviewSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `onRecords` runs after new records arrived, so reviews read before them can be read again. */
const textKey = (text: string | undefined) => (text ?? '').replace(/\s+/g, '');

export function receiveStructuredReviews(win: Window, onRecords: () => void): StructuredReceiver {
  let records: StructuredReview[] = [];
  // Every review on the page asks for its record: looked up by id and by text, not by a scan.
  let byId = new Map<string, StructuredReview>();
  let byText = new Map<string, StructuredReview[]>();
  const index = () => {
    byId = new Map();
    byText = new Map();
    for (const record of records) {
      if (record.reviewId) byId.set(record.reviewId, record);
      const key = textKey(record.text);
      if (key) byText.set(key, [...(byText.get(key) ?? []), record]);
    }
  };
  const candidatesFor = (snapshot: ReviewSnapshot): StructuredReview[] => {
    const sameId = byId.get(snapshot.reviewId);
    const sameText = byText.get(textKey(snapshot.text)) ?? [];
    return sameId ? [sameId, ...sameText] : sameText;
  };
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win || event.origin !== win.location.origin) return;
    const received = recordsFromTapMessage(event.data, win.location.hostname);
    if (!received || received.length === 0) return;
    const fresh = new Set(received.map((r) => r.reviewId ?? r.text));
    records = [...records.filter((r) => !fresh.has(r.reviewId ?? r.text)), ...received].slice(-MAX_RECORDS);
    index();
    try {
      onRecords();
    } catch (error) {
      console.warn('[Mend] structured reviews', error);
    }
  };
  win.addEventListener('message', onMessage);
  // The tap may have seen the first list before this script ran.
  win.postMessage({ type: REPLAY_MESSAGE }, win.location.origin);
  return {
    fill(snapshot) {
      if (!snapshot || records.length === 0) return snapshot;
      const candidates = candidatesFor(snapshot);
      if (candidates.length === 0) return snapshot;
      const filled = fillFromStructured(snapshot, candidates);
      return (sameSnapshot(filled, snapshot) ? snapshot : filled) as typeof snapshot;
    },
    stop() {
      win.removeEventListener('message', onMessage);
    },
  };
}

interface ReadReview {
  root: Element;
  snapshot: ReviewSnapshot;
  widget: { remove(): void } | null;
}

/**
 * Reviews read before their record arrived are forgotten and handled again, so the analysis, the
 * widget and the case all see the filled snapshot (the case keeps its id: fills never change it).
 */
export function rereadFilledReviews(reviews: Map<Element, ReadReview>, receiver: StructuredReceiver, handleRoot: (root: Element) => boolean) {
  for (const review of [...reviews.values()]) {
    if (!review.root.isConnected || receiver.fill(review.snapshot) === review.snapshot) continue;
    review.widget?.remove();
    reviews.delete(review.root);
    handleRoot(review.root);
  }
}
