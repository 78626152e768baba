import { UserError } from '../src/core/errors.js';
import type { CommandHandler, Context, Reply } from '../src/core/handler.js';
import { resolvePersonRef } from '../src/core/mentions.js';
import { type Block, joinLines, type Rich } from '../src/core/message.js';
import { can, mentorsOneOf } from '../src/core/permissions.js';
import { nameFromEmail, normalizeEmail } from '../src/core/roster/roster.js';
import type { DefiData, PromotionData } from '../src/core/roster/types.js';
import { includes, isAbsent, ritualOf } from '../src/core/standup/context.js';
import { memberAnswers } from '../src/core/standup/digest.js';
import { periodDaysOf, periodHeading, periodsBetween } from '../src/core/standup/history.js';
import { DEFAULT_QUESTIONS } from '../src/core/standup/ritual.js';
import { localDate } from '../src/core/time/local.js';

const DEFAULT_COUNT = 4;
const MAX_COUNT = 12;
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

type Target =
  | { kind: 'person'; email: string; typed: string }
  | { kind: 'defi'; defi: DefiData; promotion: PromotionData };

/** Reads `[@personne|e-mail|défi] [n]`, in either order; throws a UserError saying what to type instead. */
async function parseArgs(ctx: Context, args: string): Promise<{ target: Target; count: number }> {
  const { person, services, user } = ctx;
  const words = args.split(/\s+/).filter(Boolean);
  const numbers = words.filter((w) => NUMBER.test(w));
  const others = words.filter((w) => !NUMBER.test(w));
  if (numbers.length > 1 || others.length > 1) throw new UserError('standup.historyUsage');
  const [typedCount] = numbers;
  const count = typedCount === undefined ? DEFAULT_COUNT : Number(typedCount);
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT)
    throw new UserError('standup.historyBadCount', { count: typedCount ?? '' });
  const [who] = others;
  if (who === undefined) return { target: { kind: 'person', email: person.email, typed: '' }, count };
  const email = await resolvePersonRef(who, user.platform, services.directory);
  if (email) return { target: { kind: 'person', email, typed: who }, count };
  const found = services.roster.defi(who);
  if (found) return { target: { kind: 'defi', ...found }, count };
  const defis = services.roster.data.promotions.flatMap((p) => p.defis.map((d) => d.id)).join(', ');
  throw new UserError('standup.historyUnknown', { who, defis });
}

/** Ids of the défis where someone is (or was) EIG: in the file, whatever the dates, or given in the chat. */
async function eigDefisOf(ctx: Context, email: string): Promise<Set<string>> {
  const { services } = ctx;
  const ids = new Set<string>();
  for (const promotion of services.roster.data.promotions)
    for (const defi of promotion.defis)
      if (defi.eig.some((p) => normalizeEmail(p.email) === email)) ids.add(defi.id.toLowerCase());
  for (const grant of await services.people.grants(email))
    if (grant.role === 'eig' && grant.defiId) ids.add(grant.defiId.toLowerCase());
  return ids;
}

const reply = (fallback: Rich, blocks: Block[]): Reply => ({
  visibility: 'ephemeral',
  message: { fallback, blocks },
});
const single = (line: Rich): Reply => reply(line, [{ kind: 'section', text: line }]);

/** One person's last `count` posted stand-ups, newest first, whatever their ritual. */
async function personHistory(ctx: Context, email: string, typed: string, count: number): Promise<Reply> {
  const { person, services, locale, t } = ctx;
  const own = email === person.email;
  const data = services.roster.data;
  const target = own ? person : services.roster.person(email, [], services.clock.now());
  if (!own && !target.inCommunity) {
    const defis = data.promotions.flatMap((p) => p.defis.map((d) => d.id)).join(', ');
    throw new UserError('standup.historyUnknown', { who: typed, defis });
  }
  const refs = await services.standups.history(email, count);
  const posts = await Promise.all(
    refs.map(async (ref) => ({
      ...ref,
      entry: await services.standups.entry(ref.ritualId, ref.periodId, email),
    })),
  );
  const blocks: Block[] = [];
  for (const { ritualId, periodId, entry } of posts) {
    if (!entry) continue;
    const ritual = data.standups.find((r) => r.id === ritualId);
    const days = ritual && periodDaysOf(ritual, periodId);
    const heading =
      ritual && days
        ? periodHeading(ritual, days, data.timezone, locale, t)
        : [{ kind: 'bold' as const, text: periodId }];
    const answers = memberAnswers(ritual?.questions ?? DEFAULT_QUESTIONS, target.name, entry, locale);
    blocks.push({ kind: 'section', text: joinLines([heading, answers]) });
  }
  if (blocks.length === 0)
    return single(
      own ? t('standup.historyEmptyOwn') : t('standup.historyEmptyPerson', { name: target.name }),
    );
  const title = own ? t('standup.historyTitleOwn') : t('standup.historyTitlePerson', { name: target.name });
  return reply(title, [{ kind: 'header', text: title }, ...blocks]);
}

