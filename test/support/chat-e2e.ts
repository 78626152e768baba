import { matrixE2e } from './chat-e2e-matrix.js';
import { mattermostE2e } from './chat-e2e-mattermost.js';
import { slackE2e } from './chat-e2e-slack.js';
import { PLATFORMS } from './clocked-chat.js';
import type { RunningCohorte } from './cohorte.js';
import type { MM_PEOPLE } from './mattermost-e2e.js';
import type { PEOPLE } from './slack-e2e.js';

/** The test people, known by the same key on every platform. */
export type PersonKey = keyof typeof PEOPLE & keyof typeof MM_PEOPLE;

/** What a person sees of an answer, whatever the platform, in Slack's markers with entities decoded. */
export interface Seen {
  status: number;
  ephemeral: boolean;
  text: string;
  ms: number;
  /** The answer's buttons, each clickable by anyone. */
  buttons: ChatButton[];
}

/** A button of an answer: its label, and a click by someone, resolving with what that person then sees. */
export interface ChatButton {
  label: string;
  click(person: PersonKey): Promise<Clicked>;
}

/** What a click gave: the platform's acknowledgement and the reply shown afterwards. */
export interface Clicked {
  status: number;
  ms: number;
  text: string;
  /** Whether the reply replaced the clicked message. */
  replaced: boolean;
}

/** The platforms the command and button tests run on: those of {@link PLATFORMS}. */
export const CHAT_PLATFORMS = PLATFORMS;
export type ChatE2ePlatform = (typeof CHAT_PLATFORMS)[number];

/** The real bot on a platform double, driven in the platform's own wire format. */
export interface ChatE2e {
  platform: ChatE2ePlatform;
  /** What starts a command: `/` (slash commands), `!` on Matrix (clients keep `/` for themselves). */
  prefix: '/' | '!';
  bot: RunningCohorte;
  /** `/cohorte <text>` typed by a person; `{name}` placeholders become the platform's mention of that person. */
  cohorte(person: PersonKey, text: string): Promise<Seen>;
  /** An e-mail address as the platform writes a typed one into command text. */
  email(address: string): string;
  /** How many times the platform was asked who an account is (its e-mail). */
  lookups(person: PersonKey): number;
  /** Files the bot uploaded, with the e-mail of the person whose DM each went to. */
  files(): { to: string; name: string; content: string }[];
  /** Texts of the posts in a person's DM with the bot. */
  dmTexts(person: PersonKey): string[];
  /** The person's account id on the platform. */
  userId(person: PersonKey): string;
  /** A click on a button of an action no handler knows (as an old message could carry). */
  clickUnknown(person: PersonKey): Promise<Clicked>;
  stop(): Promise<void>;
}

/** Starts the real bot on `platform`'s double with the test people. */
export function startChatE2e(platform: ChatE2ePlatform, name: string): Promise<ChatE2e> {
  if (platform === 'matrix') return matrixE2e(name);
  return platform === 'slack' ? slackE2e(name) : mattermostE2e(name);
}
