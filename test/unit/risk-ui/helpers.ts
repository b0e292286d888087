import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshCaseRisk, recentTexts } from '../../../lib/case-risk';
import { openCasesDb, type CasesRepository } from '../../../lib/cases/repository';
import type { Case } from '../../../lib/cases/types';
import type { ReviewSnapshot } from '../../../lib/sites/types';
import { analysis, snapshot } from '../cases/fixtures';

export const NOW = Date.parse('2026-11-22T08:00:00Z');

export async function store(): Promise<{ factory: IDBFactory; repo: CasesRepository }> {
  const factory = new IDBFactory();
  return { factory, repo: await openCasesDb({ factory }) };
}

/** A case opened the way the background opens it, graded once with the shop's records. */
export async function seedCase(repo: CasesRepository, seen: Partial<ReviewSnapshot> & { reviewId: string }): Promise<Case> {
  const { case: opened } = await repo.recordSeen(snapshot({ date: new Date(NOW - 3_600_000).toISOString(), ...seen }), analysis(), { autoOpen: true, now: NOW - 3_600_000 });
  await refreshCaseRisk(repo, opened!, await recentTexts(repo, NOW), NOW);
  return (await repo.get(opened!.id))!;
}

/** Messages sent over runtime messaging during a test ('cases.changed' announcements). */
export function recordMessages(): { types: () => string[] } {
  const seen: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    seen.push(message);
    return undefined;
  });
  return { types: () => seen.map((m) => (m as { type?: string }).type ?? '') };
}
