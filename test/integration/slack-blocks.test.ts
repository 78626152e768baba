import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSlack } from '../../src/chat/slack/slack-render.js';
import { type Message, plain } from '../../src/core/message.js';
import { LIMITS } from '../support/block-kit-limits.js';
import { type SlackDouble, startSlackDouble } from '../support/slack-double.js';

/** The text of every field of the posted messages, in order. */
const postedFields = (double: SlackDouble, channel: string): string[] =>
  double
    .messages(channel)
    .flatMap((m) => (m.blocks as { fields?: { text: string }[] }[]).flatMap((b) => b.fields ?? []))
    .map((f) => f.text);

/**
 * Section fields at and past Slack's limits (2,000 characters per field, 10 fields per section), rendered by the
 * Slack renderer and posted through the real WebClient to the double, which refuses invalid blocks as Slack does.
 */
describe('section fields longer than Slack allows', () => {
  let double: SlackDouble;
  let client: WebClient;
  beforeAll(async () => {
    double = await startSlackDouble();
    client = new WebClient('xoxb-fields', {
      slackApiUrl: double.url,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
  });
  afterAll(() => double.close());

  const post = async (channel: string, message: Message) => {
    for (const payload of renderSlack(message)) await client.chat.postMessage({ channel, ...payload });
  };

  it('posts a 5,000-character field as several fields in a row, every character kept', async () => {
    const long = Array.from({ length: 500 }, (_, i) => `mot${String(i).padStart(5, '0')}`).join(' ');
    expect(long.length).toBeGreaterThan(2 * LIMITS.fieldText);
    await post('C0LONGFIELD', {
      fallback: plain('Réponses'),
      blocks: [{ kind: 'section', text: plain('Stand-up'), fields: [plain('Lieu'), plain(long)] }],
    });
    const fields = postedFields(double, 'C0LONGFIELD');
    expect(fields[0]).toBe('Lieu');
    expect(fields.slice(1).every((text) => text.length <= LIMITS.fieldText)).toBe(true);
    expect(fields.slice(1).join('')).toBe(long);
  });

  it('spreads ten long fields over several sections of at most ten fields', async () => {
    const fields = Array.from({ length: 10 }, (_, i) => plain(`${i}:${'x'.repeat(2500)}`));
    await post('C0TENFIELDS', {
      fallback: plain('x'),
      blocks: [{ kind: 'section', text: plain('t'), fields }],
    });
    const posted = postedFields(double, 'C0TENFIELDS');
    expect(posted.join('')).toBe(fields.map((f) => f[0]?.text).join(''));
    const sections = double.messages('C0TENFIELDS').flatMap((m) => m.blocks as { fields?: unknown[] }[]);
    expect(sections.every((b) => (b.fields?.length ?? 0) <= LIMITS.fields)).toBe(true);
  });
});
