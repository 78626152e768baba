import { ephemeral, type FormHandler, type Reply } from '../src/core/handler.js';
import { sessionDate } from '../src/core/sessions/announcement.js';
import { parseSessionForm, SESSION_FORM } from '../src/core/sessions/form.js';
import { changeSession, publishSession } from '../src/core/sessions/lifecycle.js';
import { sessionById } from '../src/core/sessions/rsvp.js';
import type { Session, SessionDetails } from '../src/core/sessions/session.js';
import { localDate } from '../src/core/time/local.js';

/** Tries this many ids for a day (`2026-12-03`, `2026-12-03-2`, …) before giving up. */
const IDS_PER_DAY = 9;

/** Whether a stored session is the one a new-session form describes again (a form submitted twice). */
const sameSession = (
  session: Session | undefined,
  date: string,
  details: SessionDetails,
): session is Session =>
  session !== undefined &&
  !session.cancelled &&
  session.date === date &&
  session.title === details.title &&
  session.start === details.start;

/**
 * The session form's submission: checked field by field (the form stays open). A new session is created under the
 * first free id of its day, announced in the community channel with its RSVP buttons, and its reminders scheduled;
 * the same session submitted again (same day, title and start) is not created twice: the answer points to it. A
 * changed one (its id as the context) is saved with a higher SEQUENCE and everyone concerned is told, unless it
 * was cancelled meanwhile; its capacity may not go below the people already coming.
 */
export const sessionFormHandler: FormHandler = {
  formId: SESSION_FORM,
  permission: 'sessions.manage',
  async run({ t, services, locale }, values, context) {
    const data = services.roster.data;
    const now = services.clock.now();
    const parsed = parseSessionForm(values, data, localDate(now, data.timezone), t);
    if ('errors' in parsed) return parsed;
    if (context) {
      const old = await sessionById(services, context);
      const cancelled = () =>
        ephemeral(t('session.alreadyCancelled', { title: old.title, date: sessionDate(old, locale) }));
      if (old.cancelled) return cancelled();
      const changed = await changeSession(services, old, { ...parsed.details, date: parsed.date });
      // Cancelled since it was read: the store refuses the change in the same step as it checks.
      if (changed === 'cancelled') return cancelled();
      // Fewer seats than people coming would leave someone without a seat they were promised: refused.
      if ('refused' in changed)
        return { errors: { capacity: t('session.fix.capacityBelow', { yes: changed.refused }) } };
      const { session, told } = changed;
      return ephemeral(t('session.changed', { title: session.title, id: session.id, count: told }));
    }
    const created = (session: Session): Reply =>
      ephemeral(
        t('session.created', {
          title: session.title,
          date: sessionDate(session, locale),
          id: session.id,
          channel: data.channels.community,
        }),
      );
    const twin = (await services.sessions.all()).find((s) => sameSession(s, parsed.date, parsed.details));
    if (twin) return created(twin);
    for (let n = 1; n <= IDS_PER_DAY; n++) {
      const session: Session = {
        ...parsed.details,
        id: n === 1 ? parsed.date : `${parsed.date}-${n}`,
        date: parsed.date,
        timezone: data.timezone,
        sequence: 0,
        cancelled: false,
        createdAt: now.toISOString(),
      };
      if (await publishSession(services, session)) return created(session);
      // Taken by the same form submitted at the same moment (creation is atomic, the check above is not).
      const taken = await services.sessions.get(session.id);
      if (sameSession(taken, parsed.date, parsed.details)) return created(taken);
    }
    return { errors: { date: t('session.fix.dateFull', { count: IDS_PER_DAY }) } };
  },
};
