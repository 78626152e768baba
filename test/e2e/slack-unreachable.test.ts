import { afterEach, describe, expect, it } from 'vitest';
import { command, PEOPLE, type SlackE2e, shown, startSlackE2e } from '../support/slack-e2e.js';

describe('Slack Web API unreachable', () => {
  let e2e: SlackE2e | undefined;
  afterEach(async () => {
    await e2e?.bot.stop();
  });

  it('a command that needs Slack answers "réessayez dans une minute", not an internal error', async () => {
    e2e = await startSlackE2e('slack-unreachable');
    // Inès was never looked up: her command must ask Slack who she is, and Slack is gone.
    await e2e.double.close();
    const answer = await command(e2e, PEOPLE.ines.id, 'moi');
    expect(answer.status).toBe(200);
    expect(shown(answer.json)).toContain('Service momentanément indisponible, réessayez dans une minute.');
    expect(answer.ms).toBeLessThan(3000);
  });
});
