import { UserError } from '../errors.js';
import { type Form, type FormField, yesNoAnswer, yesNoChoices } from '../form.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import type { Rich } from '../message.js';
import type { CommunityData } from '../roster/types.js';
import { exampleDay, parseDay, typedDate } from '../time/typed-days.js';
import { normalTime, parseTimeOfDay } from '../time/typed-moments.js';
import { type Session, type SessionDetails, SessionDetailsSchema } from './session.js';

/** Form id of `/session nouvelle`. */
export const SESSION_FORM = 'session';

const FIELDS = [
  'title',
  'date',
  'start',
  'end',
  'place',
  'address',
  'agenda',
  'capacity',
  'promotions',
  'mentors',
  'alumni',
] as const;
type Field = (typeof FIELDS)[number];
const OPTIONAL = new Set<Field>(['address', 'agenda', 'capacity', 'promotions']);
/** The longest answers {@link SessionDetailsSchema} accepts; other fields are short (a date, a time, a number). */
const MAX: Partial<Record<Field, number>> = { title: 150, place: 200, address: 300, agenda: 2000 };

/** What the form shows for an existing session, to change it. */
const valuesOf = (session: Session): Partial<Record<Field, string>> => ({
  title: session.title,
  date: typedDate(session.date),
  start: session.start,
  end: session.end,
  place: session.place,
  address: session.address,
  agenda: session.agenda,
  capacity: session.capacity ? String(session.capacity) : '',
  promotions: session.audience.promotions.join(', '),
  mentors: session.audience.mentors ? 'yes' : 'no',
  alumni: session.audience.alumni ? 'yes' : 'no',
});

/**
 * The session form: to create one (current promotions suggested, the usual day's hours), or prefilled to change
 * `existing` (its id travels as the form's context).
 */
export function sessionForm(t: Translate, data: CommunityData, today: string, existing?: Session): Form {
  const current = data.promotions.filter((p) => p.end >= today).map((p) => p.id);
  const initial: Partial<Record<Field, string>> = existing
    ? valuesOf(existing)
    : { start: '09:30', end: '17:30', promotions: current.join(', '), mentors: 'yes', alumni: 'no' };
  const fields: FormField[] = FIELDS.map((id) => ({
    id,
    label: t(`session.field.${id}` as MessageKey),
    kind: id === 'agenda' ? 'multiline' : id === 'mentors' || id === 'alumni' ? 'choice' : 'text',
    ...(id === 'mentors' || id === 'alumni'
      ? {
          choices: yesNoChoices(t),
        }
      : {}),
    initial: initial[id],
    max: MAX[id] ?? 100,
    optional: OPTIONAL.has(id),
  }));
  return {
    formId: SESSION_FORM,
    title: t(existing ? 'session.formEdit' : 'session.formTitle'),
    submit: t(existing ? 'session.formEditSubmit' : 'session.formSubmit'),
    fields,
    context: existing?.id ?? '',
  };
}

/** The session a submitted form describes (its day and details), or each field to fix with what to type. */
export function parseSessionForm(
  values: Record<string, string>,
  data: CommunityData,
  today: string,
  t: Translate,
): { date: string; details: SessionDetails } | { errors: Record<string, Rich> } {
  const v = (id: Field) => values[id]?.trim() ?? '';
  const errors: Partial<Record<Field, Rich>> = {};
  let date = '';
  const example = exampleDay(today);
  try {
    date = parseDay(v('date'), today, 'onOrAfter');
    if (date < today) errors.date = t('session.fix.date', { example });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    errors.date = t('session.fix.date', { example });
  }
  const known = data.promotions.map((p) => p.id);
  const promotions = v('promotions')
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (promotions.some((p) => !known.includes(p)))
    errors.promotions = t('session.fix.promotions', { promotions: known.join(', ') });
  const yes = (id: 'mentors' | 'alumni') => {
    const read = yesNoAnswer(v(id), t);
    if ('error' in read) errors[id] = read.error;
    return 'answer' in read && read.answer === 'yes';
  };
  const capacity = v('capacity');
  const parsed = SessionDetailsSchema.safeParse({
    title: v('title'),
    start: normalTime(v('start')),
    end: normalTime(v('end')),
    place: v('place'),
    address: v('address'),
    agenda: v('agenda'),
    ...(capacity ? { capacity: /^\d+$/.test(capacity) ? Number(capacity) : Number.NaN } : {}),
    audience: { promotions, mentors: yes('mentors'), alumni: yes('alumni') },
  });
  // The schema checks the order of the times only once everything else is valid: say it along with the rest.
  const [start, end] = [parseTimeOfDay(v('start')), parseTimeOfDay(v('end'))];
  if (start && end && end <= start) errors.end = t('session.fix.end');
  for (const issue of parsed.error?.issues ?? []) {
    const field = FIELDS.find((f) => f === issue.path[0]) ?? 'title';
    errors[field] ??= t(`session.fix.${field}` as MessageKey, { promotions: known.join(', '), example });
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { errors };
  return { date, details: parsed.data };
}
