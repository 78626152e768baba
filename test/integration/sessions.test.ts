import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionPlanJob } from '../../jobs/session-plan.job.js';
import { sessionReminderJob } from '../../jobs/session-reminder.job.js';
import { reminderKey } from '../../src/core/sessions/lifecycle.js';
import type { Session } from '../../src/core/sessions/session.js';
import { jobIdOf } from '../../src/queue/queues.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { communityWith } from '../support/community-with.js';
import { outboxIdle } from '../support/job-runner.js';
import { shellCommand } from '../support/shell-driver.js';
import { seen, shellPosts } from '../support/shell-replies.js';
import { waitFor, waitForAsync } from '../support/wait.js';

const CLAIRE = 'claire.dubois@beta.gouv.fr';
const MEHDI = 'mehdi.benali@beta.gouv.fr';
const INES = 'ines.moreau@beta.gouv.fr';
const THOMAS = 'thomas.nguyen@beta.gouv.fr';
const SARAH = 'sarah.lefebvre@beta.gouv.fr';
const EIG7_OTHERS = [
  'lucas.martin@beta.gouv.fr',
  'amina.diallo@beta.gouv.fr',
  'hugo.petit@beta.gouv.fr',
  'chloe.bernard@beta.gouv.fr',
];
const EIG7_MENTORS = [
  'julien.garnier@justice.gouv.fr',
  'nathalie.roux@sante.gouv.fr',
  'pierre.lambert@sante.gouv.fr',
  'elise.fontaine@ofb.gouv.fr',
];
const COMMUNITY = communityWith({
  sessions: `
  - id: mensuelle
    title: Journée de promotion
    schedule: { nth: 1, day: jeudi }
    start: '09:30'
    end: '17:30'
    place: Ségur
    address: 14 avenue Duquesne, 75007 Paris
    agenda: Stand-up par défi, ateliers
    capacity: 40
    audience: { promotions: [eig7], mentors: true }
`,
});
const DECEMBER = 'mensuelle-2026-12-03';

