import { UserError } from '../errors.js';
import { checkChoice, type Form } from '../form.js';
import type { Translate } from '../i18n/index.js';
import { toPlainText } from '../message.js';
import type { Roster } from '../roster/roster.js';
import { localDate, localInstant } from '../time/local.js';
import { exampleDay } from '../time/typed-days.js';
import { parseMoment } from '../time/typed-moments.js';
import { parseAudience } from './audience.js';
import { type Audience, DELIVERY_MODES, type DeliveryMode } from './types.js';

/**
 * Form id of the announcement form (new and edit), and the action id of its preview's buttons. They keep the
 * command's French word: forms open and previews posted before a deploy carry it back.
 */
export const ANNOUNCEMENT_FORM = 'annonce';
export const ANNOUNCEMENT_ACTION = 'annonce';
/** Slack's cap on a modal's text input. */
const MAX_TEXT = 3000;

const MODE_LABELS = {
  channels: 'announcement.modeChannels',
  dms: 'announcement.modeDms',
  both: 'announcement.modeBoth',
} as const;

/** Where an announcement may go, as the form offers it. */
const modeChoices = (t: Translate) =>
  DELIVERY_MODES.map((mode) => ({ value: mode, label: toPlainText(t(MODE_LABELS[mode])) }));

/**
 * The form of a new announcement; `text` (what was typed after `/annonce`) prefills the text field, so nothing
 * typed is lost.
 */
export function newAnnouncementForm(t: Translate, timezone: string, text = ''): Form {
  return {
    formId: ANNOUNCEMENT_FORM,
    title: t('announcement.formTitle'),
    submit: t('announcement.formSubmit'),
    context: '',
    fields: [
      {
        id: 'text',
        label: t('announcement.fieldText'),
        kind: 'multiline',
        max: MAX_TEXT,
        ...(text.trim() ? { initial: text.trim() } : {}),
      },
      { id: 'audience', label: t('announcement.fieldAudience'), kind: 'text', max: 500 },
      {
        id: 'mode',
        label: t('announcement.fieldMode'),
        kind: 'choice',
        initial: 'both',
        choices: modeChoices(t),
      },
      { id: 'when', label: t('announcement.fieldWhen', { timezone }), kind: 'text', optional: true, max: 24 },
    ],
  };
}

/** The form that edits the text of announcement `id`, prefilled with its current text. */
export function editAnnouncementForm(t: Translate, id: string, text: string): Form {
  return {
    formId: ANNOUNCEMENT_FORM,
    title: t('announcement.editTitle'),
    submit: t('announcement.formSubmit'),
    context: `edit:${id}`,
    fields: [
      { id: 'text', label: t('announcement.fieldText'), kind: 'multiline', max: MAX_TEXT, initial: text },
    ],
  };
}

/** What a new announcement's form says, checked; each problem is a UserError for the field it names. */
export interface AnnouncementRequest {
  text: string;
  audience: Audience;
  audienceText: string;
  mode: DeliveryMode;
  at: Date | undefined;
}

/** A problem with one field of the form: the form stays open with the message under that field. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly error: UserError,
  ) {
    super(error.key);
  }
}

/**
 * Reads a moment typed as everywhere else (`JJ/MM/AAAA 9:00`, `JJ/MM 14h30`, `AAAA-MM-JJ 09:00`) in the
 * community's timezone; empty is "now" (undefined). Must be in the future.
 */
export function parseWhen(text: string, timezone: string, now: Date): Date | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const today = localDate(now, timezone);
  const moment = parseMoment(trimmed, today);
  if (!moment) throw new UserError('announcement.badWhen', { timezone, example: exampleDay(today) });
  const at = localInstant(moment.day, moment.time, timezone);
  if (at.getTime() <= now.getTime()) throw new UserError('announcement.pastWhen');
  return at;
}

/** Checks a submitted new-announcement form. Throws FieldError for the first field to fix. */
export function readAnnouncementForm(
  values: Record<string, string>,
  roster: Roster,
  now: Date,
  t: Translate,
): AnnouncementRequest {
  const text = (values.text ?? '').trim();
  if (text === '') throw new FieldError('text', new UserError('announcement.emptyText'));
  const guard = <T>(field: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof UserError) throw new FieldError(field, error);
      throw error;
    }
  };
  const audienceText = (values.audience ?? '').trim();
  const audience = guard('audience', () => parseAudience(audienceText, roster));
  const picked = guard('mode', () => checkChoice(values.mode ?? '', modeChoices(t), t));
  const mode = DELIVERY_MODES.find((m) => m === picked) ?? 'both';
  const at = guard('when', () => parseWhen(values.when ?? '', roster.data.timezone, now));
  return { text, audience, audienceText, mode, at };
}
