import type { ChatSender, Directory, ShellJobs } from './ports.js';
import type { Router } from './router.js';

/**
 * What a chat platform can show. Each adapter declares its own; where one is missing, the fallback named on the
 * field is what people get instead, so that every command works on every platform. `showReply`
 * (`core/fallback.ts`) reads them and picks the fallbacks a reply needs.
 */
export interface ChatCapabilities {
  /**
   * Clickable buttons in a message (Slack, Mattermost). Without them, a message's buttons are shown as numbered
   * choices that the person picks by typing the number (`numberedChoices`; the shell's `:click <n>`).
   */
  readonly buttons: boolean;
  /**
   * Forms that open over the conversation (Slack modals, Mattermost dialogs) when a reply carries a `form`.
   * Without them, the form's fields are asked one by one in the conversation, a prefilled answer kept when the
   * person answers with an empty line (`startFormConversation`).
   */
  readonly forms: boolean;
  /**
   * Replies that only the person who asked sees, inside a conversation others share (Slack, Mattermost). Without
   * them, a reply is shown where only that person reads it (the shell's one terminal).
   */
  readonly ephemeral: boolean;
  /**
   * Editing a message the bot posted earlier ({@link ChatSender.update}: an announcement corrected in every copy,
   * a session's headcount). Without it, the new content is shown as a new message marked as an edit.
   */
  readonly messageUpdates: boolean;
  /**
   * Replies in a thread under an earlier post (a delivery's `replyTo`). Without threads, the reply is shown in the
   * conversation itself, marked with the post it answers.
   */
  readonly threads: boolean;
  /**
   * A playground where the person moves the bot's clock (the local shell's `:avance` and `:date`): the bot then
   * reads a movable clock, the adapter fires the scheduled jobs by it (BullMQ's real-time firings are left aside),
   * and posts go out one at a time, unpaced, in the order they were sent (a terminal has no rate limit). False on
   * every real platform.
   */
  readonly drivesTime: boolean;
}

/** What an adapter hands what it receives to: the router, and the jobs and clock the local shell drives. */
export interface Inbound {
  router: Router;
  jobs: ShellJobs;
}

/**
 * One chat platform, as the rest of Cohorte sees it. `src/chat/index.ts` builds the one the configuration names;
 * nothing else knows which platform runs. `Route` is the HTTP listener type of the composition's server (the
 * core does no I/O, so it does not name Node's).
 *
 * Receiving, every adapter guarantees:
 * - **verification is its own**: a request is checked (Slack's signature and timestamp, Mattermost's command
 *   token and the contexts it signed itself) before anything reaches the router; a forged one gets a refusal
 *   and reaches no handler;
 * - **translation**: what the platform sends becomes the core's `CommandInvocation`, `ActionInvocation` or
 *   `FormInvocation`, user mentions rewritten to the core's neutral token;
 * - **rendering**: a `Reply`'s message is rendered by the adapter, which escapes user text so that it never pings
 *   anyone, and splits it at the platform's length limit; a reply reaches the person within the platform's deadline
 *   (an early "the answer is coming" when the handler is slow);
 * - **forms**: with forms, a reply's `form` opens as the platform's form, or, when it cannot open (an expired
 *   trigger), the reply's `message` is shown instead; a submission with field errors keeps the form open. Without
 *   forms, the fields are asked one by one (see {@link ChatCapabilities.forms}).
 */
export interface ChatAdapter<Route> {
  /** What this platform can show; the fallbacks of what it cannot are described on each capability. */
  readonly capabilities: ChatCapabilities;
  /** Identity by e-mail: the community knows people by e-mail, the platform by its own account ids. */
  readonly directory: Directory;
  /** How the outbox posts and edits the bot's own messages on this platform (the only outbound path). */
  readonly sender: ChatSender;
  /**
   * The HTTP endpoints the platform calls (path → listener), mounted by web processes only, whose server listens
   * once `start` resolved; empty when the adapter receives otherwise (Slack's Socket Mode, the terminal).
   */
  readonly routes: Readonly<Record<string, Route>>;
  /**
   * Checks that the platform accepts the bot's credentials (a refusal rejects, and the boot fails), then, given
   * `receive` (web processes only), starts receiving: from then on every command, click and form submission is
   * verified, translated, routed to `receive.router`, and its reply rendered back. Without `receive`, nothing is
   * received (a worker process only sends, through {@link sender}).
   */
  start(receive: Inbound | undefined): Promise<void>;
  /** Stops receiving (closes a socket it opened); resolves when it has. Safe to call when `start` failed. */
  stop(): Promise<void>;
  /**
   * Resolves when the adapter stopped receiving on its own (the local shell's input ended); undefined before
   * `start` and for platforms that receive until {@link stop}.
   */
  ended(): Promise<void> | undefined;
}
