import type { Finding, LintContext } from '../types';
import { finding, hits, withoutOverlaps, type Hit } from './finding';

/** Asking for a review to be changed, removed or improved, in any of the four languages. */
const REVIEW_CHANGE: RegExp[] = [
  /(?:修改|更改|改成|改为|改為|改一下|改下|改个|改個|改掉|删除|删掉|刪除|刪掉|撤销|撤銷|撤回|撤掉|更新|调整|調整)(?:一下)?(?:您的|你的|下|个|個)?(?:评价|評價|评论|評論|差评|差評|中评|中評|好评|好評|评分|評分|星级|星級)/g,
  // A follow-up review (追评) is only a change when it is asked to be a good one; thanking for one is fine.
  /追(?:加|评|評)?(?:一个|一個|个|個)?(?:好评|好評|五星)/g,
  /(?:评价|評價|差评|差評|中评|中評)(?:改|修改|删|刪|撤)/g,
  /改(?:个|個|成|为|為)?(?:好评|好評|五星)|改评|改評/g,
  /\b(?:chang|updat|revis|amend|edit|remov|delet|withdr[ae]w|modif|upgrad|reconsider|(?:take|taking)\s+down)\w*\s+(?:your|the|this|that|my|our|a)?\s*(?:\w+\s+)?(?:review|rating|feedback|stars?)\b/gi,
  /\b(?:leave|write|give|post)\s+(?:us\s+)?(?:a\s+)?(?:positive|good|5[-\s]star|five[-\s]star|better)\s+(?:review|rating|feedback)\b/gi,
  /\b(?:Bewertung|Rezension|Feedback|Sternebewertung)\w*\s+(?:[\wäöüÄÖÜß]+\s+){0,6}?(?:ändern|anpassen|löschen|entfernen|zurückziehen|zurücknehmen|aktualisieren|überarbeiten|korrigieren|verbessern|hochstufen)\b/gi,
  /\b(?:ändern|anpassen|löschen|entfernen|zurückziehen|aktualisieren|überarbeiten)\s+Sie\s+(?:[\wäöüÄÖÜß]+\s+){0,2}?(?:Bewertung|Rezension|Feedback)\b/gi,
  /Änderung\s+(?:Ihrer|der|Ihres)\s+(?:Bewertung|Rezension|Feedbacks?)|Bewertungsänderung|gegen\s+(?:eine\s+)?Änderung/gi,
];

/** Money, vouchers, gifts: anything that reads as a reward. */
const COMPENSATION: RegExp[] = [
  /返现|返現|红包|紅包|券|补偿|補償|赔偿|賠償|退款|退钱|退錢|赠品|贈品|礼物|禮物|礼品|禮品|免单|免單|现金|現金|钱|錢|折扣|积分|積分|返利|奖励|獎勵|补贴|補貼/g,
  /\b(?:refund\w*|coupons?|vouchers?|discounts?|gifts?|free|compensat\w*|reimburs\w*|money\s+back|cash\s*back|credit|rewards?|bonus|paid|payment)\b/gi,
  /\b(?:Gutschein\w*|Erstattung\w*|Rückerstattung\w*|Teilerstattung\w*|Rabatt\w*|Geschenk\w*|gratis|kostenlos\w*|Entschädigung\w*|Geld\s+zurück|Gutschrift\w*|Prämie\w*|Belohnung\w*)\b/gi,
];

/** Phrases that are a review incentive on their own (好评返现 and its relatives). */
const INCENTIVE_PHRASES = /返现|返現|好评返|好評返|好评送|好評送|好评有礼|好評有禮|晒图返|曬圖返|五星返|五星送|(?:好评|好評)[^。！？!?\n]{0,6}?(?:红包|紅包|券|礼|禮|返|送)|(?:红包|紅包|返利)[^。！？!?\n]{0,8}?(?:好评|好評)/g;

/** Sentences: a reward and a review change in the same sentence (or within a few words) are tied. */
const SENTENCE_END = /[。！？!?\n；;]|\.(?=\s|$)/g;
const TIE_DISTANCE = 40;

function sentenceIndex(text: string): (offset: number) => number {
  const ends = hits(text, SENTENCE_END).map((h) => h.start);
  return (offset) => ends.filter((e) => e < offset).length;
}

export function reviewChangeHits(text: string): Hit[] {
  return withoutOverlaps(REVIEW_CHANGE.flatMap((p) => hits(text, p)).sort((a, b) => a.start - b.start));
}

/** Compensation tied to a review change — fined as 好评返现 in China, forbidden everywhere. Any kind, any platform. */
export function reviewIncentive(text: string): Finding[] {
  const spans: Hit[] = hits(text, INCENTIVE_PHRASES);
  const changes = reviewChangeHits(text);
  if (changes.length) {
    const sentenceOf = sentenceIndex(text);
    const rewards = COMPENSATION.flatMap((p) => hits(text, p));
    for (const change of changes) {
      for (const reward of rewards) {
        const gap = Math.max(reward.start - change.end, change.start - reward.end);
        if (sentenceOf(change.start) !== sentenceOf(reward.start) && gap > TIE_DISTANCE) continue;
        const start = Math.min(change.start, reward.start);
        const end = Math.max(change.end, reward.end);
        spans.push({ start, end, text: text.slice(start, end) });
      }
    }
  }
  return withoutOverlaps(spans.sort((a, b) => a.start - b.start || b.end - a.end)).map((h) =>
    finding('review_incentive', 'error', 'lint_review_incentive', `Compensation must never be tied to changing a review: "${h.text}"`, [h.text], h.start, h.end),
  );
}

/** Amazon forbids asking for a review to be changed or removed at all, in any message. */
export function amazonReviewRequest(text: string, ctx: LintContext): Finding[] {
  if (ctx.platform !== 'amazon') return [];
  const found = reviewChangeHits(text).map((h) =>
    finding('amazon_review_request', 'error', 'lint_amazon_review_request', `Amazon forbids asking a buyer to change or remove a review: "${h.text}"`, [h.text], h.start, h.end),
  );
  if (found.length === 0 && ctx.kind === 'revisionRequest') {
    found.push(finding('amazon_review_request', 'error', 'lint_amazon_review_request', 'Amazon forbids asking a buyer to change or remove a review', [''], 0, text.length));
  }
  return found;
}
