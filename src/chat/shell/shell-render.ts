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

/** A message as terminal text; buttons are numbered (`:click n`) and returned in that order. */
export function renderShell(message: Message): { text: string; buttons: Button[] } {
  const numbered = numberedChoices(message);
  const text = numbered.message.blocks.flatMap(renderBlock).join('\n');
  return { text, buttons: numbered.choices };
}
