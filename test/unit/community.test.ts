import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  CommunityFileError,
  type CommunityProblem,
  loadCommunityFile,
  parseCommunity,
} from '../../src/community.js';

// The checkout under test, wherever it lives (a worktree is not /work/main).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(ROOT, 'community.example.yml');

/** A small valid file; line numbers below refer to it. */
const BASE = [
  'timezone: Europe/Paris', // 1
  'channels:', // 2
  "  community: '#c'", // 3
  "  coordination: '#co'", // 4
  "  alumni: '#a'", // 5
  'coordinators:', // 6
  '  - Coord@Beta.Gouv.fr', // 7
  'promotions:', // 8
  '  - id: p1', // 9
  '    name: P 1', // 10
  '    start: 2026-09-07', // 11
  '    end: 2027-06-26', // 12
  '    defis:', // 13
  '      - id: d1', // 14
  '        name: D 1', // 15
  '        administration: A', // 16
  "        channel: '#d1'", // 17
  '        eig:', // 18
  '          - a@beta.gouv.fr', // 19
  '          - { email: B@beta.gouv.fr, name: Bea }', // 20
  '        mentors: [m@x.gouv.fr]', // 21
];

/** BASE with lines replaced (1-based) and lines appended. */
const yamlWith = (replace: Record<number, string>, extra: string[] = []): string =>
  [...BASE.map((line, i) => replace[i + 1] ?? line), ...extra].join('\n');

