import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  command,
  PEOPLE,
  type SlackAnswer,
  type SlackE2e,
  shown,
  startSlackE2e,
} from '../support/slack-e2e.js';

const { claire, ines } = PEOPLE;

/** What the person sees in the acknowledgement, after checking it is a well-formed ephemeral answer. */
function seen(answer: SlackAnswer): string {
  expect(answer.status).toBe(200);
  expect(answer.json?.response_type).toBe('ephemeral');
  return shown(answer.json);
}

// The platform-neutral command tests are in commands.test.ts; this is Slack's own escaping, byte for byte.
describe('/cohorte on Slack: what people type never becomes mrkdwn', () => {
  let e2e: SlackE2e;

  beforeEach(async () => {
    e2e = await startSlackE2e('slack-escaping');
  });
  afterEach(async () => {
    await e2e?.stop();
  });

  it.each([
    ['as a special mention', '<!channel> <!here> <script>'],
    ['as Slack escapes typed text', '<!channel> <!here> &lt;script&gt;'],
  ])('never sends back a ping or markup typed by someone (%s)', async (_how, typed) => {
    const unknown = await command(e2e, ines.id, typed);
    expect(seen(unknown)).toContain('Je ne connais pas');
    const role = await command(e2e, claire.id, 'role <!everyone> mentor lexiq');
    expect(seen(role)).toContain('Je ne trouve personne pour « &lt;!everyone&gt; »');

    for (const { raw } of [unknown, role]) {
      for (const token of ['<!channel>', '<!here>', '<!everyone>', '<script>'])
        expect(raw).not.toContain(token);
      expect(raw).not.toContain('&amp;lt;');
    }
    for (const token of ['&lt;!channel&gt;', '&lt;!here&gt;', '&lt;script&gt;'])
      expect(unknown.raw).toContain(token);
    expect(role.raw).toContain('&lt;!everyone&gt;');
  });
});