describe('monthly sessions on the real bot (shell, Redis, BullMQ, fixed clock)', () => {
  let bot: RunningCohorte;
  let now = new Date('2026-11-23T10:00:00+01:00');
  const services = () => bot.cohorte.services;
  const command = async (email: string, text: string) =>
    seen(await shellCommand(bot, 'session', text, email));
  const form = (email: string, formId: string, values: Record<string, string>, context = '') =>
    bot.cohorte.router.form({ user: { platform: 'shell', id: email }, formId, values, context });
  const remind = (sessionId: string, kind: string, sequence = 0) =>
    sessionReminderJob.run(services(), { sessionId, kind: kind as 'd7', sequence });
  const delivered = async (count: number) => {
    await waitFor(() => shellPosts(bot.shellOutput()).length >= count, 10_000);
    return shellPosts(bot.shellOutput());
  };
  // The outbox paces posts (booked slots): what earlier steps sent may still be on its way.
  const settled = async () => {
    await waitForAsync(() => outboxIdle(bot));
    return shellPosts(bot.shellOutput()).length;
  };
  const pending = async (sessionId: string) =>
    (await bot.cohorte.queues.jobs.getDelayed()).filter(
      (j) => j.name === 'session-reminder' && j.data.sessionId === sessionId,
    );

  beforeAll(async () => {
    bot = await startCohorte({ name: 'sessions', communityFile: COMMUNITY, clock: { now: () => now } });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('the rule creates the next two first Thursdays once, announces them, schedules their reminders', async () => {
    expect((await bot.cohorte.queues.jobs.getJobSchedulers()).map((s) => s.key)).toContain('session-plan');
    expect(await sessionPlanJob.run(services(), {})).toBe('2 session(s) created from 1 rule(s)');
    expect(await sessionPlanJob.run(services(), {})).toBe('0 session(s) created from 1 rule(s)');
    const sessions = await services().sessions.all();
    expect(sessions.map((s) => [s.id, s.start, s.end, s.capacity])).toEqual([
      [DECEMBER, '09:30', '17:30', 40],
      ['mensuelle-2027-01-07', '09:30', '17:30', 40],
    ]);
    const announced = (await delivered(2)).filter((p) => p.to === '#eig-communaute');
    expect(announced).toHaveLength(2);
    expect(announced[0]?.text).toContain('JOURNÉE DE PROMOTION');
    expect(announced[0]?.text).toContain('jeudi 3 décembre 2026, 09:30–17:30');
    expect(announced[0]?.text).toContain('0 / 40 places prises');
    expect(announced[0]?.text).toContain('Je viens');
    // D-7, D-1, morning, feedback, summary: five reminders each, all still to come.
    expect(await pending(DECEMBER)).toHaveLength(5);
    const d7 = (await pending(DECEMBER)).find((j) => j.data.kind === 'd7');
    // Thursday 26 November 10:00 Paris: the delay is read on the bot's clock, whatever the wall clock says.
    expect(d7?.delay).toBe(Date.parse('2026-11-26T09:00:00.000Z') - now.getTime());
  });

  it('/session nouvelle: coordinators only, field errors say what to type, then created and announced', async () => {
    expect(await command(INES, 'nouvelle')).toContain('réservée aux coordinateurs');
    const values = {
      title: 'Atelier accessibilité',
      date: '10/12/2026',
      start: '14:00',
      end: '12:00',
      place: 'DINUM',
      address: '',
      agenda: '',
      capacity: 'douze',
      promotions: 'eig7, eig99',
      mentors: 'no',
      alumni: 'yes',
    };
    const refused = seen(await form(CLAIRE, 'session', values));
    expect(refused).toContain('end: Une heure après le début');
    expect(refused).toContain('capacity: Un nombre de places');
    expect(refused).toContain(
      'promotions: Des promotions de community.yml séparées par des virgules : eig7, eig6.',
    );
    expect(seen(await form(CLAIRE, 'session', { ...values, date: '01/01/2020' }))).toContain(
      'date: Une date à venir',
    );
    const created = seen(
      await form(CLAIRE, 'session', { ...values, end: '17:00', capacity: '12', promotions: 'eig7' }),
    );
    expect(created).toBe(
      'C’est fait : la session Atelier accessibilité du jeudi 10 décembre 2026 (2026-12-10) est créée et annoncée dans #eig-communaute.',
    );
    expect(await services().sessions.get('2026-12-10')).toMatchObject({
      capacity: 12,
      audience: { alumni: true },
    });
  });

  it('/session lists upcoming sessions with each person’s answer', async () => {
    await services().sessions.answer(DECEMBER, INES, 'yes');
    await services().sessions.answer(DECEMBER, THOMAS, 'maybe');
    await services().sessions.answer(DECEMBER, SARAH, 'no');
    const list = await command(INES, '');
    expect(list).toContain(
      'Journée de promotion (mensuelle-2026-12-03) : jeudi 3 décembre 2026, 09:30–17:30, Ségur, 14 avenue Duquesne',
    );
    expect(list).toContain('Votre réponse : je viens');
    expect(list).toContain('Vous n’avez pas encore répondu');
  });

  it('D-7 goes to the audience who has not answered, and only them', async () => {
    const before = await settled();
    const expected = [CLAIRE, MEHDI, ...EIG7_OTHERS, ...EIG7_MENTORS];
    expect(await remind(DECEMBER, 'd7')).toBe(`${DECEMBER} d7: ${expected.length} sent`);
    const dms = (await delivered(before + expected.length)).slice(before).map((p) => p.to);
    expect(dms.sort()).toEqual(expected.map((e) => `@${e}`).sort());
    // A rerun (at least once delivery) sends nothing more.
    await remind(DECEMBER, 'd7');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shellPosts(bot.shellOutput())).toHaveLength(before + expected.length);
  });

  it('D-1 goes to yes and maybe, with place, time and the .ics', async () => {
    const before = await settled();
    expect(await remind(DECEMBER, 'd1')).toBe(`${DECEMBER} d1: 2 sent`);
    const sent = (await delivered(before + 2)).slice(before);
    expect(sent.map((p) => p.to).sort()).toEqual([`@${INES}`, `@${THOMAS}`]);
    expect(sent[0]?.text).toContain(
      'demain, Journée de promotion, 09:30–17:30, Ségur, 14 avenue Duquesne, 75007 Paris',
    );
    expect(sent[0]?.text).toContain('📎 session-mensuelle-2026-12-03.ics');
    expect(sent[0]?.text).toContain('METHOD:PUBLISH');
  });

  it('serves the calendar feed and each session’s .ics over HTTP', async () => {
    const feed = await fetch(`${bot.baseUrl}/calendar.ics`);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid).sort()).toEqual([
      'session-2026-12-10@cohorte',
      `session-${DECEMBER}@cohorte`,
      'session-mensuelle-2027-01-07@cohorte',
    ]);
    expect((await fetch(`${bot.baseUrl}/calendar.ics?session=nope`)).status).toBe(404);
  });

  it('the feedback the day after: attendees only, 1–5 checked, summarised for the coordinators', async () => {
    expect(seen(await form(SARAH, 'sessionfeedback', { rating: '5', comment: '' }, DECEMBER))).toContain(
      'Seules les personnes inscrites',
    );
    expect(seen(await form(INES, 'sessionfeedback', { rating: '9', comment: '' }, DECEMBER))).toContain(
      'rating: Choisissez une note de 1 à 5.',
    );
    expect(
      seen(await form(INES, 'sessionfeedback', { rating: '4', comment: 'Super ateliers' }, DECEMBER)),
    ).toBe('Merci pour votre avis !');
    const before = shellPosts(bot.shellOutput()).length;
    expect(await remind(DECEMBER, 'feedback')).toBe(`${DECEMBER} feedback: 1 sent`);
    expect(await remind(DECEMBER, 'summary')).toBe(`${DECEMBER} summary: 1 sent`);
    const sent = (await delivered(before + 2)).slice(before);
    expect(sent.find((p) => p.to === `@${INES}`)?.text).toContain('Donner mon avis');
    const summary = sent.find((p) => p.to === '#eig-coordination')?.text ?? '';
    expect(summary).toContain('1 avis sur 1 inscrit, note moyenne 4,0 / 5');
    expect(summary).toContain('« Super ateliers » (4/5)');
    expect(await command(CLAIRE, `avis ${DECEMBER}`)).toContain('note moyenne 4,0 / 5');
  });

  it('/session modifier: the change raises SEQUENCE, re-plans the reminders and sends the new .ics to those who answered', async () => {
    const ATELIER = '2026-12-10';
    await services().sessions.answer(ATELIER, INES, 'yes');
    expect(await command(INES, `modifier ${ATELIER}`)).toContain('réservée aux coordinateurs');
    expect(await command(CLAIRE, 'modifier')).toContain('Usage : /session modifier <id>');
    expect((await pending(ATELIER)).map((j) => j.data.sequence)).toEqual([0, 0, 0, 0, 0]);
    const values = {
      title: 'Atelier accessibilité',
      date: '2026-12-10',
      start: '15:00',
      end: '18:00',
      place: 'DINUM',
      address: '20 avenue de Ségur',
      agenda: '',
      capacity: '12',
      promotions: 'eig7',
      mentors: 'no',
      alumni: 'yes',
    };
    const before = shellPosts(bot.shellOutput()).length;
    expect(seen(await form(CLAIRE, 'session', values, ATELIER))).toBe(
      'C’est fait : la session Atelier accessibilité (2026-12-10) est modifiée ; l’annonce est à jour et 1 personne prévenue.',
    );
    expect(await services().sessions.get(ATELIER)).toMatchObject({
      sequence: 1,
      start: '15:00',
      address: '20 avenue de Ségur',
    });
    expect((await pending(ATELIER)).map((j) => j.data.sequence)).toEqual([1, 1, 1, 1, 1]);
    const toInes = () =>
      shellPosts(bot.shellOutput())
        .slice(before)
        .find((p) => p.to === `@${INES}`);
    await waitFor(() => toInes() !== undefined, 10_000);
    const dm = toInes();
    expect(dm?.text).toContain('a changé : jeudi 10 décembre 2026, 15:00–18:00, DINUM, 20 avenue de Ségur');
    const [event] = new ICAL.Component(ICAL.parse(dm?.text.slice(dm.text.indexOf('BEGIN:VCALENDAR')) ?? ''))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(event?.sequence).toBe(1);
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-12-10T14:00:00.000Z');
  });

  it('the morning of the day: one post in the community channel, the day then the opening stand-up from the last digests', async () => {
    const { standups, sessions } = services();
    const JANUARY = 'mensuelle-2027-01-07';
    const at = '2026-11-26T10:00:00.000Z';
    await standups.save('standup-eig7', '2026-W48', { email: INES, at }, () => ({
      meteo: '☀️',
      priorites: 'recette',
    }));
    await standups.save('standup-eig7', '2026-W48', { email: THOMAS, at }, () => ({ meteo: '🌧️' }));
    await standups.setHelp({
      id: `standup-eig7|2026-W48|${INES}`,
      ritualId: 'standup-eig7',
      periodId: '2026-W48',
      defiId: 'lexiq',
      email: INES,
      text: 'un avis RGPD',
      at,
    });
    await standups.claimDigest('standup-eig7', '2026-W48', 'lexiq', {
      deliveryKey: 'd',
      channel: '#defi-lexiq',
    });
    await sessions.answer(JANUARY, INES, 'yes');
    now = new Date('2027-01-07T08:30:00+01:00');
    const before = shellPosts(bot.shellOutput()).length;
    expect(await remind(JANUARY, 'morning')).toBe(`${JANUARY} morning: 1 sent`);
    // One post: the day's message, then the opening stand-up below it.
    const [morning, ...more] = (await delivered(before + 1)).slice(before);
    expect(more).toEqual([]);
    expect(morning).toMatchObject({ to: '#eig-communaute' });
    expect(morning?.text).toContain('C’est aujourd’hui : Journée de promotion, 09:30–17:30, Ségur');
    expect(morning?.text).toContain('1 personne vient');
    expect(morning?.text.indexOf('C’est aujourd’hui')).toBeLessThan(
      morning?.text.indexOf('STAND-UP D’OUVERTURE') ?? -1,
    );
    expect(morning?.text).toContain('LexIQ, la recherche dans la jurisprudence ☀️ 🌧️');
    expect(morning?.text).toContain('Besoin d’aide (Inès Moreau) : un avis RGPD');
    expect(morning?.text).toContain('Viennent : Inès Moreau');
    expect(morning?.text).toContain("Carto'Eau, la cartographie des cours d'eau : pas de stand-up récent");
    now = new Date('2026-11-23T10:00:00+01:00');
  });

  it('cancelling withdraws pending reminders, tells yes and maybe with a METHOD:CANCEL .ics, and nothing goes out after', async () => {
    expect(await pending(DECEMBER)).toHaveLength(5);
    expect(await command(INES, `annuler ${DECEMBER}`)).toContain('réservée aux coordinateurs');
    const before = shellPosts(bot.shellOutput()).length;
    expect(await command(CLAIRE, `annuler ${DECEMBER}`)).toBe(
      'C’est fait : la session Journée de promotion du jeudi 3 décembre 2026 est annulée ; 2 personnes prévenues.',
    );
    expect(await pending(DECEMBER)).toHaveLength(0);
    expect(
      await bot.cohorte.queues.jobs.getJob(
        jobIdOf(reminderKey({ id: DECEMBER, sequence: 0 } as Session, 'd1')),
      ),
    ).toBeUndefined();
    const told = (await delivered(before + 2)).slice(before).filter((p) => p.to.startsWith('@'));
    expect(told.map((p) => p.to).sort()).toEqual([`@${INES}`, `@${THOMAS}`]);
    expect(told[0]?.text).toContain('METHOD:CANCEL');
    expect(await remind(DECEMBER, 'morning')).toContain('nothing (cancelled or changed)');
    expect(await command(CLAIRE, `annuler ${DECEMBER}`)).toContain('déjà annulée');
    const ics = await (await fetch(`${bot.baseUrl}/calendar.ics?session=${DECEMBER}`)).text();
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('SEQUENCE:1');
    expect(await command(INES, '')).not.toContain(DECEMBER);
  });
});
