import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyze } from '../../lib/analysis';
import type { Analysis } from '../../lib/analysis/types';
import { sendMessage, type ReviewCaseStatus, type SeenReview } from '../../lib/messaging/protocol';
import { adapterFor } from '../../lib/sites';
import { genericAdapter, looksLikeReviewList, looksLikeReviewPage } from '../../lib/sites/generic';
import { ruleScopeFor, type LearnedRule } from '../../lib/sites/teach';
import { isEnvelope } from '../../lib/messaging/protocol';
import { loadRules, ruleFor, saveRule, type StoredRule } from '../../lib/learned-rules';
import { loadSettings } from '../../lib/settings';
import { browser } from 'wxt/browser';
import { reportBuyerProfile } from './buyer-rating-page';
import { ruleAdapter } from './rule-adapter';
import { startTeachMode } from './teach-mode';
import type { ReviewSnapshot, SiteAdapter } from '../../lib/sites/types';
import type { ReviewWidgetProps, RiskView } from '../../components/ReviewWidget';
import { draftPanelRenderer } from '../../components/drafts/wire';
import { trackPageFocus } from '../../lib/insert';
import { assessOnPage, riskView } from './page-risk';
import { defaultMountPoint, mountWidget, REVIEW_ATTRIBUTE, WIDGET_TAG, type MountedWidget } from './mount';
import { observeReviews } from './review-observer';
import { receiveStructuredReviews, rereadFilledReviews } from './structured-receiver';
import { createQuietBatches } from './quiet-batches';
import { createUiQueue } from './ui-queue';
import { watchNearViewport } from './near-viewport';

/** The Prioritized Task Scheduling API (Chromium 94+); not in TypeScript's DOM library yet. */
interface TaskScheduler {
  postTask?(callback: () => void, options: { priority: 'user-blocking' | 'user-visible' | 'background' }): Promise<unknown>;
}

interface ReviewOnPage {
  root: Element;
  snapshot: ReviewSnapshot;
  analysis: Analysis;
  analysedText: string;
  risk: RiskView;
  /** Mounted once the review comes near the viewport. */
  widget: MountedWidget | null;
  status: ReviewCaseStatus | null;
}

/**
 * How far outside the viewport a review gets its UI on a page of more than EAGER_MOUNTS reviews.
 * Inserting UI into a long table makes the page lay the whole table out again, and each widget adds
 * to the style, layout and paint-tree work of every later frame in which the page adds rows. One and
 * a half screens ahead still leaves a fast scroll a few hundred milliseconds to have them ready.
 */
const MOUNT_MARGIN = '150% 0px 150% 0px';

/** Reviews watched through the two ends of their run (see near-viewport.ts). */
const MOUNT_RUN_LENGTH = 10;

/**
 * A page of up to this many reviews (the usual back-office page sizes: 10–100) gets all its UI, wherever
 * the seller is looking: near the viewport at once, the rest once the page is quiet (QUIET_PAGE_MS),
 * if it then still holds no more than this many. On a longer page (infinite scroll) a review waits
 * until it comes near the viewport: placing widgets far off screen makes the page lay out its whole
 * table again, a long frame on a thousand rows, for UI nobody sees yet.
 */
const EAGER_MOUNTS = 100;

/**
 * What Mend holds until the page is quiet (off-screen widgets of a short page, seen reports) goes once
 * the page has added no review for QUIET_PAGE_MS, or QUIET_PAGE_MAX_WAIT_MS after the first waiting
 * on a page that never stops growing.
 */
const QUIET_PAGE_MS = 500;
const QUIET_PAGE_MAX_WAIT_MS = 5000;

/**
 * Work per slice. Under the 50 ms long-task line, yet large enough to keep up while the page is
 * busy rendering rows it just added (its frames can take hundreds of milliseconds then).
 */
const SLICE_MS = 20;

/**
 * A slice may run on to this when the rest of the rows should be done within it: well under the
 * 50 ms long-task line, and the page's next frame (100+ ms of layout on a long table) then comes
 * after the rows are marked, not between them.
 */
