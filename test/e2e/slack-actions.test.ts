import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REDIS_URL } from '../support/cohorte.js';
import {
  buttonsOf,
  clickBody,
  command,
  PEOPLE,
  postToBot,
  type SlackE2e,
  shown,
  startSlackE2e,
} from '../support/slack-e2e.js';
import { waitFor } from '../support/wait.js';

const { claire, ines } = PEOPLE;
const DATAPASS = "DataPass Santé, l'accès simplifié aux données de santé";

describe('buttons through the real Slack receiver', () => {
  let e2e: SlackE2e;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(() => {
    redis.disconnect();
  });
  beforeEach(async () => {
    e2e = await startSlackE2e('slack-actions');
  });
  afterEach(async () => {
    await e2e?.stop();
  });

  /** Every key under the bot's prefix whose name holds one of `needles`. */
  async function keysAbout(...needles: string[]): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${e2e.bot.prefix}:*`, 'COUNT', 500);
      found.push(...keys.filter((key) => needles.some((needle) => key.includes(needle))));
      cursor = next;
    } while (cursor !== '0');
    return found.sort();
  }

  /** Claire gives Inès a mentor role in chat; Inès then asks to be forgotten and gets the two buttons. */
  async function grantThenAskToForget() {
    const granted = shown(
      (await command(e2e, claire.id, `role <@${ines.id}|ines> mentor datapass-sante`)).json,
    );
    expect(granted).toContain('C’est fait : ines.moreau@beta.gouv.fr a maintenant le rôle *mentor*');
    expect(shown((await command(e2e, ines.id, 'moi')).json)).toContain(`Mentor du défi *${DATAPASS}*`);

    const asked = await command(e2e, ines.id, 'oublier');
    expect(asked.status).toBe(200);
    expect(asked.json?.response_type).toBe('ephemeral');
    expect(shown(asked.json)).toContain('Voulez-vous vraiment effacer tout ce que Cohorte garde sur vous ?');
    const buttons = buttonsOf(asked.json);
    expect(buttons.map((b) => b.label)).toEqual(['Oui, tout effacer', 'Annuler']);
    const [yes, no] = buttons;
    if (!yes || !no) throw new Error('two buttons expected');
    return { yes, no };
  }

  /** Clicks a button as Inès; resolves with the acknowledgement and the reply posted to the response URL. */
  async function click(action: { actionId: string; value: string }, responseId: string) {
    const ack = await postToBot(e2e.bot, clickBody(ines.id, action, e2e.double.responseUrl(responseId)));
    await waitFor(() => e2e.double.responses(responseId).length > 0, 5000, `a reply on ${responseId}`);
    const [reply, ...others] = e2e.double.responses(responseId);
    expect(others).toEqual([]);
    return { ack, reply };
  }

  it('erases everything kept about the person when she confirms', async () => {
    const { yes } = await grantThenAskToForget();
    expect(await keysAbout(ines.email)).toContain(`${e2e.bot.prefix}:person:${ines.email}`);
    expect(await keysAbout(ines.id)).not.toEqual([]);

    const { ack, reply } = await click(yes, 'forget-yes');
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(3000);
    expect(reply?.replace_original).toBe(true);
    expect(reply?.response_type).toBe('ephemeral');
    expect(shown(reply)).toBe('C’est fait : vos données ont été effacées.');

    expect(await keysAbout(ines.email, ines.id)).toEqual([]);
    const me = shown((await command(e2e, ines.id, 'moi')).json);
    expect(me).toMatch(/^Rôles : EIG$/m);
    expect(me).not.toContain('Mentor du défi');
    // Her e-mail was forgotten too: Slack had to be asked again.
    expect(e2e.double.callsTo('users.info').filter((c) => c.args.user === ines.id)).toHaveLength(2);
  });

  // The export's outbox job is dropped once delivered, and its delivered marker is named by a digest.
  it('leaves no trace of an earlier data export once she is forgotten', async () => {
    const { yes } = await grantThenAskToForget();
    expect(shown((await command(e2e, ines.id, 'mes-donnees')).json)).toContain('Je prépare le fichier');
    await waitFor(() => e2e.double.files.length === 1, 8000, 'the export file is uploaded');

    const { reply } = await click(yes, 'forget-after-export');
    expect(shown(reply)).toBe('C’est fait : vos données ont été effacées.');
    expect(await keysAbout(ines.email, ines.id)).toEqual([]);
  });

  it('erases nothing when she clicks « Annuler »', async () => {
    const { no } = await grantThenAskToForget();
    const before = await keysAbout(ines.email, ines.id);

    const { ack, reply } = await click(no, 'forget-no');
    expect(ack.status).toBe(200);
    expect(reply?.replace_original).toBe(true);
    expect(shown(reply)).toBe('Rien n’a été effacé.');

    expect(await keysAbout(ines.email, ines.id)).toEqual(before);
    const me = shown((await command(e2e, ines.id, 'moi')).json);
    expect(me).toContain('Rôles : EIG, mentor');
    expect(me).toContain(`Mentor du défi *${DATAPASS}*`);
  });

  it('answers a button it does not know with an error reference, after acknowledging it', async () => {
    const { ack, reply } = await click({ actionId: 'inconnu.0', value: 'yes' }, 'unknown');
    expect(ack.status).toBe(200);
    expect(ack.raw).toBe('');
    expect(reply?.response_type).toBe('ephemeral');
    const text = shown(reply);
    const ref = /^Une erreur est survenue de notre côté \(réf\. `([a-z0-9]{6})`\)/.exec(text)?.[1];
    expect(ref, text).toMatch(/^[a-z0-9]{6}$/);
    expect(e2e.bot.logs.some((line) => line.includes(`"ref":"${ref}"`) && line.includes('inconnu'))).toBe(
      true,
    );
  });
});
