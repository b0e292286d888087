import type { Span } from '../types';

/**
 * Text cues of the critic playbook that the cause analysis does not report on its own: picking on
 * the listing's wording (advertising-law words, description loopholes) and demanding money.
 * Patterns run on the original text (Simplified and Traditional forms side by side) so spans
 * point straight into what the buyer wrote.
 */

/** Legal wording a critic uses as a weapon against the listing. */
const AD_LAW_TERMS = [
  /[广廣][告][法]/g,
  /[虚虛][假][宣][传傳]|[虚虛][假][广廣][告]|[夸誇][大][宣][传傳]|[宣][传傳][不][实實]/g,
  /[极極][限][词詞]|[违違][禁][词詞]|[绝絕][对對][化][用][语語]/g,
  /[违違][反][^，。,.!！]{0,4}[广廣][告]/g,
  /\bfalse advertising\b|\bmisleading (?:advertising|claims?|listing)\b|\badvertising (?:law|standards)\b/gi,
  /\birreführende?n? (?:Werbung|Angaben?)\b|\bFalschwerbung\b|\bWettbewerbsrecht\b|\bUWG\b|\bAbmahnung\b/gi,
];

/**
 * The listing's own superlatives or claims quoted back by the buyer ("页面写着最好", "说是有机"):
 * a verb of claiming followed closely by a word the advertising law bans or a claim the package
 * must carry. The buyer's own superlatives ("最差的一次", "写得最好的一本书") do not match: they lack a
 * verb of claiming that points at the listing.
 */
const QUOTED_CLAIM =
  /(?:[写寫][着著]|[标標][着著注]|[宣][传傳][的是说說]?|[号號][称稱]|[声聲][称稱]|[详詳][情][页頁][上]?|[页頁][面][上]|[标標][题題]|[主][图圖]|[描][述][里中上的])[^，。,.!！?？\n]{0,8}?(?:[最][好佳强強优優高低大全]|[第][一]|NO\.?\s?1|[国國][家][级級]|[顶頂][级級尖]|[极極][品致]|[首][选選]|[独獨][家]|[唯][一]|[万萬][能]|[纯純][天][然]|[有][机機]|[无無零][添][加]|[特][效]|[根][治])/g;

/** "The package does not say organic": a claim the listing makes that the product does not carry. */
const PACKAGE_MISMATCH =
  /(?:[包][装裝]|[标標][签簽]|[瓶][身]|[盒][子]|[实實][物])[上]?[^，。,.!！?？\n]{0,3}(?:[没沒][有写寫标標]|[未][标標注]|[并並][没沒]|[根][本][没沒])[^，。,.!！?？\n]{0,8}?(?:[有][机機]|[字][样樣]|[标標][识識志]|[认認][证證]|[成][分])/g;

/** A demand for money beyond a plain refund (a plain refund request is not a critic's cue). */
const COMPENSATION = [
  /(?:[要][求]|[必][须須]|[应應][该該当當]|[你][们們][要得]|[要][你][们們]|[我][要])[^，。,.!！?？\n]{0,4}(?:[赔賠][偿償付钱錢]|[补補][偿償])/g,
  /[假退][一][赔賠][三十310]/g,
  /[三十310][倍](?:[赔賠][偿償付]|[的]?[赔賠][偿償])/g,
  // Not refused ("售后不赔钱"), not past ("已赔我了": the shop paid), not 赔钱卖 (selling at a loss).
  /(?<![不没沒])[赔賠](?:[我][钱錢]?|[钱錢])(?![卖賣货貨])(?![^，。,.!！?？\n]{0,3}[了])/g,
  /[补補][偿償][我]/g,
  // "不赔钱就…": payment as the condition of a threat is a demand, unlike "售后不赔钱".
  /[不][赔賠补補][钱錢偿償]?[^，。,.!！?？\n]{0,2}?(?:[就]|[的][话話]|[我][就])/g,
  /\b(?:demand|want|expect|owe me)\b[^.!?\n]{0,20}\bcompensation\b|\bcompensate me\b|\bpay me\b/gi,
  /\b(?:Entschädigung|Schadensersatz|Schmerzensgeld)\b|\bentschädigen Sie mich\b/gi,
];

/** Words that turn a demand into its opposite when they come right before it ("不需要赔偿"). */
const WAIVER_BEFORE = /(?:[不][要用需]|[不][需][要]|[无無][需]|[没沒][有]?[要]?|[并並][没沒][有]?|\bno\b|\bdon't need\b|\bkeine\b)\s*$/i;

/** Every pattern that speaks of the listing's wording, in the order their spans are collected. */
const AD_LAW_PICKING = [...AD_LAW_TERMS, QUOTED_CLAIM, PACKAGE_MISMATCH];

function collect(text: string, patterns: readonly RegExp[], waived?: RegExp): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      if (waived && waived.test(text.slice(Math.max(0, start - 6), start))) continue;
      spans.push([start, start + m[0].length]);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  // Most reviews hold none of these cues: nothing to sort or merge (this runs for every review on a page).
  return spans.length === 0 ? spans : mergeSpans(spans);
}

/** Sorted, with overlapping spans joined, so the UI highlights each word once. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

/** Where the buyer picks on advertising-law words or description loopholes. */
export function adLawPickingSpans(text: string): Span[] {
  return collect(text, AD_LAW_PICKING);
}

/** Where the buyer demands compensation beyond a refund. */
export function compensationDemandSpans(text: string): Span[] {
  return collect(text, COMPENSATION, WAIVER_BEFORE);
}
