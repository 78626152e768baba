import { UserError } from '../src/core/errors.js';
import { type CommandHandler, ephemeral, firstWord } from '../src/core/handler.js';
import { sessionDate } from '../src/core/sessions/announcement.js';
import { cancelSession } from '../src/core/sessions/cancel.js';
import { sessionById } from '../src/core/sessions/rsvp.js';
import { isPastSession } from '../src/core/sessions/session.js';

/**
 * `/session annuler <id>` (coordinators): cancels, withdraws its reminders and tells those who said yes or maybe.
 * A past session is not cancelled: its attendees would be told an event they went to is off.
 */
export const sessionAnnulerCommand: CommandHandler = {
  command: 'session',
  name: 'annuler',
  aliases: ['cancel'],
  permission: 'sessions.manage',
  help: 'help.session.annuler',
  async run({ t, services, locale }, args) {
    const id = firstWord(args);
    if (!id) throw new UserError('session.cancelUsage');
    const session = await sessionById(services, id);
    const params = { title: session.title, date: sessionDate(session, locale) };
    if (session.cancelled) return ephemeral(t('session.alreadyCancelled', params));
    if (isPastSession(session, services.clock.now())) return ephemeral(t('session.cancelPast', params));
    // Cancelled as stored when it lands: an edit since this read is kept, and the answer names what was cancelled.
    const done = await cancelSession(services, session.id);
    if (done === 'cancelled') return ephemeral(t('session.alreadyCancelled', params));
    const cancelled = { title: done.session.title, date: sessionDate(done.session, locale) };
    return ephemeral(t('session.cancelDone', { ...cancelled, count: done.told }));
  },
};
