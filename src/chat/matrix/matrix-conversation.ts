import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Form } from '../../core/form.js';
import { CANCEL, type FormConversation, startFormConversation } from '../../core/form-conversation.js';
import type { Reply } from '../../core/handler.js';
import type { Locale, Translate } from '../../core/i18n/index.js';
import type { ChatUser } from '../../core/ids.js';
import { type Message, plain, type Rich, textMessage, toPlainText } from '../../core/message.js';
import type { ChatState } from '../../core/ports.js';
import type { Router } from '../../core/router.js';
import { recordOf } from './matrix-schemas.js';

/** How long a conversation waits for an answer before it stops, saving nothing. */
export const CONVERSATION_TIMEOUT_MS = 15 * 60_000;
/** An expired conversation is remembered a day more, so a late answer is told why nothing happens. */
const REMEMBERED_MS = 24 * 3600_000;
/** A Matrix message cannot be empty: `.` stands for the empty line that keeps the proposed answer. */
const KEEP = '.';
const CONFIRM = new Set(['oui', 'yes', 'ok', 'envoyer', 'send']);

// Stored as written by this module; parsed back leniently (the form's own types are the core's).
const FillingSchema = z.object({
  form: z.custom<Form>((value) => typeof value === 'object' && value !== null),
  /** What was typed and what the handler refused, in order: replayed to rebuild the conversation. */
  steps: z.array(
    z.union([z.object({ line: z.string() }), z.object({ retry: z.record(z.string(), z.custom<Rich>()) })]),
  ),
  /** Every field answered: the summary waits for `oui`. */
  confirming: z.boolean(),
  roomId: z.string(),
  expiresAt: z.number(),
});
type Filling = z.infer<typeof FillingSchema>;

/** What an answer gave: messages to show, and the handler's reply once the form was submitted. */
export interface Step {
  messages: Message[];
  reply?: Reply;
}

const say = (...texts: string[]): Message => textMessage(...texts.filter(Boolean).map((text) => plain(text)));

/**
 * Forms as a conversation in the person's DM, with the core's line-by-line form (the one every platform without
 * forms uses): one question at a time with its help and limits, an invalid answer asking that field again. Matrix
 * adds a summary to confirm with `oui` (or the number of a question to change it), `annuler` as well as
 * `:annuler`, `.` for the empty line, and an expiry after {@link CONVERSATION_TIMEOUT_MS} without an answer, told
 * at the next message. The conversation lives in Redis as the lines typed, replayed: a restart loses nothing.
 */
export function createConversations(deps: {
  state: ChatState;
  clock: Clock;
  router: Router;
  locale: Locale;
}) {
  const nameOf = (userId: string) => `matrix:form:${userId}`;
  const minutes = CONVERSATION_TIMEOUT_MS / 60_000;
  const save = (userId: string, filling: Filling) =>
    deps.state.set(
      nameOf(userId),
      JSON.stringify({ ...filling, expiresAt: deps.clock.now().getTime() + CONVERSATION_TIMEOUT_MS }),
      CONVERSATION_TIMEOUT_MS + REMEMBERED_MS,
    );
  const rebuild = (filling: Filling): FormConversation => {
    const conversation = startFormConversation(filling.form, deps.locale);
    for (const step of filling.steps) {
      if ('line' in step) conversation.answer(step.line);
      else conversation.retry(step.retry);
    }
    return conversation;
  };

  function summary(filling: Filling, conversation: FormConversation, t: Translate): Message {
    const values = conversation.values();
    const lines = filling.form.fields.map((field, i): Rich => {
      const value = values[field.id] ?? '';
      const shown = field.choices?.find((c) => c.value === value)?.label ?? value;
      return [
        { kind: 'plain', text: `${i + 1}. ` },
        { kind: 'bold', text: toPlainText(field.label) },
        { kind: 'plain', text: ` : ${shown || '—'}` },
      ];
    });
    return textMessage(t('chat.formSummary'), ...lines, t('chat.formConfirm'));
  }

  async function submit(user: ChatUser, filling: Filling, conversation: FormConversation): Promise<Step> {
    const { formId, context } = filling.form;
    const outcome = await deps.router.form({ user, formId, values: conversation.values(), context });
    if (!('errors' in outcome)) {
      await deps.state.delete(nameOf(user.id));
      return { messages: [], reply: outcome };
    }
    const why = conversation.retry(outcome.errors);
    await save(user.id, {
      ...filling,
      steps: [...filling.steps, { retry: outcome.errors }],
      confirming: false,
    });
    return { messages: [say(...why, conversation.prompt())] };
  }

  return {
    /** Starts filling `form` in `roomId` (the person's DM): the introduction and the first question. */
    async start(userId: string, roomId: string, form: Form, t: Translate): Promise<Message[]> {
      const filling: Filling = { form, steps: [], confirming: false, roomId, expiresAt: 0 };
      await save(userId, filling);
      const intro = t('chat.formStart', { title: form.title, count: form.fields.length, minutes });
      return [textMessage(intro), say(rebuild(filling).prompt())];
    },

    /** Takes one message of `user` in `roomId`; undefined when no conversation is going on there. */
    async answer(user: ChatUser, roomId: string, text: string, t: Translate): Promise<Step | undefined> {
      const filling = recordOf(FillingSchema, await deps.state.get(nameOf(user.id)));
      if (filling?.roomId !== roomId) return undefined;
      if (filling.expiresAt <= deps.clock.now().getTime()) {
        await deps.state.delete(nameOf(user.id));
        return { messages: [textMessage(t('chat.formExpired', { title: filling.form.title, minutes }))] };
      }
      const typed = text.trim();
      if (typed.toLowerCase() === 'annuler' || typed === CANCEL) {
        await deps.state.delete(nameOf(user.id));
        return { messages: [textMessage(t('chat.form.cancelled'))] };
      }
      const conversation = rebuild(filling);
      if (filling.confirming) {
        if (CONFIRM.has(typed.toLowerCase())) return submit(user, filling, conversation);
        const field = filling.form.fields[Number(typed) - 1];
        if (!field || !/^\d+$/.test(typed)) {
          await save(user.id, filling);
          return { messages: [summary(filling, conversation, t)] };
        }
        // Asked again as after a refusal, without a reason to show.
        conversation.retry({ [field.id]: [] });
        const next = {
          ...filling,
          steps: [...filling.steps, { retry: { [field.id]: [] } }],
          confirming: false,
        };
        await save(user.id, next);
        return { messages: [say(conversation.prompt())] };
      }
      const line = typed === KEEP ? '' : text;
      const step = conversation.answer(line);
      const next = { ...filling, steps: [...filling.steps, { line }], confirming: step.kind === 'done' };
      await save(user.id, next);
      switch (step.kind) {
        case 'done':
          return { messages: [summary(next, conversation, t)] };
        case 'refused':
          return { messages: [say(step.why, conversation.prompt())] };
        case 'cancelled':
          await deps.state.delete(nameOf(user.id));
          return { messages: [textMessage(t('chat.form.cancelled'))] };
        case 'next': {
          const prompt = conversation.prompt();
          return { messages: prompt ? [say(prompt)] : [] };
        }
      }
    },
  };
}

/** The conversations of a deployment. */
export type Conversations = ReturnType<typeof createConversations>;
