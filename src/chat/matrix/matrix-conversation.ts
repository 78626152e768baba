import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Form, FormField } from '../../core/form.js';
import type { Reply } from '../../core/handler.js';
import type { Translate } from '../../core/i18n/index.js';
import type { ChatUser } from '../../core/ids.js';
import { type Message, plain, type Rich, textMessage, toPlainText } from '../../core/message.js';
import type { ChatState } from '../../core/ports.js';
import type { Router } from '../../core/router.js';

/** How long a conversation waits for an answer before it stops, saving nothing. */
export const CONVERSATION_TIMEOUT_MS = 15 * 60_000;
/** An expired conversation is remembered a day more, so a late answer is told why nothing happens. */
const REMEMBERED_MS = 24 * 3600_000;
const CANCEL = new Set(['annuler', 'cancel', 'stop']);
const CONFIRM = new Set(['oui', 'yes', 'ok', 'envoyer', 'send']);

const RichSchema = z.array(
  z.looseObject({ kind: z.string(), text: z.string() }),
) as unknown as z.ZodType<Rich>;
const FieldSchema = z.looseObject({
  id: z.string(),
  label: RichSchema,
  kind: z.enum(['text', 'multiline', 'choice']),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  initial: z.string().optional(),
  max: z.number().optional(),
  optional: z.boolean().optional(),
}) as unknown as z.ZodType<FormField>;
const FormSchema = z.object({
  formId: z.string(),
  title: RichSchema,
  submit: RichSchema,
  fields: z.array(FieldSchema),
  context: z.string(),
}) as unknown as z.ZodType<Form>;
const FillingSchema = z.object({
  form: FormSchema,
  values: z.record(z.string(), z.string()),
  /** Field ids still to ask, the first one being asked now; empty while the summary waits for `oui`. */
  queue: z.array(z.string()),
  roomId: z.string(),
  expiresAt: z.number(),
});
type Filling = z.infer<typeof FillingSchema>;

/** What an answer gave: messages to show, and the handler's reply once the form was submitted. */
export interface Step {
  messages: Message[];
  reply?: Reply;
}

const line = (...pieces: Rich[]): Rich => pieces.flat();

/**
 * Forms as a conversation in the person's DM (Matrix has no forms): one question at a time with its help and
 * limits, `annuler` to stop, a summary to confirm with `oui`, the number of a question to change it. An invalid
 * answer (too long, not a choice, missing) asks that field again; a refusal by the handler asks again only the
 * fields it named, every other answer kept. Without an answer for {@link CONVERSATION_TIMEOUT_MS}, it stops and
 * says so at the next message.
 */
