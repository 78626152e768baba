import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const MATTERMOST = {
  MATTERMOST_URL: 'https://chat.exemple.gouv.fr/',
  MATTERMOST_BOT_TOKEN: 'a1b2c3d4e5f6g7h8i9j0k1l2m3',
  MATTERMOST_TEAM: 'eig',
  PUBLIC_URL: 'https://cohorte.exemple.gouv.fr/',
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

describe('loadConfig on Mattermost', () => {
  it('selects Mattermost with its URL, bot token, team and the public URL, paced at 8 requests per second', () => {
    expect(loadConfig(MATTERMOST).chat).toEqual({
      kind: 'mattermost',
      url: 'https://chat.exemple.gouv.fr',
      botToken: MATTERMOST.MATTERMOST_BOT_TOKEN,
      team: 'eig',
      publicUrl: 'https://cohorte.exemple.gouv.fr',
      requestsPerSecond: 8,
    });
    expect(loadConfig(MATTERMOST).LOG_LEVEL).toBe('info');
  });

  it('reads hand-made command tokens, the manual fallback', () => {
    const chat = loadConfig({
      ...MATTERMOST,
      MATTERMOST_COMMAND_TOKENS: 'cohorte:abc123, standup:def456',
    }).chat;
    expect(chat.kind === 'mattermost' && chat.commandTokens).toEqual({
      cohorte: 'abc123',
      standup: 'def456',
    });
  });

  it('names every missing variable once any Mattermost variable is set', () => {
    expect(problems({ MATTERMOST_URL: MATTERMOST.MATTERMOST_URL })).toEqual([
      'MATTERMOST_BOT_TOKEN: requis dès qu’une variable Mattermost est définie (ici MATTERMOST_URL) ; sans Mattermost, retirez-les',
      'MATTERMOST_TEAM: requis dès qu’une variable Mattermost est définie (ici MATTERMOST_URL) ; sans Mattermost, retirez-les',
      'PUBLIC_URL: requis dès qu’une variable Mattermost est définie (ici MATTERMOST_URL) ; sans Mattermost, retirez-les',
    ]);
  });

  it('refuses Slack and Mattermost together, naming the variables and never their values', () => {
    const found = problems({
      ...MATTERMOST,
      SLACK_BOT_TOKEN: 'xoxb-secret-value',
      SLACK_SIGNING_SECRET: 'x'.repeat(20),
    });
    expect(found).toEqual([
      'Variables de Slack et de Mattermost à la fois (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, MATTERMOST_URL, ' +
        'MATTERMOST_BOT_TOKEN, MATTERMOST_TEAM) : Cohorte parle à une seule plateforme par processus ; retirez les variables de l’une',
    ]);
    expect(found.join('\n')).not.toContain('secret-value');
  });

  it('says what a malformed token list or token should look like, without repeating it', () => {
    const found = problems({
      ...MATTERMOST,
      MATTERMOST_BOT_TOKEN: 'short',
      MATTERMOST_COMMAND_TOKENS: '/cohorte=abc',
    });
    expect(found).toEqual([
      'MATTERMOST_BOT_TOKEN: jeton d’accès du bot attendu (au moins 16 lettres et chiffres, page Comptes de bot de Mattermost)',
      'MATTERMOST_COMMAND_TOKENS: paires déclencheur:jeton séparées par des virgules attendues, par exemple cohorte:abc123,standup:def456',
    ]);
  });
});
