import type { Form } from './form.js';
import type { Locale, MessageKey, Translate } from './i18n/index.js';
import type { ChatUser } from './ids.js';
import { type Message, type Rich, textMessage } from './message.js';
import type { Permission } from './permissions.js';
import type { Services } from './ports.js';
import type { Person } from './roster/types.js';

/** A slash command as it reached us, whatever the platform. */
export interface CommandInvocation {
  user: ChatUser;
  /** Without the slash: `cohorte`, `standup`. */
  command: string;
  text: string;
  channel: string;
}

/** A button click. */
export interface ActionInvocation {
  user: ChatUser;
  actionId: string;
  value: string;
  channel: string;
}

/** A submitted form: every field's answer as text ('' when left empty). */
export interface FormInvocation {
  user: ChatUser;
  formId: string;
  values: Record<string, string>;
  context: string;
}

/**
 * What a handler answers. `replace` (actions only) swaps the clicked message for this one. With `form`, the
 * platform opens the form; `message` is then what a platform without forms shows instead.
 */
export interface Reply {
  visibility: 'ephemeral' | 'channel';
  message: Message;
  replace?: boolean;
  form?: Form;
}

/** A reply only the asker sees, made of these lines: what most commands and every refusal answer. */
export const ephemeral = (...lines: Rich[]): Reply => ({
  visibility: 'ephemeral',
  message: textMessage(...lines),
});

/** The first word of a command's arguments, '' when there is none: the id most sub-commands start with. */
export const firstWord = (args: string): string => args.trim().split(/\s+/)[0] ?? '';

/** A form handler's answer: a reply (the form closes), or a message per field to fix (the form stays open). */
export type FormOutcome = Reply | { errors: Record<string, Rich> };

/** What every handler receives: who is asking, in their language, and the services. */
export interface Context {
  user: ChatUser;
  person: Person;
  locale: Locale;
  t: Translate;
  services: Services;
  /** The help, listing only the commands this person may use. */
  help(): Message;
}

/** One subcommand of one slash command, in one file of `handlers/`. */
export interface CommandHandler {
  command: string;
  /** The first word after the command; '' for the command alone. */
  name: string;
  aliases?: readonly string[];
  /** Required permission; the router refuses others with a clear message. */
  permission?: Permission;
  /** Open to people outside the community (not in `community.yml`, no role given in chat); closed otherwise. */
  outsiders?: true;
  /** The catalog line of the help: usage and what it does. */
  help: MessageKey;
  run(ctx: Context, args: string): Promise<Reply>;
}

/** One button, in one file of `handlers/`. */
export interface ActionHandler {
  actionId: string;
  permission?: Permission;
  /** Open to people outside the community; closed otherwise. */
  outsiders?: true;
  run(ctx: Context, value: string): Promise<Reply>;
}

/** One form's submission, in one file of `handlers/`. */
export interface FormHandler {
  formId: string;
  permission?: Permission;
  run(ctx: Context, values: Record<string, string>, context: string): Promise<FormOutcome>;
}

/** Words that ask a command for its help (`/standup aide`): answered with the help, open to everyone. */
export const HELP_WORDS: ReadonlySet<string> = new Set(['aide', 'help', '?']);
