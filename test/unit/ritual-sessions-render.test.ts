import { describe, expect, it } from 'vitest';
import { renderModal } from '../../src/chat/slack/slack-form.js';
import { renderSlack } from '../../src/chat/slack/slack-render.js';
import { LOCALES, translator } from '../../src/core/i18n/index.js';
import { toPlainText } from '../../src/core/message.js';
import { ritualForm } from '../../src/core/ritual/form.js';
import { ReminderRitualSchema } from '../../src/core/ritual/ritual.js';
import { announcement } from '../../src/core/sessions/announcement.js';
import { feedbackForm } from '../../src/core/sessions/feedback.js';
import { sessionForm } from '../../src/core/sessions/form.js';
import { LIMITS } from '../support/block-kit-limits.js';
import { aSession, SESSION_FORM_DATA } from '../support/session-fixture.js';

/** Slack modal limits (views reference): title, submit and close 24 characters, an option's text 75. */
const MODAL_TITLE = 24;
const OPTION_TEXT = 75;

const SESSION = aSession({
  title: 'Journée <!channel> & *promo*',
  agenda: 'Stand-up par défi',
  capacity: 60,
  audience: { promotions: ['eig7'], mentors: true, alumni: true },
});
const RITUAL = ReminderRitualSchema.parse({
  id: 'demo',
  kind: 'reminder',
  message: 'Démo',
  schedule: { nth: -1, day: 'vendredi', time: '16:00' },
});

describe.each(LOCALES)('ritual and session surfaces fit Slack (%s)', (locale) => {
  const t = translator(locale);
  const forms = {
    'new ritual': ritualForm(t),
    'ritual edit': ritualForm(t, RITUAL),
    'new session': sessionForm(t, SESSION_FORM_DATA, '2026-11-23'),
    'session edit': sessionForm(t, SESSION_FORM_DATA, '2026-11-23', SESSION),
    feedback: feedbackForm(t, SESSION.id),
  };

  it.each(Object.entries(forms))('the %s form shows its whole title, button and options', (_, form) => {
    const modal = renderModal(form, 'C1', toPlainText(t('form.cancel')));
    expect(modal.title.text).toBe(toPlainText(form.title));
    expect(modal.title.text.length).toBeLessThanOrEqual(MODAL_TITLE);
    expect(modal.submit?.text).toBe(toPlainText(form.submit));
    expect(modal.submit?.text.length).toBeLessThanOrEqual(MODAL_TITLE);
    for (const field of form.fields)
      for (const choice of field.choices ?? []) expect(choice.label.length).toBeLessThanOrEqual(OPTION_TEXT);
  });

  it('an edit form comes back prefilled with the ritual and the session', () => {
    const ritual = Object.fromEntries(forms['ritual edit'].fields.map((f) => [f.id, f.initial]));
    expect(ritual).toMatchObject({ id: 'demo', nth: '-1', days: 'friday', time: '16:00', holidays: 'yes' });
    const session = Object.fromEntries(forms['session edit'].fields.map((f) => [f.id, f.initial]));
    expect(session).toMatchObject({ date: '03/12/2026', capacity: '60', promotions: 'eig7', mentors: 'yes' });
    expect(forms['session edit'].context).toBe('2026-12-03');
  });

  it('the announcement renders within Block Kit limits, user text escaped, never a channel ping', () => {
    const count = { yes: 12, maybe: 3, no: 2, waiting: 0 };
    const [payload, ...more] = renderSlack(
      announcement(
        SESSION,
        count,
        locale,
        [{ id: 'eig7', name: 'EIG 7' }],
        'https://cohorte.example.org/calendar.ics',
      ),
    );
    expect(more).toEqual([]);
    expect(payload?.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    const json = JSON.stringify(payload);
    // Slack reads mentions in mrkdwn and the notification text only; the header is plain_text, shown as typed.
    const mrkdwn = [...json.matchAll(/"type":"mrkdwn","text":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    expect(mrkdwn.length).toBeGreaterThan(0);
    for (const text of [...mrkdwn, payload?.text]) expect(text).not.toContain('<!channel>');
    const buttons = (payload?.blocks ?? []).flatMap((b) =>
      b.type === 'actions' ? (b.elements as { value: string; text: { text: string } }[]) : [],
    );
    expect(buttons).toHaveLength(3);
    for (const button of buttons) {
      expect(button.value).toBe(SESSION.id);
      expect(button.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
    }
    expect(json).toContain('https://cohorte.example.org/calendar.ics?session=2026-12-03');
  });
});
