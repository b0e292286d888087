import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openCasesDb } from '../../../lib/cases/repository';
import { CASE_STATES, CASE_TRANSITIONS, OPEN_STATES, canTransition, caseGroups } from '../../../lib/cases/types';
import { analysis, snapshot } from './fixtures';

const T0 = Date.parse('2026-11-21T08:00:00Z');
const HOUR = 3_600_000;

describe('transitions as data', () => {
  it('only name known states, and reviewed is the end', () => {
    for (const [from, targets] of Object.entries(CASE_TRANSITIONS)) {
      expect(CASE_STATES).toContain(from);
      for (const to of targets) expect(CASE_STATES).toContain(to);
    }
    expect(CASE_TRANSITIONS.reviewed).toEqual([]);
    expect(canTransition('new', 'contacted')).toBe(true);
    expect(canTransition('revised', 'new')).toBe(false);
    expect(OPEN_STATES).toEqual(['new', 'contacted', 'remedy_offered', 'agreed_to_revise']);
  });

  it('derive the buyer groups from rating and progress', () => {
    expect(caseGroups({ initialRating: 'medium', state: 'agreed_to_revise' })).toEqual(['medium_review_buyers', 'agreed_to_revise']);
    expect(caseGroups({ initialRating: 'bad', state: 'reviewed', outcome: 'revised' })).toEqual(['bad_review_buyers', 'revised']);
    expect(caseGroups({ initialRating: 'good', state: 'new' })).toEqual([]);
  });
});

describe('working a case', () => {
  it('walks the playbook: contact, remedy, agreement, revision, lesson — with a timeline', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: T0 });
    const id = 'qianniu:r1';

    let c = await repo.logContact(id, { channel: 'phone', outcome: 'no_answer' }, T0 + HOUR);
    expect(c.state).toBe('contacted');
    expect(c.firstResponseAt).toBe(T0 + HOUR);
    // An attempt logged afterwards but made earlier moves the first response back.
    c = await repo.logContact(id, { channel: 'sms', outcome: 'answered', at: T0 + HOUR / 2, note: '短信已读' }, T0 + 2 * HOUR);
    expect(c.firstResponseAt).toBe(T0 + HOUR / 2);
    expect(c.contacts.map((a) => a.channel)).toEqual(['sms', 'phone']);

    c = await repo.addRemedy(id, { kind: 'resend', currency: 'cny' }, T0 + 3 * HOUR);
    expect(c.state).toBe('remedy_offered');
    expect(c.remedies[0]).toMatchObject({ kind: 'resend', currency: 'CNY', at: T0 + 3 * HOUR });

    c = await repo.setFollowUp(id, T0 + 30 * HOUR, T0 + 3 * HOUR);
    expect(c.nextFollowUpAt).toBe(T0 + 30 * HOUR);
    c = await repo.setState(id, 'agreed_to_revise', T0 + 4 * HOUR);
    c = await repo.setFlags(id, { publicReplyPosted: true }, T0 + 4 * HOUR);
    c = await repo.markEvidence(id, 'chat_log', true, T0 + 4 * HOUR);
    expect(c.evidenceChecklist).toEqual({ chat_log: T0 + 4 * HOUR });
    c = await repo.markEvidence(id, 'chat_log', false, T0 + 4 * HOUR);
    expect(c.evidenceChecklist).toEqual({});
    c = await repo.setManualFacts(id, { chatBeforeOrder: true, price: 19.9 }, T0 + 4 * HOUR);
    c = await repo.setManualFacts(id, { price: undefined }, T0 + 4 * HOUR);
    expect(c.manualFacts).toEqual({ chatBeforeOrder: true });

    await expect(repo.closeCase(id, { outcome: 'revised', lesson: { rootCause: 'logistics', improvement: '  ' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await repo.get(id))!.state).toBe('agreed_to_revise');

    c = await repo.closeCase(id, { outcome: 'revised', lesson: { rootCause: 'logistics', improvement: '换顺丰发货' } }, T0 + 50 * HOUR);
    expect(c).toMatchObject({ state: 'reviewed', outcome: 'revised', closedAt: T0 + 50 * HOUR, isOpen: 0 });
    expect(c.dueAt).toBe(Number.POSITIVE_INFINITY);
    expect(c.lesson).toEqual({ rootCause: 'logistics', improvement: '换顺丰发货', at: T0 + 50 * HOUR });
    expect(c.history.map((h) => h.to)).toEqual(['new', 'contacted', 'remedy_offered', 'agreed_to_revise', 'revised', 'reviewed']);
    expect(await repo.countOpen()).toBe(0);
  });

  it('lets an unrevised case be revised later, and a lesson follow separately', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: T0 });
    let c = await repo.closeCase('qianniu:r1', { outcome: 'unrevised' }, T0 + HOUR);
    expect(c).toMatchObject({ state: 'closed_unrevised', outcome: 'unrevised' });
    c = await repo.setState('qianniu:r1', 'revised', T0 + 2 * HOUR);
    expect(c).toMatchObject({ outcome: 'revised', closedAt: T0 + HOUR });
    c = await repo.closeCase('qianniu:r1', { outcome: 'revised', lesson: { rootCause: 'quality', improvement: '加强质检' } }, T0 + 3 * HOUR);
    expect(c.state).toBe('reviewed');
  });

  it('notifies listeners after each committed write, and not after a refused one', async () => {
    const repo = await openCasesDb({ factory: new IDBFactory() });
    const changes: string[][] = [];
    const stop = repo.onChange((ids) => changes.push(ids));
    await repo.recordSeen(snapshot(), analysis(), { autoOpen: true, now: T0 });
    await repo.addNote('qianniu:r1', '记一笔', T0);
    await repo.setState('qianniu:r1', 'reviewed').catch(() => undefined);
    await repo.delete('qianniu:r1');
    stop();
    await repo.track(snapshot({ reviewId: 'x' }), analysis());
    expect(changes).toEqual([['qianniu:r1'], ['qianniu:r1'], ['qianniu:r1']]);
    expect(await repo.get('qianniu:r1')).toBeUndefined();
  });
});
