import { UserError } from '../errors.js';
import type { Context, Reply } from '../handler.js';
import { plain, type Rich, textMessage, toPlainText } from '../message.js';
import { nameFromEmail } from '../roster/roster.js';
import { formatDateTime } from '../time/format.js';
import { clearedAnswers } from './answers.js';
import type { StandupPlace } from './context.js';
import { memberAnswers } from './digest.js';
import { helpRequestId } from './store.js';

/** Mentors of the défi by name, then the coordination: who reads a stand-up. */
function readers(ctx: Context, place: StandupPlace): string {
  const mentors = place.defi.mentors.map((m) => m.name ?? nameFromEmail(m.email));
  return [...mentors, toPlainText(ctx.t('standup.coordination'))].join(', ');
}

/**
 * Records a person's answers for the open period, as `answersOf` makes them of the stored ones (atomically: two
 * quick posts both count): replaces an earlier post (an edit), keeps or withdraws their help request, and, when
 * the défi's digest is already out, adds the post to its thread. Returns the confirmation a person sees: what was
 * recorded and who will read it.
 */
export async function submitStandup(
  ctx: Context,
  place: StandupPlace,
  answersOf: (stored: Record<string, string> | undefined) => Record<string, string>,
): Promise<Reply> {
  const { services, person, t, locale } = ctx;
  const { ritual, period, defi } = place;
  const now = services.clock.now();
  let before: Record<string, string> = {};
  const { entry, edited } = await services.standups.save(
    ritual.id,
    period.id,
    { email: person.email, at: now.toISOString() },
    (stored) => {
      before = stored ?? {};
      const answers = answersOf(stored);
      if (Object.keys(answers).length === 0) throw new UserError('standup.empty');
      return answers;
    },
  );
  const { answers } = entry;
  const helpQuestion = ritual.questions.find((q) => q.help);
  const helpText = helpQuestion ? answers[helpQuestion.id] : undefined;
  if (helpText) {
    await services.standups.setHelp({
      id: helpRequestId(ritual.id, period.id, person.email),
      ritualId: ritual.id,
      periodId: period.id,
      defiId: defi.id,
      email: person.email,
      text: helpText,
      at: now.toISOString(),
    });
  } else await services.standups.clearHelp(ritual.id, period.id, person.email);

  const digest = await services.standups.digest(ritual.id, period.id, defi.id);
  if (digest) {
    const defaultLocale = services.roster.data.locale;
    const late = memberAnswers(ritual.questions, person.name, entry, defaultLocale);
    await services.outbox.send({
      key: `standup-late:${ritual.id}:${period.id}:${person.email}:${entry.at}`,
      to: { kind: 'channel', channel: digest.channel },
      replyTo: digest.deliveryKey,
      message: textMessage(late),
    });
  }

  const deadline = formatDateTime(period.deadlineAt, services.roster.data.timezone, locale);
  const lines: Rich[] = [
    // After the deadline the post still counts for its week, but there is no edit window left to promise.
    now >= period.deadlineAt
      ? t('standup.recordedLate')
      : t(edited ? 'standup.updated' : 'standup.recorded', { deadline }),
    memberAnswers(ritual.questions, person.name, entry, locale),
    t('standup.readers', { readers: readers(ctx, place) }),
  ];
  const cleared = clearedAnswers(ritual.questions, before, answers, locale);
  // Emptied answers are named and given back: `aide:` withdraws a help request, but nothing goes unnoticed.
  if (cleared) lines.splice(2, 0, t('standup.cleared', cleared));
  if (digest) lines.push(t('standup.lateThread'));
  return {
    visibility: 'ephemeral',
    message: { fallback: lines[0] ?? plain(''), blocks: lines.map((text) => ({ kind: 'section', text })) },
  };
}
