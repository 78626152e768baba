import type { Context } from '../handler.js';
import { type Block, type Message, textMessage } from '../message.js';
import { localDate } from '../time/local.js';
import { sessionDate, whereText } from './announcement.js';
import type { Session } from './session.js';

/** Sessions not cancelled whose day is today or later, by date. */
async function upcomingSessions(ctx: Pick<Context, 'services'>): Promise<Session[]> {
  const { services } = ctx;
  const today = localDate(services.clock.now(), services.roster.data.timezone);
  return (await services.sessions.all()).filter((s) => !s.cancelled && s.date >= today);
}

/** `/session`: upcoming sessions, each with the person's answer. */
export async function sessionList(ctx: Context): Promise<Message> {
  const { t, locale, person, services } = ctx;
  const sessions = await upcomingSessions(ctx);
  if (sessions.length === 0) return textMessage(t('session.none'));
  const blocks: Block[] = [{ kind: 'header', text: t('session.listTitle') }];
  for (const session of sessions) {
    const answer = (await services.sessions.answers(session.id)).get(person.email);
    const when = t('session.when', {
      date: sessionDate(session, locale),
      start: session.start,
      end: session.end,
    });
    blocks.push(
      {
        kind: 'section',
        text: t('session.listLine', {
          title: session.title,
          id: session.id,
          when,
          where: whereText(session, t),
        }),
      },
      {
        kind: 'context',
        text: answer
          ? t('session.yourAnswer', { answer: t(`session.answer.${answer}`) })
          : t('session.noAnswer'),
      },
    );
  }
  return { fallback: t('session.listTitle'), blocks };
}
