import type { Block, Button, Message } from '../../core/message.js';
import { toPlainText } from '../../core/message.js';

const renderBlock = (block: Block, buttons: Button[]): string[] => {
  switch (block.kind) {
    case 'header':
      return [toPlainText(block.text).toUpperCase()];
    case 'section':
      return [toPlainText(block.text), ...(block.fields ?? []).map((f) => `  ${toPlainText(f)}`)];
    case 'context':
      return [`  ${toPlainText(block.text)}`];
    case 'code':
      return [block.text];
    case 'divider':
      return ['────────'];
    case 'actions':
      return [
        block.buttons
          .map((b) => {
            buttons.push(b);
            return `[${buttons.length}] ${toPlainText(b.label)}`;
          })
          .join('   '),
      ];
  }
};

/** A message as terminal text; buttons are numbered (`:click n`) and returned in that order. */
export function renderShell(message: Message): { text: string; buttons: Button[] } {
  const buttons: Button[] = [];
  const text = message.blocks.flatMap((b) => renderBlock(b, buttons)).join('\n');
  return { text, buttons };
}
