import { numberedChoices } from '../../core/fallback.js';
import type { Block, Button, Message, Rich } from '../../core/message.js';
import { toPlainText } from '../../core/message.js';

/** Rich text for a terminal: a link shows its address after its text, since nothing can be clicked. */
const shellText = (rich: Rich): string =>
  rich.map((piece) => (piece.kind === 'link' ? `${piece.text} <${piece.url}>` : piece.text)).join('');

const renderBlock = (block: Block): string[] => {
  switch (block.kind) {
    case 'header':
      return [toPlainText(block.text).toUpperCase()];
    case 'section':
      return [shellText(block.text), ...(block.fields ?? []).map((f) => `  ${shellText(f)}`)];
    case 'context':
      return [`  ${shellText(block.text)}`];
    case 'code':
      return [block.text];
    case 'divider':
      return ['────────'];
    case 'actions':
      // Numbered into a section by numberedChoices before rendering: a terminal has nothing to click.
      return [];
  }
};

/** A message's buttons, in the order they are shown. */
export const buttonsOf = (message: Message): Button[] =>
  message.blocks.flatMap((block) => (block.kind === 'actions' ? block.buttons : []));

/**
 * A message as terminal text; buttons show their number (`:click n`): `numbers[i]` for the i-th button, or i + 1
 * without numbers. Returns the buttons in that order.
 */
export function renderShell(
  message: Message,
  numbers?: readonly number[],
): { text: string; buttons: Button[] } {
  const numbered = numberedChoices(message, numbers);
  const text = numbered.message.blocks.flatMap(renderBlock).join('\n');
  return { text, buttons: numbered.choices };
}
