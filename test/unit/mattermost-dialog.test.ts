import { describe, expect, it } from 'vitest';
import { bulleImportCommand } from '../../handlers/bulle-import.command.js';
import { renderDialog } from '../../src/chat/mattermost/mattermost-form.js';
import { createSigner } from '../../src/chat/mattermost/mattermost-sign.js';
import type { Form } from '../../src/core/form.js';
import type { Context } from '../../src/core/handler.js';
import { LOCALES, translator } from '../../src/core/i18n/index.js';
import { toPlainText } from '../../src/core/message.js';
import { ritualForm } from '../../src/core/ritual/form.js';
import { ReminderRitualSchema } from '../../src/core/ritual/ritual.js';
import { feedbackForm } from '../../src/core/sessions/feedback.js';
import { sessionForm } from '../../src/core/sessions/form.js';
import { aSession, SESSION_FORM_DATA } from '../support/session-fixture.js';

/**
 * Interactive dialog limits, in UTF-8 bytes, as `Dialog.IsValid` checks them with Go's `len()`
 * (mattermost/mattermost `server/public/model/integration_action.go`): title and display names 24, names 300, help
 * text 150; a text element's default 150, a textarea's 3,000; a select's default one of its options.
 */
const bytes = (text: string): number => Buffer.byteLength(text);
const DIALOG = { title: 24, displayName: 24, name: 300, helpText: 150, text: 150, textarea: 3000 } as const;

const SESSION = aSession({
  title: `Journée de promotion ${'é'.repeat(100)}`,
  place: `Ségur ${'p'.repeat(180)}`,
  address: `14 avenue Duquesne ${'a'.repeat(270)}`,
  agenda: 'Stand-up par défi\n'.repeat(100),
  capacity: 60,
  audience: { promotions: ['eig7'], mentors: true, alumni: false },
  sequence: 2,
});
const RITUAL = ReminderRitualSchema.parse({
  id: 'cafe',
  kind: 'reminder',
  message: `Café du lundi ☕ ${'m'.repeat(2900)}`,
  channel: '#eig-communaute',
  schedule: { days: ['lundi', 'jeudi'], time: '09:45' },
});

describe.each(LOCALES)('every Cohorte form as a Mattermost dialog (%s)', (locale) => {
  const t = translator(locale);
  const importForm = async () => {
    const reply = await bulleImportCommand.run({ t } as Context, '');
    if (!reply.form) throw new Error('/bulle import opens no form');
    return reply.form;
  };
  const forms: Record<string, () => Form | Promise<Form>> = {
    '/rituel ajouter': () => ritualForm(t),
    'a ritual to edit': () => ritualForm(t, RITUAL),
    '/session nouvelle': () => sessionForm(t, SESSION_FORM_DATA, '2026-11-23'),
    'a session to edit': () => sessionForm(t, SESSION_FORM_DATA, '2026-11-23', SESSION),
    feedback: () => feedbackForm(t, SESSION.id, { rating: 4, comment: 'c'.repeat(1000) }),
    '/bulle import': importForm,
  };
  const signer = createSigner('x'.repeat(26));

  it.each(Object.keys(forms))(
    '%s keeps its whole title, labels and prefilled values within the limits',
    async (key) => {
      const form = await forms[key]?.();
      if (!form) throw new Error(key);
      const dialog = renderDialog(form, 'inesid000000000000000000aa', signer);
      expect(dialog.title).toBe(toPlainText(form.title));
      expect(bytes(dialog.title)).toBeLessThanOrEqual(DIALOG.title);
      expect(dialog.submit_label).toBe(toPlainText(form.submit));
      expect(bytes(dialog.submit_label)).toBeLessThanOrEqual(DIALOG.displayName);
      const names = dialog.elements.map((e) => e.name);
      expect(new Set(names).size).toBe(names.length);
      for (const [i, element] of dialog.elements.entries()) {
        const field = form.fields[i];
        const label = String(element.display_name);
        const whole = toPlainText(field?.label ?? []);
        expect(bytes(label), label).toBeLessThanOrEqual(DIALOG.displayName);
        // A long label shows its name above the field and the whole label below it, cut nowhere.
        if (bytes(whole) <= DIALOG.displayName) expect(label).toBe(whole);
        else {
          const name = label.endsWith('…') ? label.slice(0, -1) : `${label} (`;
          expect(whole.startsWith(name), `${label} / ${whole}`).toBe(true);
          expect(element.help_text).toBe(whole);
        }
        expect(bytes(String(element.name))).toBeLessThanOrEqual(DIALOG.name);
        expect(bytes(String(element.help_text ?? ''))).toBeLessThanOrEqual(DIALOG.helpText);
        const value = element.default === undefined ? undefined : String(element.default);
        // What the person typed before comes back whole: a dialog must not cut an answer while it is edited.
        expect(value).toBe(field?.initial || undefined);
        if (element.type === 'select') {
          const options = element.options as { text: string; value: string }[];
          expect(options.length).toBeGreaterThan(0);
          if (value !== undefined) expect(options.map((o) => o.value)).toContain(value);
          continue;
        }
        const limit = element.type === 'text' ? DIALOG.text : DIALOG.textarea;
        expect(['text', 'textarea']).toContain(element.type);
        // Short answers get a one-line field, unless what was typed before is past a line's 150 bytes.
        if ((field?.max ?? 0) <= DIALOG.text && field?.kind === 'text' && bytes(value ?? '') <= DIALOG.text)
          expect(element.type).toBe('text');
        expect(bytes(value ?? '')).toBeLessThanOrEqual(limit);
        expect(Number(element.max_length)).toBeLessThanOrEqual(limit);
        // Whatever the core accepts can be typed: the element is not shorter than the field.
        expect(Number(element.max_length)).toBe(Math.min(field?.max ?? limit, DIALOG.textarea));
      }
    },
  );
});
