import { afterEach, describe, expect, it } from 'vitest';
import { SettingError } from '../../src/core/errors.js';
import { plain, textMessage } from '../../src/core/message.js';
import { COMMUNITY_ROOMS } from '../support/clocked-chat-matrix.js';
import {
  COMMUNITY_FILE,
  dropPrefix,
  type RunningCohorte,
  startCohorte,
  uniquePrefix,
} from '../support/cohorte.js';
import { communityOnServer } from '../support/community-with.js';
import { type MatrixDouble, startMatrixDouble } from '../support/matrix-double.js';
import { MX_BOT, MX_PEOPLE, MX_SERVER } from '../support/matrix-e2e.js';
import { waitFor } from '../support/wait.js';

const { ines } = MX_PEOPLE;

describe('Matrix /sync: one process answers, once, across restarts', () => {
  let double: MatrixDouble;
  const bots: RunningCohorte[] = [];
  let prefix: string;

  /** Cohorte on the double, on the test community with its channels as Tchap names them unless told. */
  const boot = (
    env: Record<string, string> = {},
    communityFile = communityOnServer(COMMUNITY_FILE, MX_SERVER),
  ) =>
    startCohorte({
      name: 'mx-sync',
      communityFile,
      env: {
        REDIS_PREFIX: prefix,
        MATRIX_HOMESERVER_URL: double.url,
        MATRIX_ACCESS_TOKEN: double.token,
        MATRIX_USER_ID: MX_BOT,
        MATRIX_IDENTITY_SERVER_URL: double.url,
        MATRIX_REQUESTS_PER_SECOND: '50',
        ...env,
      },
    }).then((bot) => {
      bots.push(bot);
      return bot;
    });
  const answers = (eventId: string) =>
    double.botEvents().filter((e) => e.txnId.startsWith(`cohorte-re-${eventId}-`));
  const ask = (room: string) =>
    double.send(ines.id, room, 'm.room.message', { msgtype: 'm.text', body: '!cohorte moi' });
  async function dm() {
    const room = double.dmFrom(ines.id);
    await waitFor(() => double.state.rooms.get(room)?.members.has(MX_BOT) === true, 5000, 'the bot joins');
    return room;
  }

  /** A double and a bot that answers one command in Inès's DM, then stops: what follows is sent while it is down. */
  async function answerOnceThenStop(name: string, options: { timelineLimit?: number } = {}) {
    prefix = uniquePrefix(name);
    double = await startMatrixDouble({ botId: MX_BOT, users: Object.values(MX_PEOPLE), ...options });
    const first = await boot();
    const room = await dm();
    const before = ask(room);
    await waitFor(() => answers(before.event_id).length === 1, 5000, 'the first answer');
    await first.cohorte.stop();
    bots.splice(0);
    return { room, before };
  }

  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.cohorte.stop();
    await double.close();
    await dropPrefix(prefix);
    expect(double.offSpec).toEqual([]);
  });

  it('resumes after a restart where it stopped: a message sent while down is answered, none twice', async () => {
    const { room, before } = await answerOnceThenStop('mx-restart');

    const whileDown = ask(room);
    await boot();
    await waitFor(
      () => answers(whileDown.event_id).length === 1,
      8000,
      'the answer to what was sent while down',
    );
    const after = ask(room);
    await waitFor(() => answers(after.event_id).length === 1, 5000, 'an answer after the restart');
    expect(answers(before.event_id)).toHaveLength(1);
    expect(answers(whileDown.event_id)).toHaveLength(1);
  });

  it('fills a gap: every command sent while down is answered once, in order, though /sync held only the last 5', async () => {
    const { room, before } = await answerOnceThenStop('mx-gap', { timelineLimit: 5 });

    const whileDown = Array.from({ length: 12 }, () => ask(room));
    await boot();
    await waitFor(() => whileDown.every((s) => answers(s.event_id).length > 0), 10_000, 'twelve answers');
    const after = ask(room);
    await waitFor(() => answers(after.event_id).length === 1, 5000, 'an answer after the gap');
    for (const s of [before, ...whileDown]) expect(answers(s.event_id)).toHaveLength(1);
    const answered = double
      .botEvents(room)
      .map((e) => whileDown.findIndex((s) => e.txnId.startsWith(`cohorte-re-${s.event_id}-`)))
      .filter((i) => i >= 0);
    expect(answered).toEqual(whileDown.map((_, i) => i));
    // The 7 older ones came from /messages, paging back from the timeline's prev_batch to the stored position.
    const pages = double.callsTo('GET', '/_matrix/client/v3/rooms/{roomId}/messages');
    expect(pages.map((c) => [c.status, c.query.dir])).toEqual([
      [200, 'b'],
      [200, 'b'],
    ]);
  });

  it('lets only one of two processes sync: every message answered exactly once', async () => {
    prefix = uniquePrefix('mx-replicas');
    double = await startMatrixDouble({ botId: MX_BOT, users: Object.values(MX_PEOPLE) });
    await boot();
    await boot();
    const room = await dm();
    const sent = Array.from({ length: 5 }, () => ask(room));
    await waitFor(() => sent.every((s) => answers(s.event_id).length >= 1), 8000, 'five answers');
    const last = ask(room);
    await waitFor(() => answers(last.event_id).length === 1, 5000, 'a sixth answer');
    for (const s of sent) expect(answers(s.event_id)).toHaveLength(1);
    // The second process never held the lock: never two long polls open at once.
    expect(double.peakSyncs()).toBe(1);
  });

  it('lets a web and a worker process share the account’s calls per second: together never over it', async () => {
    prefix = uniquePrefix('mx-split');
    double = await startMatrixDouble({
      botId: MX_BOT,
      users: Object.values(MX_PEOPLE),
      perSecond: 5,
      burst: 2,
    });
    const pace = { MATRIX_REQUESTS_PER_SECOND: '5' };
    const web = await boot({ ...pace, ROLE: 'web' });
    await boot({ ...pace, ROLE: 'worker' });
    const room = await dm();
    // The web process answers eight commands while the worker sends eight reminders through the outbox.
    const asked = Array.from({ length: 8 }, () => ask(room));
    for (let i = 0; i < 8; i++)
      await web.cohorte.services.outbox.send({
        key: `test:split-${i}`,
        to: { kind: 'person', email: ines.email },
        message: textMessage(plain(`Rappel n° ${i + 1}`)),
      });
    const reminders = () => double.botEvents(room).filter((e) => e.txnId.startsWith('cohorte-out-'));
    await waitFor(
      () => asked.every((a) => answers(a.event_id).length === 1) && reminders().length === 8,
      20_000,
      'eight answers and eight reminders',
    );
    expect(double.calls.filter((c) => c.errcode === 'M_LIMIT_EXCEEDED')).toEqual([]);
  });

  it('names at boot, in one line, the channels of community.yml the homeserver would refuse', async () => {
    prefix = uniquePrefix('mx-channels');
    double = await startMatrixDouble({ botId: MX_BOT, users: Object.values(MX_PEOPLE) });
    const refused = (bot: RunningCohorte) =>
      bot.logs.filter((l) => l.includes('que le serveur Matrix refusera'));
    expect(refused(await boot())).toEqual([]);
    // The file as written for Slack: '#eig-communaute' is no Matrix alias without its server.
    const [line, ...more] = refused(await boot({}, COMMUNITY_FILE));
    expect(more).toEqual([]);
    // In French, saying what to write instead, as the start-up configuration errors do.
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      level: 40,
      channels: COMMUNITY_ROOMS,
      msg:
        'canaux de community.yml que le serveur Matrix refusera, le bot ne pourra pas y écrire : écrivez chacun ' +
        'en alias complet, avec son serveur (par exemple #eig-communaute:agent.tchap.gouv.fr), ou en identifiant ' +
        'de salon (!id:agent.tchap.gouv.fr)',
    });
  });

  it('refuses to start with a token the homeserver does not know (M_UNKNOWN_TOKEN), saying in French what to do', async () => {
    prefix = uniquePrefix('mx-token');
    double = await startMatrixDouble({ botId: MX_BOT, users: Object.values(MX_PEOPLE) });
    const refused = boot({ MATRIX_ACCESS_TOKEN: 'syt_not_the_right_token' });
    await expect(refused).rejects.toBeInstanceOf(SettingError);
    await expect(refused).rejects.toThrow(
      `MATRIX_ACCESS_TOKEN: ${double.url} ne reconnaît pas ce jeton (401 M_UNKNOWN_TOKEN : jeton révoqué, ` +
        `expiré ou d’un autre serveur) : connectez de nouveau ${MX_BOT} à travers Pantalaimon et copiez son ` +
        'access_token dans MATRIX_ACCESS_TOKEN (section Tchap du mode d’emploi), ou vérifiez MATRIX_HOMESERVER_URL',
    );
    expect(double.calls.map((c) => c.errcode)).toEqual(['M_UNKNOWN_TOKEN']);
  });

  it('refuses to start when the token is another account’s, saying in French which id to set', async () => {
    prefix = uniquePrefix('mx-whoami');
    double = await startMatrixDouble({ botId: MX_BOT, users: Object.values(MX_PEOPLE) });
    const other = '@autre-beta.gouv.fr:agent.tchap.gouv.fr';
    await expect(boot({ MATRIX_USER_ID: other })).rejects.toThrow(
      `MATRIX_USER_ID: ${other} indiqué, mais MATRIX_ACCESS_TOKEN est le jeton de ${MX_BOT} : indiquez MATRIX_USER_ID=${MX_BOT}, ou le jeton d’accès du compte ${other}`,
    );
  });
});
