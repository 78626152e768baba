import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Form } from '../../core/form.js';
import type { Reply } from '../../core/handler.js';
import { type Locale, translate } from '../../core/i18n/index.js';
import { type Rich, toPlainText } from '../../core/message.js';
import type { CommandTokens, Logger } from '../../core/ports.js';
import { outcomeAsReply, replyInTime, withinBudget } from '../../core/reply-budget.js';
import type { Router } from '../../core/router.js';
import type { MattermostClient } from './mattermost-client.js';
import { renderDialog, translateSubmission } from './mattermost-form.js';
import { headerToken, readJson, readText, replyJson } from './mattermost-http.js';
import { type ButtonOptions, type MattermostPost, renderMattermost } from './mattermost-render.js';
import type { MattermostSender } from './mattermost-sender.js';
import { type Signer, safeEqual } from './mattermost-sign.js';
import { translateClick, translateCommand } from './mattermost-translate.js';

/** Mattermost waits up to 30 s, but people should not: past this, they are told the answer is coming. */
const MATTERMOST_BUDGET_MS = 1500;

/** What the inbound routes need. */
export interface InboundDeps {
  router: Router;
  client: MattermostClient;
  sender: MattermostSender;
  tokens: CommandTokens;
  signer: Signer;
  locale: Locale;
  log: Logger;
  /** Where dialogs are submitted, and where clicks go. */
  dialogUrl: string;
  actionUrl: string;
  /** Whether the bot may post ephemeral posts (`create_post_ephemeral`); until known, it tries. */
  mayPostEphemeral: () => boolean;
}

/** Answers whose content the adapter does not read. */
const AnySchema = z.unknown();

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** A command response (also what `response_url` takes): Slack-style parsing off, user text stays text. */
const commandResponse = (reply: Reply, post: MattermostPost) => ({
  response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
  text: post.message,
  ...(post.props ? { attachments: post.props.attachments } : {}),
  skip_slack_parsing: true,
});

