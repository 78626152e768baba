import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatAdapter, ChatCapabilities } from '../../core/chat-adapter.js';
import { showReply } from '../../core/fallback.js';
import { CANCEL, type FormConversation, startFormConversation } from '../../core/form-conversation.js';
import type { Reply } from '../../core/handler.js';
import { type Locale, type MessageKey, type Params, translate } from '../../core/i18n/index.js';
import { toPlainText } from '../../core/message.js';
import type { ChatSender, Directory, ShellJobs } from '../../core/ports.js';
import { normalizeEmail } from '../../core/roster/roster.js';
import type { Router } from '../../core/router.js';
import { type ButtonPlace, createButtonBoard, type ShownButton } from './shell-buttons.js';
import { shellClockCommands } from './shell-clock.js';
import { buttonsOf, renderShell } from './shell-render.js';

/** How often the shell's clock, following real time, fires what came due (`:avance` does it at once). */
const TICK_MS = 30_000;
/** What the shell shows before a line typed at a terminal, and before each line it echoes from a pipe. */
const PROMPT = '› ';

/** Where the shell posted: `@a` or `@a + @b` (people, by e-mail) or a channel. */
const placeOf = (conversation: string): ButtonPlace =>
  conversation.startsWith('@')
    ? { kind: 'people', emails: conversation.split(' + ').map((c) => c.slice(1)) }
    : { kind: 'channel', channel: conversation };

/**
 * A terminal shows text only: buttons are numbered (`:click <n>`), forms asked field by field, and posts, edits and
 * thread replies printed one after the other, marked with where they go.
 */
const SHELL_CAPABILITIES: ChatCapabilities = {
  buttons: false,
  forms: false,
  ephemeral: false,
  messageUpdates: false,
  threads: false,
  drivesTime: true,
};

/** What the shell needs: the community's language and zone, the terminal, and who you are at first. */
export interface ShellOptions {
  locale: Locale;
  timezone: string;
  input: Readable;
  output: Writable;
  /** The e-mail of the person you are until `:as`. */
  as: string;
  /** The channels a person is in, whose buttons they may click; every channel when absent. */
  channelsOf?: (email: string) => Promise<readonly string[]>;
}

/**
 * The local shell: a terminal where you are any person of the community file; user ids are e-mails. It reads the
 * terminal, so it has no HTTP route (hence `never`).
 */
