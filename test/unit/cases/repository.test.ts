import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openCasesDb } from '../../../lib/cases/repository';
import { CASES_DB_VERSION } from '../../../lib/cases/schema';
import { analysis, goodAnalysis, snapshot } from './fixtures';

const T0 = Date.parse('2026-11-21T08:00:00Z');
const HOUR = 3_600_000;

async function freshRepo() {
  const factory = new IDBFactory();
  return { factory, repo: await openCasesDb({ factory }) };
}

describe('recordSeen', () => {
  it('opens a case for a bad review the first time it is seen', async () => {
    const { repo } = await freshRepo();
    const { case: c, created } = await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: T0 });
    expect(created).toBe(true);
    expect(c).not.toBeNull();
    expect(c!.id).toBe('qianniu:r1');
    expect(c!.state).toBe('new');
    expect(c!.causes).toEqual(['logistics', 'packaging']);
    expect(c!.evidence.logistics).toEqual([[0, 4]]);
    expect(c!.buyerNick).toBe('王**');
    expect(c!.replyDaysLeft).toBe(25);
    expect(c!.replyDaysLeftReadAt).toBe(T0);
    expect(c!.firstSeenAt).toBe(T0);
    expect(c!.history).toEqual([{ from: null, to: 'new', at: T0 }]);
    expect(await repo.get('qianniu:r1')).toEqual(c);
  });

  it('opens a case for a medium review too, and for an unrated but negative text', async () => {
    const { repo } = await freshRepo();
    const medium = await repo.recordSeen(snapshot({ reviewId: 'm', rating: 'medium' }), analysis(), { autoOpen: true });
    const unrated = await repo.recordSeen(snapshot({ reviewId: 'u', rating: 'unknown' }), analysis(), { autoOpen: true });
    const unratedCalm = await repo.recordSeen(snapshot({ reviewId: 'c', rating: 'unknown' }), goodAnalysis, {
      autoOpen: true,
    });
    expect(medium.created).toBe(true);
    expect(unrated.created).toBe(true);
    expect(unratedCalm).toEqual({ case: null, created: false });
  });

  it('does not open a case for a good review, nor when auto-open is off', async () => {
    const { repo } = await freshRepo();
    const good = await repo.recordSeen(snapshot({ rating: 'good' }), goodAnalysis, { autoOpen: true });
    expect(good).toEqual({ case: null, created: false });
    const off = await repo.recordSeen(snapshot({ reviewId: 'r2' }), analysis(), { autoOpen: false });
    expect(off).toEqual({ case: null, created: false });
    expect(await repo.countOpen()).toBe(0);
    expect(await repo.all()).toEqual([]);
  });

  it('never duplicates a case and updates it when the review is seen again', async () => {
    const { repo } = await freshRepo();
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: T0 });
    const again = await repo.recordSeen(
      snapshot({ followUp: '追评：客服一直不回复', replyDaysLeft: 20, text: '快递太慢了' }),
      analysis({ causes: ['logistics', 'service'], evidence: { logistics: [[0, 4]], service: [[3, 5]] } }),
      { autoOpen: true, now: T0 + 5 * HOUR },
    );
    expect(again.created).toBe(false);
    const c = again.case!;
    expect(c.followUp).toBe('追评：客服一直不回复');
    expect(c.text).toBe('快递太慢了');
    expect(c.causes).toEqual(['logistics', 'service']);
    expect(c.replyDaysLeft).toBe(20);
    expect(c.replyDaysLeftReadAt).toBe(T0 + 5 * HOUR);
    expect(c.lastSeenAt).toBe(T0 + 5 * HOUR);
    expect(c.firstSeenAt).toBe(T0);
    expect(c.createdAt).toBe(T0);
    expect(await repo.all()).toHaveLength(1);
  });

  it('updates an existing case even when auto-open is off, and keeps fields the page no longer shows', async () => {
    const { repo } = await freshRepo();
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: T0 });
    const seen = await repo.recordSeen(snapshot({ replyDaysLeft: undefined, orderId: undefined }), analysis(), {
      autoOpen: false,
      now: T0 + HOUR,
    });
    expect(seen.case!.lastSeenAt).toBe(T0 + HOUR);
    expect(seen.case!.replyDaysLeft).toBe(25);
    expect(seen.case!.orderId).toBe('1234567890123');
  });

  it('keeps the seller’s work when the review is seen again', async () => {
    const { repo } = await freshRepo();
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: T0 });
    await repo.logContact('qianniu:r1', { channel: 'phone', outcome: 'no_answer' }, T0 + HOUR);
    const again = await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: T0 + 2 * HOUR });
    expect(again.case!.state).toBe('contacted');
    expect(again.case!.contacts).toHaveLength(1);
  });

  it('counts a reply already on the page as the public response and keeps the original rating', async () => {
    const { repo } = await freshRepo();
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: T0 });
    const { case: c } = await repo.recordSeen(
      snapshot({ rating: 'good', existingReply: '抱歉给您带来不便' }),
      analysis(),
      { autoOpen: true, now: T0 + HOUR },
    );
    expect(c!.flags.publicReplyPosted).toBe(true);
    expect(c!.firstResponseAt).toBe(T0 + HOUR);
    expect(c!.rating).toBe('good');
    expect(c!.initialRating).toBe('bad');
  });

  it('records a page of reviews in one call', async () => {
    const { repo } = await freshRepo();
    const results = await repo.recordSeenMany(
      [
        { snapshot: snapshot({ reviewId: 'a' }), analysis: analysis() },
        { snapshot: snapshot({ reviewId: 'b', rating: 'good' }), analysis: goodAnalysis },
        { snapshot: snapshot({ reviewId: 'a' }), analysis: analysis() },
      ],
      { autoOpen: true, now: T0 },
    );
    expect(results.map((r) => [r.case?.id ?? null, r.created])).toEqual([
      ['qianniu:a', true],
      [null, false],
      ['qianniu:a', false],
    ]);
    expect(await repo.countOpen()).toBe(1);
  });
});

