import type { ChatCapabilities } from './chat-adapter.js';
import type { Form, FormField } from './form.js';
import type { Reply } from './handler.js';
import { type Block, type Button, type Message, type Rich, toPlainText } from './message.js';

/**
 * What a platform without forms does instead: the fields asked one by one in the conversation, one line per field;
 * an empty line keeps the proposed answer, a number picks a choice.
 */
export interface FormConversation {
  readonly form: Form;
  /** What to show before the next line: the field's label, its choices and its current answer. */
  prompt(): string;
  /** Takes one line; true when every field has an answer. */
  answer(line: string): boolean;
  values(): Record<string, string>;
  /** Asks again only the fields named, after the handler refused them. */
  retry(fieldIds: string[]): void;
}

function describe(field: FormField, current: string): string {
  const label = toPlainText(field.label);
  const choices = field.choices?.map((c, i) => `[${i + 1}] ${c.label}`).join('  ');
  // A choice's value may be its number: the proposed answer is shown as people read it.
  const shownCurrent = field.choices?.find((c) => c.value === current)?.label ?? current;
  const proposed = shownCurrent ? ` (${shownCurrent})` : '';
  return [`? ${label}${proposed}`, choices ? `  ${choices}` : ''].filter(Boolean).join('\n');
}

/** Starts asking `form` in the conversation, answers prefilled with each field's initial value. */
export function startFormConversation(form: Form): FormConversation {
  const values: Record<string, string> = Object.fromEntries(form.fields.map((f) => [f.id, f.initial ?? '']));
  let queue = [...form.fields];
  return {
    form,
    prompt: () => (queue[0] ? describe(queue[0], values[queue[0].id] ?? '') : ''),
    answer(line) {
      const field = queue.shift();
      if (!field) return true;
      const text = line.trim();
      const picked = field.choices?.[Number(text) - 1]?.value;
      if (text) values[field.id] = picked ?? text;
      return queue.length === 0;
    },
    values: () => ({ ...values }),
    retry(fieldIds) {
      queue = form.fields.filter((f) => fieldIds.includes(f.id));
    },
  };
}

/**
 * What a platform without buttons does instead: each row of buttons becomes one line of numbered choices
 * (`[1] Oui   [2] Non`), numbered across the whole message; `choices` are the buttons in that order, so that the
 * person's number picks one.
 */
export function numberedChoices(message: Message): { message: Message; choices: Button[] } {
  const choices: Button[] = [];
  const blocks = message.blocks.map((block): Block => {
    if (block.kind !== 'actions') return block;
    const line: Rich = [];
    for (const button of block.buttons) {
      choices.push(button);
      const label = `[${choices.length}] ${toPlainText(button.label)}`;
      line.push({ kind: 'plain', text: line.length ? `   ${label}` : label });
    }
    return { kind: 'section', text: line };
  });
  return { message: { ...message, blocks }, choices };
}

/** How a reply is shown on a platform, given what it can show. */
export type ShownReply =
  /** The platform opens the form itself (it has forms). */
  | { kind: 'form'; form: Form }
  /** The platform asks the form's fields in the conversation ({@link startFormConversation}). */
  | { kind: 'conversation'; form: Form }
  /** A message; without buttons, `choices` are its buttons, shown numbered in `message`. */
  | { kind: 'message'; message: Message; choices: Button[] };

/** Picks the fallbacks a reply needs on a platform with `capabilities`: the one place that reads them for replies. */
export function showReply(reply: Reply, capabilities: ChatCapabilities): ShownReply {
  if (reply.form) return { kind: capabilities.forms ? 'form' : 'conversation', form: reply.form };
  if (capabilities.buttons) return { kind: 'message', message: reply.message, choices: [] };
  return { kind: 'message', ...numberedChoices(reply.message) };
}