const FINISH_WITHIN_MS = 35;

/**
 * Widget renders per slice. Shorter than the marking slices: each render also leaves style and
 * layout work for the page's next frame.
 */
const UI_SLICE_MS = 8;

/** Longest a rendered widget waits to be put into the page while more are still rendering. */
const PLACE_EVERY_MS = 100;

/** How long the page must stay without a recognized review before the detector looks, and how often it may. */
const FALLBACK_DELAY_MS = 1500;
const MAX_FALLBACK_CHECKS = 10;

/**
 * The detector on a page of a known platform keeps that platform: its reply rules (Kuaishou's one
 * reply, no requests to Amazon buyers) and its cases stay the platform's.
 */
function detectorFor(known: SiteAdapter | null): SiteAdapter {
  if (!known) return genericAdapter;
  return {
    ...genericAdapter,
    platform: known.platform,
    read: (root, url) => {
      const snapshot = genericAdapter.read(root, url);
      return snapshot && { ...snapshot, platform: known.platform };
    },
  };
}

/** What the widget shows from the case status and risk; a change means a re-render. */
function visibleState(review: { status: ReviewCaseStatus | null; risk: RiskView }): string {
  const { status, risk } = review;
  const facts = status?.draftFacts;
  return [status?.caseId ?? '', status?.state ?? '', status?.error ?? '', risk.band, risk.score, risk.signals.map((s) => s.id).join(), facts?.contacts.length ?? 0, facts?.remedy?.kind ?? ''].join('|');
}

/** The background could not be reached or failed: shown on the review, never taken for "no case". */
function failedStatus(error: Error): ReviewCaseStatus {
  return { caseId: null, state: null, created: false, error: error.message };
}

/**
 * Seen reviews go to the background (which records them as cases) once the page is quiet
 * (QUIET_PAGE_MS). The background's case writes run on the same few cores as the page: sent while a
 * page is still rendering the rows it just added, they made each of its frames longer (paired page
 * runs: 47 ms of added blocking time with the first 100 sent at once, 12 with all waiting). An
 * ordinary page settles in one go, and its case states follow half a second later.
 */
/** Reviews per message: one message is serialized in one task. */
const SEEN_PER_MESSAGE = 100;

/**
 * observe → adapt → analyse → render. Every failure stays local to one review; the page keeps
 * working whatever Mend runs into.
 */
