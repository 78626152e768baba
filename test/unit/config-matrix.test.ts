import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const MATRIX = {
  MATRIX_HOMESERVER_URL: 'http://pantalaimon:8009/',
  MATRIX_ACCESS_TOKEN: 'syt_Y29ob3J0ZQ_secretvalue_1a2b3c',
  MATRIX_USER_ID: '@cohorte-beta.gouv.fr:agent.tchap.gouv.fr',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig on Matrix (Tchap)', () => {
  it('selects Matrix with the homeserver, token and bot id, paced at one call per second, outbox included', () => {
    const config = loadConfig(MATRIX);
    expect(config.chat).toEqual({
      kind: 'matrix',
      homeserverUrl: 'http://pantalaimon:8009',
      accessToken: MATRIX.MATRIX_ACCESS_TOKEN,
      userId: MATRIX.MATRIX_USER_ID,
      requestsPerSecond: 1,
    });
    expect(config.OUTBOX_WORKSPACE_PER_SECOND).toBe(1);
  });

  it('takes an identity server and another pace when given', () => {
    const config = loadConfig({
      ...MATRIX,
      MATRIX_IDENTITY_SERVER_URL: 'https://matrix.agent.tchap.gouv.fr/',
      MATRIX_REQUESTS_PER_SECOND: '0.5',
      OUTBOX_WORKSPACE_PER_SECOND: '2',
    });
    expect(config.chat).toMatchObject({
      identityServerUrl: 'https://matrix.agent.tchap.gouv.fr',
      requestsPerSecond: 0.5,
    });
    expect(config.OUTBOX_WORKSPACE_PER_SECOND).toBe(2);
  });

  it('names each missing variable once any Matrix variable is set', () => {
    expect(problems({ MATRIX_HOMESERVER_URL: MATRIX.MATRIX_HOMESERVER_URL })).toEqual([
      'MATRIX_ACCESS_TOKEN: requis dès qu’une variable Matrix est définie (ici MATRIX_HOMESERVER_URL) ; sans Matrix, retirez-les',
      'MATRIX_USER_ID: requis dès qu’une variable Matrix est définie (ici MATRIX_HOMESERVER_URL) ; sans Matrix, retirez-les',
    ]);
  });

  it('refuses Matrix and Slack variables together, and a malformed user id, never quoting a value', () => {
    const found = problems({ ...MATRIX, SLACK_BOT_TOKEN: 'xoxb-1', MATRIX_USER_ID: 'cohorte' });
    expect(found).toContain(
      'MATRIX_USER_ID: identifiant Matrix attendu, par exemple @cohorte-beta.gouv.fr:agent.tchap.gouv.fr',
    );
    expect(found.some((p) => p.startsWith('Variables de Matrix et d’une autre plateforme à la fois'))).toBe(
      true,
    );
    expect(found.join('\n')).not.toContain(MATRIX.MATRIX_ACCESS_TOKEN);
  });
});
