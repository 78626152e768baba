import { expect } from 'vitest';
import type { ChatPerson, ClockedChat, ClockedChatOptions, Place, SeenPost } from './clocked-chat.js';
import { EIG, startClockedSlack } from './clocked-slack.js';
import { buttonsOf, clickAndReply, postToBot, shown } from './slack-e2e.js';
import { slashCommandBody } from './slack-sign.js';

/** {@link ClockedChat} on the Slack double, driven as Slack drives the bot. */
export async function startClockedChatSlack(options: ClockedChatOptions): Promise<ClockedChat> {
  const people: ChatPerson[] = [...Object.values(EIG), ...(options.people ?? [])];
  const week = await startClockedSlack({ ...options, moreUsers: options.people ?? [] });
  const { double } = week;
  const emailOfId = (id: string) => people.find((p) => p.id === id)?.email ?? id;
  const seen = (message: { ts?: string; thread_ts?: string }): SeenPost => ({
    id: String(message.ts),
    thread: message.thread_ts,
    text: shown(message),
    buttons: buttonsOf(message).map((b) => b.label),
  });
  const posted = () => double.callsTo('chat.postMessage').filter((c) => c.status === 200 && !c.error);
  const messagesIn = (place: Place) => double.messages(typeof place === 'string' ? place : place.id);
  let responses = 0;
  return {
    platform: 'slack',
    bot: week.bot,
    setTime: week.setTime,
    run: week.run,
    stop: week.stop,
    async standup(person, text) {
      const answer = await week.standup(person.id, text);
      expect(answer.status).toBe(200);
      expect(answer.json?.response_type).toBe('ephemeral');
      return shown(answer.json);
    },
    async command(person, command, text) {
      const responseUrl = double.responseUrl(`command-${++responses}`);
      const body = slashCommandBody({ command: `/${command}`, text, userId: person.id, responseUrl });
      const answer = await postToBot(week.bot, body);
      expect(answer.status).toBe(200);
      return { ephemeral: answer.json?.response_type === 'ephemeral', text: shown(answer.json) };
    },
    async click(person, place, label) {
      const button = messagesIn(place)
        .flatMap((m) => buttonsOf(m))
        .filter((b) => b.label === label)
        .at(-1);
      if (!button) throw new Error(`no « ${label} » button in ${JSON.stringify(place)}`);
      const { reply } = await clickAndReply(week, person.id, button, `click-${++responses}`);
      return { text: shown(reply), replaced: reply.replace_original === true };
    },
    channelPosts: (name) => double.messages(name).map(seen),
    dmPosts: () =>
      posted()
        .filter((c) => String(c.args.channel).startsWith('D'))
        .map((c) => ({ ...seen({ ...c.args, ts: '' }), to: emailOfId(String(c.args.channel).slice(1)) })),
    dmOpened: () =>
      double
        .callsTo('conversations.open')
        .filter((c) => !String(c.args.users).includes(','))
        .map((c) => emailOfId(String(c.args.users))),
    groupsOpened: () =>
      double
        .callsTo('conversations.open')
        .filter((c) => String(c.args.users).includes(','))
        .map((c) => String(c.args.users).split(',').map(emailOfId).sort()),
    groupPosts: () =>
      posted()
        .filter((c) => String(c.args.channel).startsWith('G'))
        .map((c) => seen(c.args)),
    edits: () => double.callsTo('chat.update').filter((c) => c.status === 200 && !c.error).length,
    files: () =>
      double.files.map((f) => ({
        to: emailOfId(String(f.channel).slice(1)),
        text: f.initialComment ?? '',
        name: f.name,
        content: f.content,
      })),
    allPosts: () => posted().map((c) => seen(c.args)),
  };
}
