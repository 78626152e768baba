import { z } from 'zod';
import type { Locale } from '../src/core/i18n/index.js';
import { JobDataSchema, type JobDefinition } from '../src/core/job.js';
import type { Message } from '../src/core/message.js';
import type { Attachment, Services } from '../src/core/ports.js';
import { sessionIcsFile } from '../src/core/sessions/calendar.js';
import { feedbackAsk, feedbackSummary } from '../src/core/sessions/feedback.js';
import { personLocale, REMINDER_KINDS, SESSION_REMINDER_JOB } from '../src/core/sessions/lifecycle.js';
import { openingStandup } from '../src/core/sessions/opening.js';
import { d1Message, d7Message, morningMessage } from '../src/core/sessions/reminders.js';
import { audienceOf, type Session } from '../src/core/sessions/session.js';

const DataSchema = JobDataSchema.extend({
  sessionId: z.string(),
  kind: z.enum(REMINDER_KINDS),
  sequence: z.number().int(),
});
type Data = z.infer<typeof DataSchema>;

/** The session's audience now, by the one rule of who is reminded (`inAudience`): the file and roles as they are. */
async function audienceNow(services: Services, session: Session): Promise<string[]> {
  const granted = await services.people.granted();
  return audienceOf(services.roster, granted, session.audience, services.clock.now());
}

/** The people in one or more answer states. */
async function answered(services: Services, session: Session, states: readonly string[]) {
  return [...(await services.sessions.answers(session.id))]
    .filter(([, s]) => states.includes(s))
    .map(([e]) => e);
}

/**
 * Those in one or more answer states who are still of the audience: someone who left community.yml, or was left
 * out by a change of audience, answered for a session that is no longer theirs.
 */
async function answeredInAudience(services: Services, session: Session, states: readonly string[]) {
  const audience = new Set(await audienceNow(services, session));
  return (await answered(services, session, states)).filter((email) => audience.has(email));
}

/** One private message per person, in their language, keyed by kind, session and person. Returns how many. */
async function tellEach(
  services: Services,
  kind: string,
  session: Session,
  people: readonly string[],
  message: (locale: Locale) => Message,
  file?: Attachment,
): Promise<number> {
  for (const email of people)
    await services.outbox.send({
      key: `${kind}:${session.id}:${email}`,
      to: { kind: 'person', email },
      message: message(await personLocale(services, email)),
      file,
    });
  return people.length;
}

/** Each kind's sending: DMs keyed per person and session, channel posts per session, so a rerun sends nothing new. */
const SEND: Record<Data['kind'], (services: Services, session: Session) => Promise<number>> = {
  async d7(services, session) {
    const answers = await services.sessions.answers(session.id);
    const silent = (await audienceNow(services, session)).filter((e) => !answers.has(e));
    const { yes } = await services.sessions.headcount(session.id);
    const full = session.capacity !== undefined && yes >= session.capacity;
    return tellEach(services, 'session-d7', session, silent, (locale) => d7Message(session, locale, full));
  },
  async d1(services, session) {
    const people = await answeredInAudience(services, session, ['yes', 'maybe']);
    const ics = sessionIcsFile(session, services.clock.now());
    return tellEach(services, 'session-d1', session, people, (locale) => d1Message(session, locale), ics);
  },
  async morning(services, session) {
    const { channels, locale } = services.roster.data;
    const coming = await answered(services, session, ['yes']);
    const morning = morningMessage(session, coming.length, locale);
    // One message, so the opening stand-up always reads after the day's post (two deliveries could swap).
    const opening =
      session.audience.promotions.length > 0 ? await openingStandup(services, session, coming) : undefined;
    await services.outbox.send({
      key: `session-morning:${session.id}`,
      to: { kind: 'channel', channel: channels.community },
      message: opening
        ? { fallback: morning.fallback, blocks: [...morning.blocks, { kind: 'divider' }, ...opening.blocks] }
        : morning,
    });
    return 1;
  },
  async feedback(services, session) {
    const people = await answeredInAudience(services, session, ['yes']);
    return tellEach(services, 'session-feedback', session, people, (locale) => feedbackAsk(session, locale));
  },
  async summary(services, session) {
    const { channels, locale } = services.roster.data;
    const { yes } = await services.sessions.headcount(session.id);
    await services.outbox.send({
      key: `session-summary:${session.id}`,
      to: { kind: 'channel', channel: channels.coordination },
      message: feedbackSummary(session, await services.sessions.feedbacks(session.id), yes, locale),
    });
    return 1;
  },
};

/**
 * One reminder of a session, scheduled once at its time when the session is created: D-7 to the audience who has
 * not answered, D-1 to yes and maybe of the audience (with the `.ics`), the morning post and opening stand-up, the
 * feedback prompt the day after to the audience who came, the coordinators' summary at D+3. Nothing for a cancelled or since-changed session.
 */
export const sessionReminderJob: JobDefinition<Data> = {
  name: SESSION_REMINDER_JOB,
  schema: DataSchema,
  async run(services, { sessionId, kind, sequence }) {
    const session = await services.sessions.get(sessionId);
    if (!session || session.cancelled || session.sequence !== sequence)
      return `${sessionId} ${kind}: nothing (cancelled or changed)`;
    const count = await SEND[kind](services, session);
    return `${sessionId} ${kind}: ${count} sent`;
  },
};
