import type {
  AllMiddlewareArgs,
  App,
  RespondArguments,
  RespondFn,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';
import type { Form } from '../../core/form.js';
import type { Reply } from '../../core/handler.js';
import { type Locale, translate } from '../../core/i18n/index.js';
import { type Rich, toPlainText } from '../../core/message.js';
import type { Logger } from '../../core/ports.js';
import { outcomeAsReply, replyInTime, withinBudget } from '../../core/reply-budget.js';
import type { Router } from '../../core/router.js';
import { renderModal, translateViewSubmission } from './slack-form.js';
import { renderSlack, type SlackPayload } from './slack-render.js';
import { translateAction, translateCommand } from './slack-translate.js';

/** Slack wants an answer within 3 s; past this budget we acknowledge and send the real answer afterwards. */
const ACK_BUDGET_MS = 2500;

type Ack = (response?: RespondArguments) => Promise<void>;

const asResponse = (reply: Reply, payload: SlackPayload): RespondArguments => ({
  response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
  ...payload,
});

/**
 * Routes every slash command, button and modal submission of the Bolt app to the core, acknowledging each within
 * Slack's 3 s. Replies go back as the acknowledgement, then through `response_url`; forms open as modals.
 */
export function registerSlackListeners(app: App, router: Router, options: { locale: Locale; log: Logger }) {
  const cancel = toPlainText(translate(options.locale, 'form.cancel'));

  async function openForm(form: Form, triggerId: string, channel: string): Promise<boolean> {
    try {
      await app.client.views.open({ trigger_id: triggerId, view: renderModal(form, channel, cancel) });
      return true;
    } catch (error) {
      // An expired trigger (over 3 s) or a refused view: the person gets the text fallback instead.
      options.log.warn({ err: error, form: form.formId }, 'could not open modal');
      return false;
    }
  }

  /** Sends a reply: the first message as the acknowledgement (if still due), the rest through `response_url`. */
  async function answer(reply: Reply, ack: Ack | undefined, respond: RespondFn, replace = false) {
    const payloads = renderSlack(reply.message).map((p) => ({
      ...asResponse(reply, p),
      replace_original: replace,
    }));
    const [head, ...rest] = payloads;
    if (ack && head) await ack(head);
    for (const payload of ack ? rest : payloads) await respond(payload);
  }

  async function onCommand({ command, ack, respond }: SlackCommandMiddlewareArgs) {
    const { now: early, later } = await replyInTime(
      router.command(translateCommand(command)),
      ACK_BUDGET_MS,
      options.locale,
    );
    if (later) {
      await answer(early, ack, respond);
      return answer(await later, undefined, respond);
    }
    if (early.form) {
      await ack();
      if (await openForm(early.form, command.trigger_id, command.channel_id)) return;
      return answer(early, undefined, respond);
    }
    return answer(early, ack, respond);
  }

  async function onAction({ body, action, ack, respond }: SlackActionMiddlewareArgs) {
    await ack();
    const reply = await router.action(translateAction(body, action));
    const trigger = 'trigger_id' in body ? String(body.trigger_id) : '';
    const channel = body.channel?.id ?? '';
    if (reply.form && trigger && (await openForm(reply.form, trigger, channel))) return;
    await answer(reply, undefined, respond, Boolean(reply.replace));
  }

  async function onViewSubmission({ body, ack, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) {
    const { invocation, channel } = translateViewSubmission(body);
    const work = router.form(invocation);
    const early = await withinBudget(work, ACK_BUDGET_MS);
    if (early && 'errors' in early)
      return ack({ response_action: 'errors', errors: plainErrors(early.errors) });
    await ack();
    // Past the budget the modal is already closed: field errors can only be shown as a message.
    const reply = outcomeAsReply(early ?? (await work), invocation.values, options.locale);
    // The confirmation goes where the person opened the form, or, when the bot cannot post there (a private
    // channel it is not in), to the person's DM with the bot.
    const user = invocation.user.id;
    for (const payload of renderSlack(reply.message)) {
      const shown = channel
        ? await client.chat.postEphemeral({ channel, user, ...payload }).then(
            () => true,
            () => false,
          )
        : false;
      if (!shown) await client.chat.postMessage({ channel: user, ...payload });
    }
  }

  // One global middleware rather than `app.command`, `app.action` and `app.view`: Bolt runs the chain of every
  // listener on every request, so three listeners cost three chains per command (Bolt's `processEvent` 63 → 26 µs
  // of CPU, and their frames lived long enough to be promoted: 7.9 → 3.3 KB of old-space garbage per command).
  // It matches what those listeners matched: any command, block actions (with an `action_id`), view submissions.
  app.use(async (args) => {
    if ('command' in args && args.command) return onCommand(args);
    if ('action' in args && args.action && 'action_id' in args.action && args.action.action_id !== undefined)
      return onAction(args);
    if ('view' in args && args.body.type === 'view_submission') return onViewSubmission(args);
    await args.next();
  });
}

/** Field errors as Slack's `response_action: errors` wants them: plain text per block id. */
const plainErrors = (errors: Record<string, Rich>) =>
  Object.fromEntries(Object.entries(errors).map(([id, rich]) => [id, toPlainText(rich)]));
