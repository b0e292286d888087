import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { adoptEarlyOpen, readFirstOpenCases, startEarlyOpen } from '../../../lib/cases/early-open';
import { openCasesDb } from '../../../lib/cases/repository';
import { OPEN_STATES } from '../../../lib/cases/types';
import { generateCases } from '../../tools/generate-cases';
import { freshStore, putCases } from '../popup/ui-helpers';

async function seeded(count: number, seed = 7) {
  const store = await freshStore();
  await putCases(store.repo, generateCases(count, { seed }));
  return store;
}

const databaseNames = async (factory: IDBFactory) => (await factory.databases()).map((d) => d.name);

describe('early open of the case store', () => {
  it.each([0, 3, 20, 250])('reads the same first page as the repository (%i cases)', async (count) => {
    const { factory, repo } = await seeded(count, count + 1);
    const early = startEarlyOpen(factory, 20);
    const page = await early.firstPage;
    const expected = await repo.list({ states: OPEN_STATES, offset: 0, limit: 20 });
    expect(page).toEqual(expected);
    repo.close();
    early.request.result.close();
  });

  it('reads in one transaction straight off a connection too', async () => {
    const { factory, repo } = await seeded(30);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('mend');
      request.onsuccess = () => resolve(request.result);
    });
    expect((await readFirstOpenCases(db, 5)).map((c) => c.id)).toEqual((await repo.list({ states: OPEN_STATES, limit: 5 })).map((c) => c.id));
    db.close();
    repo.close();
  });

  it('never creates or upgrades the store itself: a fresh profile is left to the main module', async () => {
    const factory = new IDBFactory();
    const early = startEarlyOpen(factory, 20);
    expect(await early.firstPage).toBeNull();
    expect(await adoptEarlyOpen(early)).toBeNull();
    expect(await databaseNames(factory)).not.toContain('mend');
    // The main module then opens and migrates as always.
    const repo = await openCasesDb({ factory, early });
    expect(await repo.countOpen()).toBe(0);
    repo.close();
  });

  it('hands its connection over once; the repository then answers a newer version', async () => {
    const { factory, repo: seeder } = await seeded(12);
    seeder.close();
    const early = startEarlyOpen(factory, 20);
    let closedFor: string | null = null;
    const repo = await openCasesDb({ factory, early, reconcile: false, onClosed: (reason) => (closedFor = reason) });
    expect(early.adopted).toBe(true);
    expect(await adoptEarlyOpen(early)).toBeNull();
    expect((await repo.list({ states: OPEN_STATES, limit: 20 })).map((c) => c.id)).toEqual((await early.firstPage)!.map((c) => c.id));
    // A newer version elsewhere: the adopted connection lets go through the repository's handler.
    const newer = factory.open('mend', 99);
    await new Promise((resolve) => (newer.onsuccess = resolve));
    expect(closedFor).toBe('versionchange');
    newer.result.close();
  });

  it('lets go of a connection a newer version asks for before anyone adopted it', async () => {
    const { factory, repo: seeder } = await seeded(5);
    seeder.close();
    const early = startEarlyOpen(factory, 20);
    await early.firstPage;
    const newer = factory.open('mend', 99);
    await new Promise((resolve) => (newer.onsuccess = resolve));
    expect(early.closed).toBe(true);
    expect(await adoptEarlyOpen(early)).toBeNull();
    newer.result.close();
  });

  it('gives up when the store is held at an older version (blocked), so the main module can report it', async () => {
    const factory = new IDBFactory();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('mend', 1);
      request.onsuccess = () => resolve(request.result);
    });
    const early = startEarlyOpen(factory, 20);
    expect(await adoptEarlyOpen(early)).toBeNull();
    old.close();
    expect(await early.firstPage).toBeNull();
  });
});