describe('track', () => {
  it('opens a case for a good review on request, once', async () => {
    const { repo } = await freshRepo();
    const c = await repo.track(snapshot({ rating: 'good', reviewId: 'g' }), goodAnalysis, T0);
    expect(c.id).toBe('qianniu:g');
    expect(c.rating).toBe('good');
    expect(c.state).toBe('new');
    const again = await repo.track(snapshot({ rating: 'good', reviewId: 'g' }), goodAnalysis, T0 + HOUR);
    expect(again.createdAt).toBe(T0);
    expect(await repo.all()).toHaveLength(1);
  });
});

describe('list and count', () => {
  it('lists by state and counts open cases', async () => {
    const { repo } = await freshRepo();
    for (const id of ['a', 'b', 'c', 'd']) await repo.recordSeen(snapshot({ reviewId: id }), analysis(), { autoOpen: true, now: T0 });
    await repo.logContact('qianniu:b', { channel: 'chat', outcome: 'answered' }, T0 + HOUR);
    await repo.closeCase('qianniu:c', { outcome: 'revised' }, T0 + HOUR);
    await repo.closeCase('qianniu:d', { outcome: 'unrevised' }, T0 + HOUR);

    expect(await repo.countOpen()).toBe(2);
    const ids = async (query: Parameters<typeof repo.list>[0]) => (await repo.list(query)).map((c) => c.id).sort();
    expect(await ids({ states: ['new'] })).toEqual(['qianniu:a']);
    expect(await ids({ states: ['contacted'] })).toEqual(['qianniu:b']);
    expect(await ids({ states: ['new', 'contacted', 'remedy_offered', 'agreed_to_revise'] })).toEqual([
      'qianniu:a',
      'qianniu:b',
    ]);
    expect(await ids({ states: ['revised', 'closed_unrevised'] })).toEqual(['qianniu:c', 'qianniu:d']);
    expect(await ids({})).toEqual(['qianniu:a', 'qianniu:b', 'qianniu:c', 'qianniu:d']);
  });

  it('lists open cases most urgent first, overdue before the rest, then closed ones', async () => {
    const { repo } = await freshRepo();
    // Review dates decide the 24 h first-response deadline of uncontacted cases.
    const seen = (reviewId: string, date: string) =>
      repo.recordSeen(snapshot({ reviewId, date, replyDaysLeft: undefined }), analysis(), { autoOpen: true, now: T0 });
    await seen('recent', '2026-11-21T07:00:00Z');
    await seen('old', '2026-11-18T07:00:00Z');
    await seen('middle', '2026-11-20T07:00:00Z');
    await seen('closed', '2026-11-10T07:00:00Z');
    await repo.closeCase('qianniu:closed', { outcome: 'unrevised' }, T0);

    const order = (await repo.list({})).map((c) => c.reviewId);
    expect(order).toEqual(['old', 'middle', 'recent', 'closed']);
    expect((await repo.list({ limit: 2 })).map((c) => c.reviewId)).toEqual(['old', 'middle']);
    expect((await repo.list({ limit: 2, offset: 2 })).map((c) => c.reviewId)).toEqual(['recent', 'closed']);
  });

  it('filters by platform, cause, risk band and free text', async () => {
    const { repo } = await freshRepo();
    await repo.recordSeen(snapshot({ reviewId: 'a', buyerNick: '李**' }), analysis(), { autoOpen: true });
    await repo.recordSeen(
      snapshot({ reviewId: 'b', platform: 'pinduoduo', text: '音质很差', product: { title: '蓝牙耳机', sku: 'BT-09' } }),
      analysis({ causes: ['quality'], evidence: { quality: [[0, 2]] } }),
      { autoOpen: true },
    );
    await repo.setRisk('qianniu:a', { band: 'high', score: 80, signals: [], assessedAt: T0 });

    const ids = async (query: Parameters<typeof repo.list>[0]) => (await repo.list(query)).map((c) => c.id);
    expect(await ids({ platform: 'pinduoduo' })).toEqual(['pinduoduo:b']);
    expect(await ids({ cause: 'quality' })).toEqual(['pinduoduo:b']);
    expect(await ids({ cause: 'logistics' })).toEqual(['qianniu:a']);
    expect(await ids({ risk: 'high' })).toEqual(['qianniu:a']);
    expect(await ids({ risk: 'low' })).toEqual([]);
    expect(await ids({ search: '李' })).toEqual(['qianniu:a']);
    expect(await ids({ search: 'bt-09' })).toEqual(['pinduoduo:b']);
    expect(await ids({ search: '包装' })).toEqual(['qianniu:a']);
    expect(await ids({ group: 'bad_review_buyers' })).toHaveLength(2);
  });
});

