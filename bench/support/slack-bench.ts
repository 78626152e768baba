import { createServer } from 'node:net';
import { slackSignature, slashCommandBody } from '../../test/support/slack-sign.js';
import type { LoadRequest } from './load.js';

/** The signing secret shared by the benchmark's servers and its load generator. */
export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';

/** The Slack user who types the benchmarked command: the coordinator Claire Dubois of `test/fixtures/community.yml`. */
export const BENCH_USER = {
  id: 'U0BENCH',
  email: 'claire.dubois@beta.gouv.fr',
  name: 'Claire Dubois',
} as const;

/**
 * A port free on 127.0.0.1 right now, for servers that cannot listen on port 0 (Cohorte's `PORT` must be 1 or
 * more). Another process could take it before the caller listens; on loopback, in a benchmark, that is unlikely.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/**
 * A builder of signed slash-command requests as Slack sends them (form body, timestamp and signature headers), for
 * {@link LoadRequest}s. The body never changes, so the signature is recomputed once per second, not per request.
 */
export function signedSlashCommands(fields: Parameters<typeof slashCommandBody>[0]): () => LoadRequest {
  const body = slashCommandBody(fields);
  let second = 0;
  let signature = '';
  return () => {
    const now = Math.floor(Date.now() / 1000);
    if (now !== second) {
      second = now;
      signature = slackSignature(BENCH_SIGNING_SECRET, now, body);
    }
    return {
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(second),
        'x-slack-signature': signature,
      },
    };
  };
}
