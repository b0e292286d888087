import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openCasesDb } from '../../../lib/cases/repository';
import { analysis, snapshot } from './fixtures';

describe('several writers at once', () => {
  it('loses no update when two connections log contacts on the same case concurrently', async () => {
    const factory = new IDBFactory();
    const tabA = await openCasesDb({ factory });
    const tabB = await openCasesDb({ factory });
    await tabA.recordSeen(snapshot(), analysis(), { autoOpen: true });

    const writes = [];
    for (let i = 0; i < 25; i++) {
      writes.push(tabA.logContact('qianniu:r1', { channel: 'phone', outcome: 'no_answer', note: `A${i}` }));
      writes.push(tabB.addNote('qianniu:r1', `B${i}`));
      writes.push(tabB.addRemedy('qianniu:r1', { kind: 'coupon', amount: i, currency: 'cny' }));
    }
    await Promise.all(writes);

    const c = (await tabA.get('qianniu:r1'))!;
    expect(c.contacts).toHaveLength(25);
    expect(c.notes).toHaveLength(25);
    expect(c.remedies).toHaveLength(25);
    expect(new Set(c.contacts.map((a) => a.note))).toEqual(new Set(Array.from({ length: 25 }, (_, i) => `A${i}`)));
    expect(c.remedies.every((r) => r.currency === 'CNY')).toBe(true);
  });

  it('opens exactly one case when two tabs see the same new review at once', async () => {
    const factory = new IDBFactory();
    const tabA = await openCasesDb({ factory });
    const tabB = await openCasesDb({ factory });
    const results = await Promise.all([
      tabA.recordSeen(snapshot(), analysis(), { autoOpen: true }),
      tabB.recordSeen(snapshot(), analysis(), { autoOpen: true }),
      tabA.track(snapshot(), analysis()),
    ]);
    expect(results.filter((r) => 'created' in r && r.created)).toHaveLength(1);
    expect(await tabB.all()).toHaveLength(1);
  });

  it('a failed write changes nothing and the error reaches the caller', async () => {
    const factory = new IDBFactory();
    const repo = await openCasesDb({ factory });
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: 1000 });
    const before = await repo.get('qianniu:r1');
    await expect(repo.setState('qianniu:r1', 'reviewed', 2000)).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(repo.addRemedy('qianniu:r1', { kind: 'refund', amount: -5 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await repo.get('qianniu:r1')).toEqual(before);
  });
});
