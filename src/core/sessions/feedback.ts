import type { Form } from '../form.js';
import { type Locale, type Translate, translator } from '../i18n/index.js';
import type { Block, Message } from '../message.js';
import { sessionDate } from './announcement.js';
import type { Session } from './session.js';
import type { Feedback } from './store.js';

/** Action id of the *Donner mon avis* button, and form id of the feedback form (letters and digits). */
export const FEEDBACK_ACTION = 'sessionfeedback';
export const FEEDBACK_FORM = 'sessionfeedback';

/** The DM the day after, to those who said yes: a thank-you and the button that opens the form. */
export function feedbackAsk(session: Session, locale: Locale): Message {
  const t = translator(locale);
  const text = t('session.feedbackAsk', { title: session.title });
  return {
    fallback: text,
    blocks: [
      { kind: 'section', text },
      {
        kind: 'actions',
        buttons: [
          {
            actionId: FEEDBACK_ACTION,
            label: t('session.feedbackButton'),
            value: session.id,
            style: 'primary',
          },
        ],
      },
    ],
  };
}

/** The feedback form: a rating 1–5 and an optional comment; the session id travels as its context. */
export function feedbackForm(t: Translate, sessionId: string, previous?: Feedback): Form {
  return {
    formId: FEEDBACK_FORM,
    title: t('session.feedbackFormTitle'),
    submit: t('session.feedbackFormSubmit'),
    context: sessionId,
    fields: [
      {
        id: 'rating',
        label: t('session.feedbackRating'),
        kind: 'choice',
        choices: ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value })),
        initial: previous ? String(previous.rating) : undefined,
      },
      {
        id: 'comment',
        label: t('session.feedbackComment'),
        kind: 'multiline',
        initial: previous?.comment,
        max: 1000,
        optional: true,
      },
    ],
  };
}

/** A submitted feedback, or undefined when the rating is not 1–5. */
export function parseFeedback(values: Record<string, string>): Feedback | undefined {
  const rating = Number(values.rating?.trim());
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return undefined;
  return { rating, comment: (values.comment ?? '').trim().slice(0, 1000) };
}

/** The coordinators' summary: how many answered out of those registered, the average, every comment. */
export function feedbackSummary(
  session: Session,
  feedbacks: ReadonlyMap<string, Feedback>,
  attendees: number,
  locale: Locale,
): Message {
  const t = translator(locale);
  const date = sessionDate(session, locale);
  if (feedbacks.size === 0) {
    const none = t('session.summaryNone', { title: session.title, date });
    return { fallback: none, blocks: [{ kind: 'section', text: none }] };
  }
  const all = [...feedbacks.values()];
  const average = (all.reduce((sum, f) => sum + f.rating, 0) / all.length)
    .toFixed(1)
    .replace('.', locale === 'fr' ? ',' : '.');
  const title = t('session.summaryTitle', { title: session.title, date });
  const blocks: Block[] = [
    { kind: 'section', text: title },
    { kind: 'section', text: t('session.summaryLine', { count: all.length, attendees, average }) },
    ...all
      .filter((f) => f.comment)
      .map(
        (f): Block => ({
          kind: 'context',
          text: t('session.summaryComment', { comment: f.comment, rating: f.rating }),
        }),
      ),
  ];
  return { fallback: title, blocks };
}
