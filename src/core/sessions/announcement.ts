import { type Locale, type Translate, translator } from '../i18n/index.js';
import { type Block, type Button, type Message, type Rich, toPlainText } from '../message.js';
import { formatDay } from '../time/format.js';
import type { Session } from './session.js';
import type { Headcount } from './store.js';

/** Action ids of the RSVP buttons (letters and digits: Mattermost); their value is the session id. */
export const RSVP_ACTIONS = { yes: 'sessionyes', maybe: 'sessionmaybe', no: 'sessionno' } as const;

/** The delivery key of a session's announcement: updates to the headcount replace that very message (stored: kept as is). */
export const announcementKey = (sessionId: string): string => `session-announce:${sessionId}`;

/** The links of a session when Cohorte has a public feed (see `Services.calendarFeed`): its `.ics`, and the feed. */
const calendarLinks = (feed: string | undefined, sessionId: string) =>
  feed
    ? { ics: `${feed}${feed.includes('?') ? '&' : '?'}session=${encodeURIComponent(sessionId)}`, feed }
    : undefined;

/** The session's day as people read it: « jeudi 3 décembre 2026 ». */
export const sessionDate = (session: Session, locale: Locale): string =>
  formatDay(session.date, session.timezone, locale);

/** « Ségur, 14 avenue Duquesne » (or the place alone). */
export const whereText = (session: Session, t: Translate): Rich =>
  session.address
    ? t('session.whereAddress', { place: session.place, address: session.address })
    : t('session.where', { place: session.place });

/** Promotions as the file names them, to show their display names rather than their ids. */
export type PromotionNames = readonly { id: string; name: string }[];

/** Who a session is for, as a list (`la promotion EIG 7, leurs mentors, la coordination`). */
export function audienceWho(session: Session, t: Translate, promotions: PromotionNames): Rich {
  const nameOf = (id: string) => promotions.find((p) => p.id === id)?.name ?? id;
  const parts = [
    ...session.audience.promotions.map((id) => t('session.audiencePromotion', { promotion: nameOf(id) })),
    ...(session.audience.mentors ? [t('session.audienceMentors')] : []),
    ...(session.audience.alumni ? [t('session.audienceAlumni')] : []),
    t('session.audienceCoordination'),
  ];
  return parts.flatMap((p, i) => (i === 0 ? p : [{ kind: 'plain' as const, text: ', ' }, ...p]));
}

/** Who a session is for, as a phrase. */
const audienceText = (session: Session, t: Translate, promotions: PromotionNames): Rich =>
  t('session.audience', { who: audienceWho(session, t, promotions) });

/** The three RSVP buttons of a session, *Je viens* first and primary; each carries the session id. */
export const rsvpButtons = (session: Session, t: Translate): Button[] =>
  (['yes', 'maybe', 'no'] as const).map((answer) => ({
    actionId: RSVP_ACTIONS[answer],
    label: t(`session.${answer}`),
    value: session.id,
    ...(answer === 'yes' ? { style: 'primary' as const } : {}),
  }));

/** The headcount line: with seats and waiting list when the session has a capacity. */
const headcountText = (session: Session, count: Headcount, t: Translate): Rich =>
  session.capacity
    ? t('session.headcountCapacity', { ...count, capacity: session.capacity })
    : t('session.headcount', count);

/**
 * The announcement in the community channel: what, when, where, for whom, the live headcount and the three RSVP
 * buttons, plus calendar links when there is a public URL. Once cancelled: the title says so, no buttons.
 */
export function announcement(
  session: Session,
  count: Headcount,
  locale: Locale,
  promotions: PromotionNames,
  calendarFeed?: string,
): Message {
  const t = translator(locale);
  const date = sessionDate(session, locale);
  const blocks: Block[] = [
    {
      kind: 'header',
      text: session.cancelled
        ? t('session.cancelledTitle', { title: session.title })
        : [{ kind: 'plain', text: session.title }],
    },
    { kind: 'section', text: t('session.when', { date, start: session.start, end: session.end }) },
    { kind: 'section', text: whereText(session, t) },
  ];
  if (session.agenda) blocks.push({ kind: 'section', text: t('session.agenda', { agenda: session.agenda }) });
  blocks.push({ kind: 'context', text: audienceText(session, t, promotions) });
  if (session.cancelled) {
    blocks.push({ kind: 'section', text: t('session.cancelledNote') });
  } else {
    blocks.push({ kind: 'section', text: headcountText(session, count, t) });
    const poll = t('session.pollQuestion', { title: session.title, date });
    blocks.push({ kind: 'actions', buttons: rsvpButtons(session, t), poll });
    const links = calendarLinks(calendarFeed, session.id);
    if (links)
      blocks.push({
        kind: 'context',
        text: [
          { kind: 'link', url: links.ics, text: toPlainText(t('session.icsLink')) },
          { kind: 'plain', text: ' · ' },
          { kind: 'link', url: links.feed, text: toPlainText(t('session.feedLink')) },
        ],
      });
  }
  return { fallback: t('session.fallback', { title: session.title, date }), blocks };
}
