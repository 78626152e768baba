/**
 * Cohorte under benchmark on Mattermost, run as a child process: the real composition (`createCohorte`, role `all`)
 * with its REST client pointed at a Mattermost double started in this process (rate limit off, as on a fresh
 * server), its slash commands registered at boot, its Redis keys under `BENCH_REDIS_PREFIX` (removed when it stops).
 * Announces the `/cohorte` token the double handed out. Speaks the protocol of `support/child-protocol.ts`.
 */
import { startMattermostDouble } from '../test/support/mattermost-double.js';
import { startBenchCohorte } from './support/bench-cohorte.js';
import { serveChildProtocol } from './support/child-protocol.js';
import { BENCH_USER, freePort } from './support/slack-bench.js';

const double = await startMattermostDouble({
  users: [{ id: BENCH_USER.id, username: 'claire', email: BENCH_USER.email }],
  channels: { townsquareid00000000000000: 'town-square' },
});
const port = await freePort();
const { stop } = await startBenchCohorte({
  port,
  env: {
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    MATTERMOST_URL: double.url,
    MATTERMOST_BOT_TOKEN: double.token,
    MATTERMOST_TEAM: 'eig',
  },
  closeDouble: () => double.close(),
});
const token = double.commands().find((c) => c.trigger === 'cohorte')?.token;
if (!token) throw new Error('/cohorte was not registered');
serveChildProtocol({
  port,
  info: { token, teamId: double.teamId, responseUrl: double.responseUrl('bench') },
  counters: () => ({
    mattermostApiCalls: double.calls.length,
    usersById: double.callsTo('GET', '/users/{user_id}').length,
    offSpec: double.offSpec.length,
  }),
  stop,
});