/** The three endpoints Mattermost calls: `/mattermost/command`, `/mattermost/action`, `/mattermost/dialog`. */
export function createMattermostRoutes(deps: InboundDeps): { command: Route; action: Route; dialog: Route } {
  const { router, client, sender, signer, locale, log } = deps;
  const say = (key: 'chat.staleButton' | 'chat.staleForm'): string => toPlainText(translate(locale, key));
  /** Posts for `user`; `ephemeral` when they are shown as an ephemeral post, whose buttons say so. */
  const render = (reply: Reply, user: string, ephemeral: boolean) =>
    renderMattermost(reply.message, {
      actionUrl: deps.actionUrl,
      signer,
      user,
      ephemeral,
    } satisfies ButtonOptions);
  const isEphemeral = (reply: Reply) => reply.visibility !== 'channel';

  async function openDialog(form: Form, triggerId: string, user: string): Promise<boolean> {
    if (!triggerId) return false;
    const body = { trigger_id: triggerId, url: deps.dialogUrl, dialog: renderDialog(form, user, signer) };
    return client.post('/actions/dialogs/open', body, AnySchema).then(
      () => true,
      (error: unknown) => {
        // An expired trigger (Mattermost keeps them a few seconds): the person gets the text fallback instead.
        log.warn({ err: error, form: form.formId }, 'could not open dialog');
        return false;
      },
    );
  }

  /**
   * Shows a reply to `user` in `channel` through the API, where no response body can carry it: a post, or an
   * ephemeral post when the bot holds `create_post_ephemeral` (`POST /posts/ephemeral`); else, or when the
   * channel refuses, a post in the person's DM.
   */
  async function show(reply: Reply, user: string, channel: string): Promise<void> {
    const inDm = async () => {
      await sender.postParts(await sender.dmWith(user), render(reply, user, false));
    };
    if (isEphemeral(reply) && !deps.mayPostEphemeral()) return inDm();
    try {
      if (!isEphemeral(reply)) {
        await sender.postParts(channel, render(reply, user, false));
        return;
      }
      for (const post of render(reply, user, true)) {
        const ephemeral = { user_id: user, post: { channel_id: channel, ...post } };
        await client.post('/posts/ephemeral', ephemeral, AnySchema);
      }
    } catch (error) {
      log.warn({ err: error }, 'reply refused in channel; sending it in DM');
      await inDm();
    }
  }

  /** Later parts and late replies of a command go to its `response_url` (up to 5 uses in 30 minutes). */
  async function respond(url: string, reply: Reply, posts: MattermostPost[]): Promise<void> {
    for (const post of posts) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(commandResponse(reply, post)),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) log.warn({ status: res.status }, 'response_url refused a reply');
    }
  }

  return {
    async command(req, res) {
      const raw = await readText(req);
      const form = new URLSearchParams(raw ?? '');
      const trigger = (form.get('command') ?? '').replace(/^\//, '').toLowerCase();
      let expected: string | undefined;
      try {
        expected = trigger ? await deps.tokens.tokenOf('mattermost', trigger) : undefined;
      } catch (error) {
        // Tokens live in Redis: while it is down, a generic "retry" is all anyone gets, verified or not.
        log.warn({ err: error }, 'command tokens unavailable');
        const text = toPlainText(translate(locale, 'error.unavailable'));
        return replyJson(res, 200, { response_type: 'ephemeral', text });
      }
      const presented = [form.get('token'), headerToken(req)].filter((t): t is string => Boolean(t));
      const verified =
        raw !== undefined &&
        expected !== undefined &&
        presented.length > 0 &&
        presented.map((token) => safeEqual(token, expected)).every(Boolean);
      if (!verified) return replyJson(res, 401, { text: 'invalid token' });

      const command = translateCommand(form);
      const user = command.invocation.user.id;
      const { now, later } = await replyInTime(
        router.command(command.invocation),
        MATTERMOST_BUDGET_MS,
        locale,
      );
      if (!later && now.form && (await openDialog(now.form, command.triggerId, user))) {
        return replyJson(res, 200, {});
      }
      const [head, ...rest] = render(now, user, isEphemeral(now));
      replyJson(res, 200, commandResponse(now, head ?? { message: '' }));
      if (rest.length) await respond(command.responseUrl, now, rest);
      if (later) {
        const reply = await later;
        await respond(command.responseUrl, reply, render(reply, user, isEphemeral(reply)));
      }
    },

    /**
     * A click is answered in its response body wherever the server allows it (`DoPostActionWithCookie`, in
     * `server/channels/app/integration_action.go`): `update` replaces a stored post, `ephemeral_text` shows text
     * to the clicker and needs no permission. A non-200 answer only shows a generic error, its body unread: a
     * refused click gets 200 and the reason as `ephemeral_text`. An ephemeral post is never stored, so `update`
     * on one fails: what replaces it comes as `ephemeral_text` below it.
     */
    async action(req, res) {
      const click = translateClick(await readJson(req), signer);
      if (click.kind === 'refused') {
        log.warn({ user: click.user }, 'button context refused');
        return replyJson(res, 200, { ephemeral_text: say('chat.staleButton'), skip_slack_parsing: true });
      }
      const { invocation, triggerId } = click;
      const user = invocation.user.id;
      const { now, later } = await replyInTime(router.action(invocation), MATTERMOST_BUDGET_MS, locale);
      if (!later && now.form && (await openDialog(now.form, triggerId, user))) return replyJson(res, 200, {});
      const [head, ...rest] = render(now, user, click.ephemeral);
      const single = !later && head && rest.length === 0 ? head : undefined;
      if (single && now.replace && !click.ephemeral) {
        return replyJson(res, 200, {
          update: { message: single.message, props: single.props ?? { attachments: [] } },
          skip_slack_parsing: true,
        });
      }
      if (single && !single.props && isEphemeral(now)) {
        return replyJson(res, 200, { ephemeral_text: single.message, skip_slack_parsing: true });
      }
      replyJson(res, 200, {});
      await show(now, user, invocation.channel);
      if (later) await show(await later, user, invocation.channel);
    },

    async dialog(req, res) {
      const submission = translateSubmission(await readJson(req), signer);
      if (submission.kind === 'cancelled') return replyJson(res, 200, {});
      if (submission.kind === 'refused') {
        log.warn({ user: submission.user }, 'dialog state refused');
        return replyJson(res, 200, { error: say('chat.staleForm') });
      }
      const work = router.form(submission.invocation);
      const early = await withinBudget(work, MATTERMOST_BUDGET_MS);
      if (early && 'errors' in early) return replyJson(res, 200, { errors: plainErrors(early.errors) });
      replyJson(res, 200, {});
      // Past the budget the dialog is already closed: field errors can only be shown as a message.
      const reply = outcomeAsReply(early ?? (await work), submission.invocation.values, locale);
      await show(reply, submission.invocation.user.id, submission.channel);
    },
  };
}

/** Field errors as a dialog wants them: plain text per element name. */
const plainErrors = (errors: Record<string, Rich>) =>
  Object.fromEntries(Object.entries(errors).map(([id, rich]) => [id, toPlainText(rich)]));
