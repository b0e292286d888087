import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startReminders, type Reminders } from '../../../entrypoints/background/reminders';
import { SWEEP_ALARM, reminderAlarmName } from '../../../lib/cases/reminders';
import { openCasesDb, type CasesRepository } from '../../../lib/cases/repository';
import { analysis, snapshot } from '../cases/fixtures';
import { englishMessage } from '../setup';

const OPEN = englishMessage('reminder_button_open');
const SNOOZE = englishMessage('reminder_button_snooze');

const T0 = Date.parse('2026-11-21T08:00:00Z');
const HOUR = 3_600_000;
const ID = 'qianniu:r1';
const NAME = reminderAlarmName(ID);

let reminders: Reminders | null = null;
afterEach(() => {
  reminders?.stop();
  reminders = null;
});

async function setup(now: { value: number }) {
  const repo = await openCasesDb({ factory: new IDBFactory() });
  await repo.recordSeen(snapshot({ date: '2026-11-21T07:00:00Z', replyDaysLeft: undefined, buyerNick: '王**' }), analysis(), {
    autoOpen: true,
    now: T0,
  });
  reminders = startReminders({ repo: async () => repo, now: () => now.value });
  return repo;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

async function shown(id: string) {
  return (await fakeBrowser.notifications.getAll())[id] as
    | { title: string; message: string; buttons?: Array<{ title: string }>; iconUrl: string }
    | undefined;
}

async function ring(repo: CasesRepository, now: { value: number }) {
  await fakeBrowser.alarms.onAlarm.trigger({ name: NAME, scheduledTime: now.value });
  await flush();
  return repo;
}

describe('startReminders', () => {
  it('shows a notification with snooze and open-case buttons when a follow-up is due', async () => {
    const now = { value: T0 };
    const repo = await setup(now);
    await repo.setFollowUp(ID, T0 + 2 * HOUR, T0);
    now.value = T0 + 2 * HOUR;
    await ring(repo, now);
    const notification = await shown(NAME);
    expect(notification).toBeDefined();
    expect(notification!.title).toContain('王**');
    expect(notification!.iconUrl).toMatch(/^data:image\/png;base64,/);
    expect(notification!.buttons?.map((b) => b.title)).toEqual([OPEN, SNOOZE]);
  });

  it('stays silent when the follow-up moved later or the case was closed', async () => {
    const now = { value: T0 };
    const repo = await setup(now);
    await repo.setFollowUp(ID, T0 + 5 * HOUR, T0);
    now.value = T0 + 2 * HOUR;
    await ring(repo, now);
    expect(await shown(NAME)).toBeUndefined();

    await repo.setFollowUp(ID, T0 + 2 * HOUR, T0);
    await repo.closeCase(ID, { outcome: 'revised' }, T0);
    await ring(repo, now);
    expect(await shown(NAME)).toBeUndefined();
  });

  it('snoozes from the notification: the follow-up and its alarm move an hour later', async () => {
    const now = { value: T0 };
    const repo = await setup(now);
    await repo.setFollowUp(ID, T0 + HOUR, T0);
    now.value = T0 + HOUR;
    await ring(repo, now);
    expect(await shown(NAME)).toBeDefined();
    expect(SNOOZE).not.toBe('');

    const snoozeIndex = (await shown(NAME))!.buttons!.findIndex((b) => b.title === SNOOZE);
    await fakeBrowser.notifications.onButtonClicked.trigger(NAME, snoozeIndex);
    await flush();
    const snoozed = await repo.get(ID);
    expect(snoozed?.snoozedUntil).toBe(T0 + 2 * HOUR);
    expect((await fakeBrowser.alarms.get(NAME))?.scheduledTime).toBe(T0 + 2 * HOUR);
    expect(await shown(NAME)).toBeUndefined();
  });

  it('opens the case in the dashboard from the button or a click on the notification', async () => {
    const now = { value: T0 };
    const repo = await setup(now);
    await repo.setFollowUp(ID, T0, T0);
    await ring(repo, now);
    const openIndex = (await shown(NAME))!.buttons!.findIndex((b) => b.title === OPEN);
    await fakeBrowser.notifications.onButtonClicked.trigger(NAME, openIndex);
    await flush();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(fakeBrowser.runtime.getURL(`/dashboard.html#case=${encodeURIComponent(ID)}` as '/dashboard.html'));

    await ring(repo, now);
    await fakeBrowser.notifications.onClicked.trigger(NAME);
    await flush();
    expect((await fakeBrowser.tabs.query({})).filter((tab) => tab.url?.includes('#case=')).length).toBe(2);
    expect(await shown(NAME)).toBeUndefined();
  });

  it('rebuilds alarms from the store on browser start, and the sweep alarm is ours too', async () => {
    const now = { value: T0 };
    const repo = await setup(now);
    await repo.setFollowUp(ID, T0 + 3 * HOUR, T0);
    // An alarm for a case that no longer needs one must go.
    await fakeBrowser.alarms.create(reminderAlarmName('qianniu:gone'), { when: T0 + HOUR });
    await fakeBrowser.runtime.onStartup.trigger();
    await flush();
    expect((await fakeBrowser.alarms.get(NAME))?.scheduledTime).toBe(T0 + 3 * HOUR);
    expect(await fakeBrowser.alarms.get(reminderAlarmName('qianniu:gone'))).toBeUndefined();
    expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toBeDefined();
  });

  it('does not read every open case again on each change once the alarms were rebuilt', async () => {
    const now = { value: T0 };
    const repo = await setup(now);
    await repo.setFollowUp(ID, T0 + 3 * HOUR, T0);
    await reminders!.sync();
    expect((await fakeBrowser.alarms.get(NAME))?.scheduledTime).toBe(T0 + 3 * HOUR);
    // A stray alarm appears; a routine sync soon after leaves it, a forced one (install) cleans up.
    await fakeBrowser.alarms.create(reminderAlarmName('qianniu:gone'), { when: T0 + HOUR });
    now.value = T0 + HOUR;
    await reminders!.sync();
    expect(await fakeBrowser.alarms.get(reminderAlarmName('qianniu:gone'))).toBeDefined();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await flush();
    expect(await fakeBrowser.alarms.get(reminderAlarmName('qianniu:gone'))).toBeUndefined();
  });

  it('ignores alarms and notifications that are not Mend reminders', async () => {
    const now = { value: T0 };
    await setup(now);
    const tabsBefore = (await fakeBrowser.tabs.query({})).length;
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-else', scheduledTime: T0 });
    await fakeBrowser.notifications.onClicked.trigger('someone-else');
    await flush();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await fakeBrowser.tabs.query({})).toHaveLength(tabsBefore);
  });
});
