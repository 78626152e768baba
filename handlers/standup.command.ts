import { type CommandHandler, HELP_WORDS } from '../src/core/handler.js';
import { parseStandupText } from '../src/core/standup/answers.js';
import { standupPlace } from '../src/core/standup/context.js';
import { openStandupForm } from '../src/core/standup/form.js';
import { submitStandup } from '../src/core/standup/submit.js';

/**
 * `/standup` opens the form, prefilled with this week's post or the previous one; `/standup <texte>` posts at once
 * (`priorités: … ; difficultés: … ; aide: …`, unlabelled text = priorities). Posting again before the deadline edits:
 * the questions named are replaced, the others kept, and `aide:` alone withdraws a help request.
 */
export const standupCommand: CommandHandler = {
  command: 'standup',
  name: '',
  help: 'help.standup',
  async run(ctx, text) {
    if (!text.trim()) return openStandupForm(ctx);
    // `/standup aide` asks for the help, not a stand-up whose priorities are « aide ».
    if (HELP_WORDS.has(text.trim().toLowerCase())) return { visibility: 'ephemeral', message: ctx.help() };
    const { person, services, locale } = ctx;
    const place = standupPlace(person, services.roster.data, services.clock.now());
    return submitStandup(ctx, place, (stored) =>
      parseStandupText(text, place.ritual.questions, locale, stored),
    );
  },
};
