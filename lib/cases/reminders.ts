import { browser } from 'wxt/browser';
import type { Case } from './types';
import { isOpenState } from './types';
import { HOUR_MS, firstResponseSla, followUpAt, replyWindow } from './time';

/**
 * Reminders are browser alarms, one per case with a planned follow-up, plus one periodic sweep
 * that looks for deadlines coming up. Alarms survive a service-worker restart; nothing here keeps
 * state in memory. The background wires `onAlarm` and the notification events to these functions.
 */
const FOLLOW_UP_PREFIX = 'mend:follow-up:';
export const SWEEP_ALARM = 'mend:sweep';
export const SWEEP_PERIOD_MINUTES = 30;
export const SUMMARY_NOTIFICATION = 'mend:summary';
export const DEFAULT_SNOOZE_MINUTES = 60;
/** How far ahead the sweep warns about a first response that is almost due. */
export const SLA_WARNING_MS = 2 * HOUR_MS;
/** How far ahead the sweep warns about a platform reply window that is closing. */
export const REPLY_WINDOW_WARNING_MS = 24 * HOUR_MS;

export function reminderAlarmName(caseId: string): string {
  return FOLLOW_UP_PREFIX + caseId;
}

/** The case an alarm or notification belongs to; null for the sweep and for anything not Mend's. */
export function caseIdOfReminder(name: string): string | null {
  return name.startsWith(FOLLOW_UP_PREFIX) ? name.slice(FOLLOW_UP_PREFIX.length) || null : null;
}

/** Makes the case's alarm match its follow-up: created, moved or cleared. */
export async function scheduleReminder(c: Case): Promise<void> {
  const when = isOpenState(c.state) ? followUpAt(c) : undefined;
  if (when === undefined) {
    await browser.alarms.clear(reminderAlarmName(c.id));
    return;
  }
  await browser.alarms.create(reminderAlarmName(c.id), { when });
}

export async function clearReminder(caseId: string): Promise<void> {
  await browser.alarms.clear(reminderAlarmName(caseId));
  await browser.notifications.clear(reminderAlarmName(caseId));
}

/** Anything that can move a follow-up later: the repository, or a fake in tests. */
export interface SnoozeTarget {
  snooze(id: string, until: number, now?: number): Promise<Case>;
}

export async function snoozeReminder(
  cases: SnoozeTarget,
  caseId: string,
  minutes = DEFAULT_SNOOZE_MINUTES,
  now = Date.now(),
): Promise<Case> {
  const c = await cases.snooze(caseId, now + minutes * 60_000, now);
  await browser.notifications.clear(reminderAlarmName(caseId));
  await scheduleReminder(c);
  return c;
}

/**
 * Reconciles all follow-up alarms with the cases (at startup, after an import): alarms of closed,
 * deleted or unplanned cases go, missing or moved ones are created. Also makes sure the sweep runs.
 */
export async function syncReminders(cases: Iterable<Case>): Promise<{ scheduled: number; cleared: number }> {
  const wanted = new Map<string, number>();
  for (const c of cases) {
    const when = isOpenState(c.state) ? followUpAt(c) : undefined;
    if (when !== undefined) wanted.set(reminderAlarmName(c.id), when);
  }
  let cleared = 0;
  for (const alarm of await browser.alarms.getAll()) {
    if (caseIdOfReminder(alarm.name) !== null && !wanted.has(alarm.name)) {
      await browser.alarms.clear(alarm.name);
      cleared++;
    }
  }
  let scheduled = 0;
  for (const [name, when] of wanted) {
    const existing = await browser.alarms.get(name);
    if (existing?.scheduledTime === when) continue;
    await browser.alarms.create(name, { when });
    scheduled++;
  }
  if (!(await browser.alarms.get(SWEEP_ALARM))) {
    await browser.alarms.create(SWEEP_ALARM, { periodInMinutes: SWEEP_PERIOD_MINUTES, delayInMinutes: 1 });
  }
  return { scheduled, cleared };
}

