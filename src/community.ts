import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadThemes, themesPath } from './bulle-themes.js';
import { asArray, crossCheck, field, str } from './community-cross-check.js';
import { BulleSectionSchema, type BulleSettings } from './core/bulle/settings.js';
import { ritualFr } from './core/i18n/ritual.fr.js';
import { type ReminderRitual, ReminderRitualSchema } from './core/ritual/ritual.js';
import { CRON_FIX } from './core/ritual/schedule.js';
import type { CommunityData, PersonEntry } from './core/roster/types.js';
import { type SessionRule, SessionRuleSchema } from './core/sessions/session.js';
import { type StandupRitual, StandupRitualSchema } from './core/standup/ritual.js';
import { cronCheck } from './queue/cron.js';
import { type CommunityProblem, issuePath, type Path, readYaml, reportIssues } from './yaml-problems.js';

export type { CommunityProblem } from './yaml-problems.js';

/** `file:line: path: message`, the one way a problem is shown (the line is left out when unknown). */
export function formatProblem(fileName: string, problem: CommunityProblem): string {
  const where = problem.line === undefined ? fileName : `${fileName}:${problem.line}`;
  return `${where}: ${problem.path || '(racine)'}: ${problem.message}`;
}

/** Thrown by {@link loadCommunityFile}: holds every problem found, and lists them one per line in its message. */
export class CommunityFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: CommunityProblem[],
  ) {
    super(
      [
        `${fileName} : ${problems.length} problème(s)`,
        ...problems.map((p) => formatProblem(fileName, p)),
      ].join('\n'),
    );
    this.name = 'CommunityFileError';
  }
}

const isTimezone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
};

const isRealDate = (text: string): boolean => {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

const TextSchema = z.string().trim().min(1);
const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: (iss) => `adresse e-mail invalide : ${String(iss.input)}` }));
const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date attendue au format AAAA-MM-JJ' })
  .refine(isRealDate, { error: (iss) => `date inexistante : ${String(iss.input)}` });

/** A person: an e-mail string or `{ email, name? }`, always normalised to the object with a lower-cased e-mail. */
const PersonSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { email: value } : value),
  z.strictObject({
    email: EmailSchema,
    name: TextSchema.optional(),
    matrix: z
      .string()
      .trim()
      .regex(/^@[^:\s]+:\S+$/, {
        error:
          'identifiant Matrix attendu : @nom:serveur (ex. @claire.dubois-beta.gouv.fr:agent.tchap.gouv.fr)',
      })
      .optional(),
  }),
);
const PeopleSchema = z.array(PersonSchema);

// Ids are typed in commands (`/cohorte role … mentor lexiq`) and used inside Redis keys: a short slug.
const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, {
  error: 'identifiant attendu : lettres, chiffres, - et _ (ex. lexiq, eig7)',
});

/** A défi of a promotion; its id is unique across all promotions (checked by {@link parseCommunity}). */
const DefiSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  administration: TextSchema,
  channel: TextSchema,
  eig: PeopleSchema,
  mentors: PeopleSchema.default([]),
});

/** A promotion with real calendar dates; `end` not before `start` is checked by {@link parseCommunity}. */
const PromotionSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  start: DateSchema,
  end: DateSchema,
  defis: z.array(DefiSchema),
});

/**
 * A ritual: `id` and `kind` are required (a misspelt kind is reported, not skipped), references are checked, other
 * keys belong to the ritual's feature.
 */
const RitualSchema = z.looseObject({
  id: TextSchema,
  kind: z.enum(['standup', 'reminder']),
  promotion: TextSchema.optional(),
  defis: z.array(TextSchema).optional(),
});

/** The whole `community.yml`: strict on its top level, with defaults filled in. */
const CommunityFileSchema = z.strictObject({
  timezone: z
    .string()
    .refine(isTimezone, { error: (iss) => `fuseau horaire inconnu : ${String(iss.input)}` })
    .default('Europe/Paris'),
  locale: z.enum(['fr', 'en']).default('fr'),
  channels: z.strictObject({ community: TextSchema, coordination: TextSchema, alumni: TextSchema }),
  coordinators: PeopleSchema,
  promotions: z.array(PromotionSchema),
  alumni: PeopleSchema.default([]),
  rituals: z.array(RitualSchema).default([]),
  sessions: z.array(z.looseObject({})).default([]),
  bulloterie: BulleSectionSchema,
});

