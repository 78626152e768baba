import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  command,
  PEOPLE,
  type SlackAnswer,
  type SlackE2e,
  shown,
  startSlackE2e,
} from '../support/slack-e2e.js';
import { waitFor } from '../support/wait.js';

const { claire, ines, thomas, stranger } = PEOPLE;
const LEXIQ = 'LexIQ, la recherche dans la jurisprudence';
const COMMANDS = ['aide', 'moi', 'langue', 'mes-donnees', 'oublier'];

/** What the person sees in the acknowledgement, after checking it is a well-formed ephemeral answer. */
function seen(answer: SlackAnswer): string {
  expect(answer.status).toBe(200);
  expect(answer.json?.response_type).toBe('ephemeral');
  return shown(answer.json);
}

describe('/cohorte through the real Slack receiver, signed as Slack signs', () => {
  let e2e: SlackE2e;
  const usersInfoFor = (id: string) => e2e.double.callsTo('users.info').filter((c) => c.args.user === id);

  beforeEach(async () => {
    e2e = await startSlackE2e('slack-commands');
  });
  afterEach(async () => {
    await e2e?.stop();
  });

  it('shows a coordinator every command, `role` included, within 3 seconds', async () => {
    const answer = await command(e2e, claire.id, 'aide');
    expect(answer.ms).toBeLessThan(3000);
    const text = seen(answer);
    expect(text).toContain('*Cohorte* : ce que vous pouvez faire');
    for (const name of [...COMMANDS, 'role']) expect(text).toContain(`\`/cohorte ${name}`);
  });

  it('does not show `role` to an EIG', async () => {
    const answer = await command(e2e, ines.id, 'aide');
    expect(answer.ms).toBeLessThan(3000);
    const text = seen(answer);
    for (const name of COMMANDS) expect(text).toContain(`\`/cohorte ${name}`);
    expect(text).not.toContain('/cohorte role');
  });

  it('shows an EIG her défi and administration, asking Slack for her e-mail only once', async () => {
    const first = seen(await command(e2e, ines.id, 'moi'));
    expect(first).toContain('*Inès Moreau* (ines.moreau@beta.gouv.fr)');
    expect(first).toContain('Rôles : EIG');
    expect(first).toContain(`Défi : *${LEXIQ}*, Ministère de la Justice (promotion EIG 7)`);
    expect(usersInfoFor(ines.id)).toHaveLength(1);

    const second = seen(await command(e2e, ines.id, 'moi'));
    expect(second).toBe(first);
    expect(usersInfoFor(ines.id)).toHaveLength(1);
  });

  it('lets a coordinator give a role to a @mention, resolved to an e-mail through Slack', async () => {
    const answer = await command(e2e, claire.id, `role <@${thomas.id}|thomas> mentor lexiq`);
    expect(answer.ms).toBeLessThan(3000);
    expect(seen(answer)).toContain(
      `C’est fait : thomas.nguyen@beta.gouv.fr a maintenant le rôle *mentor* pour le défi ${LEXIQ}.`,
    );
    expect(usersInfoFor(thomas.id)).toHaveLength(1);

    const me = seen(await command(e2e, thomas.id, 'moi'));
    expect(me).toContain('Rôles : EIG, mentor');
    expect(me).toContain(`Mentor du défi *${LEXIQ}* (promotion EIG 7)`);
    // Slack was asked once: the mention's answer is the cache Thomas's own command reads.
    expect(usersInfoFor(thomas.id)).toHaveLength(1);
  });

  it('refuses `role` to an EIG and changes nothing', async () => {
    const refused = seen(await command(e2e, ines.id, `role <@${thomas.id}|thomas> mentor lexiq`));
    expect(refused).toBe('Cette commande est réservée aux coordinateurs et coordinatrices du programme.');
    expect(usersInfoFor(thomas.id)).toHaveLength(0);

    const me = seen(await command(e2e, thomas.id, 'moi'));
    expect(me).toMatch(/^Rôles : EIG$/m);
    expect(me).not.toContain('Mentor du défi');
  });

  it('asks for a défi when a mentor role is given without one, listing the défis', async () => {
    // Slack sends a typed e-mail address as a mailto link.
    const text = seen(await command(e2e, claire.id, 'role <mailto:someone@x.fr|someone@x.fr> mentor'));
    expect(text).toBe(
      'Le rôle mentor demande un défi : `/cohorte role someone@x.fr mentor &lt;défi&gt;`. ' +
        'Défis : lexiq, datapass-sante, carto-eau, signal-conso-pro.',
    );
  });

  it('tells a workspace member outside the community that she is not in it', async () => {
    const text = seen(await command(e2e, stranger.id, 'moi'));
    expect(text).toContain('Je ne vous trouve pas dans la communauté (visiteur@exemple.fr)');
    expect(usersInfoFor(stranger.id)).toHaveLength(1);
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

  it('speaks English after `/cohorte langue en`', async () => {
    expect(seen(await command(e2e, ines.id, 'langue en'))).toBe(
      'Noted: Cohorte will now speak English to you.',
    );
    const help = seen(await command(e2e, ines.id, 'aide'));
    expect(help).toContain('*Cohorte*: what you can do');
    expect(help).toContain('`/cohorte aide`: this help');
    expect(help).not.toContain('ce que vous pouvez faire');
  });

  it('sends `/cohorte mes-donnees` as a JSON file in the person’s DM, with her chat-given roles', async () => {
    seen(await command(e2e, claire.id, `role <@${ines.id}|ines> mentor datapass-sante`));
    const ack = seen(await command(e2e, ines.id, 'mes-donnees'));
    expect(ack).toBe('Je prépare le fichier de vos données ; il arrive en message privé dans un instant.');

    await waitFor(() => e2e.double.files.length === 1, 8000, 'the export file is uploaded');
    const [file] = e2e.double.files;
    const dm = e2e.double.callsTo('conversations.open').find((c) => c.args.users === ines.id);
    expect(dm).toBeDefined();
    expect(file?.channel).toBe(`D${ines.id}`);
    expect(file?.name).toBe('cohorte-mes-donnees.json');
    const data = JSON.parse(file?.content ?? '{}') as {
      email?: string;
      roles?: string[];
      stores?: { people?: { grants?: unknown[] } };
    };
    expect(data.email).toBe(ines.email);
    expect(data.roles).toEqual(expect.arrayContaining(['eig', 'mentor']));
    expect(data.stores?.people?.grants).toEqual([{ role: 'mentor', defiId: 'datapass-sante' }]);
    expect(e2e.double.messages(ines.id).map((m) => m.text)).toEqual([
      expect.stringContaining(`Voici tout ce que Cohorte garde sur vous (${ines.email})`),
    ]);
  });
});