/** A notification to show, as i18n keys and substitutions; the background renders it with t(). */
export interface ReminderNotification {
  notificationId: string;
  /** The case to open on click; absent for the summary, which opens the list. */
  caseId?: string;
  titleKey: string;
  titleSubstitutions: string[];
  messageKey: string;
  messageSubstitutions: string[];
  buttons: Array<{ action: ReminderAction; titleKey: string }>;
}

export type ReminderAction = 'open' | 'snooze';

/** What the reminder logic needs from the store. */
export interface ReminderSource {
  get(id: string): Promise<Case | undefined>;
  /** Open cases whose stored deadline is at or before `until`. */
  listDueBefore(until: number): Promise<Case[]>;
}

const CASE_BUTTONS: ReminderNotification['buttons'] = [
  { action: 'open', titleKey: 'reminder_button_open' },
  { action: 'snooze', titleKey: 'reminder_button_snooze' },
];

function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Whether `deadline` crossed the threshold `lead` before it within the last sweep period. */
function crossedDuringPeriod(deadline: number, lead: number, now: number, periodMs: number): boolean {
  const warnAt = deadline - lead;
  return warnAt <= now && warnAt > now - periodMs;
}

/**
 * Decides what to show when an alarm fires. A follow-up alarm notifies only if its case is still
 * open and still planned for about now (it may have been moved or closed since). The sweep tells
 * about each deadline once: in the period its warning time was crossed, never again after.
 */
export async function notificationsForAlarm(
  alarm: { name: string; periodInMinutes?: number },
  source: ReminderSource,
  now = Date.now(),
): Promise<ReminderNotification[]> {
  const caseId = caseIdOfReminder(alarm.name);
  if (caseId !== null) {
    const c = await source.get(caseId);
    const due = c && isOpenState(c.state) ? followUpAt(c) : undefined;
    // A minute of slack: alarms may fire a little early or late.
    if (!c || due === undefined || due > now + 60_000) return [];
    return [
      {
        notificationId: reminderAlarmName(c.id),
        caseId: c.id,
        titleKey: 'reminder_follow_up_title',
        titleSubstitutions: [c.buyerNick ?? ''],
        messageKey: 'reminder_follow_up_message',
        messageSubstitutions: [c.product?.title ?? '', excerpt(c.text)],
        buttons: CASE_BUTTONS,
      },
    ];
  }
  if (alarm.name !== SWEEP_ALARM) return [];
  const periodMs = (alarm.periodInMinutes ?? SWEEP_PERIOD_MINUTES) * 60_000;
  const candidates = await source.listDueBefore(now + REPLY_WINDOW_WARNING_MS);
  let overdue = 0;
  let dueSoon = 0;
  let windowsClosing = 0;
  for (const c of candidates) {
    const sla = firstResponseSla(c, now);
    if (sla && crossedDuringPeriod(sla.deadline, 0, now, periodMs)) overdue++;
    else if (sla && crossedDuringPeriod(sla.deadline, SLA_WARNING_MS, now, periodMs)) dueSoon++;
    const window = replyWindow(c, now);
    if (window && crossedDuringPeriod(window.deadline, REPLY_WINDOW_WARNING_MS, now, periodMs)) windowsClosing++;
  }
  if (overdue + dueSoon + windowsClosing === 0) return [];
  return [
    {
      notificationId: SUMMARY_NOTIFICATION,
      titleKey: 'reminder_summary_title',
      titleSubstitutions: [],
      messageKey: 'reminder_summary_message',
      messageSubstitutions: [String(overdue), String(dueSoon), String(windowsClosing)],
      buttons: [{ action: 'open', titleKey: 'reminder_button_open_list' }],
    },
  ];
}

/** Maps a click on a notification's button back to what to do. */
export function reminderButtonAction(
  notificationId: string,
  buttonIndex: number,
): { action: ReminderAction; caseId: string | null } | null {
  const caseId = caseIdOfReminder(notificationId);
  if (caseId !== null) {
    const button = CASE_BUTTONS[buttonIndex];
    return button ? { action: button.action, caseId } : null;
  }
  if (notificationId === SUMMARY_NOTIFICATION && buttonIndex === 0) return { action: 'open', caseId: null };
  return null;
}
