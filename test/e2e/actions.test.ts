import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CHAT_PLATFORMS,
  type ChatE2e,
  type Clicked,
  type PersonKey,
  startChatE2e,
} from '../support/chat-e2e.js';
import { REDIS_URL } from '../support/cohorte.js';
import { waitFor } from '../support/wait.js';

const INES = 'ines.moreau@beta.gouv.fr';
const DATAPASS = "DataPass Santé, l'accès simplifié aux données de santé";

describe.each(CHAT_PLATFORMS)('buttons through the real receiver, as %s sends clicks', (platform) => {
  let chat: ChatE2e;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(() => {
    redis.disconnect();
  });
  beforeEach(async () => {
    chat = await startChatE2e(platform, 'actions');
  });
  afterEach(async () => {
    await chat?.stop();
  });

  const cohorte = async (person: PersonKey, text: string) => {
    const answer = await chat.cohorte(person, text);
    expect(answer.status).toBe(200);
    expect(answer.ephemeral).toBe(true);
    return answer;
  };

  /** Every key under the bot's prefix whose name holds one of `needles`. */
  async function keysAbout(...needles: string[]): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${chat.bot.prefix}:*`, 'COUNT', 500);
      found.push(...keys.filter((key) => needles.some((needle) => key.includes(needle))));
      cursor = next;
    } while (cursor !== '0');
    return found.sort();
  }

  /** Claire gives Inès a mentor role in chat; Inès then asks to be forgotten and gets the two buttons. */
  async function grantThenAskToForget() {
    expect((await cohorte('claire', 'role {ines} mentor datapass-sante')).text).toContain(
      'C’est fait : ines.moreau@beta.gouv.fr a maintenant le rôle *mentor*',
    );
    expect((await cohorte('ines', 'moi')).text).toContain(`Mentor du défi *${DATAPASS}*`);
    const asked = await cohorte('ines', 'oublier');
    expect(asked.text).toContain('Voulez-vous vraiment effacer tout ce que Cohorte garde sur vous ?');
    expect(asked.buttons.map((b) => b.label)).toEqual(['Oui, tout effacer', 'Annuler']);
    const [yes, no] = asked.buttons;
    if (!yes || !no) throw new Error('two buttons expected');
    return { yes, no };
  }

  // Slack replaces the ephemeral question; Mattermost cannot (its server never stores an ephemeral post, so an
  // `update` of one fails): the answer comes below it. Matrix edits the message that listed the choices (m.replace).
  const replacesEphemeral = platform !== 'mattermost';

  function acknowledged(clicked: Clicked): void {
    expect(clicked.status).toBe(200);
    expect(clicked.ms).toBeLessThan(2000);
  }

  it('erases everything kept about the person when she confirms', async () => {
    const { yes } = await grantThenAskToForget();
    expect(await keysAbout(INES)).toContain(`${chat.bot.prefix}:person:${INES}`);
    expect(await keysAbout(chat.userId('ines'))).not.toEqual([]);

    const clicked = await yes.click('ines');
    acknowledged(clicked);
    expect(clicked.replaced).toBe(replacesEphemeral);
    expect(clicked.text).toBe('C’est fait : vos données ont été effacées.');

    expect(await keysAbout(INES, chat.userId('ines'))).toEqual([]);
    const me = (await cohorte('ines', 'moi')).text;
    expect(me).toMatch(/^Rôles : EIG$/m);
    expect(me).not.toContain('Mentor du défi');
    // Her e-mail was forgotten too: the platform had to be asked again.
    expect(chat.lookups('ines')).toBe(2);
  });

  // The export's outbox job is dropped once delivered, and its delivered marker is named by a digest.
  it('leaves no trace of an earlier data export once she is forgotten', async () => {
    const { yes } = await grantThenAskToForget();
    expect((await cohorte('ines', 'mes-donnees')).text).toContain('Je prépare le fichier');
    await waitFor(() => chat.files().length === 1, 8000, 'the export file is uploaded');

    expect((await yes.click('ines')).text).toBe('C’est fait : vos données ont été effacées.');
    expect(await keysAbout(INES, chat.userId('ines'))).toEqual([]);
  });

  it('erases nothing when she clicks « Annuler »', async () => {
    const { no } = await grantThenAskToForget();
    const before = await keysAbout(INES, chat.userId('ines'));

    const clicked = await no.click('ines');
    acknowledged(clicked);
    expect(clicked.replaced).toBe(replacesEphemeral);
    expect(clicked.text).toBe('Rien n’a été effacé.');

    expect(await keysAbout(INES, chat.userId('ines'))).toEqual(before);
    const me = (await cohorte('ines', 'moi')).text;
    expect(me).toContain('Rôles : EIG, mentor');
    expect(me).toContain(`Mentor du défi *${DATAPASS}*`);
  });

  it('answers a button it does not know (an older release’s) by asking to start again, after acknowledging it', async () => {
    const clicked = await chat.clickUnknown('ines');
    acknowledged(clicked);
    expect(clicked.text).toBe(
      'Ce bouton n’est pas valable (trop ancien, ou pas pour vous). Relancez la commande pour en avoir un nouveau.',
    );
    expect(chat.bot.logs.some((line) => line.includes('click on an unknown action'))).toBe(true);
  });
});
