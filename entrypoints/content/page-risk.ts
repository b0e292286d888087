import { assessRisk } from '../../lib/analysis/risk/assess';
import { sourceMessageKey, type SignalSource } from '../../lib/analysis/risk/catalogue';
import type { Analysis } from '../../lib/analysis/types';
import { t } from '../../lib/i18n';
import type { ReviewSnapshot } from '../../lib/sites/types';
import type { RiskView } from '../../components/ReviewWidget';

interface AssessedRisk {
  band: RiskView['band'];
  score: number;
  signals: { id: string; kind: 'hard' | 'soft'; source: string; detail: string; messageKey?: string; args?: string[] }[];
}

/** The assessment in the seller's UI language; each signal names where its evidence came from. */
export function riskView(assessment: AssessedRisk): RiskView {
  return {
    band: assessment.band,
    score: assessment.score,
    signals: assessment.signals.map((signal) => {
      if (!signal.messageKey) return { id: signal.id, kind: signal.kind, detail: signal.detail, source: signal.source };
      const worded = t(signal.messageKey, signal.args);
      const detail = worded === signal.messageKey ? signal.detail : worded;
      const sourceKey = sourceMessageKey(signal.source as SignalSource);
      const source = t(sourceKey);
      return { id: signal.id, kind: signal.kind, detail, source: source === sourceKey ? signal.source : source };
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
