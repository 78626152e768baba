import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionReminderJob } from '../../jobs/session-reminder.job.js';
import { FORGET_ACTION } from '../../src/core/personal-data.js';
import { RSVP_ACTIONS } from '../../src/core/sessions/announcement.js';
import { FEEDBACK_ACTION, FEEDBACK_FORM } from '../../src/core/sessions/feedback.js';
import { publishSession } from '../../src/core/sessions/lifecycle.js';
import type { RsvpAnswer } from '../../src/core/sessions/store.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { outboxIdle } from '../support/job-runner.js';
import { aSession } from '../support/session-fixture.js';
import { seen, shellPosts } from '../support/shell-replies.js';
import { waitForAsync } from '../support/wait.js';

const OUTSIDER = 'inconnu@exemple.fr';
const INES = 'ines.moreau@beta.gouv.fr';
const CLAIRE = 'claire.dubois@beta.gouv.fr';
const CAMILLE = 'camille.roussel@beta.gouv.fr';
const LEO = 'leo.garcia@beta.gouv.fr';
const JULIEN = 'julien.garnier@justice.gouv.fr';
const REFUSED =
  'Cette commande est réservée aux membres de la communauté, et je ne vous y trouve pas (inconnu@exemple.fr). Demandez à la coordination de vous ajouter à community.yml, ou de vous donner un rôle : /cohorte role inconnu@exemple.fr <eig|mentor|alumni> [défi]. Tapez /cohorte aide pour ce que vous pouvez faire d’ici là.';

