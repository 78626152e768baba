import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyKey } from '../../src/core/announcement/types.js';
import { requestIdOf } from '../../src/core/bulle/lifecycle.js';
import type { BulleRequest, RequestStatus } from '../../src/core/bulle/store.js';
import { textMessage } from '../../src/core/message.js';
import type { Services } from '../../src/core/ports.js';
import { publishSession } from '../../src/core/sessions/lifecycle.js';
import { helpRequestId } from '../../src/core/standup/store.js';
import { REDIS_URL } from '../support/cohorte.js';
import { readCsv } from '../support/csv-read.js';
import { linkIn, openPageLink } from '../support/page-link.js';
import { collapsed, pageTable } from '../support/page-table.js';
import { aSession } from '../support/session-fixture.js';
import { type ShellSession, shellSession } from '../support/shell-play.js';
import { waitForAsync } from '../support/wait.js';

const COORDINATOR = 'claire.dubois@beta.gouv.fr';
const INES = 'ines.moreau@beta.gouv.fr';
const THOMAS = 'thomas.nguyen@beta.gouv.fr';
const SARAH = 'sarah.lefebvre@beta.gouv.fr';
const LUCAS = 'lucas.martin@beta.gouv.fr';
/** An EIG of EIG 6, a promotion ended in June 2026: an alumnus now, still counted in his promotion. */
const LEO = 'leo.garcia@beta.gouv.fr';
const RITUAL = 'standup-eig7';
const LEXIQ = 'LexIQ, la recherche dans la jurisprudence';
/** Wednesday 2 December 2026: the 12 closed weeks are those of 7 September to 23 November (W37–W48). */
const NOW = new Date('2026-12-02T10:00:00+01:00');
/** A French percentage: a no-break space before %, narrow or not as the ICU of the Node version has it. */
const pc = (n: number) => expect.stringMatching(new RegExp(`^${n}[\u00a0\u202f]%$`));

const WEEKS = Array.from({ length: 12 }, (_, i) => `2026-W${37 + i}`);

/** A stand-up written by `email` in `week`, first at `at` (then edited at `editedAt`, when given). */
async function standup(
  services: Services,
  email: string,
  week: string,
  at: string,
  meteo: string,
  editedAt?: string,
) {
  await services.standups.save(RITUAL, week, { email, at }, () => ({ meteo }));
  if (editedAt) await services.standups.save(RITUAL, week, { email, at: editedAt }, (a) => ({ ...a, meteo }));
}

/** A bulloterie request at some stage, as the bulloterie stores it. */
const aRequest = (id: string, status: RequestStatus, extra: Partial<BulleRequest>): BulleRequest => ({
  id,
  email: INES,
  key: id,
  label: id,
  domain: 'Dev',
  details: '',
  source: 'chat',
  status,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  candidates: [],
  tried: [],
  attempt: 0,
  ...extra,
});