/** A défi's last `count` periods that have opened, newest first: each member's answers, who was away or silent. */
async function defiHistory(
  ctx: Context,
  defi: DefiData,
  promotion: PromotionData,
  count: number,
): Promise<Reply> {
  const { services, locale, t } = ctx;
  const { timezone } = services.roster.data;
  const ritual = ritualOf(services.roster.data, promotion.id);
  if (!ritual || !includes(ritual, defi)) throw new UserError('standup.historyNoRitual', { defi: defi.name });
  const now = services.clock.now();
  const periods = periodsBetween(ritual, promotion, promotion.start, localDate(now, timezone), timezone)
    .filter((p) => p.opensAt.getTime() <= now.getTime())
    .slice(-count)
    .reverse();
  if (periods.length === 0) return single(t('standup.historyEmptyDefi', { defi: defi.name }));
  const members = defi.eig.map((p) => ({
    email: normalizeEmail(p.email),
    name: p.name ?? nameFromEmail(p.email),
  }));
  const absent = await services.standups.absencesOf(members.map((m) => m.email));
  const title = t('standup.historyTitleDefi', { defi: defi.name });
  const blocks: Block[] = [{ kind: 'header', text: title }];
  for (const period of periods) {
    const entries = await Promise.all(
      members.map((m) => services.standups.entry(ritual.id, period.id, m.email)),
    );
    blocks.push({ kind: 'section', text: periodHeading(ritual, period, timezone, locale, t) });
    const away: string[] = [];
    const silent: string[] = [];
    members.forEach((member, i) => {
      const entry = entries[i];
      if (entry)
        blocks.push({ kind: 'section', text: memberAnswers(ritual.questions, member.name, entry, locale) });
      else if (isAbsent(absent.get(member.email) ?? [], period, timezone)) away.push(member.name);
      else silent.push(member.name);
    });
    if (away.length)
      blocks.push({ kind: 'context', text: t('standup.historyAbsent', { names: away.join(', ') }) });
    if (silent.length)
      blocks.push({ kind: 'context', text: t('standup.historySilent', { names: silent.join(', ') }) });
  }
  return reply(title, blocks);
}

/**
 * `/standup historique [@personne|e-mail|défi] [n]`: your last n stand-ups (4 by default, 1–12). Someone else's
 * is shown to the coordinators and to the mentors of their défi; a défi's, period by period with who did not
 * write, to its mentors and the coordinators. Everyone else is told what they may read instead.
 */
export const standupHistoriqueCommand: CommandHandler = {
  command: 'standup',
  name: 'historique',
  aliases: ['history', 'historic'],
  help: 'help.standup.historique',
  async run(ctx, args) {
    const { target, count } = await parseArgs(ctx, args);
    const coordinator = can(ctx.person, 'standup.readAll');
    if (target.kind === 'defi') {
      if (!coordinator && !mentorsOneOf(ctx.person, new Set([target.defi.id.toLowerCase()])))
        throw new UserError('standup.historyForbidden');
      return defiHistory(ctx, target.defi, target.promotion, count);
    }
    const own = target.email === ctx.person.email;
    if (!own && !coordinator && !mentorsOneOf(ctx.person, await eigDefisOf(ctx, target.email)))
      throw new UserError('standup.historyForbidden');
    return personHistory(ctx, target.email, target.typed, count);
  },
};