describe('people outside community.yml, and each session’s audience, on every command and button', () => {
  let bot: RunningCohorte;
  const now = new Date('2026-11-23T10:00:00+01:00');
  const user = (email: string) => ({ platform: 'shell' as const, id: email });
  const run = async (email: string, command: string, text: string) =>
    seen(await bot.cohorte.router.command({ user: user(email), command, text, channel: 'shell' }));
  const click = async (email: string, actionId: string, value: string) =>
    seen(await bot.cohorte.router.action({ user: user(email), actionId, value, channel: 'shell' }));
  const answer = (email: string, sessionId: string, rsvp: RsvpAnswer) =>
    click(email, RSVP_ACTIONS[rsvp], sessionId);
  const answers = async (sessionId: string) =>
    Object.fromEntries(await bot.cohorte.services.sessions.answers(sessionId));

  beforeAll(async () => {
    bot = await startCohorte({ name: 'outsiders', clock: { now: () => now } });
    // EIG 7 only, no mentors, no alumni; and one open to alumni.
    await publishSession(bot.cohorte.services, aSession({ id: 'eig7-seule' }));
    await publishSession(
      bot.cohorte.services,
      aSession({
        id: 'avec-alumni',
        date: '2026-12-10',
        audience: { promotions: ['eig7'], mentors: true, alumni: true },
      }),
    );
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('an outsider gets the help, /cohorte moi saying what to ask, and their own data rights', async () => {
    expect(await run(OUTSIDER, 'cohorte', 'moi')).toBe(
      'Je ne vous trouve pas dans la communauté (inconnu@exemple.fr). Demandez à la coordination de vous ajouter à community.yml, ou de vous donner un rôle : /cohorte role inconnu@exemple.fr <eig|mentor|alumni> [défi].',
    );
    const help = await run(OUTSIDER, 'cohorte', 'aide');
    for (const open of [
      '/cohorte aide',
      '/cohorte moi',
      '/cohorte langue',
      '/cohorte mes-donnees',
      '/cohorte oublier',
    ])
      expect(help).toContain(open);
    for (const closed of ['/bulle', '/session', '/standup', '/rituel']) expect(help).not.toContain(closed);
    expect(await run(OUTSIDER, 'bulle', 'aide')).toContain('/cohorte moi');
    expect(await run(OUTSIDER, 'cohorte', 'langue en')).toContain('English');
    expect(await run(OUTSIDER, 'cohorte', 'langue fr')).toContain('français');
    expect(await run(OUTSIDER, 'cohorte', 'oublier')).toContain('Oui, tout effacer');
    expect(await click(OUTSIDER, FORGET_ACTION, 'no')).toBe('Rien n’a été effacé.');
  });

  it('an outsider may not share, ask, answer a session or list them: a clear refusal, nothing stored', async () => {
    expect(await run(OUTSIDER, 'bulle', 'partage SQL')).toBe(REFUSED);
    expect(await run(OUTSIDER, 'bulle', 'cherche SQL')).toBe(REFUSED);
    expect(await run(OUTSIDER, 'session', '')).toBe(REFUSED);
    expect(await run(OUTSIDER, 'standup', 'historique')).toBe(REFUSED);
    expect((await bot.cohorte.services.bulle.shares()).has(OUTSIDER)).toBe(false);
    expect(await answer(OUTSIDER, 'avec-alumni', 'yes')).toBe(REFUSED);
    expect(await answers('avec-alumni')).toEqual({});
  });

  it('a skill shared before by someone now outside the file is never proposed', async () => {
    await bot.cohorte.stores.bulle.addSkill(OUTSIDER, {
      kind: 'share',
      key: 'sql',
      label: 'SQL',
      domain: 'Data',
      at: now.toISOString(),
      source: 'chat',
    });
    expect(await run(INES, 'bulle', 'cherche SQL')).toContain('Demande enregistrée : SQL.');
    await waitForAsync(() => outboxIdle(bot), 10_000);
    const [request] = await bot.cohorte.services.bulle.active();
    expect(request?.candidates).toEqual([]);
    expect(shellPosts(bot.shellOutput()).filter((p) => p.to === `@${OUTSIDER}`)).toEqual([]);
    // Nor shown on the map, which lists whom one could be sent to.
    expect(await run(INES, 'bulle', 'carte')).toContain('SQL : partagé par personne · curieux : Inès Moreau');
  });

  it('each RSVP button holds the session’s audience: an alumna or a mentor outside it is told who it is for', async () => {
    // Who it is for is the announcement's own line; what matters here is the refusal and what to do.
    const notFor =
      /^Cette session est pour : la promotion .+, la coordination\. Vous n’en faites pas partie : votre réponse n’est pas enregistrée\. Si c’est une erreur, écrivez à la coordination\.$/;
    expect(await answer(CAMILLE, 'eig7-seule', 'yes')).toMatch(notFor);
    // An EIG of a finished promotion counts as alumni.
    expect(await answer(LEO, 'eig7-seule', 'maybe')).toMatch(notFor);
    expect(await answer(JULIEN, 'eig7-seule', 'yes')).toMatch(notFor);
    expect(await answers('eig7-seule')).toEqual({});
    expect(await answer(INES, 'eig7-seule', 'yes')).toContain('vous venez');
    expect(await answer(CLAIRE, 'eig7-seule', 'maybe')).toContain('peut-être');
    expect(await answer(CAMILLE, 'avec-alumni', 'yes')).toContain('vous venez');
    expect(await answer(LEO, 'avec-alumni', 'yes')).toContain('vous venez');
    expect(await answer(JULIEN, 'avec-alumni', 'yes')).toContain('vous venez');
    expect(await answers('eig7-seule')).toEqual({ [INES]: 'yes', [CLAIRE]: 'maybe' });
  });

  it('someone left out by a change of audience may still withdraw, and nothing more', async () => {
    // Camille's yes from before the audience changed.
    await bot.cohorte.services.sessions.answer('eig7-seule', CAMILLE, 'yes');
    expect(await answer(CAMILLE, 'eig7-seule', 'maybe')).toContain('Vous n’en faites pas partie');
    expect(await answer(CAMILLE, 'eig7-seule', 'no')).toContain('vous ne venez pas');
    expect(await answer(CAMILLE, 'eig7-seule', 'yes')).toContain('Vous n’en faites pas partie');
    expect((await answers('eig7-seule'))[CAMILLE]).toBe('no');
  });

  it('D-7 reaches whoever may answer, a role given in chat included, and nobody else', async () => {
    const GRANTED = 'nouvelle.alumni@exemple.fr';
    await bot.cohorte.services.people.grant(GRANTED, { role: 'alumni' });
    const remindedFor = async (sessionId: string) => {
      const before = shellPosts(bot.shellOutput()).length;
      await sessionReminderJob.run(bot.cohorte.services, { sessionId, kind: 'd7', sequence: 0 });
      await waitForAsync(() => outboxIdle(bot), 10_000);
      return shellPosts(bot.shellOutput())
        .slice(before)
        .map((p) => p.to);
    };
    const open = await remindedFor('avec-alumni');
    expect(open).toContain(`@${GRANTED}`);
    expect(open).toContain('@yanis.chevalier@beta.gouv.fr');
    expect(open).not.toContain(`@${OUTSIDER}`);
    expect(await answer(GRANTED, 'avec-alumni', 'yes')).toContain('vous venez');
    const closed = await remindedFor('eig7-seule');
    for (const out of [
      GRANTED,
      OUTSIDER,
      'yanis.chevalier@beta.gouv.fr',
      'manon.girard@beta.gouv.fr',
      JULIEN,
    ])
      expect(closed).not.toContain(`@${out}`);
    expect(closed).toContain('@thomas.nguyen@beta.gouv.fr');
  });

  it('D-1 and the feedback ask reach only those still in the audience, not those left out since they answered', async () => {
    const id = 'audience-reduite';
    const open = aSession({
      id,
      date: '2026-12-17',
      audience: { promotions: ['eig7'], mentors: true, alumni: true },
    });
    await publishSession(bot.cohorte.services, open);
    for (const email of [INES, CAMILLE, JULIEN])
      expect(await answer(email, id, 'yes')).toContain('vous venez');
    // A yes from before its author left community.yml.
    await bot.cohorte.services.sessions.answer(id, OUTSIDER, 'yes');
    // The coordinators narrow the audience to EIG 7 alone.
    await bot.cohorte.services.sessions.change({
      ...open,
      audience: { promotions: ['eig7'], mentors: false, alumni: false },
    });
    const toldBy = async (kind: 'd1' | 'feedback') => {
      await waitForAsync(() => outboxIdle(bot), 10_000);
      const before = shellPosts(bot.shellOutput()).length;
      await sessionReminderJob.run(bot.cohorte.services, { sessionId: id, kind, sequence: 0 });
      await waitForAsync(() => outboxIdle(bot), 10_000);
      return shellPosts(bot.shellOutput())
        .slice(before)
        .map((p) => p.to);
    };
    expect(await toldBy('d1')).toEqual([`@${INES}`]);
    expect(await toldBy('feedback')).toEqual([`@${INES}`]);
  });

  it('*Donner mon avis* opens the form for those who came only', async () => {
    const feedback = (email: string) =>
      bot.cohorte.router.action({
        user: user(email),
        actionId: FEEDBACK_ACTION,
        value: 'eig7-seule',
        channel: 'shell',
      });
    expect((await feedback(INES)).form?.formId).toBe(FEEDBACK_FORM);
    const other = await feedback(JULIEN);
    expect(other.form).toBeUndefined();
    expect(seen(other)).toContain('inscrit');
  });
});
