import { requestIdOf } from '../src/core/bulle/lifecycle.js';
import { nameOf } from '../src/core/bulle/notify.js';
import { openSoughtRequest } from '../src/core/bulle/seek.js';
import { knownTopics, namedTopic } from '../src/core/bulle/understand.js';
import { thesaurusOf } from '../src/core/bulle/world.js';
import { UserError } from '../src/core/errors.js';
import { type ActionHandler, ephemeral } from '../src/core/handler.js';
import { can, mentorsOneOf } from '../src/core/permissions.js';
import { FIND_HELPER_ACTION } from '../src/core/standup/digest.js';

/**
 * The digest's *Trouver quelqu'un* button next to a help request: the request becomes a bulloterie request of its
 * author, through the same path as `/bulle cherche` (one in play per person and topic): its topic is the skill the text names, the text its details;
 * a text naming none gets what to type. Clicking again changes nothing: the bulloterie request's id is the help
 * request's.
 */
export const standupFindHelperAction: ActionHandler = {
  actionId: FIND_HELPER_ACTION,
  async run({ services, t, person }, requestId) {
    const help = await services.standups.help(requestId);
    if (!help) return ephemeral(t('standup.helpGone'));
    // The button is in the défi's channel: only its author, the défi's mentors or the coordinators act on it.
    const allowed =
      help.email === person.email ||
      can(person, 'standup.readAll') ||
      mentorsOneOf(person, new Set([help.defiId.toLowerCase()]));
    if (!allowed) throw new UserError('standup.findHelperForbidden');
    const id = requestIdOf(`standup|${help.id}`);
    const requester = nameOf(services, help.email);
    // Clicked again: the request it opened, unchanged, whatever the map holds now (and without reading it).
    const opened = await services.bulle.request(id);
    if (opened) return ephemeral(t('bulle.standup.sent', { requester, topic: opened.label }));
    const known = knownTopics(await services.bulle.allSkills());
    const topic = namedTopic(help.text, thesaurusOf(services), known);
    // The command to type is one line, whatever lines the form's answer had.
    if (!topic)
      throw new UserError('standup.findHelperNoTopic', { details: help.text.replace(/\s+/g, ' ').trim() });
    const request = await openSoughtRequest(
      services,
      { id, email: help.email, topic, details: help.text, source: 'standup' },
      help.email === person.email ? undefined : requester,
    );
    return ephemeral(t('bulle.standup.sent', { requester, topic: request.label }));
  },
};
