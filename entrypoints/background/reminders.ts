import { browser } from 'wxt/browser';
import type { CasesRepository } from '../../lib/cases/repository';
import {
  DEFAULT_SNOOZE_MINUTES,
  SWEEP_ALARM,
  caseIdOfReminder,
  notificationsForAlarm,
  reminderButtonAction,
  snoozeReminder,
  syncReminders,
  type ReminderNotification,
} from '../../lib/cases/reminders';
import { OPEN_STATES } from '../../lib/cases/types';
import { t } from '../../lib/i18n';

// A purple disc, inline: Chrome requires an icon for a notification and the extension ships none yet.
const NOTIFICATION_ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAoUlEQVR42u3aOxKAIAxFUVblgly029HSgnFEgXweNzP071SQhFKou/btOFtOytDhML3B3SCjg5tBZgefCrEOPxThFX4Iwjt8FyJK+F+IaOE/I1IDooZvRqQGRA//ikgNyBL+EQHAE5AtfIVYBmBVAAAAAMA9wG3MY46egI5MtC/WH6swmWM+KjihXnfBIbFikljySaxZZRbdMl8NZD57eNcFWt24lWbZ0esAAAAASUVORK5CYII=';

/** The dashboard, showing one case when an id is given. */
export function dashboardUrl(caseId?: string | null): string {
  const hash = caseId ? `#case=${encodeURIComponent(caseId)}` : '';
  return browser.runtime.getURL(`/dashboard.html${hash}` as '/dashboard.html');
}

async function show(notification: ReminderNotification): Promise<void> {
  const base = {
    type: 'basic' as const,
    iconUrl: NOTIFICATION_ICON,
    title: t(notification.titleKey, notification.titleSubstitutions),
    message: t(notification.messageKey, notification.messageSubstitutions),
  };
  try {
    await browser.notifications.create(notification.notificationId, {
      ...base,
      buttons: notification.buttons.map((button) => ({ title: t(button.titleKey) })),
    });
  } catch {
    // Firefox has no notification buttons; a click on the notification itself still opens the case.
    await browser.notifications.create(notification.notificationId, base);
  }
}

/** A full rebuild of the alarms reads every open case; within this time after one, another is skipped. */
export const SYNC_FRESH_MS = 6 * 3_600_000;
const LAST_SYNC_KEY = 'reminders:lastSync';

export interface RemindersOptions {
  repo: () => Promise<CasesRepository>;
  now?: () => number;
}

export interface Reminders {
  stop: () => void;
  /**
   * Rebuilds every follow-up alarm from the store. That reads every open case, so it runs at most
   * once per SYNC_FRESH_MS in a browser session unless forced: pages that change a follow-up set its
   * alarm themselves, and an import rebuilds the alarms it needs, so a later call has nothing to fix.
   */
  sync: (options?: { force?: boolean }) => Promise<void>;
  /** Handles one alarm: decides and shows its notifications. Returns how many were shown. */
  ring: (alarm: { name: string; periodInMinutes?: number }) => Promise<number>;
}

/**
 * Wires the reminder logic of lib/cases/reminders.ts to the browser: alarms ring, notifications
 * show with "open case" and "snooze", and a click does what it says. Call once from the background.
 */
export function startReminders(options: RemindersOptions): Reminders {
  const now = options.now ?? Date.now;
  const report = (what: string) => (error: unknown) => console.error(`[Mend] reminders: ${what}`, error);

  const ring: Reminders['ring'] = async (alarm) => {
    const notifications = await notificationsForAlarm(alarm, await options.repo(), now());
    for (const notification of notifications) await show(notification);
    return notifications.length;
  };

  let syncing: Promise<void> | null = null;
  const sync: Reminders['sync'] = ({ force = false } = {}) => {
    syncing ??= (async () => {
      if (!force) {
        // Session storage outlives the service worker (which stops after 30 s idle), not the browser.
        const last = (await browser.storage.session.get(LAST_SYNC_KEY))[LAST_SYNC_KEY];
        if (typeof last === 'number' && now() - last < SYNC_FRESH_MS) return;
      }
      const repo = await options.repo();
      await syncReminders(await repo.list({ states: OPEN_STATES }));
      await browser.storage.session.set({ [LAST_SYNC_KEY]: now() });
    })().finally(() => {
      syncing = null;
    });
    return syncing;
  };

  const openAndClear = async (notificationId: string, caseId: string | null) => {
    await browser.tabs.create({ url: dashboardUrl(caseId) });
    await browser.notifications.clear(notificationId);
  };

  const onAlarm = (alarm: { name: string; periodInMinutes?: number }) => {
    if (alarm.name === SWEEP_ALARM || caseIdOfReminder(alarm.name) !== null) ring(alarm).catch(report('alarm'));
  };
  const onClicked = (notificationId: string) => {
    const caseId = caseIdOfReminder(notificationId);
    const isOurs = caseId !== null || reminderButtonAction(notificationId, 0) !== null;
    if (isOurs) openAndClear(notificationId, caseId).catch(report('click'));
  };
  const onButtonClicked = (notificationId: string, buttonIndex: number) => {
    const chosen = reminderButtonAction(notificationId, buttonIndex);
    if (!chosen) return;
    const done =
      chosen.action === 'snooze' && chosen.caseId
        ? options.repo().then((repo) => snoozeReminder(repo, chosen.caseId!, DEFAULT_SNOOZE_MINUTES, now()))
        : openAndClear(notificationId, chosen.caseId);
    done.catch(report('button'));
  };
  const onStart = () => void sync().catch(report('sync'));
  // An update may have changed what needs an alarm: always rebuild after an install or update.
  const onInstalled = () => void sync({ force: true }).catch(report('sync'));

  browser.alarms.onAlarm.addListener(onAlarm);
  browser.notifications.onClicked.addListener(onClicked);
  // Absent in Firefox, which shows no buttons.
  browser.notifications.onButtonClicked?.addListener(onButtonClicked);
  browser.runtime.onStartup.addListener(onStart);
  browser.runtime.onInstalled.addListener(onInstalled);

  return {
    stop() {
      browser.alarms.onAlarm.removeListener(onAlarm);
      browser.notifications.onClicked.removeListener(onClicked);
      browser.notifications.onButtonClicked?.removeListener(onButtonClicked);
      browser.runtime.onStartup.removeListener(onStart);
      browser.runtime.onInstalled.removeListener(onInstalled);
    },
    sync,
    ring,
  };
}
