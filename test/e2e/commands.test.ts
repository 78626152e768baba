import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHAT_PLATFORMS,
  type ChatE2e,
  type PersonKey,
  type Seen,
  startChatE2e,
} from '../support/chat-e2e.js';
import { waitFor } from '../support/wait.js';

const LEXIQ = 'LexIQ, la recherche dans la jurisprudence';
const COMMANDS = ['aide', 'moi', 'langue', 'mes-donnees', 'oublier'];
const EMAILS: Record<PersonKey, string> = {
  claire: 'claire.dubois@beta.gouv.fr',
  ines: 'ines.moreau@beta.gouv.fr',
  thomas: 'thomas.nguyen@beta.gouv.fr',
  stranger: 'visiteur@exemple.fr',
};

/** What the person sees, after checking it is a well-formed ephemeral answer within the platform's deadline. */
function seen(answer: Seen): string {
  expect(answer.status).toBe(200);
  expect(answer.ephemeral).toBe(true);
  expect(answer.ms).toBeLessThan(2000);
  return answer.text;
}

describe.each(CHAT_PLATFORMS)('/cohorte through the real receiver, as %s sends it', (platform) => {
  let chat: ChatE2e;
  const cohorte = async (person: PersonKey, text: string) => seen(await chat.cohorte(person, text));

  beforeEach(async () => {
    chat = await startChatE2e(platform, 'commands');
  });
  afterEach(async () => {
    await chat?.stop();
  });

  it('shows a coordinator every command, `role` included', async () => {
    const text = await cohorte('claire', 'aide');
    expect(text).toContain('*Cohorte* : ce que vous pouvez faire');
    for (const name of [...COMMANDS, 'role']) expect(text).toContain(`\`${chat.prefix}cohorte ${name}`);
  });

  it('does not show `role` to an EIG', async () => {
    const text = await cohorte('ines', 'aide');
    for (const name of COMMANDS) expect(text).toContain(`\`${chat.prefix}cohorte ${name}`);
    expect(text).not.toContain(`${chat.prefix}cohorte role`);
  });

  it('shows an EIG her défi and administration, asking the platform for her e-mail only once', async () => {
    const first = await cohorte('ines', 'moi');
    expect(first).toContain('*Inès Moreau* (ines.moreau@beta.gouv.fr)');
    expect(first).toContain('Rôles : EIG');
    expect(first).toContain(`Défi : *${LEXIQ}*, Ministère de la Justice (promotion EIG 7)`);
    expect(chat.lookups('ines')).toBe(1);

    expect(await cohorte('ines', 'moi')).toBe(first);
    expect(chat.lookups('ines')).toBe(1);
  });

  it('lets a coordinator give a role to a @mention, resolved to an e-mail through the platform', async () => {
    expect(await cohorte('claire', 'role {thomas} mentor lexiq')).toContain(
      `C’est fait : thomas.nguyen@beta.gouv.fr a maintenant le rôle *mentor* pour le défi ${LEXIQ}.`,
    );
    expect(chat.lookups('thomas')).toBe(1);

    const me = await cohorte('thomas', 'moi');
    expect(me).toContain('Rôles : EIG, mentor');
    expect(me).toContain(`Mentor du défi *${LEXIQ}* (promotion EIG 7)`);
    // Asked once: the mention's answer is the cache Thomas's own command reads.
    expect(chat.lookups('thomas')).toBe(1);
  });

  it('refuses `role` to an EIG and changes nothing', async () => {
    expect(await cohorte('ines', 'role {thomas} mentor lexiq')).toBe(
      'Cette commande est réservée aux coordinateurs et coordinatrices du programme.',
    );
    // On Matrix one lookup names the whole community (an account does not show its e-mail): Inès's included Thomas.
    expect(chat.lookups('thomas')).toBe(chat.platform === 'matrix' ? chat.lookups('ines') : 0);
    const me = await cohorte('thomas', 'moi');
    expect(me).toMatch(/^Rôles : EIG$/m);
    expect(me).not.toContain('Mentor du défi');
  });

  it('asks for a défi when a mentor role is given without one, listing the défis', async () => {
    expect(await cohorte('claire', `role ${chat.email('camille.roussel@beta.gouv.fr')} mentor`)).toBe(
      `Le rôle mentor demande un défi : \`${chat.prefix}cohorte role camille.roussel@beta.gouv.fr mentor <défi>\`. ` +
        'Défis : lexiq, datapass-sante, carto-eau, signal-conso-pro.',
    );
  });

  it('tells a member outside the community that she is not in it', async () => {
    if (chat.platform === 'matrix') {
      // A Matrix account does not show its e-mail: she gets the help and what to ask the coordination instead.
      const text = await cohorte('stranger', 'moi');
      expect(text).toContain(
        `Je ne sais pas quelle adresse e-mail correspond à votre compte (${chat.userId('stranger')})`,
      );
      expect(text).toContain('Demandez à la coordination d’ajouter');
      expect(text).toContain('`!cohorte aide`');
      expect(text).not.toContain('Rôles :');
      return;
    }
    expect(await cohorte('stranger', 'moi')).toContain(
      'Je ne vous trouve pas dans la communauté (visiteur@exemple.fr)',
    );
    expect(chat.lookups('stranger')).toBe(1);
    // Her help lists what she may do; the rest is refused with what to ask the coordinators.
    const help = await cohorte('stranger', 'aide');
    for (const name of COMMANDS) expect(help).toContain(`\`/cohorte ${name}`);
    expect(help).not.toContain('/bulle');
    expect(await cohorte('stranger', 'role {thomas} mentor lexiq')).toContain(
      'Cette commande est réservée aux membres de la communauté, et je ne vous y trouve pas (visiteur@exemple.fr).',
    );
  });

  it('speaks English after `/cohorte langue en`', async () => {
    expect(await cohorte('ines', 'langue en')).toBe('Noted: Cohorte will now speak English to you.');
    const help = await cohorte('ines', 'aide');
    expect(help).toContain('*Cohorte*: what you can do');
    // English help, English words: each one shown is one the router takes.
    expect(help).toContain(`\`${chat.prefix}cohorte help\`: this help`);
    expect(help).toContain(`\`${chat.prefix}cohorte forget\`: erase everything Cohorte keeps about you`);
    expect(await cohorte('ines', 'me')).toContain('Roles: EIG');
    expect(help).not.toContain('ce que vous pouvez faire');
  });

  it('sends `/cohorte mes-donnees` as a JSON file in the person’s DM, with her chat-given roles', async () => {
    await cohorte('claire', 'role {ines} mentor datapass-sante');
    expect(await cohorte('ines', 'mes-donnees')).toBe(
      'Je prépare le fichier de vos données ; il arrive en message privé dans un instant.',
    );
    await waitFor(() => chat.files().length === 1, 8000, 'the export file is uploaded');
    const [file] = chat.files();
    expect(file?.to).toBe(EMAILS.ines);
    expect(file?.name).toBe('cohorte-mes-donnees.json');
    const data = JSON.parse(file?.content ?? '{}') as {
      email?: string;
      roles?: string[];
      stores?: { people?: { grants?: unknown[] } };
    };
    expect(data.email).toBe(EMAILS.ines);
    expect(data.roles).toEqual(expect.arrayContaining(['eig', 'mentor']));
    expect(data.stores?.people?.grants).toEqual([{ role: 'mentor', defiId: 'datapass-sante' }]);
    await waitFor(() => chat.dmTexts('ines').length === 1, 5000, 'the post with the file');
    expect(chat.dmTexts('ines')).toEqual([
      expect.stringContaining(`Voici tout ce que Cohorte garde sur vous (${EMAILS.ines})`),
    ]);
  });
});
