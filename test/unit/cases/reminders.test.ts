import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  SUMMARY_NOTIFICATION,
  SWEEP_ALARM,
  caseIdOfReminder,
  clearReminder,
  notificationsForAlarm,
  reminderAlarmName,
  reminderButtonAction,
  scheduleReminder,
  snoozeReminder,
  syncReminders,
} from '../../../lib/cases/reminders';
import { openCasesDb } from '../../../lib/cases/repository';
import { analysis, snapshot } from './fixtures';

const T0 = Date.parse('2026-11-21T08:00:00Z');
const HOUR = 3_600_000;
const MIN = 60_000;

async function repoWithCase(reviewId = 'r1', date = '2026-11-21T07:00:00Z') {
  const repo = await openCasesDb({ factory: new IDBFactory() });
  await repo.recordSeen(snapshot({ reviewId, date, replyDaysLeft: undefined }), analysis(), { autoOpen: true, now: T0 });
  return repo;
}

describe('alarm names', () => {
  it('map to and from case ids, including ids with colons', () => {
    expect(caseIdOfReminder(reminderAlarmName('qianniu:123:abc'))).toBe('qianniu:123:abc');
    expect(caseIdOfReminder(SWEEP_ALARM)).toBeNull();
    expect(caseIdOfReminder('someone-else')).toBeNull();
  });
});

