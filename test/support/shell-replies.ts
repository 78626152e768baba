import type { FormOutcome } from '../../src/core/handler.js';
import { type Block, toPlainText } from '../../src/core/message.js';

const blockText = (block: Block): string =>
  block.kind === 'actions'
    ? block.buttons.map((b) => `[${toPlainText(b.label)}]`).join(' ')
    : 'text' in block && typeof block.text !== 'string'
      ? toPlainText(block.text)
      : '';

/** What a person reads of an answer: each block's text, buttons as `[label]`; a form's errors as `field: text`. */
export const seen = (reply: FormOutcome): string =>
  'errors' in reply
    ? Object.entries(reply.errors)
        .map(([field, text]) => `${field}: ${toPlainText(text)}`)
        .join('\n')
    : reply.message.blocks.map(blockText).join('\n');

/** Every post the local shell printed, with where it went (`#canal` or a person's name). */
export const shellPosts = (output: string): { to: string; text: string }[] =>
  output
    .split(/^── /m)
    .slice(1)
    .map((chunk) => {
      const [head = '', ...rest] = chunk.split('\n');
      return { to: head.replace(/ ──$/, ''), text: rest.join('\n') };
    });
