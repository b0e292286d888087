import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../../lib/analysis/risk/assess';
import { openCasesDb } from '../../../lib/cases/repository';
import { exportCases, importCasesJson } from '../../../lib/cases/transfer';
import type { Analysis } from '../../../lib/analysis/types';

const analysis: Analysis = { lang: 'zh-Hans', negative: true, negativity: 0.9, causes: ['quality'], evidence: {}, extortion: true, extortionEvidence: [[0, 5]] };

describe('a graded case survives export and import', () => {
  it('keeps the risk signals with their wording keys, arguments and evidence', async () => {
    const source = await openCasesDb({ factory: new IDBFactory() });
    const snapshot = { platform: 'qianniu' as const, reviewId: 'r1', rating: 'bad' as const, text: '不给说法就投诉12315', canReply: true, pageUrl: 'https://myseller.taobao.com/x' };
    const created = await source.track(snapshot, analysis);
    const assessment = assessRisk({ id: created.id, platform: 'qianniu', rating: 'bad', text: snapshot.text, blacklisted: true }, { extortion: analysis });
    expect(assessment.signals.some((s) => s.messageKey && s.args)).toBe(true);
    await source.setRisk(created.id, { ...assessment, assessedAt: Date.now() });

    const file = JSON.stringify(await exportCases(source));
    const target = await openCasesDb({ factory: new IDBFactory() });
    await importCasesJson(target, file);
    expect(await target.get(created.id)).toEqual(await source.get(created.id));
  });
});
