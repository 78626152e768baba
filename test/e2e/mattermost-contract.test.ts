import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type MattermostE2e,
  postToBot,
  recordedCommand,
  startMattermostE2e,
} from '../support/mattermost-e2e.js';

const Response = z.looseObject({
  go_struct: z.looseObject({
    json_fields: z.array(z.string()),
    constants: z.record(z.string(), z.string()),
  }),
});
const responseFormat = Response.parse(
  JSON.parse(
    readFileSync(
      new URL('../fixtures/mattermost/slash_command_response.docs_examples.json', import.meta.url),
      'utf8',
    ),
  ),
);

describe('the recorded slash-command request, byte for byte, with hand-made command tokens', () => {
  let e2e: MattermostE2e;
  const recorded = recordedCommand();
  const token = 'qzgakf1nx3yt9dr4n8585ihbxy';

  afterEach(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    await e2e?.stop();
  });

  it('is answered as JSON Mattermost parses, in the documented response format, and nothing is registered', async () => {
    e2e = await startMattermostE2e('mm-contract', {
      MATTERMOST_COMMAND_TOKENS: `weather:${token},cohorte:abc`,
    });
    expect(e2e.double.commands()).toEqual([]);
    const answer = await postToBot(e2e.bot, 'command', recorded.raw_body, recorded.headers);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/json');
    for (const key of Object.keys(answer.json ?? {}))
      expect(responseFormat.go_struct.json_fields).toContain(key);
    expect(Object.values(responseFormat.go_struct.constants)).toContain(answer.json?.response_type);
    expect(answer.json?.response_type).toBe('ephemeral');
    expect(String(answer.json?.text)).toContain('Je ne connais pas `/weather toronto week`');
  });

  it('refuses the same request with one byte of the token changed, in the body or in the header', async () => {
    e2e = await startMattermostE2e('mm-contract-401', { MATTERMOST_COMMAND_TOKENS: `weather:${token}` });
    const altered = `${token.slice(0, -1)}z`;
    const body = recorded.raw_body.replace(`token=${token}`, `token=${altered}`);
    expect(body).not.toBe(recorded.raw_body);
    expect((await postToBot(e2e.bot, 'command', body, recorded.headers)).status).toBe(401);
    const header = { ...recorded.headers, Authorization: `Token ${altered}` };
    expect((await postToBot(e2e.bot, 'command', recorded.raw_body, header)).status).toBe(401);
    const { Authorization: _, ...noHeader } = recorded.headers;
    const noToken = recorded.raw_body.replace(`&token=${token}`, '');
    expect(
      (
        await postToBot(e2e.bot, 'command', noToken, {
          ...noHeader,
          'Content-Length': String(noToken.length),
        })
      ).status,
    ).toBe(401);
  });
});
