import type { ChatCapabilities } from './chat-adapter.js';
import type { Form } from './form.js';
import type { Reply } from './handler.js';
import { type Block, type Button, type Message, type Rich, toPlainText } from './message.js';

/**
 * What a platform without buttons does instead: each row of buttons becomes one line of numbered choices
 * (`[1] Oui   [2] Non`), numbered across the whole message (or `numbers[i]` for the i-th button, when the
 * platform numbers them its own way); `choices` are the buttons in that order, so that the number picks one.
 */
export function numberedChoices(
  message: Message,
  numbers?: readonly number[],
): { message: Message; choices: Button[] } {
  const choices: Button[] = [];
  const blocks = message.blocks.map((block): Block => {
    if (block.kind !== 'actions') return block;
    const line: Rich = [];
    for (const button of block.buttons) {
      choices.push(button);
      const label = `[${numbers?.[choices.length - 1] ?? choices.length}] ${toPlainText(button.label)}`;
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
  /** The platform asks the form's fields in the conversation (`startFormConversation`). */
  | { kind: 'conversation'; form: Form }
  /** A message; without buttons, `choices` are its buttons, shown numbered in `message`. */
  | { kind: 'message'; message: Message; choices: Button[] };

/** Picks the fallbacks a reply needs on a platform with `capabilities`: the one place that reads them for replies. */
export function showReply(reply: Reply, capabilities: ChatCapabilities): ShownReply {
  if (reply.form) return { kind: capabilities.forms ? 'form' : 'conversation', form: reply.form };
  if (capabilities.buttons) return { kind: 'message', message: reply.message, choices: [] };
  return { kind: 'message', ...numberedChoices(reply.message) };
}
