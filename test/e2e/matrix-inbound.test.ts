import { afterEach, describe, expect, it } from 'vitest';
import { movableClock } from '../../src/core/clock.js';
import { type MessageKey, translate } from '../../src/core/i18n/index.js';
import { toPlainText } from '../../src/core/message.js';
import { choicesOf, shownMx } from '../support/chat-e2e-matrix.js';
import { type MatrixE2e, MX_PEOPLE, startMatrixE2e } from '../support/matrix-e2e.js';
import { waitFor } from '../support/wait.js';

const { claire, ines, stranger } = MX_PEOPLE;
const fr = (key: MessageKey) => toPlainText(translate('fr', key));
const SEND = '/_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}';

/** The text of each answer, as the person reads it. */
const texts = (answer: { events: { event: { content: Record<string, unknown> } }[] }) =>
  answer.events.map((e) => shownMx(e.event as Parameters<typeof shownMx>[0]));

describe('Cohorte on Matrix: what a person types, and what a bad input gets', () => {
  let e2e: MatrixE2e;
  afterEach(async () => {
    expect(e2e.double.offSpec).toEqual([]);
    // Every event the bot sent says explicitly that it mentions nobody, and no text of it can ping a room.
    for (const { event } of e2e.double.botEvents()) {
      if (event.type !== 'm.room.message') continue;
      expect(event.content['m.mentions']).toEqual({});
      expect(String(event.content.body)).not.toMatch(/@room/i);
    }
    await e2e.stop();
  });

  it('answers an unknown command, or plain text in a DM, with what to type instead', async () => {
    e2e = await startMatrixE2e('mx-unknown');
    const [unknown] = texts(await e2e.say(ines, '!cohorte zzz'));
    expect(unknown).toContain('Je ne connais pas `!cohorte zzz`. Voici ce que vous pouvez faire :');
    expect(unknown).toContain('`!cohorte moi`');
    expect(texts(await e2e.say(ines, 'bonjour'))).toEqual([
      'Pour me parler, tapez une commande, par exemple `!cohorte aide`.',
    ]);
    expect(texts(await e2e.say(stranger, 'bonjour'))).toEqual([
      'Pour me parler, tapez une commande, par exemple `!cohorte aide`.',
    ]);
  });

  it('asks the identity server once about an unknown account that writes again and again', async () => {
    e2e = await startMatrixE2e('mx-unknown-cached');
    const before = e2e.double.state.lookups.length;
    for (const text of ['!cohorte moi', '!cohorte aide', '!cohorte moi'])
      expect(texts(await e2e.say(stranger, text))[0]).toContain(
        `Je ne sais pas quelle adresse e-mail correspond à votre compte (${stranger.id})`,
      );
    expect(e2e.double.state.lookups.length - before).toBe(1);
  });

  it('takes a numbered choice, refuses a number out of range or with nothing to choose, and loses nothing', async () => {
    e2e = await startMatrixE2e('mx-choices');
    expect(texts(await e2e.say(ines, '3'))).toEqual([
      'Ce bouton n’est pas valable (trop ancien, ou pas pour vous). Relancez la commande pour en avoir un nouveau.',
    ]);
    const asked = await e2e.say(ines, '!cohorte oublier');
    const listing = asked.events[0]?.event;
    if (!listing) throw new Error('no answer');
    expect(choicesOf(listing)).toEqual(['Oui, tout effacer', 'Annuler']);
    expect(shownMx(listing)).toContain('Répondez par le numéro de votre choix (par exemple `1`).');
    expect(texts(await e2e.say(ines, '7'))).toEqual([
      'Il n’y a pas de choix n° 7 : répondez par un numéro de 1 à 2.',
    ]);
    // The choices are still there: « 2 » cancels, editing the question in place.
    const [cancelled] = (await e2e.say(ines, '2')).events;
    expect(cancelled?.event.content['m.relates_to']).toEqual({
      rel_type: 'm.replace',
      event_id: listing.event_id,
    });
    expect(shownMx(cancelled?.event as typeof listing)).toBe('Rien n’a été effacé.');
    // Answered once: the same number again finds nothing to choose.
    expect(texts(await e2e.say(ines, '2'))[0]).toContain('Ce bouton n’est pas valable');
  });

  it('takes ✅ on a question with two choices as a single tap', async () => {
    e2e = await startMatrixE2e('mx-react');
    const room = await e2e.dm(ines);
    const listing = (await e2e.say(ines, '!cohorte oublier')).events[0]?.event;
    if (!listing) throw new Error('no answer');
    const reaction = e2e.double.send(ines.id, room, 'm.reaction', {
      'm.relates_to': { rel_type: 'm.annotation', event_id: listing.event_id, key: '✅' },
    });
    await waitFor(() => e2e.answersTo(reaction.event_id).length === 1, 5000, 'the answer to the reaction');
    expect(shownMx(e2e.answersTo(reaction.event_id)[0]?.event as typeof listing)).toBe(
      'C’est fait : vos données ont été effacées.',
    );
  });

  it('fills a form as a DM conversation: limits, a refused field asked again alone, summary, confirmation', async () => {
    e2e = await startMatrixE2e('mx-form');
    const opening = texts(await e2e.say(claire, '!rituel ajouter', { count: 2 }));
    expect(opening[0]).toContain(
      '*Nouveau rituel* : 11 questions, une à la fois. Tapez `annuler` pour arrêter',
    );
    expect(opening[1]).toContain('? Identifiant (lettres, chiffres, - et _ ; ex. cafe) (obligatoire)');
    const tooLong = texts(await e2e.say(claire, 'x'.repeat(101)));
    expect(tooLong[0]).toContain('101 caractères, la limite est 100 : raccourcissez.');
    expect(tooLong[0]).toContain('? Identifiant');
    const answers = ['cafe', 'Café du jeudi', '-', 'jeudi', '25:99', '.', '.', '.', '.', '.'];
    for (const answer of answers) await e2e.say(claire, answer);
    const summary = texts(await e2e.say(claire, '1'))[0] ?? '';
    expect(summary).toContain('*Récapitulatif* :');
    expect(summary).toContain('1. *Identifiant (lettres, chiffres, - et _ ; ex. cafe)* : cafe');
    expect(summary).toContain(`5. *${fr('ritual.field.time')}* : 25:99`);
    expect(summary).toContain('11. *Sauter les jours fériés* : oui');
    // The handler refuses the time: only that field is asked again, everything else kept.
    const refused = texts(await e2e.say(claire, 'oui'))[0] ?? '';
    expect(refused).toContain(`! ${fr('ritual.field.time')} : ${fr('ritual.fix.time')}`);
    expect(refused).toContain(`? ${fr('ritual.field.time')}`);
    expect(texts(await e2e.say(claire, '09:30'))[0]).toContain(`5. *${fr('ritual.field.time')}* : 09:30`);
    expect(texts(await e2e.say(claire, 'oui'))[0]).toContain('C’est fait : le rituel *cafe* est créé.');
    expect(texts(await e2e.say(claire, '!rituel liste'))[0]).toContain('cafe');
  });

  it('stops a conversation on `annuler`, and says a late answer came after it expired', async () => {
    const clock = movableClock();
    e2e = await startMatrixE2e('mx-form-end', {}, { clock });
    await e2e.say(claire, '!rituel ajouter', { count: 2 });
    expect(texts(await e2e.say(claire, 'annuler'))).toEqual([
      'Formulaire abandonné : rien n’a été enregistré.',
    ]);
    await e2e.say(claire, '!rituel ajouter', { count: 2 });
    clock.set(new Date(Date.now() + 16 * 60_000));
    expect(texts(await e2e.say(claire, 'cafe'))).toEqual([
      'La conversation « Nouveau rituel » a expiré après 15 minutes sans réponse : rien n’a été enregistré. Relancez la commande pour recommencer.',
    ]);
    // Gone for good: the next line is not taken as an answer.
    expect(texts(await e2e.say(claire, 'cafe'))[0]).toContain('Pour me parler, tapez une commande');
  });

  it('says once per room, in French, that it cannot read encrypted messages and what to do', async () => {
    e2e = await startMatrixE2e('mx-encrypted');
    const room = await e2e.dm(ines);
    const encrypted = {
      algorithm: 'm.megolm.v1.aes-sha2',
      ciphertext: 'AwgAEn…',
      session_id: 'X',
      device_id: 'D',
    };
    const first = e2e.double.send(ines.id, room, 'm.room.encrypted', encrypted);
    await waitFor(() => e2e.answersTo(first.event_id).length === 1, 5000, 'the notice');
    expect(shownMx(e2e.answersTo(first.event_id)[0]?.event as typeof first)).toBe(
      'Ce salon est chiffré de bout en bout et je ne peux pas lire vos messages. Écrivez-moi dans un salon non chiffré, ou demandez à la coordination de me faire passer par Pantalaimon (section Tchap du mode d’emploi de Cohorte).',
    );
    const second = e2e.double.send(ines.id, room, 'm.room.encrypted', encrypted);
    // A command after it is answered: the second encrypted event was seen, and said nothing.
    await e2e.say(ines, '!cohorte moi');
    expect(e2e.answersTo(second.event_id)).toEqual([]);
  });

  it('defuses @room typed by a person and never lets it notify the room', async () => {
    e2e = await startMatrixE2e('mx-room');
    const [answer] = (await e2e.say(claire, '!cohorte role @room mentor lexiq')).events;
    expect(String(answer?.event.content.body)).toContain('@\u2060room');
  });

  it('answers each of 100 commands sent at once exactly once, never over the homeserver limit', async () => {
    e2e = await startMatrixE2e(
      'mx-flood',
      { MATRIX_REQUESTS_PER_SECOND: '20' },
      { perSecond: 20, burst: 20 },
    );
    const room = await e2e.dm(ines);
    const sent = Array.from({ length: 100 }, () =>
      e2e.double.send(ines.id, room, 'm.room.message', { msgtype: 'm.text', body: '!cohorte moi' }),
    );
    await waitFor(() => sent.every((s) => e2e.answersTo(s.event_id).length >= 1), 30_000, '100 answers');
    for (const s of sent) expect(e2e.answersTo(s.event_id)).toHaveLength(1);
    expect(e2e.double.calls.filter((c) => c.errcode === 'M_LIMIT_EXCEEDED')).toEqual([]);
  });

  it('waits out M_LIMIT_EXCEEDED and answers once, under the same transaction', async () => {
    e2e = await startMatrixE2e('mx-limit');
    await e2e.dm(ines);
    e2e.double.failNext(SEND, 429, 'M_LIMIT_EXCEEDED');
    const answer = await e2e.say(ines, '!cohorte moi');
    expect(texts(answer)[0]).toContain('Rôles : EIG');
    const sends = e2e.double.callsTo('PUT', SEND);
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    expect(sends[0]?.path).toBe(sends[1]?.path);
  });
});