/** What {@link loadCommunityFile} guarantees: the core's view plus the sections later features read. */
export type LoadedCommunity = CommunityData & {
  rituals: z.infer<typeof RitualSchema>[];
  sessions: Record<string, unknown>[];
  bulloterie: BulleSettings;
  /** The `bulloterie:` section as written; its themes file is read by {@link loadCommunityFile}. */
  bulloterieSection: z.infer<typeof BulleSectionSchema>;
};

/** Everyone the file lists (coordination, alumni, EIG and mentors), once per mention: a chat directory's people. */
export function communityPeople(community: CommunityData): PersonEntry[] {
  return [
    ...community.coordinators,
    ...community.alumni,
    ...community.promotions.flatMap((p) => p.defis.flatMap((d) => [...d.eig, ...d.mentors])),
  ];
}

/** Every channel the community file names: the community's three, then each défi's, each once. */
export function communityChannels(community: CommunityData): string[] {
  const { channels, promotions } = community;
  const defis = promotions.flatMap((p) => p.defis.map((d) => d.channel));
  return [...new Set([channels.community, channels.coordination, channels.alumni, ...defis])];
}

/** Either the community, or every problem found (sorted by line), never just the first. */
export type ParseResult =
  | { ok: true; fileName: string; community: LoadedCommunity }
  | { ok: false; fileName: string; problems: CommunityProblem[] };

const EXPECTED: Record<string, string> = {
  string: 'un texte',
  object: 'une table « clé: valeur »',
  array: 'une liste',
};

/** French messages for zod's generic issues (our own refinements carry their own). */
const frenchErrors: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type') {
    return iss.input === undefined
      ? 'champ obligatoire'
      : `attendu : ${EXPECTED[iss.expected] ?? iss.expected}`;
  }
  if (iss.code === 'too_small' && iss.origin === 'string') return 'ne doit pas être vide';
  if (iss.code === 'invalid_value') return `valeur attendue : ${iss.values.map(String).join(' ou ')}`;
  if (iss.code === 'invalid_format' && iss.format === 'email') return 'adresse e-mail invalide';
  return undefined;
};

/** The `kind: standup` rituals, checked by the stand-up schema; one per promotion. */
function parseStandups(raw: unknown, report: (path: Path, message: string) => void): StandupRitual[] {
  const standups: StandupRitual[] = [];
  const byPromotion = new Set<string>();
  asArray(field(raw, 'rituals')).forEach((ritual, r) => {
    if (field(ritual, 'kind') !== 'standup') return;
    const parsed = StandupRitualSchema.safeParse(ritual, { error: frenchErrors });
    if (!parsed.success) {
      reportIssues(report, ['rituals', r], parsed.error.issues);
      return;
    }
    if (byPromotion.has(parsed.data.promotion)) {
      report(
        ['rituals', r, 'promotion'],
        `un seul stand-up par promotion : ${parsed.data.promotion} en a déjà un`,
      );
    }
    byPromotion.add(parsed.data.promotion);
    standups.push(parsed.data);
  });
  return standups;
}

/** The `kind: reminder` rituals, checked by their schema; cron patterns by the check `/rituel ajouter` uses. */
function parseReminders(raw: unknown, report: (path: Path, message: string) => void): ReminderRitual[] {
  const reminders: ReminderRitual[] = [];
  asArray(field(raw, 'rituals')).forEach((ritual, r) => {
    if (field(ritual, 'kind') !== 'reminder') return;
    const parsed = ReminderRitualSchema.safeParse(ritual, { error: frenchErrors });
    if (!parsed.success) {
      reportIssues(report, ['rituals', r], parsed.error.issues);
      return;
    }
    const { schedule, timezone } = parsed.data;
    const problem = 'cron' in schedule ? cronCheck(schedule.cron) : undefined;
    if (problem)
      report(
        ['rituals', r, 'schedule', 'cron'],
        problem.kind === 'unreadable' ? problem.detail : ritualFr[CRON_FIX.tooOften],
      );
    if (timezone !== undefined && !isTimezone(timezone))
      report(['rituals', r, 'timezone'], `fuseau horaire inconnu : ${timezone}`);
    reminders.push(parsed.data);
  });
  return reminders;
}

