import { distance } from './bulle/distance.js';
import { errorRef, UserError } from './errors.js';
import {
  type ActionHandler,
  type ActionInvocation,
  type CommandHandler,
  type CommandInvocation,
  type Context,
  ephemeral,
  type FormHandler,
  type FormInvocation,
  type FormOutcome,
  HELP_WORDS,
  type Reply,
} from './handler.js';
import { type Locale, type Translate, translator } from './i18n/index.js';
import type { ChatUser } from './ids.js';
import { type Rich, textMessage } from './message.js';
import { can } from './permissions.js';
import type { Profile, Services } from './ports.js';
import type { Person } from './roster/types.js';

/** Finds the handler of each invocation and runs it inside the one error boundary. */
export interface Router {
  command(invocation: CommandInvocation): Promise<Reply>;
  action(invocation: ActionInvocation): Promise<Reply>;
  form(invocation: FormInvocation): Promise<FormOutcome>;
}

/** What the router checks of a handler before running it. */
type Gated = Pick<CommandHandler, 'permission' | 'outsiders'>;

/** Whether a person may use a handler at all: in the community (or the handler open to outsiders), and allowed. */
const mayUse = (person: Person, handler: Gated): boolean =>
  (person.inCommunity || handler.outsiders === true) &&
  (!handler.permission || can(person, handler.permission));

/**
 * The sub-command word (name or alias) a misspelt one is one or two typing mistakes away from: one for words of up
 * to five letters, two beyond. Undefined when none is that close.
 */
function nearestWord(typed: string, handlers: readonly CommandHandler[]): string | undefined {
  if (typed.length < 3) return undefined;
  const allowed = typed.length <= 5 ? 1 : 2;
  let best: { word: string; d: number } | undefined;
  for (const word of handlers.flatMap((h) => [h.name, ...(h.aliases ?? [])]).filter(Boolean)) {
    const d = distance(typed, word, allowed);
    if (d <= allowed && (!best || d < best.d)) best = { word, d };
  }
  return best?.word;
}

/** Builds the router over the handler registry. */
export function createRouter(deps: {
  commands: readonly CommandHandler[];
  actions: readonly ActionHandler[];
  forms: readonly FormHandler[];
  services: Services;
}): Router {
  const { services } = deps;
  const defaultLocale = services.roster.data.locale;

  /** Who is asking: one read when their account's e-mail is cached, else the directory asks the platform. */
  async function askerOf(user: ChatUser): Promise<Profile & { email: string }> {
    const cached = await services.people.profileOfUser(user);
    if (cached) return cached;
    const email = (await services.directory.emailOf(user)) ?? '';
    return { email, ...(email ? await services.people.profile(email) : { grants: [], locale: undefined }) };
  }

  async function contextOf(user: ChatUser): Promise<Context> {
    const { email, grants, locale: preferred } = await askerOf(user);
    const locale: Locale = preferred ?? defaultLocale;
    const person = services.roster.person(email, grants, services.clock.now());
    const t = translator(locale);
    const ctx: Context = {
      user,
      person,
      locale,
      t,
      services,
      help: () => textMessage(...helpLines(person, t)),
    };
    return ctx;
  }

  function helpLines(person: Context['person'], t: Translate): Rich[] {
    const visible = deps.commands.filter((h) => mayUse(person, h));
    return [t('help.title'), ...visible.map((h) => t(h.help)), t('help.footer')];
  }

  /**
   * Why this person may not use a handler, or undefined when they may. Without an e-mail the bot cannot tell people
   * apart (they would share one identity); outside the community only handlers marked `outsiders` are open, so
   * nobody unknown shares a skill, takes a seat or receives a session's messages; then the permission. A request
   * for help (`asksHelp`) passes the first two.
   */
  function refusal(ctx: Context, handler: Gated, asksHelp = false): Reply | undefined {
    const { person, t } = ctx;
    if (!asksHelp && !person.email) return ephemeral(t('error.noEmail'));
    if (!asksHelp && !person.inCommunity && !handler.outsiders)
      return ephemeral(t('error.outsider', { email: person.email }));
    if (handler.permission && !can(person, handler.permission)) return ephemeral(t('error.forbidden'));
    return undefined;
  }

  /** Runs `work` with a context; turns every failure into a reply a person can act on. */
  async function guarded<T>(user: ChatUser, work: (ctx: Context) => Promise<T>): Promise<T | Reply> {
    let t: Translate = translator(defaultLocale);
    try {
      const ctx = await contextOf(user);
      t = ctx.t;
      return await work(ctx);
    } catch (error) {
      if (error instanceof UserError) return ephemeral(t(error.key, error.params));
      if (services.isUnavailable(error)) {
        services.log.warn({ err: error, user }, 'dependency unavailable');
        return ephemeral(t('error.unavailable'));
      }
      const ref = errorRef();
      services.log.error({ err: error, ref, user }, 'handler failed');
      return ephemeral(t('error.internal', { ref }));
    }
  }

  return {
    command(invocation) {
      return guarded(invocation.user, async (ctx): Promise<Reply> => {
        const text = invocation.text.trim();
        const first = text.split(/\s+/, 1)[0] ?? '';
        const word = first.toLowerCase();
        const own = deps.commands.filter((h) => h.command === invocation.command);
        const named = own.find((h) => h.name === word || h.aliases?.includes(word));
        // A command's bare handler (name '') takes free text, as in `/standup fini la recette`.
        const handler = named ?? own.find((h) => h.name === '');
        if (!handler) {
          const command = `/${invocation.command} ${text}`.trim();
          const near = nearestWord(word, own);
          const rest = text.slice(first.length);
          const unknown = near
            ? ctx.t('error.didYouMean', { command, suggestion: `/${invocation.command} ${near}${rest}` })
            : ctx.t('error.unknownCommand', { command });
          return ephemeral(unknown, ...helpLines(ctx.person, ctx.t).slice(1));
        }
        // The help is open to everyone, e-mail or not, in the community or not; its permission still applies.
        const asksHelp = handler.name === 'aide' || HELP_WORDS.has(word);
        const refused = refusal(ctx, handler, asksHelp);
        if (refused) return refused;
        // What follows the sub-command, as typed: line breaks and spacing kept (details, stand-up answers).
        return handler.run(ctx, named ? text.slice(first.length).trim() : text);
      });
    },

    action(invocation) {
      return guarded(invocation.user, async (ctx): Promise<Reply> => {
        const handler = deps.actions.find((h) => h.actionId === invocation.actionId);
        // A button of an older release, or forged: nothing to do, and the person is told to start again.
        if (!handler) {
          services.log.warn(
            { actionId: invocation.actionId, user: invocation.user },
            'click on an unknown action',
          );
          return ephemeral(ctx.t('chat.staleButton'));
        }
        const refused = refusal(ctx, handler);
        if (refused) return refused;
        return handler.run(ctx, invocation.value);
      });
    },

    form(invocation) {
      return guarded(invocation.user, async (ctx): Promise<FormOutcome> => {
        const handler = deps.forms.find((h) => h.formId === invocation.formId);
        if (!handler) {
          services.log.warn(
            { formId: invocation.formId, user: invocation.user },
            'submission of an unknown form',
          );
          return ephemeral(ctx.t('chat.staleForm'));
        }
        const refused = refusal(ctx, handler);
        if (refused) return refused;
        return handler.run(ctx, invocation.values, invocation.context);
      });
    },
  };
}