describe('/tableau: the coordination dashboard of a seeded community', () => {
  let shell: ShellSession;
  let cookie: string;
  let page: string;
  const get = (path: string, as = cookie) =>
    fetch(`${shell.bot.baseUrl}${path}`, { headers: { cookie: as } });
  const cookieOf = async (email: string, sub: string) =>
    (await openPageLink(linkIn(await shell.type(`:as ${email}`, `/cohorte ${sub}`)))).cookie;

  beforeAll(async () => {
    shell = await shellSession({ name: 'pages-tableau', clock: { now: () => NOW } });
    const { services, stores, queues } = shell.bot.cohorte;
    expect(await publishSession(services, { ...aSession(), capacity: 40 })).toBe(true);

    // LexIQ: Inès writes every week (sunny until W44, stormy from W45), Thomas only in W48, late; Sarah never.
    for (const [i, week] of WEEKS.entries()) {
      const monday = new Date(Date.parse('2026-09-07T08:00:00Z') + i * 7 * 86_400_000);
      const tuesday = new Date(monday.getTime() + 86_400_000).toISOString();
      // The last week: edited after the deadline, still in time (the first post counts).
      const edit = i === 11 ? '2026-11-28T09:00:00.000Z' : undefined;
      await standup(services, INES, week, tuesday, i >= 8 ? '⛈️' : '☀️', edit);
    }
    await standup(services, THOMAS, '2026-W48', '2026-11-27T16:00:00.000Z', '☁️');
    // DataPass Santé: Lucas away the week of 23 November; Amina silent.
    await services.standups.addAbsence(LUCAS, { from: '2026-11-23', to: '2026-11-27' });

    // Help: Sarah's waits for someone; Thomas's found a helper through the bulloterie.
    const help = (email: string, week: string, text: string, at: string) =>
      services.standups.setHelp({
        id: helpRequestId(RITUAL, week, email),
        ritualId: RITUAL,
        periodId: week,
        defiId: 'lexiq',
        email,
        text,
        at,
      });
    await help(SARAH, '2026-W47', 'un regard sur notre API', '2026-11-20T09:00:00.000Z');
    await help(THOMAS, '2026-W46', 'relire un modèle', '2026-11-13T09:00:00.000Z');

    // The bulloterie: matched in 2, 4 and 6 days after asking 2, 1 and 2 people; one proposed, one open (typed).
    const day = (d: string) => `2026-${d}T09:00:00.000Z`;
    for (const request of [
      aRequest('r1', 'met', {
        createdAt: day('11-01'),
        matchedAt: day('11-03'),
        tried: ['a@x.fr', 'b@x.fr'],
        helper: 'b@x.fr',
      }),
      aRequest('r2', 'accepted', {
        createdAt: day('11-10'),
        matchedAt: day('11-14'),
        tried: ['c@x.fr'],
        helper: 'c@x.fr',
      }),
      aRequest(requestIdOf(`standup|${helpRequestId(RITUAL, '2026-W46', THOMAS)}`), 'accepted', {
        email: THOMAS,
        createdAt: day('11-13'),
        matchedAt: day('11-19'),
        tried: ['e@x.fr'],
        helper: 'f@x.fr',
      }),
      aRequest('r3', 'proposed', { createdAt: day('11-30'), candidate: 'd@x.fr', attempt: 1 }),
      // Outside EIG 7: Léo (EIG 6) asked one person, then cancelled; the coordinator's own request, cancelled.
      aRequest('r4', 'cancelled', { email: LEO, createdAt: day('11-05'), tried: ['g@x.fr'] }),
      aRequest('r5', 'cancelled', { email: COORDINATOR, createdAt: day('11-06') }),
    ])
      expect(await services.bulle.create(request)).toBe(true);
    await shell.type(`:as ${INES}`, '/bulle cherche Docker');

    // An announcement to three people: two copies delivered by the outbox, one refused by the platform.
    const draft = await services.announcements.create({
      author: COORDINATOR,
      text: 'La journée de promotion a lieu jeudi à Ségur.',
      audience: { everyone: false, promotions: ['eig7'], roles: [], defis: [] },
      audienceText: 'eig7',
      mode: 'dms',
      createdAt: '2026-11-30T09:00:00.000Z',
      state: 'sent',
      version: 1,
    });
    const recipients = [`person:${INES}`, `person:${THOMAS}`, `person:${SARAH}`] as const;
    await services.announcements.setRecipients(draft.id, [...recipients]);
    for (const r of recipients.slice(0, 2))
      await services.outbox.send({
        key: copyKey(draft.id, r),
        to: { kind: 'person', email: r.slice(7) },
        message: textMessage([{ kind: 'plain', text: 'Bonjour' }]),
      });
    // The shell posts everything: the platform's refusal is written as the outbox records one.
    const redis = new Redis(REDIS_URL);
    await redis.set(stores.keys.deliveryFailed(copyKey(draft.id, recipients[2])), 'user_not_found');
    redis.disconnect();
    await waitForAsync(async () => {
      const statuses = await services.outbox.statuses(recipients.map((r) => copyKey(draft.id, r)));
      return statuses.filter((s) => s.state === 'sent').length === 2;
    }, 10_000);

    // A job that fails: its data lacks what the stand-up digest needs.
    await queues.jobs.add('standup-digest', {}, { attempts: 1 });
    await waitForAsync(async () => (await queues.jobs.getJobCounts('failed')).failed === 1, 10_000);

    cookie = await cookieOf(COORDINATOR, 'tableau');
    page = await (await get('/tableau')).text();
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('shows the 12 closed weeks of stand-ups per défi in words: on time, late, away, silent', () => {
    const { caption, rows } = pageTable(page, 'grille-eig7');
    expect(caption).toBe('Participation aux stand-ups, EIG 7 (3)');
    expect(rows[0]).toEqual([
      'Défi',
      '07/09',
      '14/09',
      '21/09',
      '28/09',
      '05/10',
      '12/10',
      '19/10',
      '26/10',
      '02/11',
      '09/11',
      '16/11',
      '23/11',
    ]);
    expect(rows[1]?.slice(0, 2)).toEqual([LEXIQ, '1 à temps, 2 silencieux']);
    expect(rows[1]?.at(-1)).toBe('1 à temps, 1 en retard, 1 silencieux');
    expect(rows[2]?.at(-1)).toBe('1 absent, 1 silencieux');
    expect(rows[3]?.at(-1)).toBe('2 silencieux');
    expect(page).toContain('<th scope="row">LexIQ, la recherche dans la jurisprudence</th>');
  });

  it('shows the météo week by week and its trend', () => {
    const { rows } = pageTable(page, 'meteo-eig7');
    expect(rows[0]?.at(-1)).toBe('Tendance');
    expect(rows[1]?.slice(1, 3)).toEqual(['☀️', '☀️']);
    expect(rows[1]?.slice(-2)).toEqual(['⛈️ ☁️', 'en baisse']);
    expect(rows[2]?.slice(-2)).toEqual(['—', 'pas assez de réponses']);
  });

  it('lists the help requests nobody has taken yet, with their age', () => {
    const { caption, rows } = pageTable(page, 'aide-eig7');
    expect(caption).toBe('Demandes d’aide ouvertes, EIG 7 (1)');
    expect(rows.slice(1)).toEqual([
      [LEXIQ, 'Sarah Lefebvre', 'un regard sur notre API', '12', 'personne n’a encore cherché'],
    ]);
  });

  it('shows the bulloterie funnel of everyone and of each promotion, and its pace against the previous buddy matching', async () => {
    const funnel = pageTable(page, 'entonnoir');
    expect(funnel.rows).toEqual([
      ['Promotion', 'Étape', 'Demandes', 'Part des demandes'],
      ['Tout le monde', 'Demandes', '7', pc(100)],
      ['Tout le monde', 'Proposées à quelqu’un', '5', pc(71)],
      ['Tout le monde', 'Acceptées', '3', pc(43)],
      ['Tout le monde', 'Échange confirmé', '1', pc(14)],
      ['EIG 7', 'Demandes', '5', pc(100)],
      ['EIG 7', 'Proposées à quelqu’un', '4', pc(80)],
      ['EIG 7', 'Acceptées', '3', pc(60)],
      ['EIG 7', 'Échange confirmé', '1', pc(20)],
      ['EIG 6', 'Demandes', '1', pc(100)],
      ['EIG 6', 'Proposées à quelqu’un', '1', pc(100)],
      ['EIG 6', 'Acceptées', '0', pc(0)],
      ['EIG 6', 'Échange confirmé', '0', pc(0)],
    ]);
    expect(page).toContain('<th scope="row">EIG 7</th>');
    const csv = new TextDecoder().decode(await (await get('/tableau?csv=entonnoir')).arrayBuffer());
    expect(readCsv(csv).slice(0, 2)).toEqual([
      ['Promotion', 'Étape', 'Demandes', 'Part des demandes'],
      ['Tout le monde', 'Demandes', '7', pc(100)],
    ]);
    expect(readCsv(csv).filter((row) => row[0] === 'EIG 6')).toHaveLength(4);
    expect(pageTable(page, 'rythme').rows).toEqual([
      ['Mesure', 'Cohorte', 'Binômage précédent'],
      ['Délai médian jusqu’à la mise en relation (jours)', '4', '8'],
      ['Personnes sollicitées par mise en relation (moyenne)', '1,7', '6'],
    ]);
    const inPlay = pageTable(page, 'demandes');
    expect(inPlay.caption).toBe('Demandes de la bulloterie en cours (4)');
    expect(inPlay.rows.at(-1)).toEqual(['Docker', 'on cherche quelqu’un', '0']);
  });

  it('shows the next session with its headcount and seats', () => {
    expect(pageTable(page, 'sessions').rows.slice(1)).toEqual([
      ['jeudi 3 décembre 2026', 'Journée de promotion', '0', '0', '0', '40'],
    ]);
  });

  it('shows each announcement with its delivery report, and the copies not delivered with why', () => {
    const [head, row] = pageTable(page, 'annonces').rows;
    expect(head?.slice(4)).toEqual(['Destinataires', 'Remises', 'Échecs', 'En attente']);
    expect(row?.slice(2)).toEqual(['eig7', 'envoyée', '3', '2', '1', '0']);
    expect(row?.[0]).toMatch(/^[0-9a-f]{6} : La journée de promotion a lieu jeudi à Ségur\.$/);
    const failures = pageTable(page, 'echecs-annonces').rows.slice(1);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.[1]).toBe(SARAH);
  });

  it('shows the queues’ health and the failed job with its reason', async () => {
    const [failed] = await shell.bot.cohorte.queues.jobs.getFailed();
    const queues = pageTable(page, 'files').rows;
    expect(queues[0]).toEqual(['File', 'En attente', 'En cours', 'Différées', 'En échec']);
    expect(queues.find((r) => r[0] === 'tâches planifiées')?.at(-1)).toBe('1');
    const failures = pageTable(page, 'echecs-files').rows.slice(1);
    expect(failures[0]?.slice(0, 3)).toEqual([
      'tâches planifiées',
      'standup-digest',
      collapsed(failed?.failedReason ?? ''),
    ]);
  });

  it('downloads every table as CSV, with the same cells as shown', async () => {
    const ids = [...page.matchAll(/<table id="([^"]+)">/g)].map((m) => m[1] ?? '');
    expect(ids).toEqual([
      'grille-eig7',
      'meteo-eig7',
      'aide-eig7',
      'entonnoir',
      'rythme',
      'demandes',
      'sessions',
      'annonces',
      'echecs-annonces',
      'files',
      'echecs-files',
    ]);
    for (const id of ids) {
      const res = await get(`/tableau?csv=${id}`);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="cohorte-${id}-2026-12-02.csv"`,
      );
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(text.startsWith('\uFEFF')).toBe(true);
      // A cell's line breaks read as spaces on the page.
      expect(
        readCsv(text.slice(1)).map((row) => row.map(collapsed)),
        id,
      ).toEqual(pageTable(page, id).rows);
    }
  });

  it('refuses a non-coordinator, CSV included, and gives nothing without a session', async () => {
    const eig = await cookieOf(INES, 'page');
    const refused = await get('/tableau', eig);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Page réservée à la coordination');
    expect((await get('/tableau?csv=entonnoir', eig)).status).toBe(403);
    expect((await fetch(`${shell.bot.baseUrl}/tableau?csv=demandes`)).status).toBe(401);
  });

  it('checks the role at each request: a role taken back closes the page to an open session', async () => {
    await shell.type(`:as ${COORDINATOR}`, `/cohorte role ${INES} coordination`);
    const granted = await cookieOf(INES, 'tableau');
    expect((await get('/tableau', granted)).status).toBe(200);
    await shell.type(`:as ${COORDINATOR}`, `/cohorte role ${INES} retirer coordination`);
    expect((await get('/tableau', granted)).status).toBe(403);
  });

  it('names each announcement with the punctuation of the coordinator’s language', async () => {
    await shell.type(`:as ${COORDINATOR}`, '/cohorte langue en');
    const english = await (await get('/tableau', await cookieOf(COORDINATOR, 'tableau'))).text();
    await shell.type(`:as ${COORDINATOR}`, '/cohorte langue fr');
    expect(pageTable(english, 'annonces').rows[1]?.[0]).toMatch(/^[0-9a-f]{6}: La journée de promotion/);
  });
});