const problemsOf = (text: string): CommunityProblem[] => {
  const result = parseCommunity(text, 'community.yml');
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

/** A stand-up ritual of promotion p1, from line 22 of the file on: its four first lines, then `lines`. */
const standupP1 = (lines: string[] = []): string[] => [
  'rituals:',
  '  - id: standup-p1',
  '    kind: standup',
  '    promotion: p1',
  ...lines,
];

const lineOf = (problems: CommunityProblem[], pathPart: string): number | undefined =>
  problems.find((p) => p.path.includes(pathPart))?.line;

describe('parseCommunity', () => {
  it('accepts the example and fills defaults', () => {
    const result = parseCommunity(readFileSync(EXAMPLE, 'utf8'), 'community.example.yml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.community.promotions.map((p) => p.id)).toEqual(['eig7', 'eig6']);
    expect(result.community.promotions[0]?.defis.map((d) => d.id)).toEqual([
      'lexiq',
      'datapass-sante',
      'carto-eau',
    ]);
    const base = parseCommunity(BASE.join('\n'), 'community.yml');
    expect(base.ok && base.community).toMatchObject({
      locale: 'fr',
      alumni: [],
      rituals: [],
      sessions: [],
      bulloterie: {},
    });
  });

  it('normalises people to lower-cased objects', () => {
    const result = parseCommunity(yamlWith({ 19: '          - "  A.Nom@Beta.Gouv.FR "' }), 'community.yml');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.community.coordinators).toEqual([{ email: 'coord@beta.gouv.fr' }]);
    expect(result.community.promotions[0]?.defis[0]?.eig).toEqual([
      { email: 'a.nom@beta.gouv.fr' },
      { email: 'b@beta.gouv.fr', name: 'Bea' },
    ]);
  });

  it('reports an invalid e-mail on its line', () => {
    const problems = problemsOf(yamlWith({ 19: '          - pas-une-adresse' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(19);
    expect(problems[0]?.message).toContain('e-mail');
  });

  it('reports a duplicate défi id across promotions', () => {
    const second = [
      '  - id: p2',
      '    name: P 2',
      '    start: 2025-09-08',
      '    end: 2026-06-27',
      '    defis:',
    ];
    const defi = [
      '      - id: D1',
      '        name: X',
      '        administration: A',
      "        channel: '#x'",
      '        eig: []',
    ];
    const problems = problemsOf(yamlWith({}, [...second, ...defi]));
    expect(problems).toEqual([expect.objectContaining({ line: 27, path: 'promotions.1.defis.0.id' })]);
  });

  it('reports a duplicate promotion id', () => {
    const problems = problemsOf(
      yamlWith({}, [
        '  - id: p1',
        '    name: P bis',
        '    start: 2025-09-08',
        '    end: 2026-06-27',
        '    defis: []',
      ]),
    );
    expect(problems).toEqual([expect.objectContaining({ line: 22, path: 'promotions.1.id' })]);
  });

  it('reports rituals referencing an unknown promotion or défi', () => {
    const problems = problemsOf(
      yamlWith({}, [
        'rituals:',
        '  - id: r1',
        '    kind: standup',
        '    promotion: p9',
        '    defis: [d1, nope]',
      ]),
    );
    expect(lineOf(problems, 'rituals.0.promotion')).toBe(25);
    expect(lineOf(problems, 'rituals.0.defis.1')).toBe(26);
    expect(problems).toHaveLength(2);
  });

  it('checks stand-up rituals with their own rules, on their lines, and fills their defaults', () => {
    const problems = problemsOf(
      yamlWith(
        {},
        standupP1(['    deadline: { day: vendredi, time: 15h }', "    reminders: ['10:00', '01:30']"]),
      ),
    );
    expect(problems.map((p) => [p.line, p.path])).toEqual([
      [26, 'rituals.0.deadline.time'],
      [27, 'rituals.0.reminders.1'],
    ]);
    expect(problems[0]?.message).toContain('HH:MM');
    const ok = parseCommunity(yamlWith({}, standupP1()), 'community.yml');
    expect(ok.ok && ok.community.standups[0]).toMatchObject({
      promotion: 'p1',
      deadline: { day: 'friday', time: '15:00' },
      reminders: ['10:00', '14:00'],
      digest: '15:00',
    });
  });

  it('refuses a stand-up choice question Slack cannot show: over 100 choices, or a choice over 75 characters', () => {
    const question = (choices: string) =>
      standupP1([
        '    questions:',
        '      - id: humeur',
        '        kind: choice',
        '        label: { fr: Humeur, en: Mood }',
        `        choices: ${choices}`,
      ]);
    const many = JSON.stringify(Array.from({ length: 101 }, (_, i) => `choix ${i + 1}`));
    const tooMany = problemsOf(yamlWith({}, question(many)));
    expect(tooMany.map((p) => [p.line, p.path])).toEqual([[30, 'rituals.0.questions.0.choices']]);
    expect(tooMany[0]?.message).toContain('100 choix au plus');
    const long = JSON.stringify(['court', 'l'.repeat(76)]);
    const tooLong = problemsOf(yamlWith({}, question(long)));
    expect(tooLong.map((p) => [p.line, p.path])).toEqual([[30, 'rituals.0.questions.0.choices.1']]);
    expect(tooLong[0]?.message).toContain('75 caractères au plus');
    const atLimits = JSON.stringify([
      'l'.repeat(75),
      ...Array.from({ length: 99 }, (_, i) => `choix ${i + 2}`),
    ]);
    expect(parseCommunity(yamlWith({}, question(atLimits)), 'community.yml').ok).toBe(true);
  });

  it('refuses a short label over the 24 bytes a Mattermost dialog shows, saying so in French', () => {
    const question = (short: string) =>
      standupP1([
        '    questions:',
        '      - id: bilan',
        '        kind: text',
        '        label: { fr: Réussites et difficultés de la semaine, en: Wins and difficulties of the week }',
        `        short: { fr: '${short}', en: Wins }`,
      ]);
    const tooLong = problemsOf(yamlWith({}, question('Réussites et difficultés')));
    expect(tooLong.map((p) => [p.line, p.path, p.message])).toEqual([
      [30, 'rituals.0.questions.0.short.fr', expect.stringContaining('un libellé court tient en 24 octets')],
    ]);
    expect(parseCommunity(yamlWith({}, question('Réussites, difficultés')), 'community.yml').ok).toBe(true);
  });

  it('reports two rituals with the same id (their schedulers and keys would collide)', () => {
    const cafe = [
      '    kind: reminder',
      '    message: Café',
      '    schedule: { days: [lundi], time: "09:45" }',
    ];
    const problems = problemsOf(yamlWith({}, ['rituals:', '  - id: r1', ...cafe, '  - id: r1', ...cafe]));
    expect(problems).toEqual([expect.objectContaining({ line: 27, path: 'rituals.1.id' })]);
  });

  it('reports a misspelt ritual kind on its line instead of skipping the ritual', () => {
    const problems = problemsOf(
      yamlWith({}, ['rituals:', '  - id: cafe', '    kind: remider', '    message: Café']),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 24,
        path: 'rituals.0.kind',
        message: 'valeur attendue : standup ou reminder',
      }),
    ]);
  });

  it('refuses a file ritual whose cron fires more than once a day, as the chat does, with the floor', () => {
    const problems = problemsOf(
      yamlWith({}, [
        'rituals:',
        '  - id: spam',
        '    kind: reminder',
        '    message: Café',
        "    schedule: { cron: '*/10 * * * *' }",
        '  - id: court',
        '    kind: reminder',
        '    message: Café',
        "    schedule: { cron: '* * *' }",
      ]),
    );
    expect(problems.map((p) => [p.line, p.path, p.message])).toEqual([
      [
        26,
        'rituals.0.schedule.cron',
        'Un rituel est publié une fois par jour au plus : une seule minute et une seule heure, par exemple `0 9 * * 1` (le lundi à 09:00) ou `30 8 * * 1-5` (du lundi au vendredi à 08:30).',
      ],
      [
        30,
        'rituals.1.schedule.cron',
        'expression cron attendue : 5 champs (minute heure jour mois jour-de-semaine)',
      ],
    ]);
  });

  it('checks reminder rituals on their lines: schedule, time, cron read as BullMQ reads it, timezone', () => {
    const problems = problemsOf(
      yamlWith({}, [
        'rituals:',
        '  - id: cafe',
        '    kind: reminder',
        '    message: Café',
        "    schedule: { days: [mardi], time: '25:00' }",
        '  - id: demo',
        '    kind: reminder',
        '    message: Démo',
        "    schedule: { cron: '61 * * * *' }",
        '    timezone: Europe/Lutece',
        '  - id: biweekly',
        '    kind: reminder',
        '    message: Rétro',
        "    schedule: { days: [jeudi], time: '17:00', every: 2 }",
      ]),
    );
    expect(problems.map((p) => [p.line, p.path])).toEqual([
      [26, 'rituals.0.schedule.time'],
      [30, 'rituals.1.schedule.cron'],
      [31, 'rituals.1.timezone'],
      [35, 'rituals.2.schedule.from'],
    ]);
    expect(problems[1]?.message).toContain('Constraint error');
    const ok = parseCommunity(
      yamlWith({}, [
        'rituals:',
        '  - id: cafe',
        '    kind: reminder',
        '    message: Café',
        '    schedule: { nth: 1, day: jeudi, time: "09:30" }',
      ]),
      'c.yml',
    );
    expect(ok.ok && ok.community.reminders).toEqual([
      expect.objectContaining({
        id: 'cafe',
        schedule: { nth: 1, day: 'thursday', time: '09:30' },
        skipHolidays: true,
      }),
    ]);
  });

  it('checks session rules on their lines and fills their defaults', () => {
    const rule = [
      'sessions:',
      '  - id: mensuelle',
      '    title: Journée de promotion',
      '    schedule: { nth: 1, day: jeudi }',
      "    start: '09:30'",
      "    end: '17:30'",
      '    place: Ségur',
      '    audience: { promotions: [p1], mentors: true }',
    ];
    const ok = parseCommunity(yamlWith({}, rule), 'c.yml');
    expect(ok.ok && ok.community.sessionRules).toEqual([
      expect.objectContaining({
        id: 'mensuelle',
        ahead: 2,
        audience: { promotions: ['p1'], mentors: true, alumni: false },
        times: { d7: '10:00', d1: '10:00', morning: '08:30', feedback: '10:00' },
      }),
    ]);
    const bad = problemsOf(
      yamlWith({}, [
        ...rule.slice(0, 4),
        "    start: '17:30'",
        "    end: '09:30'",
        '    place: Ségur',
        '    audience: { promotions: [p9] }',
      ]),
    );
    expect(bad.map((p) => [p.line, p.path])).toEqual([
      [27, 'sessions.0.end'],
      [29, 'sessions.0.audience.promotions.0'],
    ]);
  });

  it('reports an end date before the start date, and dates that do not exist', () => {
    expect(problemsOf(yamlWith({ 12: '    end: 2026-06-26' }))).toEqual([
      expect.objectContaining({ line: 12, path: 'promotions.0.end' }),
    ]);
    expect(lineOf(problemsOf(yamlWith({ 11: '    start: 2026-02-30' })), 'start')).toBe(11);
  });

  it('reports an unknown timezone', () => {
    expect(problemsOf(yamlWith({ 1: 'timezone: Europe/Lutece' }))).toEqual([
      expect.objectContaining({ line: 1, path: 'timezone' }),
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(problemsOf(yamlWith({ 16: '        administration: A: B' }))).toEqual([
      expect.objectContaining({ line: 16, path: 'syntaxe YAML' }),
    ]);
    expect(problemsOf(yamlWith({ 17: '        name: D 2' }))).toEqual([
      expect.objectContaining({ line: 17, path: 'syntaxe YAML', message: 'Map keys must be unique' }),
    ]);
  });

  it('reports unknown keys on their own line', () => {
    expect(problemsOf(yamlWith({}, ['rituels: []']))).toEqual([
      expect.objectContaining({ line: 22, path: 'rituels', message: 'clé inconnue' }),
    ]);
    expect(lineOf(problemsOf(yamlWith({ 15: '        nom: D 1' })), 'defis.0.nom')).toBe(15);
  });

  it('reports the same person twice as EIG in one promotion', () => {
    const problems = problemsOf(yamlWith({ 20: '          - A@beta.gouv.fr' }));
    expect(problems).toEqual([expect.objectContaining({ line: 20, path: 'promotions.0.defis.0.eig.1' })]);
  });

  it('reports the same coordinator, alumna or mentor twice on the second line, naming the first', () => {
    const problems = problemsOf(
      yamlWith({ 21: '        mentors: [m@x.gouv.fr, M@X.gouv.fr]' }, [
        'alumni:',
        '  - old@beta.gouv.fr',
        '  - { email: Old@beta.gouv.fr, name: Old }',
      ]).replace(
        '  - Coord@Beta.Gouv.fr',
        '  - Coord@Beta.Gouv.fr\n  - { email: coord@beta.gouv.fr, name: C }',
      ),
    );
    expect(problems).toEqual([
      {
        line: 8,
        path: 'coordinators.1',
        message: 'coord@beta.gouv.fr est déjà dans coordinators (ligne 7) : retirez l’une des deux lignes',
      },
      {
        line: 22,
        path: 'promotions.0.defis.0.mentors.1',
        message: 'm@x.gouv.fr est déjà dans mentors (ligne 22) : retirez l’une des deux lignes',
      },
      {
        line: 25,
        path: 'alumni.1',
        message: 'old@beta.gouv.fr est déjà dans alumni (ligne 24) : retirez l’une des deux lignes',
      },
    ]);
  });

  it('reports every mistake at once, sorted by line', () => {
    const text = yamlWith(
      { 1: 'timezone: Mars/Olympus', 7: '  - coord', 12: '    end: 2020-01-01', 15: '        name:' },
      ['rituals:', '  - id: r1', '    kind: retro', '    defis: [zz]', 'extra: 1'],
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => p.line)).toEqual([1, 7, 12, 15, 24, 25, 26]);
  });

  it('loadCommunityFile throws a CommunityFileError listing problems one per line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cohorte-')), 'community.yml');
    writeFileSync(file, yamlWith({ 19: '          - nope', 1: 'timezone: Nowhere/Else' }));
    expect.assertions(3);
    try {
      loadCommunityFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(CommunityFileError);
      expect((error as CommunityFileError).problems).toHaveLength(2);
      expect((error as Error).message).toContain(`${file}:19: promotions.0.defis.0.eig.0`);
    }
  });
});

