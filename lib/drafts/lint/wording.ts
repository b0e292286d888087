import type { Finding } from '../types';
import { finding, hits, mergeOverlaps } from './finding';

/**
 * Blaming, accusing or arguing with the buyer. "您自己" alone is harmless ("您自己也可以查询"), so it
 * only counts next to fault words; "你自己" is never said kindly in a reply.
 */
const BLAME: RegExp[] = [
  /你自己|您自己(?=[^。！？!?\n]{0,6}(?:问题|問題|原因|责任|責任|错|錯|没|沒|不会|不會|不看|选|選|拍))/g,
  /恶意差评|惡意差評|恶意评价|惡意評價|恶意中评|惡意中評|职业差评师?|職業差評師?|差评师|差評師/g,
  /(?:请不要|請不要|不要|别|別)?(?:乱评|亂評|乱说|亂說|胡说|胡說|瞎说|瞎說|乱写|亂寫)/g,
  /无理取闹|無理取鬧|爱买不买|愛買不買|别买了|別買了|不懂就别|不懂就別|看不懂吗|看不懂嗎|自己没看清|自己沒看清|没素质|沒素質|活该|活該/g,
  /不是我们的问题|不是我們的問題|与我们无关|與我們無關|跟我们无关|跟我們無關|和我们无关|和我們無關|不关我们的事|不關我們的事/g,
  /碰瓷|骗子|騙子|讹诈|訛詐|敲诈|敲詐|勒索/g,
  /\byour\s+(?:own\s+)?fault\b|\byou\s+should\s+have\s+(?:read|checked|measured|looked|asked)\b|\byou\s+(?:failed\s+to|didn't\s+bother|did\s+not\s+bother|clearly\s+didn't|obviously\s+didn't)\b/gi,
  /\bnot\s+our\s+(?:fault|problem)\b|\bfake\s+review\b|\bmalicious\b|\bliar\b|\byou(?:'re|\s+are)\s+lying\b|\bblackmail\w*|\bextort\w*|\bscam(?:mer)?s?\b|\buser\s+error\b/gi,
  /\bIhre\s+(?:eigene\s+)?Schuld\b|\bselbst\s+schuld\b|\bnicht\s+unser(?:e)?\s+(?:Schuld|Problem)\b|\bSie\s+lügen\b|\bgelogen\b|\bErpress\w*|\bböswillig\w*|\bFake-?Bewertung\w*|\bBetrüger\w*/gi,
  /\bSie\s+hätten\b[^.!?\n]{0,40}?\b(?:lesen|prüfen|messen|schauen|beachten|fragen)\b/gi,
];

/**
 * Absolute claims banned by the Chinese advertising law (广告法 §9) and their German/English
 * equivalents. "第一时间" (right away), "最近", "最后" are ordinary words and deliberately absent.
 */
const ABSOLUTE: RegExp[] = [
  /最好的|最佳|最优|最優|最强|最強|最低价|最低價|最便宜|最高级|最高級|最先进|最先進|最正宗|最权威|最權威|最安全|最有效|史上最/g,
  /全网最低|全網最低|全网第一|全網第一|全国第一|全國第一|销量第一|銷量第一|行业第一|行業第一|排名第一|第一品牌|第一名牌/g,
  /国家级|國家級|世界级|世界級|顶级|頂級|极品|極品|独一无二|獨一無二|万能|萬能|绝对正品|絕對正品|百分之百|100\s?%|首选|首選|领导品牌|領導品牌|顶尖|頂尖|王牌|巅峰|巔峰|极致|極致/g,
  /\b(?:best[-\s]selling|number\s+one|no\.\s?1\b|world[-\s]class|lowest\s+prices?|best\s+(?:quality|product|price)s?|unbeatable|the\s+best\s+(?:[\w-]+\s+)?(?:on\s+the\s+market|in\s+the\s+world|available))\b|#1\b/gi,
  /\b(?:Nummer\s+(?:1|eins)|weltbeste\w*|beste[nr]?\s+Qualität|bester\s+Preis|günstigste[nr]?\s+Preis|unschlagbar\w*|Testsieger\w*|marktführend\w*|konkurrenzlos\w*)\b/gi,
];

export function blameBuyer(text: string): Finding[] {
  return mergeOverlaps(text, BLAME.flatMap((p) => hits(text, p))).map((h) =>
    finding('blame_buyer', 'error', 'lint_blame_buyer', `Never blame, accuse or argue with the buyer: "${h.text}"`, [h.text], h.start, h.end),
  );
}

export function absoluteClaims(text: string): Finding[] {
  return mergeOverlaps(text, ABSOLUTE.flatMap((p) => hits(text, p))).map((h) =>
    finding('absolute_claim', 'error', 'lint_absolute_claim', `Absolute claim banned by advertising law: "${h.text}"`, [h.text], h.start, h.end),
  );
}
