import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyze } from '../../lib/analysis';
import type { Analysis } from '../../lib/analysis/types';
import { sendMessage, type ReviewCaseStatus, type SeenReview } from '../../lib/messaging/protocol';
import { adapterFor } from '../../lib/sites';
import type { ReviewSnapshot, SiteAdapter } from '../../lib/sites/types';
import type { ReviewWidgetProps, RiskView } from '../../components/ReviewWidget';
import { assessOnPage, riskView } from './page-risk';
import { defaultMountPoint, mountWidget, REVIEW_ATTRIBUTE, WIDGET_TAG, type MountedWidget } from './mount';
import { observeReviews } from './review-observer';

interface ReviewOnPage {
  root: Element;
  snapshot: ReviewSnapshot;
  analysis: Analysis;
  analysedText: string;
  risk: RiskView;
  widget: MountedWidget;
  status: ReviewCaseStatus | null;
}

/** How long seen reviews wait to be sent together: one message per burst, not per row. */
const SEEN_BATCH_MS = 50;

/**
 * observe → adapt → analyse → render. Every failure stays local to one review; the page keeps
 * working whatever Mend runs into.
 */
export function startMend(ctx: ContentScriptContext) {
  let url = new URL(location.href);
  let adapter: SiteAdapter | null = adapterFor(url);
  const reviews = new Map<Element, ReviewOnPage>();
  let pendingSeen: ReviewOnPage[] = [];
  let seenTimer: number | undefined;

  const propsFor = (review: ReviewOnPage): ReviewWidgetProps => ({
    snapshot: review.snapshot,
    analysis: review.analysis,
    analysedText: review.analysedText,
    risk: review.risk,
    caseId: review.status?.caseId ?? null,
    caseError: review.status?.error,
    onTrack: () => track(review),
  });

  const applyStatus = (review: ReviewOnPage, status: ReviewCaseStatus) => {
    review.status = status;
    if (status.risk) review.risk = riskView(status.risk);
    if (review.root.isConnected) review.widget.update(propsFor(review));
  };

  const flushSeen = () => {
    seenTimer = undefined;
    const batch = pendingSeen;
    pendingSeen = [];
    if (batch.length === 0 || ctx.isInvalid) return;
    const items: SeenReview[] = batch.map((r) => ({ snapshot: r.snapshot, analysis: r.analysis }));
    sendMessage('reviews.seen', { items }).then(
      (statuses) => statuses.forEach((status, i) => applyStatus(batch[i], status)),
      (error: Error) => batch.forEach((r) => applyStatus(r, { caseId: null, state: null, created: false, error: error.message })),
    );
  };

  const track = (review: ReviewOnPage) => {
    sendMessage('review.track', { snapshot: review.snapshot, analysis: review.analysis }).then(
      (status) => applyStatus(review, status),
      (error: Error) => applyStatus(review, { caseId: null, state: null, created: false, error: error.message }),
    );
  };

  const handleRoot = (root: Element): boolean => {
    if (!adapter) return true;
    const snapshot = adapter.read(root, url);
    if (!snapshot) return false;
    // A previous instance of Mend (before an extension reload) may have left its UI behind.
    root.querySelectorAll(WIDGET_TAG).forEach((old) => old.remove());
    const analysedText = snapshot.followUp ? `${snapshot.text}\n${snapshot.followUp}` : snapshot.text;
    const analysis = analyze(analysedText, { rating: snapshot.rating });
    const risk = assessOnPage(snapshot, analysis);
    root.setAttribute(REVIEW_ATTRIBUTE, snapshot.reviewId);
    const review = { root, snapshot, analysis, analysedText, risk, status: null } as Omit<ReviewOnPage, 'widget'> as ReviewOnPage;
    const mountPoint = adapter.mountPoint?.(root) ?? defaultMountPoint(root);
    review.widget = mountWidget(mountPoint, propsFor(review));
    reviews.set(root, review);
    pendingSeen.push(review);
    if (seenTimer === undefined) seenTimer = ctx.setTimeout(flushSeen, SEEN_BATCH_MS);
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
        looksLikeReviewPage: adapter !== null,
      }).catch(() => {});
    }, 500);
  };

  const observer = observeReviews(document, {
    findRoots: (scope) => (adapter ? adapter.findReviewRoots(scope) : []),
    handleRoot,
    schedule: (callback) => ctx.setTimeout(callback, 0),
    isOwnNode: (node) => node.nodeName === WIDGET_TAG.toUpperCase() || (node.parentElement?.closest(WIDGET_TAG) ?? null) !== null,
  });
  if (adapter) observer.scan(document);
  scheduleHealthReport();

  // Back-offices are single-page apps: a route change may bring a review list without a reload.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    url = new URL(event.newUrl.href);
    adapter = adapterFor(url);
    if (adapter) observer.scan(document);
    scheduleHealthReport();
  });

  // After an extension update or reload this script is orphaned; Chrome does not tell it. Checking
  // the context now and then lets it remove its UI instead of leaving dead buttons on the page.
  ctx.setInterval(() => void ctx.isInvalid, 2000);

  ctx.onInvalidated(() => {
    observer.stop();
    for (const review of reviews.values()) {
      review.widget.remove();
      review.root.removeAttribute(REVIEW_ATTRIBUTE);
    }
    reviews.clear();
  });

  return { observer, reviews };
}