describe('check-community CLI', () => {
  const run = async (file?: string, cwd = ROOT) => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const script = join(ROOT, 'src', 'check-community.ts');
    try {
      const { stdout, stderr } = await promisify(execFile)(tsx, [script, ...(file ? [file] : [])], {
        cwd,
        // Only the test's files: no COMMUNITY_FILE from the environment the tests run in.
        env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'COMMUNITY_FILE')),
      });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, out: failed.stdout + failed.stderr };
    }
  };

  it('summarises the example and exits 0', async () => {
    const { code, out } = await run('community.example.yml');
    expect(code).toBe(0);
    expect(out).toContain('lexiq');
    expect(out).toContain('datapass-sante');
    expect(out).toContain('carto-eau');
    expect(out).toMatch(/Bulloterie : \d+ thèmes, 2 mises en relation en cours au plus par personne/);
  }, 30_000);

  it('prints each problem with its line and exits 1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cohorte-')), 'community.yml');
    writeFileSync(file, yamlWith({ 17: '        channel: ""' }));
    const { code, out } = await run(file);
    expect(code).toBe(1);
    expect(out).toContain(`${file}:17: promotions.0.defis.0.channel: ne doit pas être vide`);
  }, 30_000);

  it('without an argument, checks the COMMUNITY_FILE of .env, as the bot would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohorte-'));
    const file = join(dir, 'ma-communaute.yml');
    writeFileSync(file, yamlWith({ 17: '        channel: ""' }));
    writeFileSync(join(dir, '.env'), `COMMUNITY_FILE=${file}\n`);
    const { code, out } = await run(undefined, dir);
    expect(code).toBe(1);
    expect(out).toContain(`${file}:17: promotions.0.defis.0.channel`);
  }, 30_000);
});