describe('scheduling', () => {
  it('creates, moves and clears the alarm of a case with its follow-up', async () => {
    const repo = await repoWithCase();
    const name = reminderAlarmName('qianniu:r1');
    await scheduleReminder(await repo.setFollowUp('qianniu:r1', T0 + 2 * HOUR, T0));
    expect((await fakeBrowser.alarms.get(name))?.scheduledTime).toBe(T0 + 2 * HOUR);

    await scheduleReminder(await repo.setFollowUp('qianniu:r1', T0 + 5 * HOUR, T0));
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name === name)).toHaveLength(1);
    expect((await fakeBrowser.alarms.get(name))?.scheduledTime).toBe(T0 + 5 * HOUR);

    await scheduleReminder(await repo.closeCase('qianniu:r1', { outcome: 'revised' }, T0));
    expect(await fakeBrowser.alarms.get(name)).toBeUndefined();
  });

  it('snoozes: the follow-up moves later, and so does the alarm', async () => {
    const repo = await repoWithCase();
    await scheduleReminder(await repo.setFollowUp('qianniu:r1', T0, T0));
    await fakeBrowser.notifications.create(reminderAlarmName('qianniu:r1'), {
      type: 'basic',
      title: 'x',
      message: 'y',
      iconUrl: 'icon.png',
    });
    const c = await snoozeReminder(repo, 'qianniu:r1', 30, T0);
    expect(c.snoozedUntil).toBe(T0 + 30 * MIN);
    expect(c.dueAt).toBe(T0 + 30 * MIN);
    expect((await fakeBrowser.alarms.get(reminderAlarmName('qianniu:r1')))?.scheduledTime).toBe(T0 + 30 * MIN);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('clears an alarm and its notification', async () => {
    const repo = await repoWithCase();
    await scheduleReminder(await repo.setFollowUp('qianniu:r1', T0 + HOUR, T0));
    await clearReminder('qianniu:r1');
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('reconciles alarms with the cases and installs the sweep', async () => {
    const repo = await repoWithCase('a');
    await repo.recordSeen(snapshot({ reviewId: 'b' }), analysis(), { autoOpen: true, now: T0 });
    await repo.setFollowUp('qianniu:a', T0 + HOUR, T0);
    await fakeBrowser.alarms.create(reminderAlarmName('qianniu:gone'), { when: T0 });
    await fakeBrowser.alarms.create('not-ours', { when: T0 });

    expect(await syncReminders(await repo.all())).toEqual({ scheduled: 1, cleared: 1 });
    const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();
    expect(names).toEqual([SWEEP_ALARM, 'not-ours', reminderAlarmName('qianniu:a')].sort());
    // Running it again changes nothing.
    expect(await syncReminders(await repo.all())).toEqual({ scheduled: 0, cleared: 0 });
  });
});

describe('what to show when an alarm fires', () => {
  it('shows a follow-up for an open case that is due', async () => {
    const repo = await repoWithCase();
    await repo.setFollowUp('qianniu:r1', T0 + HOUR, T0);
    const shown = await notificationsForAlarm({ name: reminderAlarmName('qianniu:r1') }, repo, T0 + HOUR);
    expect(shown).toEqual([
      expect.objectContaining({
        notificationId: reminderAlarmName('qianniu:r1'),
        caseId: 'qianniu:r1',
        titleKey: 'reminder_follow_up_title',
        titleSubstitutions: ['王**'],
        messageSubstitutions: ['保温杯 500ml', '快递太慢了，包装也破了'],
      }),
    ]);
    expect(reminderButtonAction(shown[0].notificationId, 1)).toEqual({ action: 'snooze', caseId: 'qianniu:r1' });
    expect(reminderButtonAction(shown[0].notificationId, 0)).toEqual({ action: 'open', caseId: 'qianniu:r1' });
    expect(reminderButtonAction(shown[0].notificationId, 7)).toBeNull();
  });

  it('stays quiet for a stale alarm: case closed, deleted, or follow-up moved later', async () => {
    const repo = await repoWithCase();
    const name = reminderAlarmName('qianniu:r1');
    await repo.setFollowUp('qianniu:r1', T0 + 3 * HOUR, T0);
    expect(await notificationsForAlarm({ name }, repo, T0 + HOUR)).toEqual([]);
    await repo.closeCase('qianniu:r1', { outcome: 'unrevised' }, T0);
    expect(await notificationsForAlarm({ name }, repo, T0 + 3 * HOUR)).toEqual([]);
    await repo.delete('qianniu:r1');
    expect(await notificationsForAlarm({ name }, repo, T0 + 3 * HOUR)).toEqual([]);
    expect(await notificationsForAlarm({ name: 'not-ours' }, repo, T0)).toEqual([]);
  });

  it('sums up deadlines crossed since the last sweep, each one only once', async () => {
    // Reviews at 07:00 (SLA due 07:00 next day), and 05:30 (SLA due 05:30 next day).
    const repo = await repoWithCase('a', '2026-11-21T07:00:00Z');
    await repo.recordSeen(snapshot({ reviewId: 'b', date: '2026-11-21T05:30:00Z', replyDaysLeft: undefined }), analysis(), {
      autoOpen: true,
      now: T0,
    });
    // A reply window that closes on the 22nd at 20:00.
    await repo.recordSeen(snapshot({ reviewId: 'c', replyDaysLeft: 1, date: undefined }), analysis(), {
      autoOpen: true,
      now: Date.parse('2026-11-21T20:00:00Z'),
    });
    await repo.logContact('qianniu:c', { channel: 'chat', outcome: 'answered' }, T0);
    const sweep = { name: SWEEP_ALARM, periodInMinutes: 30 };
    const at = (iso: string) => notificationsForAlarm(sweep, repo, Date.parse(iso));

    expect(await at('2026-11-21T09:00:00Z')).toEqual([]);
    // 03:45 on the 22nd: b's SLA is 1h45 away (crossed the 2 h warning in the last half hour).
    expect((await at('2026-11-22T03:45:00Z'))[0].messageSubstitutions).toEqual(['0', '1', '0']);
    // 04:15: nothing new crossed.
    expect(await at('2026-11-22T04:15:00Z')).toEqual([]);
    // 05:40: b became overdue at 05:30; a's two-hour warning (05:00) lies before this period.
    expect((await at('2026-11-22T05:40:00Z'))[0]).toMatchObject({
      notificationId: SUMMARY_NOTIFICATION,
      messageSubstitutions: ['1', '0', '0'],
    });
    // 05:20: a's warning (05:00) was crossed within the last 30 min.
    expect((await at('2026-11-22T05:20:00Z'))[0].messageSubstitutions).toEqual(['0', '1', '0']);
    // c's reply window closes 22nd 20:00; its one-day warning is crossed at 21st 20:00.
    expect((await at('2026-11-21T20:10:00Z'))[0].messageSubstitutions).toEqual(['0', '0', '1']);
    expect(reminderButtonAction(SUMMARY_NOTIFICATION, 0)).toEqual({ action: 'open', caseId: null });
  });
});
