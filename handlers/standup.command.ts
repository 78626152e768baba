import type { CommandHandler } from '../src/core/handler.js';
import { parseStandupText } from '../src/core/standup/answers.js';
import { standupPlace } from '../src/core/standup/context.js';
import { openStandupForm } from '../src/core/standup/form.js';
import { submitStandup } from '../src/core/standup/submit.js';

/**
 * `/standup` opens the form, prefilled with this week's post or the previous one; `/standup <texte>` posts at once
 * (`priorités: … ; difficultés: … ; aide: …`, unlabelled text = priorities). Posting again before the deadline edits.
 */
export const standupCommand: CommandHandler = {
  command: 'standup',
  name: '',
  help: 'help.standup',
  async run(ctx, text) {
    if (!text.trim()) return openStandupForm(ctx);
    const place = standupPlace(ctx.person, ctx.services.roster.data, ctx.services.clock.now());
    return submitStandup(ctx, place, parseStandupText(text, place.ritual.questions, ctx.locale));
  },
};
