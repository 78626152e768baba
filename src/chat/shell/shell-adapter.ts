import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatAdapter, ChatCapabilities } from '../../core/chat-adapter.js';
import { type FormConversation, showReply, startFormConversation } from '../../core/fallback.js';
import type { Reply } from '../../core/handler.js';
import { type Locale, type MessageKey, type Params, translate } from '../../core/i18n/index.js';
import type { Button } from '../../core/message.js';
import { toPlainText } from '../../core/message.js';
import type { ChatSender, Directory, JobControl } from '../../core/ports.js';
import { normalizeEmail } from '../../core/roster/roster.js';
import type { Router } from '../../core/router.js';
import { formatDateTime } from '../../core/time/format.js';
import { renderShell } from './shell-render.js';

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
};

/** What the shell needs: the community's language and zone, the terminal, and who you are at first. */
export interface ShellOptions {
  locale: Locale;
  timezone: string;
  input: Readable;
  output: Writable;
  /** The e-mail of the person you are until `:as`. */
  as: string;
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
  let posted = 0;
  const sender: ChatSender = {
    platform: 'shell',
    conversation: async (to) => {
      if (to.kind === 'channel') return to.channel;
      return to.kind === 'group' ? to.emails.map((email) => `@${email}`).join(' + ') : `@${to.email}`;
    },
    async post(conversation, message, { file, threadId, beforePart } = {}) {
      await beforePart?.(0);
      const { text } = renderShell(message);
      const where = threadId ? `${conversation} ↳ ${threadId}` : conversation;
      write(`── ${where} ──\n${text}${file ? `\n📎 ${file.name}\n${file.content}` : ''}`);
      return `shell-${++posted}`;
    },
    async update(conversation, messageIds, message) {
      write(`── ${conversation} ✎ ${messageIds.join(', ')} ──\n${renderShell(message).text}`);
      return messageIds.length;
    },
    // The shell prints as it goes: nothing it posted can be left ambiguous.
    findPosted: async () => new Map(),
  };

  /** Reads commands until the input ends. Resolves when it does. */
  function run(router: Router, jobs: JobControl): Promise<void> {
    let email = normalizeEmail(options.as);
    let buttons: Button[] = [];
    let filling: FormConversation | undefined;
    const user = () => ({ platform: 'shell' as const, id: email });
    const show = (reply: Reply) => {
      const shown = showReply(reply, SHELL_CAPABILITIES);
      if (shown.kind !== 'message') {
        filling = startFormConversation(shown.form);
        return write(`${toPlainText(shown.form.title)}\n${filling.prompt()}`);
      }
      write(renderShell(shown.message).text);
      if (shown.choices.length) buttons = shown.choices;
    };
    const fill = async (form: FormConversation, line: string) => {
      if (!form.answer(line)) return write(form.prompt());
      filling = undefined;
      const { formId, context } = form.form;
      const outcome = await router.form({ user: user(), formId, values: form.values(), context });
      if (!('errors' in outcome)) return show(outcome);
      for (const error of Object.values(outcome.errors)) write(`! ${toPlainText(error)}`);
      form.retry(Object.keys(outcome.errors));
      filling = form;
      write(form.prompt());
    };
    const handle = async (line: string) => {
      if (filling) return fill(filling, line);
      const [word = '', ...rest] = line.trim().split(/\s+/);
      const arg = rest.join(' ');
      if (word === '') return;
      if (word.startsWith('/')) {
        return show(
          await router.command({
            user: user(),
            command: word.slice(1).toLowerCase(),
            text: arg,
            channel: 'shell',
          }),
        );
      }
      if (word === ':as' && arg) {
        email = normalizeEmail(arg);
        return say('shell.as', { email });
      }
      if (word === ':jobs') {
        const list = await jobs.list();
        if (list.length === 0) return say('shell.noJobs');
        say('shell.jobs');
        for (const j of list)
          say('shell.job', {
            id: `${j.id} (${j.pattern}, ${j.tz})`,
            next: j.next ? formatDateTime(j.next, options.timezone, options.locale) : '—',
          });
        return;
      }
      if (word === ':run')
        return say((await jobs.runNow(arg)) ? 'shell.ran' : 'shell.unknownJob', { id: arg });
      if (word === ':click') {
        const button = buttons[Number(arg) - 1];
        if (!button) return say('shell.noButton', { n: arg });
        return show(
          await router.action({
            user: user(),
            actionId: button.actionId,
            value: button.value,
            channel: 'shell',
          }),
        );
      }
      say('shell.unknownInput');
    };

    return new Promise((resolve) => {
      const rl = createInterface({ input: options.input, terminal: false });
      say('shell.welcome', { email });
      // One line at a time, in order, even when lines arrive faster than they are handled (piped input).
      let chain = Promise.resolve();
      rl.on('line', (line) => {
        if (line.trim() === ':quit') return rl.close();
        chain = chain.then(() => handle(line)).catch((error: unknown) => write(String(error)));
      });
      rl.on('close', () => void chain.then(resolve));
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
