import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Form, FormField } from '../../core/form.js';
import type { FormInvocation } from '../../core/handler.js';
import { toPlainText } from '../../core/message.js';
import { truncate } from '../../core/split-rich.js';

/** Modal limits (block_kit_limits.json): title and buttons 24 characters, labels 2,000, metadata 3,000. */
const LIMITS = { title: 24, label: 2000, option: 75, initial: 3000, metadata: 3000 } as const;

const plain = (text: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max) || ' ',
  emoji: true,
});

function element(field: FormField): types.InputBlock['element'] {
  if (field.kind === 'choice') {
    const options = (field.choices ?? []).map((c) => ({
      text: plain(c.label, LIMITS.option),
      value: c.value,
    }));
    const initial = options.find((o) => o.value === field.initial);
    return {
      type: 'static_select',
      action_id: 'value',
      options,
      ...(initial ? { initial_option: initial } : {}),
    };
  }
  return {
    type: 'plain_text_input',
    action_id: 'value',
    multiline: field.kind === 'multiline',
    ...(field.max ? { max_length: field.max } : {}),
    ...(field.initial ? { initial_value: field.initial.slice(0, LIMITS.initial) } : {}),
  };
}

/**
 * A form as a Slack modal. The channel it was opened from travels in `private_metadata` with the form's own
 * context, so the confirmation can be shown there.
 */
export function renderModal(form: Form, channel: string, cancel: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: form.formId,
    title: plain(toPlainText(form.title), LIMITS.title),
    submit: plain(toPlainText(form.submit), LIMITS.title),
    close: plain(cancel, LIMITS.title),
    private_metadata: JSON.stringify({ channel, context: form.context }).slice(0, LIMITS.metadata),
    blocks: form.fields.map((field) => ({
      type: 'input',
      block_id: field.id,
      optional: Boolean(field.optional),
      label: plain(toPlainText(field.label), LIMITS.label),
      element: element(field),
    })),
  };
}

const ValueSchema = z.looseObject({
  value: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
});
const ViewBodySchema = z.looseObject({
  user: z.looseObject({ id: z.string().min(1) }),
  view: z.looseObject({
    callback_id: z.string().min(1),
    private_metadata: z.string().default(''),
    state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), ValueSchema)) }),
  }),
});
const MetadataSchema = z.object({ channel: z.string(), context: z.string() });

/** A `view_submission` body as the core's invocation, and the channel the modal was opened from. */
export function translateViewSubmission(body: unknown): { invocation: FormInvocation; channel: string } {
  const { user, view } = ViewBodySchema.parse(body);
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(view.state.values)) {
    const answer = Object.values(actions)[0];
    values[blockId] = answer?.selected_option?.value ?? answer?.value ?? '';
  }
  const parsed = MetadataSchema.safeParse(safeJson(view.private_metadata));
  const meta = parsed.success ? parsed.data : { channel: '', context: view.private_metadata };
  return {
    invocation: {
      user: { platform: 'slack', id: user.id },
      formId: view.callback_id,
      values,
      context: meta.context,
    },
    channel: meta.channel,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
