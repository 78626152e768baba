import type { Block, Button, Inline, Message, Rich } from '../../core/message.js';

/** Slack's Block Kit limits that rendering enforces (see test/fixtures/slack/block_kit_limits.json). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
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

/** Escapes the three characters Slack reads as markup in mrkdwn; `<!channel>` typed by someone stays text. */
export const escapeMrkdwn = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function inlineToMrkdwn(piece: Inline): string {
  const text = escapeMrkdwn(piece.text);
  // Slack only formats *x* when no space touches the markers, so spaces stay outside them.
  const wrap = (marker: string) => {
    const trimmed = text.trim();
    if (!trimmed) return text;
    const lead = text.slice(0, text.indexOf(trimmed));
    return `${lead}${marker}${trimmed}${marker}${text.slice(lead.length + trimmed.length)}`;
  };
  switch (piece.kind) {
    case 'plain':
      return text;
    case 'bold':
      return wrap('*');
    case 'italic':
      return wrap('_');
    case 'code':
      return wrap('`');
    case 'link':
      return `<${encodeURI(piece.url).replaceAll('|', '%7C').replaceAll('>', '%3E')}|${text}>`;
  }
}

/** A rich run as Slack mrkdwn, every piece of text escaped. */
export const toMrkdwn = (rich: Rich): string => rich.map(inlineToMrkdwn).join('');

const plainText = (text: string, max: number) => ({
  type: 'plain_text',
  text: text.length > max ? `${text.slice(0, max - 1)}…` : text || ' ',
  emoji: true,
});
const plainOf = (rich: Rich) => rich.map((p) => p.text).join('');

/** Cuts text into pieces of at most `max` characters, at a line break when there is one. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf('\n', max);
    const at = cut > max / 2 ? cut : max;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  parts.push(rest);
  return parts;
}

const button = (b: Button, index: number): SlackBlock => ({
  type: 'button',
  // Slack wants action ids unique within a message; the router strips the `.n` suffix.
  action_id: `${b.actionId}.${index}`,
  text: plainText(plainOf(b.label), SLACK_LIMITS.buttonText),
  value: b.value,
  ...(b.style ? { style: b.style } : {}),
});

function renderBlock(block: Block): SlackBlock[] {
  switch (block.kind) {
    case 'header':
      return [{ type: 'header', text: plainText(plainOf(block.text), SLACK_LIMITS.headerText) }];
    case 'section': {
      const sections: SlackBlock[] = splitText(toMrkdwn(block.text), SLACK_LIMITS.sectionText).map(
        (text) => ({
          type: 'section',
          text: { type: 'mrkdwn', text: text || ' ' },
        }),
      );
      const last = sections[sections.length - 1];
      if (block.fields?.length && last) {
        last.fields = block.fields
          .slice(0, 10)
          .map((f) => ({ type: 'mrkdwn', text: toMrkdwn(f).slice(0, 2000) }));
      }
      return sections;
    }
    case 'context':
      return [{ type: 'context', elements: [{ type: 'mrkdwn', text: toMrkdwn(block.text).slice(0, 3000) }] }];
    case 'actions': {
      const groups: SlackBlock[] = [];
      for (let i = 0; i < block.buttons.length; i += SLACK_LIMITS.buttonsPerActions) {
        const slice = block.buttons.slice(i, i + SLACK_LIMITS.buttonsPerActions);
        groups.push({ type: 'actions', elements: slice.map((b, j) => button(b, i + j)) });
      }
      return groups;
    }
    case 'code':
      return splitText(escapeMrkdwn(block.text), SLACK_LIMITS.sectionText - 8).map((text) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: `\`\`\`${text}\`\`\`` },
      }));
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/**
 * Renders a neutral message into one or more Slack messages, each within Block Kit's limits (50 blocks, 3,000
 * characters per section), with an escaped plain-text fallback for notifications.
 */
export function renderSlack(message: Message): SlackPayload[] {
  const blocks = message.blocks.flatMap(renderBlock);
  const text = splitText(toMrkdwn(message.fallback), SLACK_LIMITS.fallbackText)[0] ?? '';
  const payloads: SlackPayload[] = [];
  for (let i = 0; i < blocks.length || i === 0; i += SLACK_LIMITS.blocksPerMessage) {
    payloads.push({ text, blocks: blocks.slice(i, i + SLACK_LIMITS.blocksPerMessage) });
  }
  return payloads;
}