/** The `sessions:` rules, checked by their schema; their promotions must exist. */
function parseSessionRules(raw: unknown, report: (path: Path, message: string) => void): SessionRule[] {
  const rules: SessionRule[] = [];
  const promotions = new Set(asArray(field(raw, 'promotions')).map((p) => str(field(p, 'id'))));
  const ids = new Set<string>();
  asArray(field(raw, 'sessions')).forEach((rule, r) => {
    // Rule ids name the sessions they create (`<id>-<date>`): two rules with one id would share sessions.
    const ruleId = str(field(rule, 'id'));
    if (ruleId !== undefined && ids.has(ruleId))
      report(['sessions', r, 'id'], `règle de sessions en double : ${ruleId}`);
    if (ruleId !== undefined) ids.add(ruleId);
    asArray(field(field(rule, 'audience'), 'promotions')).forEach((promotion, i) => {
      const id = str(promotion);
      if (id !== undefined && !promotions.has(id))
        report(['sessions', r, 'audience', 'promotions', i], `promotion inconnue : ${id}`);
    });
    const parsed = SessionRuleSchema.safeParse(rule, { error: frenchErrors });
    if (!parsed.success) {
      reportIssues(report, ['sessions', r], parsed.error.issues);
      return;
    }
    rules.push(parsed.data);
  });
  return rules;
}

/**
 * Parses and checks a community file's text. Never throws: YAML syntax errors, schema errors and cross checks all
 * come back as problems with the line of the offending node. `fileName` is carried along for messages.
 */
export function parseCommunity(text: string, fileName: string): ParseResult {
  const { doc, syntaxProblems, lineOf, keyLine } = readYaml(text);
  const problems: CommunityProblem[] = [...syntaxProblems];
  const done = () => ({
    ok: false as const,
    fileName,
    problems: problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)),
  });
  if (problems.length > 0) return done();

  const report = (path: Path, message: string) =>
    problems.push({ line: lineOf(path), path: path.join('.'), message });

  const raw: unknown = doc.toJS();
  const parsed = CommunityFileSchema.safeParse(raw, { error: frenchErrors });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issuePath(issue);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({
            line: keyLine(path, key),
            path: [...path, key].join('.'),
            message: 'clé inconnue',
          });
        }
      } else report(path, issue.message);
    }
  }
  crossCheck(raw, report, lineOf);
  const standups = parseStandups(raw, report);
  const reminders = parseReminders(raw, report);
  const sessionRules = parseSessionRules(raw, report);
  if (!parsed.success || problems.length > 0) return done();
  const { bulloterie, ...rest } = parsed.data;
  const settings = { themes: [], maxOpen: bulloterie.max_open, round: bulloterie.round };
  return {
    ok: true,
    fileName,
    community: {
      ...rest,
      standups,
      reminders,
      sessionRules,
      bulloterie: settings,
      bulloterieSection: bulloterie,
    },
  };
}

/**
 * Reads and checks a community file. Returns a community with every default filled in, or throws a
 * {@link CommunityFileError} listing every problem; a file that cannot be read throws the file system's error.
 */
export function loadCommunityFile(path: string): LoadedCommunity {
  if (!existsSync(path)) {
    throw new CommunityFileError(path, [
      { line: undefined, path: 'COMMUNITY_FILE', message: `fichier introuvable : ${path}` },
    ]);
  }
  const result = parseCommunity(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new CommunityFileError(path, result.problems);
  const { community } = result;
  const themesFile = themesPath(path, community.bulloterieSection.themes);
  const themes = loadThemes(themesFile);
  if (themes.problems.length) throw new CommunityFileError(themesFile, themes.problems);
  return { ...community, bulloterie: { ...community.bulloterie, themes: themes.themes } };
}

/** The file to load: `configured` when set (even if missing: the load then fails), else `./community.yml` if it exists, else the example. */
export function resolveCommunityPath(configured: string | undefined): string {
  // A configured file that is missing (a typo, a volume not mounted) must stop the boot, never fall back to the
  // example's people and channels.
  if (configured) return configured;
  if (existsSync('./community.yml')) return './community.yml';
  return './community.example.yml';
}
