import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openCasesDb } from '../../../lib/cases/repository';
import { CASES_DB_VERSION, UPGRADES } from '../../../lib/cases/schema';

const T0 = Date.parse('2026-11-20T08:00:00Z');

/** A case as the first released schema stored it: no contacts, remedies, flags, facts or history yet. */
function v1Case(reviewId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `qianniu:${reviewId}`,
    platform: 'qianniu',
    reviewId,
    rating: 'bad',
    causes: ['quality'],
    evidence: { quality: [[0, 2]] },
    extortion: false,
    text: '质量太差',
    buyerNick: '张**',
    orderId: '9876543210',
    product: { title: '雨伞' },
    reviewDate: '2026-11-19T12:00:00Z',
    replyDaysLeft: 10,
    replyDaysLeftReadAt: T0,
    pageUrl: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
    state: 'new',
    createdAt: T0,
    updatedAt: T0,
    firstSeenAt: T0,
    lastSeenAt: T0,
    isOpen: 1,
    dueAt: 0,
    ...overrides,
  };
}

/** Builds a version-1 database with raw IndexedDB, independent of the code under test. */
async function createV1Database(factory: IDBFactory, cases: object[], blacklist: object[] = []): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open('mend', 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('cases', { keyPath: 'id' });
      store.createIndex('by-state', 'state');
      store.createIndex('by-platform', 'platform');
      store.createIndex('by-updated', 'updatedAt');
      store.createIndex('by-open-due', ['isOpen', 'dueAt']);
      store.createIndex('by-cause', 'causes', { multiEntry: true });
      request.result.createObjectStore('blacklist', { keyPath: ['platform', 'nick'] });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['cases', 'blacklist'], 'readwrite');
    for (const c of cases) tx.objectStore('cases').put(c);
    for (const b of blacklist) tx.objectStore('blacklist').put(b);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('schema migrations', () => {
  it('is past version 1, so the upgrade path is exercised', () => {
    expect(CASES_DB_VERSION).toBeGreaterThan(1);
  });

  it('has one upgrade step per version, so the version the popup opens early is the real one', () => {
    expect(UPGRADES).toHaveLength(CASES_DB_VERSION);
  });

  it('opens a version-1 database with nothing lost and every case brought to the current shape', async () => {
    const factory = new IDBFactory();
    const stored = [
      v1Case('a'),
      v1Case('b', { state: 'contacted', buyerNick: '李**' }),
      v1Case('c', { state: 'revised', isOpen: 0, rating: 'good' }),
    ];
    const blacklisted = { platform: 'qianniu', nick: '李**', reason: '多次差评', addedAt: '2026-11-01', addedBy: 'ops' };
    await createV1Database(factory, stored, [blacklisted]);

    const repo = await openCasesDb({ factory });
    const all = await repo.all();
    expect(all.map((c) => c.id).sort()).toEqual(['qianniu:a', 'qianniu:b', 'qianniu:c']);
    for (const original of stored) {
      const migrated = all.find((c) => c.id === original.id)!;
      // Every v1 field survives unchanged, apart from the derived urgency key.
      const { dueAt: _dueAt, ...kept } = original;
      expect(migrated).toMatchObject(kept);
      expect(migrated.contacts).toEqual([]);
      expect(migrated.remedies).toEqual([]);
      expect(migrated.notes).toEqual([]);
      expect(migrated.flags).toEqual({ publicReplyPosted: false, appealFiled: false });
      expect(migrated.manualFacts).toEqual({});
      expect(migrated.history).toEqual([{ from: null, to: original.state, at: T0 }]);
    }
    // Derived fields are recomputed: the v1 record's dueAt 0 was wrong.
    const a = all.find((c) => c.id === 'qianniu:a')!;
    expect(a.dueAt).toBe(Date.parse('2026-11-19T12:00:00Z') + 24 * 3_600_000);
    expect(a.urgencyKey).toEqual([0, a.dueAt, 'qianniu:a']);
    expect(all.find((c) => c.id === 'qianniu:c')!.urgencyKey).toEqual([1, -T0, 'qianniu:c']);
    expect(all.find((c) => c.id === 'qianniu:c')!.initialRating).toBe('good');

    // The new index works on migrated data, and so do the old ones.
    expect((await repo.listByBuyer('qianniu', '李**')).map((c) => c.id)).toEqual(['qianniu:b']);
    expect(await repo.countOpen()).toBe(2);
    expect((await repo.rows()).map((r) => r.id).sort()).toEqual(['qianniu:a', 'qianniu:b', 'qianniu:c']);
    expect((await repo.statsEntries()).map((e) => e[0]).sort()).toEqual(['qianniu:a', 'qianniu:b', 'qianniu:c']);
    expect((await repo.list({ search: '雨伞', states: ['new'] })).map((c) => c.id)).toEqual(['qianniu:a']);
    expect((await repo.list({ states: ['contacted'] })).map((c) => c.id)).toEqual(['qianniu:b']);
    expect((await repo.list()).map((c) => c.id)).toEqual(['qianniu:a', 'qianniu:b', 'qianniu:c']);
    expect(await repo.listBlacklist()).toEqual([blacklisted]);

    // And the workflow runs on a migrated case.
    const contacted = await repo.logContact('qianniu:a', { channel: 'phone', outcome: 'answered' }, T0 + 1000);
    expect(contacted.state).toBe('contacted');
  });

  it('gives a migrated database exactly the stores and indexes of a fresh one', async () => {
    const migratedFactory = new IDBFactory();
    await createV1Database(migratedFactory, [v1Case('a')]);
    const migrated = await openCasesDb({ factory: migratedFactory });
    const fresh = await openCasesDb({ factory: new IDBFactory() });
    const shape = (repo: typeof fresh) => {
      const db = repo.rawDatabase;
      return [...db.objectStoreNames].map((name) => {
        const store = db.transaction(name).objectStore(name);
        return {
          name,
          keyPath: store.keyPath,
          indexes: [...store.indexNames].map((index) => {
            const i = store.index(index);
            return { index, keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry };
          }),
        };
      });
    };
    expect(shape(migrated)).toEqual(shape(fresh));
    // Since v6 the cases carry no index; the rows carry the listing and buyer keys.
    expect(shape(fresh).find((s) => s.name === 'cases')!.indexes).toEqual([]);
    expect(shape(fresh).find((s) => s.name === 'case-rows')!.indexes.map((i) => i.index)).toEqual([
      'by-buyer',
      'by-recent',
      'by-urgency',
    ]);
    expect(shape(fresh).map((s) => s.name)).toContain('case-stats');
  });

  it('waits for an old tab that blocks the upgrade, tells the caller, and proceeds once it closes', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, [v1Case('a')]);
    // An old tab's connection that does not step aside on its own.
    const oldTab = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('mend', 1);
      request.onsuccess = () => resolve(request.result);
    });
    let blocked = 0;
    const repo = await openCasesDb({
      factory,
      onBlocked: () => {
        blocked++;
        oldTab.close();
      },
    });
    expect(blocked).toBe(1);
    expect((await repo.all()).map((c) => c.id)).toEqual(['qianniu:a']);
  });

  it('fails loudly when the stored database is newer than this code', async () => {
    const factory = new IDBFactory();
    await new Promise<void>((resolve) => {
      const request = factory.open('mend', CASES_DB_VERSION + 5);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    await expect(openCasesDb({ factory })).rejects.toMatchObject({ code: 'newer_version', name: 'CasesError' });
  });
});
