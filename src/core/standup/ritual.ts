import { z } from 'zod';
import { utf8Length } from '../split-rich.js';
import { TimeSchema } from '../time/time-of-day.js';
import { type Weekday, WeekdaySchema, weekdayNumber } from '../time/weekday.js';

/**
 * A stand-up ritual as written in `community.yml` (`rituals:` entries of `kind: standup`), parsed with every default
 * filled in. Messages are in French: the coordination team reads them from `npm run check-community`.
 */

const SLUG = /^[a-z0-9][a-z0-9_-]*$/i;
const SlugSchema = z
  .string({ error: (iss) => (iss.input === undefined ? 'champ requis' : 'identifiant attendu') })
  .regex(SLUG, { error: 'identifiant attendu : lettres, chiffres, - et _ (ex. standup-eig7)' });

// Cross-field checks read fields already valid: a bad time must not also be reported as « digest before deadline ».
const whenValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

const MAX_ERROR = 'longueur maximale attendue : un entier de 1 à 3000 caractères';
const LabelTextSchema = z.string().trim().min(1, { error: 'libellé vide' });
// A Mattermost dialog shows 24 bytes of a label (Dialog.IsValid, server/public/model/integration_action.go).
const SHORT_MAX_BYTES = 24;
const ShortTextSchema = LabelTextSchema.refine((text) => utf8Length(text) <= SHORT_MAX_BYTES, {
  error: `un libellé court tient en ${SHORT_MAX_BYTES} octets (accents comptés double) : raccourcissez-le`,
});
// A choice is an option of a Slack static select: its text is at most 75 characters, and a select lists at most
// 100 options (node-slack-sdk packages/types/src/block-kit/composition-objects.ts and block-elements.ts).
const CHOICE_TEXT_MAX = 75;
const CHOICES_MAX = 100;
const ChoiceSchema = LabelTextSchema.max(CHOICE_TEXT_MAX, {
  error: `un choix tient en ${CHOICE_TEXT_MAX} caractères au plus (limite d’une liste de choix sur Slack)`,
});

/**
 * One question of the stand-up form. Guarantees: a `choice` question has 2 to 100 distinct choices of at most 75
 * characters each (what a Slack select shows), a `text` question has none, `max` (answer length) is 1–3000
 * (default 500), only a `text` question can be the help one, and a `short` label fits a Mattermost dialog's 24 bytes.
 */
export const StandupQuestionSchema = z
  .strictObject({
    id: SlugSchema,
    label: z.strictObject({ fr: LabelTextSchema, en: LabelTextSchema }),
    /** What a form shows above the field when the label is too long for it (the label then goes below). */
    short: z.strictObject({ fr: ShortTextSchema, en: ShortTextSchema }).optional(),
    kind: z.enum(['choice', 'text'], { error: 'type de question attendu : choice ou text' }),
    choices: z
      .array(ChoiceSchema)
      .min(2, { error: 'au moins deux choix' })
      .max(CHOICES_MAX, {
        error: `${CHOICES_MAX} choix au plus (limite d’une liste de choix sur Slack) : gardez les plus utiles`,
      })
      .optional(),
    max: z
      .number({ error: MAX_ERROR })
      .int({ error: MAX_ERROR })
      .min(1, { error: MAX_ERROR })
      .max(3000, { error: MAX_ERROR })
      .default(500),
    help: z.boolean().default(false),
  })
  .superRefine((question, ctx) => {
    if (question.kind === 'choice' && !question.choices) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: 'choices requis pour une question kind: choice',
      });
    }
    if (question.kind === 'text' && question.choices) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: 'choices réservé aux questions kind: choice',
      });
    }
    if (question.choices && new Set(question.choices).size !== question.choices.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choix en double' });
    }
    if (question.help && question.kind !== 'text') {
      ctx.addIssue({ code: 'custom', path: ['help'], message: 'la question d’aide doit être de kind: text' });
    }
  }, whenValid);

/** A parsed stand-up question, defaults filled. */
export type StandupQuestion = z.output<typeof StandupQuestionSchema>;

