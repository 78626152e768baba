import { z } from 'zod';
import type { Form, FormField } from '../../core/form.js';
import type { FormInvocation } from '../../core/handler.js';
import { toPlainText } from '../../core/message.js';
import { truncateBytes, utf8Length } from '../../core/split-rich.js';
import type { Signer } from './mattermost-sign.js';

/**
 * Dialog limits, in UTF-8 bytes: `Dialog.IsValid` (`server/public/model/integration_action.go`) checks them with Go's
 * `len()`: title and labels 24, help text 150; a text element's default 150, a textarea's 3,000. « Réussites et
 * difficultés » is 24 characters but 26 bytes.
 */
const LIMITS = { title: 24, label: 24, help: 150, text: 150, textarea: 3000 } as const;

/** A dialog as `/api/v4/actions/dialogs/open` takes it. */
export interface MattermostDialog {
  callback_id: string;
  title: string;
  submit_label: string;
  elements: Record<string, unknown>[];
  state: string;
}

/**
 * A label as a dialog shows it: whole when it fits; otherwise its short label, or its name (what comes before the
 * parenthesis, as in « Date (JJ/MM/AAAA ou AAAA-MM-JJ) »), above the field and the whole label as help text below.
 */
function labelOf(field: FormField): { display_name: string; help_text?: string } {
  const label = toPlainText(field.label);
  if (utf8Length(label) <= LIMITS.label) return { display_name: label };
  const name = field.short ?? label.split(' (')[0]?.trim() ?? '';
  return {
    display_name: truncateBytes(name || label, LIMITS.label),
    help_text: truncateBytes(label, LIMITS.help),
  };
}

function element(field: FormField): Record<string, unknown> {
  const common = { name: field.id, ...labelOf(field), optional: Boolean(field.optional) };
  if (field.kind === 'choice') {
    const options = (field.choices ?? []).map((c) => ({ text: c.label, value: c.value }));
    const initial = options.some((o) => o.value === field.initial) ? { default: field.initial } : {};
    return { ...common, type: 'select', options, ...initial };
  }
  // A line that may hold more than a text element's 150 characters is a textarea (the docs' advice): whatever the
  // core accepts can be typed, and a value typed before comes back whole when it is edited.
  const long =
    field.kind === 'multiline' ||
    (field.max ?? 0) > LIMITS.text ||
    utf8Length(field.initial ?? '') > LIMITS.text;
  const limit = long ? LIMITS.textarea : LIMITS.text;
  // max_length is the client's (characters); the default is checked by the server (bytes).
  const max = Math.min(field.max ?? limit, limit);
  return {
    ...common,
    type: long ? 'textarea' : 'text',
    max_length: max,
    ...(field.initial ? { default: truncateBytes(field.initial.slice(0, max), limit) } : {}),
  };
}

/** The signed parts of a dialog's state: only the person it was opened for may submit it. */
const stateParts = (formId: string, context: string, user: string) => ['dialog', formId, context, user];

/**
 * A form as a Mattermost dialog for `user`. Mattermost echoes `state` back with the submission but does not
 * authenticate the submission: the state carries the form's context signed with the person's id.
 */
export function renderDialog(form: Form, user: string, signer: Signer): MattermostDialog {
  return {
    callback_id: form.formId,
    title: truncateBytes(toPlainText(form.title), LIMITS.title),
    submit_label: truncateBytes(toPlainText(form.submit), LIMITS.label),
    elements: form.fields.map(element),
    state: JSON.stringify({ x: form.context, s: signer.sign(stateParts(form.formId, form.context, user)) }),
  };
}

// Lenient: Mattermost adds fields across versions.
const SubmissionSchema = z.looseObject({
  callback_id: z.string().min(1),
  state: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().default(''),
  cancelled: z.boolean().default(false),
  submission: z.record(z.string(), z.unknown()).nullish(),
});
const StateSchema = z.object({ x: z.string(), s: z.string() });

/** A submission: cancelled, refused (state missing, altered, or someone else's), or the core's invocation. */
export type DialogSubmission =
  | { kind: 'cancelled' }
  | { kind: 'refused'; user: string }
  | { kind: 'submitted'; invocation: FormInvocation; channel: string };

/** A `dialog_submission` body, verified, as the core's invocation and the channel it was sent from. */
export function translateSubmission(body: unknown, signer: Signer): DialogSubmission {
  const sub = SubmissionSchema.parse(body);
  if (sub.cancelled) return { kind: 'cancelled' };
  const state = StateSchema.safeParse(safeJson(sub.state));
  if (
    !state.success ||
    !signer.verify(stateParts(sub.callback_id, state.data.x, sub.user_id), state.data.s)
  ) {
    return { kind: 'refused', user: sub.user_id };
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(sub.submission ?? {})) {
    values[name] = value === null || value === undefined ? '' : String(value);
  }
  return {
    kind: 'submitted',
    invocation: {
      user: { platform: 'mattermost', id: sub.user_id },
      formId: sub.callback_id,
      values,
      context: state.data.x,
    },
    channel: sub.channel_id,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
