import { type Form, type FormField, yesNoAnswer, yesNoChoices } from '../form.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { type Rich, toPlainText } from '../message.js';
import { exampleDay, typedDate } from '../time/typed-days.js';
import { normalDay, normalTime } from '../time/typed-moments.js';
import { type ReminderRitual, ReminderRitualSchema } from './ritual.js';
import { CronScheduleSchema, MonthlyScheduleSchema, WeeklyScheduleSchema } from './schedule.js';

/** Form id of `/rituel ajouter` (letters and digits: Mattermost). */
export const RITUAL_FORM = 'ritual';

const FIELD_KEYS: Record<string, MessageKey> = {
  id: 'ritual.field.id',
  message: 'ritual.field.message',
  channel: 'ritual.field.channel',
  days: 'ritual.field.days',
  time: 'ritual.field.time',
  every: 'ritual.field.every',
  nth: 'ritual.field.nth',
  cron: 'ritual.field.cron',
  start: 'ritual.field.start',
  end: 'ritual.field.end',
  holidays: 'ritual.field.holidays',
};
const OPTIONAL = new Set(['channel', 'days', 'time', 'every', 'nth', 'cron', 'start', 'end']);

/** The form of a chat ritual, prefilled from `initial` when it edits one (the id is then kept). */
export function ritualForm(t: Translate, initial?: ReminderRitual): Form {
  const s = initial?.schedule;
  const values: Record<string, string | undefined> = {
    id: initial?.id,
    message: initial?.message,
    channel: initial?.channel,
    days: s && 'days' in s ? s.days.join(', ') : s && 'day' in s ? s.day : undefined,
    time: s && 'time' in s ? s.time : undefined,
    every: s && 'every' in s && s.every > 1 ? String(s.every) : undefined,
    nth: s && 'nth' in s ? String(s.nth) : undefined,
    cron: s && 'cron' in s ? s.cron : undefined,
    start: typedOrNothing(initial?.start ?? (s && 'from' in s ? s.from : undefined)),
    end: typedOrNothing(initial?.end),
    holidays: initial?.skipHolidays === false ? 'no' : 'yes',
  };
  const fields: FormField[] = Object.entries(FIELD_KEYS).map(([id, key]) => ({
    id,
    label: t(key),
    kind: id === 'message' ? 'multiline' : id === 'holidays' || id === 'nth' ? 'choice' : 'text',
    ...(id === 'holidays'
      ? {
          choices: yesNoChoices(t),
        }
      : {}),
    ...(id === 'nth'
      ? {
          choices: ['1', '2', '3', '4', '-1'].map((value) => ({
            value,
            label: value === '-1' ? toPlainText(t('ritual.nthLast')) : value,
          })),
        }
      : {}),
    initial: values[id],
    max: id === 'message' ? 3000 : 100,
    optional: OPTIONAL.has(id),
  }));
  return {
    formId: RITUAL_FORM,
    title: t(initial ? 'ritual.formEdit' : 'ritual.formTitle'),
    submit: t('ritual.formSubmit'),
    fields,
    context: initial?.id ?? '',
  };
}

/** A stored calendar day as people type it, for a prefilled field. */
const typedOrNothing = (day: string | undefined) => (day ? typedDate(day) : undefined);

const ISSUE_FIELD: Record<string, string> = { day: 'days', from: 'start', skipHolidays: 'holidays' };

/** The form field a schema issue is about, and the catalog line saying what to type there. */
function fieldOf(path: readonly PropertyKey[]): string {
  const last = path.filter((p): p is string => typeof p === 'string').at(-1) ?? 'days';
  const field = ISSUE_FIELD[last] ?? last;
  return FIELD_KEYS[field] ? field : 'days';
}

/**
 * The ritual a submitted form describes (cron, else nth weekday, else days of the week), or the fields to fix with
 * what to type. `today` anchors an every-N-weeks ritual without a start date, and an end before it is refused.
 * Dates must be real calendar days. A cron pattern is checked by the caller (BullMQ's parser is not the core's).
 */
export function parseRitualForm(
  values: Record<string, string>,
  today: string,
  t: Translate,
): { ritual: ReminderRitual } | { errors: Record<string, Rich> } {
  const v = (id: string) => values[id]?.trim() ?? '';
  const [time, start, end] = [
    normalTime(v('time')),
    normalDay(v('start'), today),
    normalDay(v('end'), today),
  ];
  const days = v('days')
    .split(/[\s,;]+/)
    .filter(Boolean);
  // Each kind parsed by its own schema, so an issue names its field (a union would only say « no match »).
  const schedule = v('cron')
    ? CronScheduleSchema.safeParse({ cron: v('cron') })
    : v('nth')
      ? MonthlyScheduleSchema.safeParse({ nth: Number(v('nth')), day: days[0], time })
      : WeeklyScheduleSchema.safeParse({
          days,
          time,
          ...(v('every') ? { every: Number(v('every')), from: start || today } : {}),
        });
  const holidays = yesNoAnswer(v('holidays'), t);
  const parsed = ReminderRitualSchema.safeParse({
    id: v('id'),
    kind: 'reminder',
    message: v('message'),
    ...(v('channel') ? { channel: v('channel') } : {}),
    schedule: schedule.data ?? { cron: '* * * * *' },
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    skipHolidays: !('answer' in holidays && holidays.answer === 'no'),
  });
  const issues = [...(schedule.error?.issues ?? []), ...(parsed.error?.issues ?? [])];
  const errors: Record<string, Rich> = {};
  // An end already past: the ritual would be saved and scheduled, and never post anything.
  if (parsed.data?.end && parsed.data.end < today)
    errors.end = t('ritual.fix.endPast', { today: typedDate(today) });
  if ('error' in holidays) errors.holidays = holidays.error;
  if (parsed.success && issues.length === 0 && Object.keys(errors).length === 0)
    return { ritual: parsed.data };
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= t(`ritual.fix.${field}` as MessageKey, { example: exampleDay(today) });
  }
  return { errors };
}