/** The four questions asked when a ritual lists none: météo, priorités, difficultés, and the help request. */
export const DEFAULT_QUESTIONS: readonly Readonly<StandupQuestion>[] = Object.freeze([
  {
    id: 'meteo',
    label: { fr: 'Météo', en: 'Weather' },
    kind: 'choice',
    choices: ['☀️', '🌤️', '☁️', '🌧️', '⛈️'],
    max: 500,
    help: false,
  },
  {
    id: 'priorites',
    label: { fr: 'Priorités de la semaine', en: 'Priorities for the week' },
    kind: 'text',
    max: 500,
    help: false,
  },
  {
    id: 'difficultes',
    label: { fr: 'Réussites et difficultés', en: 'Wins and difficulties' },
    short: { fr: 'Réussites, difficultés', en: 'Wins, difficulties' },
    kind: 'text',
    max: 500,
    help: false,
  },
  { id: 'aide', label: { fr: 'Besoin d’aide ?', en: 'Need help?' }, kind: 'text', max: 500, help: true },
]);

const copyQuestion = (question: Readonly<StandupQuestion>): StandupQuestion => ({
  ...question,
  label: { ...question.label },
  ...(question.short ? { short: { ...question.short } } : {}),
  ...(question.choices ? { choices: [...question.choices] } : {}),
});

/** How often a stand-up happens: every week, every working day, or every N weeks (N 1–8). */
const CADENCE_ERROR = 'cadence attendue : weekly, daily ou { weeks: N } avec N de 1 à 8';
export const CadenceSchema = z.union(
  [
    z.literal('weekly'),
    z.literal('daily'),
    z.strictObject({
      weeks: z
        .number({ error: CADENCE_ERROR })
        .int({ error: CADENCE_ERROR })
        .min(1, { error: CADENCE_ERROR })
        .max(8, { error: CADENCE_ERROR }),
    }),
  ],
  { error: CADENCE_ERROR },
);

const dayTime = (day: Weekday, time: string) =>
  z
    .strictObject({ day: WeekdaySchema.default(day), time: TimeSchema.default(time) })
    .default(() => ({ day, time }));

/**
 * A `kind: standup` ritual with defaults filled: weekly, opening Monday 09:00, deadline Friday 15:00, reminders at
 * 10:00 and 14:00 on the deadline day, digest at the deadline time, the {@link DEFAULT_QUESTIONS}.
 *
 * Guarantees on the parsed value: every time is `HH:MM` outside 01:00–02:59; question ids are unique; at most one
 * question is the help one; there is at least one question; the digest is not before the deadline; and, when the
 * period is a single week or day, the opening comes before the deadline.
 */
export const StandupRitualSchema = z
  .strictObject({
    id: SlugSchema,
    kind: z.literal('standup', { error: 'kind: standup attendu' }),
    promotion: SlugSchema,
    defis: z.array(SlugSchema).optional(),
    cadence: CadenceSchema.default('weekly'),
    opens: dayTime('monday', '09:00'),
    deadline: dayTime('friday', '15:00'),
    reminders: z.array(TimeSchema).default(() => ['10:00', '14:00']),
    digest: TimeSchema.optional(),
    questions: z
      .array(StandupQuestionSchema)
      .min(1, { error: 'au moins une question' })
      .default(() => DEFAULT_QUESTIONS.map(copyQuestion)),
  })
  .superRefine((ritual, ctx) => {
    const seen = new Set<string>();
    ritual.questions.forEach((question, i) => {
      if (seen.has(question.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: `question en double : ${question.id}`,
        });
      }
      seen.add(question.id);
    });
    if (ritual.questions.filter((question) => question.help).length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['questions'],
        message: 'une seule question d’aide (help: true) au plus',
      });
    }
    if (ritual.digest !== undefined && ritual.digest < ritual.deadline.time) {
      ctx.addIssue({
        code: 'custom',
        path: ['digest'],
        message: 'le récapitulatif ne peut pas précéder l’échéance',
      });
    }
    const singleWeek =
      ritual.cadence === 'weekly' || (typeof ritual.cadence === 'object' && ritual.cadence.weeks === 1);
    const opens = `${ritual.cadence === 'daily' ? 0 : weekdayNumber(ritual.opens.day)} ${ritual.opens.time}`;
    const deadline = `${ritual.cadence === 'daily' ? 0 : weekdayNumber(ritual.deadline.day)} ${ritual.deadline.time}`;
    if ((singleWeek || ritual.cadence === 'daily') && opens >= deadline) {
      ctx.addIssue({ code: 'custom', path: ['opens'], message: 'l’ouverture doit précéder l’échéance' });
    }
  }, whenValid)
  .transform((ritual) => ({ ...ritual, digest: ritual.digest ?? ritual.deadline.time }));

/** A parsed stand-up ritual: every default filled, `digest` always set. */
export type StandupRitual = z.output<typeof StandupRitualSchema>;
