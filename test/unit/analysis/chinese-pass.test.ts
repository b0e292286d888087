import { describe, expect, it } from 'vitest';
import { chinesePass } from '../../../lib/analysis/chinese-pass';
import { splitClauses } from '../../../lib/analysis/clauses';
import { ZH } from '../../../lib/analysis/lexicon/zh';
import { compileLexicon, scan } from '../../../lib/analysis/matcher';
import { modelLogits } from '../../../lib/analysis/negativity';
import { normalize } from '../../../lib/analysis/normalize';
import { generatedTexts, unitTestTexts } from '../../tools/analysis-corpus';

/** The one-pass walk over Chinese text against the three passes it stands for. */
describe('chinesePass', () => {
  it('finds the same matches, clauses and model log-odds as scan, splitClauses and modelLogits', () => {
    const lexicon = compileLexicon(ZH, false);
    const texts = [...generatedTexts(600, 777), ...unitTestTexts(), '虽然快递很快，但是质量太差了', '  ,,但是 就是  不好', ''].map((text) => normalize(text).text);
    let markers = 0;
    for (const text of texts) {
      const matches = scan(text, lexicon);
      const clauses = splitClauses(text, matches, false);
      const logits = modelLogits(text, clauses.starts);
      const pass = chinesePass(text, lexicon);
      // The walk reuses its arrays: only the first matchCount / clauseCount entries are this text's.
      const n = pass.clauseCount;
      expect(pass.matches.slice(0, pass.matchCount), text).toEqual(matches);
      expect({ starts: pass.clauses.starts.slice(0, n), ofMatch: pass.clauses.ofMatch.slice(0, pass.matchCount), contrasted: pass.clauses.contrasted.slice(0, n), conceded: pass.clauses.conceded.slice(0, n) }, text).toEqual(clauses);
      expect(pass.modelWhole, text).toBe(logits.whole);
      expect(pass.modelWorstClause, text).toBe(logits.worstClause);
      markers += clauses.contrasted.filter((flag) => flag === 1).length + clauses.conceded.filter((flag) => flag === 1).length;
    }
    // The texts must exercise marker-opened clauses, not only punctuation.
    expect(markers).toBeGreaterThan(20);
  });
});
