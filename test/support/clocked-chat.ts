import { expect } from 'vitest';
import { startClockedChatMatrix } from './clocked-chat-matrix.js';
import { startClockedChatMattermost } from './clocked-chat-mattermost.js';
import { startClockedChatSlack } from './clocked-chat-slack.js';
import { EIG } from './clocked-slack.js';
import type { RunningCohorte } from './cohorte.js';
import { createJobRunner, type JobRunner } from './job-runner.js';

/** The platforms a feature's end-to-end test runs on. */
export const PLATFORMS = ['slack', 'mattermost', 'matrix'] as const;
export type ChatPlatform = (typeof PLATFORMS)[number];

/** A person of {@link EIG}. */
export type EigPerson = (typeof EIG)[keyof typeof EIG];

/** A member of the chat: {@link EIG} or one of the `people` a test adds (mentors, alumni, coordinators). */
export interface ChatPerson {
  id: string;
  email: string;
  name: string;
}

/** A post as a person sees it, whatever the platform: text with Slack-style markers (`*gras*`, `_italique_`). */
export interface SeenPost {
  id: string;
  /** The id of the post it answers in a thread. */
  thread: string | undefined;
  text: string;
  buttons: string[];
}

/** What a person sees right after typing a command: whether only they see it, and its text. */
export interface CommandAnswer {
  ephemeral: boolean;
  text: string;
}

/** What a click gave the person who clicked: the text shown, and whether it replaced the clicked message. */
export interface ClickAnswer {
  text: string;
  replaced: boolean;
}

/** Where a post is: a channel named as in community.yml (`#eig-communaute`), or a person's DM with the bot. */
export type Place = string | ChatPerson;

/** The real bot on a platform double, reading a clock the test sets and running jobs when told. */
export interface ClockedChat {
  platform: ChatPlatform;
  bot: RunningCohorte;
  setTime(at: string | Date): void;
  /** `/standup <text>` typed by `person`: what the ephemeral answer shows. */
  standup(person: EigPerson, text: string): Promise<string>;
  /** `/<command> <text>` typed by `person`. */
  command(person: ChatPerson, command: string, text: string): Promise<CommandAnswer>;
  /** `person` clicks the button labelled `label` on the latest post of `place` that has one. */
  click(person: ChatPerson, place: Place, label: string): Promise<ClickAnswer>;
  run(name: string, data: Record<string, unknown>): Promise<string>;
  /** Posts in a channel named as in community.yml (`#defi-lexiq`), oldest first, updates applied. */
  channelPosts(name: string): SeenPost[];
  /** Posts the bot sent in DMs, with the e-mail of the person each went to. */
  dmPosts(): (SeenPost & { to: string })[];
  /** E-mails of the people whose DM the bot opened, once per opening. */
  dmOpened(): string[];
  /** The e-mails (sorted) of the people of each group conversation the bot opened, once per opening. */
  groupsOpened(): string[][];
  /** Posts in group conversations (several people and the bot), oldest first. */
  groupPosts(): SeenPost[];
  /** How many times the bot edited a post in place (Slack `chat.update`, Mattermost `PUT /posts/{id}/patch`). */
  edits(): number;
  /** Files the bot sent in DMs: the e-mail of the person each went to, the text that came with it, the file. */
  files(): { to: string; text: string; name: string; content: string }[];
  /** Every post the bot made anywhere. */
  allPosts(): SeenPost[];
  stop(): Promise<void>;
}

/** What {@link startClockedChat} takes. */
export interface ClockedChatOptions {
  name: string;
  at: string;
  communityFile?: string;
  /** Members beyond {@link EIG}. */
  people?: ChatPerson[];
}

/** A clock the test sets: `now` for the bot, `setTime` for {@link ClockedChat.setTime}. */
export function settableClock(at: string) {
  let current = new Date(at);
  return {
    now: () => current,
    setTime(to: string | Date) {
      current = new Date(to);
    },
  };
}

/**
 * Starts a platform's double (`start`, its e2e harness) with {@link EIG} and the test's `people` as accounts
 * (`accountOf`), and Cohorte on it reading a {@link settableClock}; with the job runner the test drives.
 */
export async function startOnDouble<Account, E2e extends { bot: RunningCohorte }>(
  options: ClockedChatOptions,
  start: (
    name: string,
    env: Record<string, string>,
    double: { users: Account[]; clock: { now(): Date }; communityFile?: string },
  ) => Promise<E2e>,
  accountOf: (person: ChatPerson) => Account,
) {
  const people: ChatPerson[] = [...Object.values(EIG), ...(options.people ?? [])];
  const clock = settableClock(options.at);
  const e2e = await start(
    options.name,
    {},
    {
      users: people.map(accountOf),
      clock: { now: clock.now },
      ...(options.communityFile ? { communityFile: options.communityFile } : {}),
    },
  );
  return { people, clock, e2e, runner: await createJobRunner(e2e.bot) };
}

/** What each platform's {@link ClockedChat} defines on its own; {@link clockedChat} adds the rest. */
export type PlatformChat = Omit<ClockedChat, 'platform' | 'bot' | 'setTime' | 'run' | 'stop' | 'standup'>;

/**
 * A {@link ClockedChat} on a platform double (its e2e harness, `double.offSpec` listing what the double saw off the
 * platform's spec): stopping checks nothing went off spec, `/standup` goes through the platform's own `command`.
 */
export function clockedChat(
  platform: ChatPlatform,
  e2e: { bot: RunningCohorte; double: { offSpec: unknown[] }; stop(): Promise<void> },
  runner: JobRunner,
  clock: ReturnType<typeof settableClock>,
  own: PlatformChat,
): ClockedChat {
  const chat: ClockedChat = {
    ...own,
    platform,
    bot: e2e.bot,
    setTime: clock.setTime,
    run: runner.run,
    async stop() {
      expect(e2e.double.offSpec).toEqual([]);
      await runner.close();
      await e2e.stop();
    },
    async standup(person, text) {
      const answer = await chat.command(person, 'standup', text);
      expect(answer.ephemeral).toBe(true);
      return answer.text;
    },
  };
  return chat;
}

/** Starts Cohorte on `platform` with {@link EIG} as its members and a clock set at `at`; job schedulers removed. */
export function startClockedChat(platform: ChatPlatform, options: ClockedChatOptions): Promise<ClockedChat> {
  if (platform === 'matrix') return startClockedChatMatrix(options);
  return platform === 'slack' ? startClockedChatSlack(options) : startClockedChatMattermost(options);
}