export function createConversations(deps: { state: ChatState; clock: Clock; router: Router }) {
  const nameOf = (userId: string) => `matrix:form:${userId}`;
  const minutes = CONVERSATION_TIMEOUT_MS / 60_000;
  const save = (userId: string, filling: Filling) =>
    deps.state.set(
      nameOf(userId),
      JSON.stringify({ ...filling, expiresAt: deps.clock.now().getTime() + CONVERSATION_TIMEOUT_MS }),
      CONVERSATION_TIMEOUT_MS + REMEMBERED_MS,
    );

  function question(filling: Filling, t: Translate): Message {
    const { fields } = filling.form;
    const field = fields.find((f) => f.id === filling.queue[0]) as FormField;
    const lines: Rich[] = [
      t('chat.formQuestion', { n: fields.indexOf(field) + 1, count: fields.length, label: field.label }),
    ];
    field.choices?.forEach((choice, i) => {
      lines.push(plain(`${i + 1}. ${choice.label}`));
    });
    if (field.optional) lines.push(t('chat.formOptional'));
    if (field.max && field.kind !== 'choice') lines.push(t('chat.formMax', { max: field.max }));
    const current = filling.values[field.id];
    if (current) {
      const shown = field.choices?.find((c) => c.value === current)?.label ?? current;
      lines.push(t('chat.formProposed', { value: shown }));
    }
    return textMessage(...lines);
  }

  function summary(filling: Filling, t: Translate): Message {
    const lines = filling.form.fields.map((field, i) => {
      const value = filling.values[field.id] ?? '';
      const shown = field.choices?.find((c) => c.value === value)?.label ?? value;
      return line(
        plain(`${i + 1}. `),
        [{ kind: 'bold', text: toPlainText(field.label) }],
        plain(` : ${shown || '—'}`),
      );
    });
    return textMessage(t('chat.formSummary'), ...lines, t('chat.formConfirm'));
  }

  /** The field's value for `text`, or the reason it cannot be one. */
  function parseAnswer(field: FormField, text: string, current: string | undefined, t: Translate) {
    if (text === '.' && current) return { value: current };
    if (text === '-' && field.optional) return { value: '' };
    if (field.choices) {
      const byNumber = field.choices[Number(text) - 1];
      const byLabel = field.choices.find((c) => c.label.toLowerCase() === text.toLowerCase());
      const picked = /^\d+$/.test(text) ? byNumber : byLabel;
      return picked
        ? { value: picked.value }
        : { error: t('chat.formBadChoice', { max: field.choices.length }) };
    }
    if (field.max && text.length > field.max)
      return { error: t('chat.formTooLong', { length: text.length, max: field.max }), echo: text };
    return { value: text };
  }

  async function submit(user: ChatUser, filling: Filling, t: Translate): Promise<Step> {
    const { formId, context } = filling.form;
    const outcome = await deps.router.form({ user, formId, values: filling.values, context });
    if (!('errors' in outcome)) {
      await deps.state.delete(nameOf(user.id));
      return { messages: [], reply: outcome };
    }
    const refused = filling.form.fields.filter((f) => f.id in outcome.errors).map((f) => f.id);
    const next = { ...filling, queue: refused };
    await save(user.id, next);
    return { messages: [textMessage(...Object.values(outcome.errors)), question(next, t)] };
  }

  return {
    /** Starts filling `form` in `roomId` (the person's DM): the introduction and the first question. */
    async start(userId: string, roomId: string, form: Form, t: Translate): Promise<Message[]> {
      const values = Object.fromEntries(form.fields.map((f) => [f.id, f.initial ?? '']));
      const filling: Filling = { form, values, queue: form.fields.map((f) => f.id), roomId, expiresAt: 0 };
      await save(userId, filling);
      const intro = t('chat.formStart', { title: form.title, count: form.fields.length, minutes });
      return [textMessage(intro), question(filling, t)];
    },

    /** Takes one message of `user` in `roomId`; undefined when no conversation is going on there. */
    async answer(user: ChatUser, roomId: string, text: string, t: Translate): Promise<Step | undefined> {
      const raw = await deps.state.get(nameOf(user.id));
      const parsed = raw ? FillingSchema.safeParse(JSON.parse(raw)) : undefined;
      if (!parsed?.success || parsed.data.roomId !== roomId) return undefined;
      const filling = parsed.data;
      if (filling.expiresAt <= deps.clock.now().getTime()) {
        await deps.state.delete(nameOf(user.id));
        return { messages: [textMessage(t('chat.formExpired', { title: filling.form.title, minutes }))] };
      }
      const typed = text.trim();
      if (CANCEL.has(typed.toLowerCase())) {
        await deps.state.delete(nameOf(user.id));
        return { messages: [textMessage(t('chat.formCancelled'))] };
      }
      const [asked] = filling.queue;
      const field = filling.form.fields.find((f) => f.id === asked);
      if (!field) {
        if (CONFIRM.has(typed.toLowerCase())) return submit(user, filling, t);
        const again = filling.form.fields[Number(typed) - 1];
        const next = again ? { ...filling, queue: [again.id] } : filling;
        await save(user.id, next);
        return { messages: [again ? question(next, t) : summary(filling, t)] };
      }
      const result = parseAnswer(field, typed, filling.values[field.id], t);
      const value = 'value' in result ? result.value : undefined;
      if (value === undefined || (value === '' && !field.optional)) {
        const error = ('error' in result ? result.error : undefined) ?? t('chat.formRequired');
        await save(user.id, filling);
        const echo = 'echo' in result && result.echo ? [textMessage(plain(result.echo))] : [];
        return { messages: [textMessage(error), ...echo, question(filling, t)] };
      }
      const values: Record<string, string> = { ...filling.values, [field.id]: value };
      const next = { ...filling, values, queue: filling.queue.slice(1) };
      await save(user.id, next);
      return { messages: [next.queue.length > 0 ? question(next, t) : summary(next, t)] };
    },
  };
}

/** The conversations of a deployment. */
export type Conversations = ReturnType<typeof createConversations>;