describe('connection lifecycle and errors', () => {
  it('closes itself when a newer version wants to upgrade, and says so on later calls', async () => {
    const factory = new IDBFactory();
    const closedFor: string[] = [];
    const repo = await openCasesDb({ factory, onClosed: (reason) => closedFor.push(reason) });
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true });

    const newer = factory.open('mend', CASES_DB_VERSION + 1);
    await new Promise<void>((resolve, reject) => {
      newer.onsuccess = () => {
        newer.result.close();
        resolve();
      };
      newer.onerror = () => reject(newer.error);
      newer.onblocked = () => reject(new Error('the old connection should have stepped aside'));
    });
    expect(closedFor).toContain('versionchange');
    await expect(repo.countOpen()).rejects.toMatchObject({ code: 'closed' });
  });

  it('rejects unknown cases and invalid transitions, leaving data untouched', async () => {
    const { repo } = await freshRepo();
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: T0 });
    await expect(repo.logContact('qianniu:missing', { channel: 'phone', outcome: 'answered' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(repo.setState('qianniu:r1', 'reviewed')).rejects.toMatchObject({ code: 'invalid_transition' });
    await repo.closeCase('qianniu:r1', { outcome: 'revised' }, T0 + HOUR);
    await expect(repo.setState('qianniu:r1', 'new')).rejects.toMatchObject({ code: 'invalid_transition' });
    const c = await repo.get('qianniu:r1');
    expect(c!.state).toBe('revised');
    expect(c!.updatedAt).toBe(T0 + HOUR);
  });
});

describe('listing many cases in chunks', { timeout: 60_000 }, () => {
  it('pages through filters, offsets and both orders exactly like a full in-memory sort', async () => {
    const { repo } = await freshRepo();
    const items = Array.from({ length: 700 }, (_, i) => ({
      snapshot: snapshot({
        reviewId: `r${String(i).padStart(4, '0')}`,
        platform: i % 3 === 0 ? 'pinduoduo' : 'qianniu',
        // Many equal dates: ties must still page without loss or repetition.
        date: new Date(T0 - (i % 17) * HOUR).toISOString(),
        replyDaysLeft: undefined,
      }),
      analysis: analysis(),
    }));
    await repo.recordSeenMany(items, { autoOpen: true, now: T0 });
    for (let i = 0; i < 700; i += 7) {
      await repo.closeCase(`${i % 3 === 0 ? 'pinduoduo' : 'qianniu'}:r${String(i).padStart(4, '0')}`, { outcome: 'revised' }, T0 + i);
    }
    const all = await repo.all();
    const urgency = (a: (typeof all)[number], b: (typeof all)[number]) =>
      a.isOpen !== b.isOpen
        ? b.isOpen - a.isOpen
        : a.isOpen
          ? a.dueAt - b.dueAt || a.id.localeCompare(b.id)
          : (b.closedAt ?? 0) - (a.closedAt ?? 0) || a.id.localeCompare(b.id);
    const reference = [...all].sort(urgency);
    const ids = (cases: { id: string }[]) => cases.map((c) => c.id);

    expect(ids(await repo.list())).toEqual(ids(reference));
    expect(ids(await repo.list({ platform: 'pinduoduo', offset: 100, limit: 100 }))).toEqual(
      ids(reference.filter((c) => c.platform === 'pinduoduo').slice(100, 200)),
    );
    expect(ids(await repo.list({ states: ['revised'], offset: 20, limit: 50 }))).toEqual(
      ids(reference.filter((c) => c.state === 'revised').slice(20, 70)),
    );
    expect(ids(await repo.list({ offset: 600, limit: 500 }))).toEqual(ids(reference.slice(600)));
    expect(await repo.list({ states: [] })).toEqual([]);

    const recent = [...all].sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
    expect(ids(await repo.list({ sort: 'updated', offset: 10, limit: 30 }))).toEqual(ids(recent.slice(10, 40)));
  });
});