export function startMend(ctx: ContentScriptContext) {
  // A macrotask without setTimeout's 4 ms clamp; callbacks stop once the extension is gone.
  const channel = new MessageChannel();
  const queued: Array<() => void> = [];
  channel.port1.onmessage = () => {
    const callback = queued.shift();
    if (callback && !ctx.isInvalid) callback();
  };
  const macrotask = (callback: () => void) => {
    queued.push(callback);
    channel.port2.postMessage(null);
  };
  ctx.onInvalidated(() => channel.port1.close());
  // Reading and marking new rows goes ahead of the page's other waiting tasks (its timers, its
  // next chunk of rows): the seller's rows are recognized while the page is still filling in.
  // Each slice stays short, so input and rendering are not held up.
  const taskScheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  const postTask = taskScheduler?.postTask?.bind(taskScheduler);
  const urgentTask = (callback: () => void) => {
    if (!postTask) return macrotask(callback);
    postTask(() => !ctx.isInvalid && callback(), { priority: 'user-blocking' }).catch(() => undefined);
  };
  const setTimer = (callback: () => void, ms: number) => void ctx.setTimeout(callback, ms);
  const ui = createUiQueue(macrotask, { sliceMs: UI_SLICE_MS, placeEveryMs: PLACE_EVERY_MS, setTimer });
  const quietPage = { quietMs: QUIET_PAGE_MS, maxWaitMs: QUIET_PAGE_MAX_WAIT_MS, setTimer, now: () => performance.now() };
  ctx.onInvalidated(() => ui.clear());

  let url = new URL(location.href);
  let rules: StoredRule[] = [];
  let disabledPlatforms: string[] = [];
  /**
   * Who reads this page: a rule the seller taught for exactly this host and path (that is how a
   * seller fixes a page the adapter no longer understands), else the platform's adapter; the
   * generic detector only when the page itself looks like a review list (precision first).
   */
  const chooseAdapter = (): SiteAdapter | null => {
    const taught = ruleFor(rules, url);
    if (taught) return ruleAdapter(taught.rule);
    return platformDisabled ? null : adapterFor(url);
  };
  let adapter: SiteAdapter | null = null;
  const reviews = new Map<Element, ReviewOnPage>();

  const focus = trackPageFocus(document);
  ctx.onInvalidated(() => focus.stop());

  const recentReplies = (current: ReviewOnPage) => {
    const replies: string[] = [];
    for (const other of reviews.values()) {
      if (other !== current && other.snapshot.existingReply) replies.push(other.snapshot.existingReply);
      if (replies.length >= 50) break;
    }
    return replies;
  };

  const propsFor = (review: ReviewOnPage): ReviewWidgetProps => ({
    snapshot: review.snapshot,
    analysis: review.analysis,
    analysedText: review.analysedText,
    risk: review.risk,
    caseId: review.status?.caseId ?? null,
    caseError: review.status?.error,
    onTrack: () => track(review),
    // Built when the seller opens the panel, not for every review on the page.
    renderDraftPanel: () =>
      draftPanelRenderer({
        root: review.root,
        replyButton: () => adapter?.replyButton?.(review.root) ?? null,
        focus,
        snapshot: review.snapshot,
        analysis: review.analysis,
        risk: review.risk.band,
        // The shop's other replies on this page: the linter warns about a near-copy.
        recentReplies: recentReplies(review),
        ...review.status?.draftFacts,
      })(),
  });

  const applyStatus = (review: ReviewOnPage, status: ReviewCaseStatus) => {
    const before = visibleState(review);
    review.status = status;
    if (status.risk) review.risk = riskView(status.risk);
    // Re-rendering a widget inside a long table makes the page lay the table out again: only
    // when something the seller can see has changed.
    if (review.widget && visibleState(review) !== before) ui.enqueue(review, () => rerender(review));
  };

  const rerender = (review: ReviewOnPage) => {
    if (review.widget && review.root.isConnected && !ctx.isInvalid) review.widget.update(propsFor(review));
  };

  const mount = (review: ReviewOnPage) => {
    // A review read again (its structured record arrived) replaces the one this job was for.
    if (review.widget || !review.root.isConnected || ctx.isInvalid || reviews.get(review.root) !== review) return;
    // A previous instance of Mend (before an extension reload) may have left its UI behind.
    review.root.querySelectorAll(WIDGET_TAG).forEach((old) => old.remove());
    const mountPoint = adapter?.mountPoint?.(review.root) ?? defaultMountPoint(review.root);
    const widget = mountWidget(mountPoint, propsFor(review), (insert) =>
      // By the time widgets are placed, the review may have been read again or left the page.
      ui.place(() => reviews.get(review.root) === review && review.widget === widget && insert()),
    );
    review.widget = widget;
  };

  // mount() passes over a review the viewport already brought in, one read again since, or one gone.
  const enqueueMounts = (batch: ReviewOnPage[]) => {
    for (const review of batch) ui.enqueue(review, () => mount(review));
  };
  // One observer for every review; its callback comes once per frame with all that came into range.
  const nearViewport = watchNearViewport(
    (review: ReviewOnPage) => review.root,
    enqueueMounts,
    {
      runLength: MOUNT_RUN_LENGTH,
      observe: (callback) =>
        new IntersectionObserver((entries) => callback(entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target)), { rootMargin: MOUNT_MARGIN }),
      defer: (flush) => queueMicrotask(flush),
    },
  );
  const reviewsOnPageAtMost = (limit: number) => {
    let count = 0;
    for (const review of reviews.values()) if (review.root.isConnected && ++count > limit) return false;
    return true;
  };
  const eagerMounts = createQuietBatches(
    (waiting: ReviewOnPage[]) => {
      if (ctx.isInvalid || !reviewsOnPageAtMost(EAGER_MOUNTS)) return;
      enqueueMounts(waiting);
    },
    { ...quietPage, maxBatch: Number.POSITIVE_INFINITY },
  );
  ctx.onInvalidated(() => eagerMounts.stop());
  const scheduleMount = (review: ReviewOnPage) => {
    nearViewport.watch(review);
    eagerMounts.add(review);
  };

  const reportSeen = (batch: ReviewOnPage[]) => {
    if (batch.length === 0 || ctx.isInvalid) return;
    const items: SeenReview[] = batch.map((r) => ({ snapshot: r.snapshot, analysis: r.analysis }));
    sendMessage('reviews.seen', { items }).then(
      (statuses) => statuses.forEach((status, i) => applyStatus(batch[i], status)),
      (error: Error) => batch.forEach((r) => applyStatus(r, failedStatus(error))),
    );
  };
  const seen = createQuietBatches(reportSeen, { ...quietPage, maxBatch: SEEN_PER_MESSAGE });
  ctx.onInvalidated(() => seen.stop());
  // Reports still held back for a quiet page must not be lost when the seller leaves or hides it.
  ctx.addEventListener(window, 'pagehide', () => seen.sendNow());
  ctx.addEventListener(document, 'visibilitychange', () => document.visibilityState === 'hidden' && seen.sendNow());

  const track = (review: ReviewOnPage) => {
    sendMessage('review.track', { snapshot: review.snapshot, analysis: review.analysis }).then(
      (status) => applyStatus(review, status),
      (error: Error) => applyStatus(review, failedStatus(error)),
    );
  };

  // The review lists the page loads itself fill what its DOM hides (read-only, issue 7).
  const structured = receiveStructuredReviews(window, () => rereadFilledReviews(reviews, structured, handleRoot));
  ctx.onInvalidated(() => structured.stop());

  const handleRoot = (root: Element): boolean => {
    if (!adapter) return true;
    const snapshot = structured.fill(adapter.read(root, url));
    if (!snapshot) return false;
    const analysedText = snapshot.followUp ? `${snapshot.text}\n${snapshot.followUp}` : snapshot.text;
    const analysis = analyze(analysedText, { rating: snapshot.rating });
    const risk = assessOnPage(snapshot, analysis);
    root.setAttribute(REVIEW_ATTRIBUTE, snapshot.reviewId);
    const review: ReviewOnPage = { root, snapshot, analysis, analysedText, risk, widget: null, status: null };
    reviews.set(root, review);
    scheduleMount(review);
    seen.add(review);
    scheduleHealthReport();
    return true;
  };

  let healthTimer: number | undefined;
  const scheduleHealthReport = () => {
    if (healthTimer !== undefined) return;
    healthTimer = ctx.setTimeout(() => {
      healthTimer = undefined;
      if (ctx.isInvalid) return;
      let recognized = 0;
      for (const review of reviews.values()) if (review.root.isConnected) recognized++;
      sendMessage('tab.health', {
        url: url.href,
        platform: adapter?.platform ?? null,
        recognized,
        looksLikeReviewPage: adapter !== null || looksLikeReviewPage(document),
      }).catch(() => {});
    }, 500);
  };

  const observer = observeReviews(document, {
    findRoots: (scope) => {
      const found = adapter ? adapter.findReviewRoots(scope) : [];
      // Nothing recognized while the page keeps rendering: the list may be one the adapter no longer understands.
      if (found.length === 0 && reviews.size === 0) scheduleFallbackCheck();
      return found;
    },
    handleRoot,
    schedule: urgentTask,
    sliceMs: SLICE_MS,
    finishWithinMs: FINISH_WITHIN_MS,
    isOwnNode: (node) => node.nodeName.startsWith('MEND-') || (node.parentElement?.closest(`${WIDGET_TAG}, mend-teach`) ?? null) !== null,
  });

  let usingDetector = false;
  /** The seller switched this page's platform off: nothing runs here, not even the detector. */
  let platformDisabled = false;
  /** A known adapter that finds nothing on a page that looks like a review list hands over to the detector. */
  const fallBackToDetector = () => {
    if (ctx.isInvalid || reviews.size > 0 || usingDetector || platformDisabled) return;
    if (!looksLikeReviewList(document)) return;
    adapter = detectorFor(adapterFor(url));
    usingDetector = true;
    observer.scan(document);
    scheduleHealthReport();
  };

  // Lists render late and in bursts; each check reads the whole page, so they are spaced and capped.
  let fallbackChecks = 0;
  let fallbackTimer: number | undefined;
  const scheduleFallbackCheck = () => {
    if (fallbackTimer !== undefined || fallbackChecks >= MAX_FALLBACK_CHECKS || usingDetector || platformDisabled) return;
    fallbackTimer = ctx.setTimeout(() => {
      fallbackTimer = undefined;
      fallbackChecks++;
      fallBackToDetector();
    }, FALLBACK_DELAY_MS);
  };

  const useAdapterForUrl = () => {
    const known = adapterFor(url);
    platformDisabled = known !== null && disabledPlatforms.includes(known.platform) && ruleFor(rules, url) === null;
    adapter = chooseAdapter();
    usingDetector = false;
    fallbackChecks = 0;
    if (adapter) observer.scan(document);
    scheduleFallbackCheck();
    scheduleHealthReport();
  };

  // The analysis builds its tables on first use (tens of ms): do that while the page is idle, not
  // when the first review arrives.
  ctx.requestIdleCallback(() => void analyze('质量不好，物流很慢'), { timeout: 3000 });

  Promise.all([loadRules(), loadSettings()])
    .then(([stored, settings]) => {
      rules = stored;
      disabledPlatforms = settings.disabledPlatforms;
    })
    .catch((error) => console.warn('[Mend] settings', error))
    .finally(() => {
      if (ctx.isInvalid) return;
      useAdapterForUrl();
      // A buyer's public rating page: their rating history feeds the critic-risk grade of their cases.
      if (!disabledPlatforms.includes('taobao_classic')) void reportBuyerProfile(document, url);
    });

  // Back-offices are single-page apps: a route change may bring a review list without a reload.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    url = new URL(event.newUrl.href);
    useAdapterForUrl();
  });

  // The popup asks for teach mode; the rule is saved for this host and path pattern and used at once.
  let stopTeaching: (() => void) | null = null;
  ctx.onInvalidated(() => stopTeaching?.());
  const onMessage = (message: unknown) => {
    if (!isEnvelope(message) || message.type !== 'teach.start' || stopTeaching) return undefined;
    const onSave = (rule: LearnedRule) => {
      saveRule(ruleScopeFor(url), rule)
        .then((saved) => {
          rules = saved;
          adapter = ruleAdapter(rule);
          observer.scan(document);
        })
        .catch((error) => console.warn('[Mend] could not save the rule', error));
    };
    // Released when the overlay closes, so the seller can teach again.
    stopTeaching = startTeachMode(onSave, () => {
      stopTeaching = null;
    });
    return Promise.resolve(true);
  };
  browser.runtime.onMessage.addListener(onMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]));

  // After an extension update or reload this script is orphaned; Chrome does not tell it. Checking
  // the context now and then lets it remove its UI instead of leaving dead buttons on the page.
  ctx.setInterval(() => void ctx.isInvalid, 2000);

  ctx.onInvalidated(() => {
    observer.stop();
    nearViewport.stop();
    for (const review of reviews.values()) {
      review.widget?.remove();
      review.root.removeAttribute(REVIEW_ATTRIBUTE);
    }
    reviews.clear();
  });

  return { observer, reviews };
}
