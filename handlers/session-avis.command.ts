import { UserError } from '../src/core/errors.js';
import { type CommandHandler, firstWord } from '../src/core/handler.js';
import { feedbackSummary } from '../src/core/sessions/feedback.js';
import { sessionById } from '../src/core/sessions/rsvp.js';
import { addCalendarDays } from '../src/core/time/days.js';
import { localDate } from '../src/core/time/local.js';
import { exampleDay } from '../src/core/time/typed-days.js';

/** `/session avis <id>` (coordinators): the feedback summary of a session, whenever they want it. */
export const sessionAvisCommand: CommandHandler = {
  command: 'session',
  name: 'avis',
  aliases: ['feedback'],
  permission: 'sessions.manage',
  help: 'help.session.avis',
  async run({ services, locale }, args) {
    const id = firstWord(args);
    if (!id) {
      // A summary is of a session gone by: the example is a week ago.
      const today = localDate(services.clock.now(), services.roster.data.timezone);
      const iso = addCalendarDays(today, -7);
      throw new UserError('session.summaryUsage', { example: exampleDay(today, -1), iso });
    }
    const session = await sessionById(services, id);
    const feedbacks = await services.sessions.feedbacks(session.id);
    const { yes } = await services.sessions.headcount(session.id);
    return { visibility: 'ephemeral', message: feedbackSummary(session, feedbacks, yes, locale) };
  },
};
