import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohorteBody, PEOPLE, postToBot, type SlackE2e, shown, startSlackE2e } from '../support/slack-e2e.js';
import { waitFor } from '../support/wait.js';

const { claire } = PEOPLE;

/** `/<command> <text>` typed by Claire, with the recorded payload's trigger id (the same each time). */
function typed(e2e: SlackE2e, command: string, text: string, responseId: string) {
  const body = new URLSearchParams(cohorteBody(claire.id, text, e2e.double.responseUrl(responseId)));
  body.set('command', `/${command}`);
  return postToBot(e2e.bot, body.toString());
}

// A form that cannot open (its trigger already used or expired: `exchanged_trigger_id`, `expired_trigger_id`)
// falls back to the reply's text: it must say what happened and what to do, on whatever platform shows it.
describe('A form that cannot open, on Slack', () => {
  let e2e: SlackE2e;

  beforeAll(async () => {
    e2e = await startSlackE2e('form-fallback');
  });
  afterAll(() => e2e?.stop());

  it.each([
    ['session', 'nouvelle', 'Le formulaire de session n’a pas pu s’ouvrir : tapez la commande de nouveau.'],
    ['rituel', 'ajouter', 'Le formulaire des rituels n’a pas pu s’ouvrir : tapez la commande de nouveau.'],
    ['annonce', '', 'Le formulaire d’annonce n’a pas pu s’ouvrir : tapez la commande de nouveau.'],
  ])(
    '/%s %s with a spent trigger tells the coordinator to type it again',
    async (command, text, expected) => {
      await typed(e2e, command, text, `${command}-first`);
      await waitFor(() => e2e.double.callsTo('views.open').length > 0, 5000, 'a first modal');
      const answer = await typed(e2e, command, text, command);
      expect(answer.status).toBe(200);
      await waitFor(() => e2e.double.responses(command).length > 0, 5000, 'the fallback');
      const [reply] = e2e.double.responses(command);
      expect(reply?.response_type).toBe('ephemeral');
      expect(shown(reply)).toBe(expected);
    },
  );
});
