import { type Block, type Button, type Message, toPlainText } from '../../core/message.js';
import { truncate } from '../../core/split-rich.js';
import { splitMrkdwn } from './slack-split.js';

/** Slack's Block Kit limits that rendering enforces (see test/fixtures/slack/block_kit_limits.json). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonsPerActions: 25,
  contextElements: 10,
  fallbackText: 3000,
} as const;

/** A Block Kit block as sent to Slack (kept loose: Slack's own types are wider than what we emit). */
export type SlackBlock = Record<string, unknown>;

/** One message as `chat.postMessage` or a command response takes it. */
export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

const plainText = (text: string, max: number) => ({
  type: 'plain_text',
  text: truncate(text, max) || ' ',
  emoji: true,
});
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text: text || ' ' });

const button = (b: Button, index: number): SlackBlock => ({
  type: 'button',
  // Slack wants action ids unique within a block; the adapter strips the `.n` suffix.
  action_id: `${b.actionId}.${index}`,
  text: plainText(toPlainText(b.label), SLACK_LIMITS.buttonText),
  value: b.value,
  ...(b.style ? { style: b.style } : {}),
});

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function section(block: Extract<Block, { kind: 'section' }>): SlackBlock[] {
  const sections: SlackBlock[] = splitMrkdwn(block.text, SLACK_LIMITS.sectionText).map((text) => ({
    type: 'section',
    text: mrkdwn(text),
  }));
  // A field over 2,000 characters becomes several fields in a row (joined back, it would be refused with
  // invalid_blocks); fields beyond Slack's 10 per section go on fields-only sections that follow, so none is dropped.
  const fields = (block.fields ?? []).flatMap((f) => splitMrkdwn(f, SLACK_LIMITS.fieldText).map(mrkdwn));
  chunks(fields, SLACK_LIMITS.sectionFields).forEach((group, i) => {
    const last = sections[sections.length - 1];
    if (i === 0 && last) last.fields = group;
    else sections.push({ type: 'section', fields: group });
  });
  return sections;
}

function renderBlock(block: Block): SlackBlock[] {
  switch (block.kind) {
    case 'header':
      return [{ type: 'header', text: plainText(toPlainText(block.text), SLACK_LIMITS.headerText) }];
    case 'section':
      return section(block);
    case 'context':
      return chunks(
        splitMrkdwn(block.text, SLACK_LIMITS.sectionText).map(mrkdwn),
        SLACK_LIMITS.contextElements,
      ).map((elements) => ({ type: 'context', elements }));
    case 'actions':
      return chunks(block.buttons, SLACK_LIMITS.buttonsPerActions).map((group, g) => ({
        type: 'actions',
        elements: group.map((b, j) => button(b, g * SLACK_LIMITS.buttonsPerActions + j)),
      }));
    case 'code':
      return splitMrkdwn([{ kind: 'plain', text: block.text }], SLACK_LIMITS.sectionText - 6).map((text) => ({
        type: 'section',
        text: mrkdwn(`\`\`\`${text}\`\`\``),
      }));
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/**
 * Renders a neutral message into one or more Slack messages, each within Block Kit's limits (50 blocks, 3,000
 * characters per section, 10 fields), with an escaped plain-text fallback for notifications.
 */
export function renderSlack(message: Message): SlackPayload[] {
  const blocks = message.blocks.flatMap(renderBlock);
  const text = splitMrkdwn(message.fallback, SLACK_LIMITS.fallbackText)[0] ?? '';
  const groups = chunks(blocks, SLACK_LIMITS.blocksPerMessage);
  return (groups.length ? groups : [[]]).map((group) => ({ text, blocks: group }));
}
