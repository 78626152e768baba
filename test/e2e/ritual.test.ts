import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderRitualSchema } from '../../src/core/ritual/ritual.js';
import { type ClockedChat, PLATFORMS, startClockedChat } from '../support/clocked-chat.js';
import { EIG, OTHERS } from '../support/clocked-slack.js';

const { claire } = OTHERS;
const { ines } = EIG;
const CAFE = ReminderRitualSchema.parse({
  id: 'cafe',
  kind: 'reminder',
  message: 'Café du lundi ☕ @channel',
  schedule: { days: ['lundi'], time: '09:45' },
});

describe.each(PLATFORMS)('a ritual made in chat, posted and managed on %s', (platform) => {
  let chat: ClockedChat;
  const run = () => chat.run('ritual', { ritualId: CAFE.id });

  beforeAll(async () => {
    chat = await startClockedChat(platform, {
      name: 'rituals',
      at: '2026-11-23T09:45:00+01:00',
      people: [claire],
    });
    await chat.bot.cohorte.services.rituals.saveChat(CAFE);
  });
  afterAll(async () => {
    await chat?.stop();
  });

  it('posts its message in the community channel at its time, once, never pinging the channel', async () => {
    expect(await run()).toBe('cafe: posted for 2026-11-23T08:45:00.000Z');
    expect(await run()).toBe('cafe: posted for 2026-11-23T08:45:00.000Z');
    const posts = chat.channelPosts('#eig-communaute');
    expect(posts.map((p) => p.text)).toEqual([expect.stringMatching(/^Café du lundi ☕ @\u200B?channel$/)]);
    if (platform === 'mattermost') expect(posts[0]?.text).not.toMatch(/@channel\b/);
  });

  it('/rituel sauter skips the next occurrence only; /rituel liste shows the dates after it; others are refused', async () => {
    const skipped = await chat.command(claire, 'rituel', 'sauter cafe');
    expect(skipped.ephemeral).toBe(true);
    expect(skipped.text).toContain('lundi 30 novembre');
    const refused = await chat.command(ines, 'rituel', 'sauter cafe');
    expect(refused.text).toBe(
      'Cette commande est réservée aux coordinateurs et coordinatrices du programme.',
    );

    chat.setTime('2026-11-30T09:45:00+01:00');
    expect(await run()).toBe('cafe: not an occurrence now');
    expect(chat.channelPosts('#eig-communaute')).toHaveLength(1);
    const listed = await chat.command(claire, 'rituel', 'liste');
    expect(listed.text).toContain('cafe');
    expect(listed.text).toContain('lundi 7 décembre');
  });
});
