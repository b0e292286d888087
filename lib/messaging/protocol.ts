import { browser } from 'wxt/browser';
import type { Analysis } from '../analysis/types';
import type { CaseRisk, ContactChannel, ContactOutcome, RemedyKind } from '../cases/types';
import type { ReviewSnapshot } from '../sites/types';

/** What the content script reports about the tab it runs in (the popup shows it as "health"). */
export interface TabHealth {
  url: string;
  platform: string | null;
  recognized: number;
  /** The page shows review-like markers (评价, stars …) but no adapter recognized anything. */
  looksLikeReviewPage: boolean;
}

/**
 * Every message between the extension's parts, by type: request payload and response.
 * One table keeps sender and receiver honest about shapes.
 */
export interface MessageMap {
  /** Batched: a page with hundreds of reviews sends a few messages, not hundreds. */
  'reviews.seen': { request: { items: SeenReview[] }; response: ReviewCaseStatus[] };
  'review.track': { request: { snapshot: ReviewSnapshot; analysis: Analysis }; response: ReviewCaseStatus };
  'tab.health': { request: TabHealth; response: void };
  'tab.health.get': { request: { tabId: number }; response: TabHealth | null };
  /** Popup → content script of the current tab: let the seller point at one review. */
  'teach.start': { request: Record<string, never>; response: boolean };
  /** Popup → background: the seller granted this site; run Mend there from now on and in this tab. */
  'site.enable': { request: { origin: string; tabId?: number }; response: { ok: boolean; error?: string } };
  /** An extension page changed cases directly in IndexedDB: refresh the badge and reminders. */
  'cases.changed': { request: Record<string, never>; response: void };
  'buyer.profile': { request: { profile: import('../sites/taobao-buyer-rating').BuyerRatingProfile }; response: void };
}

export interface SeenReview {
  snapshot: ReviewSnapshot;
  analysis: Analysis;
}

/** The case the background holds for a review, as the in-page UI needs it. */
export interface ReviewCaseStatus {
  caseId: string | null;
  state: string | null;
  created: boolean;
  /** A storage failure the page UI should show, instead of pretending the case exists. */
  error?: string;
  /** The critic risk with the buyer's history in this shop, once the case knows it. */
  risk?: CaseRisk;
  /** What the case adds to reply drafts: logged contacts, the remedy offered, whether it was solved. */
  draftFacts?: CaseDraftFacts;
}

export interface CaseDraftFacts {
  contacts: { at: number; channel: ContactChannel; outcome: ContactOutcome }[];
  remedy?: { kind: RemedyKind; amount?: number; currency?: string };
  problemSolved: boolean;
  buyerSatisfied: boolean;
}

export type MessageType = keyof MessageMap;
export type Request<T extends MessageType> = MessageMap[T]['request'];
export type Response<T extends MessageType> = MessageMap[T]['response'];
export interface Envelope<T extends MessageType = MessageType> {
  mend: 1;
  type: T;
  payload: Request<T>;
}

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).mend === 1 && typeof (message as Envelope).type === 'string';
}

export function sendMessage<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
  const envelope: Envelope<T> = { mend: 1, type, payload };
  return browser.runtime.sendMessage(envelope) as Promise<Response<T>>;
}

export type Handlers = {
  [T in MessageType]?: (payload: Request<T>, sender: { tabId?: number; url?: string }) => Promise<Response<T>> | Response<T>;
};

/**
 * Registers the background's handlers. Unknown messages are left for other listeners (return
 * undefined), so the polyfill does not answer them with our undefined.
 */
export function listen(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: { tab?: { id?: number }; url?: string }) => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as ((payload: unknown, s: { tabId?: number; url?: string }) => unknown) | undefined;
    if (!handler) return undefined;
    return Promise.resolve().then(() => handler(message.payload, { tabId: sender.tab?.id, url: sender.url }));
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