export function createShellAdapter(options: ShellOptions): ChatAdapter<never> {
  const write = (text: string): void => {
    options.output.write(`${text}\n`);
  };
  const say = (key: MessageKey, params?: Params): void =>
    write(toPlainText(translate(options.locale, key, params)));
  const directory: Directory = {
    emailOf: async (user) => normalizeEmail(user.id),
    userIdOf: async (email) => normalizeEmail(email),
  };
  const board = createButtonBoard();
  /** The moment `:avance` reached, shown once before the first post it causes (several jobs may share it). */
  let header: string | undefined;
  let shownHeader: string | undefined;
  const writePost = (text: string) => {
    if (header && header !== shownHeader)
      write(toPlainText(translate(options.locale, 'shell.at', { date: header })));
    shownHeader = header;
    write(text);
  };
  let posted = 0;
  const sender: ChatSender = {
    platform: 'shell',
    conversation: async (to) => {
      if (to.kind === 'channel') return to.channel;
      return to.kind === 'group' ? to.emails.map((email) => `@${email}`).join(' + ') : `@${to.email}`;
    },
    async post(conversation, message, { file, threadId, beforePart } = {}) {
      await beforePart?.(0);
      const id = `shell-${++posted}`;
      const numbers = board.place(id, placeOf(conversation), buttonsOf(message));
      const { text } = renderShell(message, numbers);
      const where = threadId ? `${conversation} ↳ ${threadId}` : conversation;
      writePost(`── ${where} ──\n${text}${file ? `\n📎 ${file.name}\n${file.content}` : ''}`);
      return id;
    },
    async update(conversation, messageIds, message) {
      const numbers = board.place(messageIds[0] ?? '', placeOf(conversation), buttonsOf(message));
      writePost(`── ${conversation} ✎ ${messageIds.join(', ')} ──\n${renderShell(message, numbers).text}`);
      return messageIds.length;
    },
    // The shell prints as it goes: nothing it posted can be left ambiguous.
    findPosted: async () => new Map(),
  };

  /** Reads commands until the input ends. Resolves when it does. */
  function run(router: Router, jobs: ShellJobs): Promise<void> {
    let email = normalizeEmail(options.as);
    let filling: FormConversation | undefined;
    let replies = 0;
    const user = () => ({ platform: 'shell' as const, id: email });
    const clock = shellClockCommands({
      jobs,
      timezone: options.timezone,
      locale: options.locale,
      say,
      write,
      at: (moment) => {
        header = moment;
        if (!moment) shownHeader = undefined;
      },
    });
    /** Shows a reply to the current person; `replacing` is the message a click replaces (it keeps its numbers). */
    const show = (reply: Reply, replacing?: ShownButton) => {
      const shown = showReply(reply, SHELL_CAPABILITIES);
      if (shown.kind !== 'message') {
        filling = startFormConversation(shown.form, options.locale);
        const intro = toPlainText(translate(options.locale, 'chat.form.intro'));
        return write([toPlainText(shown.form.title), intro, filling.prompt()].join('\n'));
      }
      // The reply's own buttons, numbered by the board: a number stays the one to type wherever it was read.
      const id = replacing?.messageId ?? `reply-${++replies}`;
      const place = replacing?.place ?? { kind: 'reply', email };
      write(renderShell(reply.message, board.place(id, place, buttonsOf(reply.message))).text);
    };
    const fill = async (form: FormConversation, line: string) => {
      const step = form.answer(line);
      if (step.kind === 'cancelled') {
        filling = undefined;
        return say('chat.form.cancelled');
      }
      if (step.kind === 'refused') write(step.why);
      if (step.kind !== 'done') {
        const prompt = form.prompt();
        return prompt ? write(prompt) : undefined;
      }
      filling = undefined;
      const { formId, context } = form.form;
      const outcome = await router.form({ user: user(), formId, values: form.values(), context });
      if (!('errors' in outcome)) return show(outcome);
      for (const error of form.retry(outcome.errors)) write(error);
      filling = form;
      write(form.prompt());
    };
    /** Why the current person cannot click this button, or undefined when they can. */
    const refusal = async (shown: ShownButton): Promise<[MessageKey, Params] | undefined> => {
      const { place, n } = shown;
      if (place.kind === 'reply')
        return place.email === email ? undefined : ['shell.notYourReply', { n, who: place.email }];
      if (place.kind === 'people')
        return place.emails.includes(email)
          ? undefined
          : ['shell.notYourDm', { n, who: place.emails.join(', ') }];
      const channels = await options.channelsOf?.(email);
      return !channels || channels.includes(place.channel)
        ? undefined
        : ['shell.notYourChannel', { n, channel: place.channel }];
    };
    const click = async (arg: string) => {
      const shown = board.get(Number(arg));
      if (!shown) return say('shell.noButton', { n: arg });
      const refused = await refusal(shown);
      if (refused) return say(...refused);
      const { button, place } = shown;
      const reply = await router.action({
        user: user(),
        actionId: button.actionId,
        value: button.value,
        channel: place.kind === 'channel' ? place.channel : 'shell',
      });
      show(reply, reply.replace ? shown : undefined);
    };
    const handle = async (line: string) => {
      if (filling) return fill(filling, line);
      const [word = '', ...rest] = line.trim().split(/\s+/);
      const arg = rest.join(' ');
      if (word === '') return;
      if (word.startsWith('/'))
        return show(
          await router.command({
            user: user(),
            command: word.slice(1).toLowerCase(),
            text: arg,
            channel: 'shell',
          }),
        );
      if (word === ':as' && arg) {
        email = normalizeEmail(arg);
        return say('shell.as', { email });
      }
      if (word === ':click') return click(arg);
      if (word === ':jobs') return clock.list();
      if (word === ':run') return clock.run(arg);
      if (word === ':avance') return clock.advance(arg);
      if (word === ':date') return clock.date(arg);
      // A comment, so a scenario can say what it plays (the README's week); `:annuler` outside a form is moot.
      if (word.startsWith('#') || word === CANCEL) return;
      say('shell.unknownInput');
    };

    return new Promise((resolve) => {
      const terminal = 'isTTY' in options.input && options.input.isTTY === true;
      const rl = createInterface({ input: options.input, terminal: false });
      const prompt = () => {
        if (terminal) options.output.write(PROMPT);
      };
      say('shell.welcome', { email });
      prompt();
      // One line at a time, in order, even when lines arrive faster than they are handled (piped input); each
      // line's posts are out before the next line is read, so a transcript reads in order.
      let chain = Promise.resolve();
      const queue = (work: () => Promise<void>) => {
        chain = chain
          .then(work)
          .then(() => jobs.settle())
          .catch((error: unknown) => write(String(error)));
      };
      const tick = setInterval(() => queue(() => clock.catchUp()), TICK_MS);
      tick.unref();
      rl.on('line', (line) => {
        if (line.trim() === ':quit') return rl.close();
        queue(async () => {
          // Piped lines are echoed after the prompt, so the output reads as the session would at a terminal.
          if (!terminal) write(`${PROMPT}${line}`);
          await handle(line);
        });
        chain = chain.then(prompt);
      });
      rl.on('close', () => {
        clearInterval(tick);
        void chain.then(resolve);
      });
    });
  }

  let ended: Promise<void> | undefined;
  return {
    capabilities: SHELL_CAPABILITIES,
    directory,
    sender,
    routes: {},
    /** Starts reading the terminal, given `receive`; there is nothing to check. */
    async start(receive) {
      if (receive) ended = run(receive.router, receive.jobs);
    },
    async stop() {},
    ended: () => ended,
  };
}
