import { expect } from 'vitest';
import type { ChatE2e, Clicked, PersonKey, Seen } from './chat-e2e.js';
import {
  buttonsOf,
  clickAndReply,
  PEOPLE,
  type SlackAnswer,
  shown,
  command as slackCommand,
  startSlackE2e,
} from './slack-e2e.js';

/** Slack's escapes as a person reads them. */
const decodeEntities = (text: string) =>
  text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The bot on the Slack double, driven as Slack drives it. */
export async function slackE2e(name: string): Promise<ChatE2e> {
  const e2e = await startSlackE2e(name);
  const { double } = e2e;
  let clicks = 0;
  const clickAs = async (
    person: PersonKey,
    action: { actionId: string; value: string },
  ): Promise<Clicked> => {
    const id = `click-${++clicks}`;
    const { ack, reply } = await clickAndReply(e2e, PEOPLE[person].id, action, id);
    expect(double.responses(id)).toHaveLength(1);
    return {
      status: ack.status,
      ms: ack.ms,
      text: decodeEntities(shown(reply)),
      replaced: reply.replace_original === true,
    };
  };
  const seen = (answer: SlackAnswer): Seen => ({
    status: answer.status,
    ephemeral: answer.json?.response_type === 'ephemeral',
    text: decodeEntities(shown(answer.json)),
    ms: answer.ms,
    buttons: buttonsOf(answer.json).map((b) => ({ label: b.label, click: (person) => clickAs(person, b) })),
  });
  return {
    platform: 'slack',
    prefix: '/',
    bot: e2e.bot,
    async cohorte(person, text) {
      const typed = text.replace(/\{(\w+)\}/g, (_, key: PersonKey) => `<@${PEOPLE[key].id}|${key}>`);
      return seen(await slackCommand(e2e, PEOPLE[person].id, typed));
    },
    email: (address) => `<mailto:${address}|${address}>`,
    lookups: (person) => double.callsTo('users.info').filter((c) => c.args.user === PEOPLE[person].id).length,
    files: () =>
      double.files.map((f) => ({
        to: Object.values(PEOPLE).find((p) => `D${p.id}` === f.channel)?.email ?? String(f.channel),
        name: f.name,
        content: f.content,
      })),
    dmTexts: (person) => double.messages(PEOPLE[person].id).map((m) => String(m.text)),
    userId: (person) => PEOPLE[person].id,
    clickUnknown: (person) => clickAs(person, { actionId: 'inconnu.0', value: 'yes' }),
    stop: e2e.stop,
  };
}
