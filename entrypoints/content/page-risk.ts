import { assessRisk, type RiskAssessment } from '../../lib/analysis/risk/assess';
import { sourceMessageKey } from '../../lib/analysis/risk/catalogue';
import type { Analysis } from '../../lib/analysis/types';
import { t } from '../../lib/i18n';
import type { ReviewSnapshot } from '../../lib/sites/types';
import type { RiskView } from '../../components/ReviewWidget';

/** The assessment in the seller's UI language; each signal names where its evidence came from. */
export function riskView(assessment: RiskAssessment): RiskView {
  return {
    band: assessment.band,
    score: assessment.score,
    signals: assessment.signals.map((signal) => {
      const worded = t(signal.messageKey, signal.args);
      const detail = worded === signal.messageKey ? signal.detail : worded;
      const source = t(sourceMessageKey(signal.source));
      return { id: signal.id, kind: signal.kind, detail, source: source === sourceMessageKey(signal.source) ? signal.source : source };
    }),
  };
}

/**
 * A first assessment from what the page row shows. The background refines it with the buyer's
 * history in this shop, near-identical texts and the team blacklist once the review reaches it.
 */
export function assessOnPage(snapshot: ReviewSnapshot, analysis: Analysis): RiskView {
  const assessment = assessRisk(
    {
      id: snapshot.reviewId,
      platform: snapshot.platform,
      rating: snapshot.rating,
      text: snapshot.text,
      buyer: snapshot.buyerNick ? { nick: snapshot.buyerNick } : undefined,
    },
    { extortion: { extortion: analysis.extortion, extortionEvidence: analysis.extortionEvidence } },
  );
  return riskView(assessment);
}
