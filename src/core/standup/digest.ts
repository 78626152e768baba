import { type Locale, translate } from '../i18n/index.js';
import type { Block, Message, Rich } from '../message.js';
import { joinLines } from '../message.js';
import type { DefiData } from '../roster/types.js';
import { formatDay } from '../time/format.js';
import type { Period } from './period.js';
import type { StandupQuestion } from './ritual.js';
import type { HelpRequest, StandupEntry } from './store.js';

/** Action id of the *Trouver quelqu'un* button next to a help request (letters and digits: Mattermost). */
export const FIND_HELPER_ACTION = 'standupfindhelper';

/** One member's answers: their name (with the météo when there is one), then one line per answered question. */
export function memberAnswers(
  questions: readonly StandupQuestion[],
  name: string,
  entry: StandupEntry,
  locale: Locale,
): Rich {
  const choice = questions.find((q) => q.kind === 'choice');
  const mood = choice ? entry.answers[choice.id] : undefined;
  const lines: Rich[] = [
    [{ kind: 'bold', text: name }, ...(mood ? [{ kind: 'plain' as const, text: ` ${mood}` }] : [])],
  ];
  for (const question of questions) {
    const answer = entry.answers[question.id];
    if (question.kind === 'choice' || !answer) continue;
    lines.push([
      { kind: 'italic', text: question.label[locale] },
      { kind: 'plain', text: ` : ${answer}` },
    ]);
  }
  return joinLines(lines);
}

/** Everything one défi's digest shows. */
export interface DefiDigestInput {
  defi: DefiData;
  period: Period;
  questions: readonly StandupQuestion[];
  /** The EIG of the défi, in the file's order. */
  members: { email: string; name: string }[];
  entries: ReadonlyMap<string, StandupEntry>;
  absent: ReadonlySet<string>;
  help: readonly HelpRequest[];
  locale: Locale;
  timezone: string;
}

/**
 * A défi's digest for its channel: each member's answers, who is absent, who has not written (names, never
 * mentions), and help requests set apart, each with a *Trouver quelqu'un* button.
 */
export function defiDigest(input: DefiDigestInput): Message {
  const { defi, period, members, entries, locale } = input;
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params);
  const posted = members.filter((m) => entries.has(m.email));
  const week = formatDay(period.start, input.timezone, locale);
  const blocks: Block[] = [{ kind: 'header', text: t('digest.title', { defi: defi.name, week }) }];
  for (const member of posted) {
    blocks.push({
      kind: 'section',
      text: memberAnswers(input.questions, member.name, entries.get(member.email) as StandupEntry, locale),
    });
  }
  const absent = members.filter((m) => input.absent.has(m.email) && !entries.has(m.email)).map((m) => m.name);
  const silent = members
    .filter((m) => !input.absent.has(m.email) && !entries.has(m.email))
    .map((m) => m.name);
  if (absent.length) blocks.push({ kind: 'context', text: t('digest.absent', { names: absent.join(', ') }) });
  // Nobody wrote: one line says so, rather than every name under « pas encore écrit » as well.
  if (posted.length === 0) blocks.push({ kind: 'section', text: t('digest.nobody') });
  else if (silent.length)
    blocks.push({ kind: 'context', text: t('digest.silent', { names: silent.join(', ') }) });
  if (input.help.length) {
    blocks.push({ kind: 'divider' }, { kind: 'section', text: t('digest.helpTitle') });
    for (const request of input.help) {
      const name = members.find((m) => m.email === request.email)?.name ?? request.email;
      blocks.push(
        {
          kind: 'section',
          text: [
            { kind: 'bold', text: name },
            { kind: 'plain', text: ` : ${request.text}` },
          ],
        },
        {
          kind: 'actions',
          buttons: [{ actionId: FIND_HELPER_ACTION, label: t('digest.findHelper'), value: request.id }],
        },
      );
    }
  }
  return {
    fallback: t('digest.fallback', { defi: defi.name, posted: posted.length, expected: members.length }),
    blocks,
  };
}

/** One défi's line in the coordinators' roll-up. */
export interface RollupLine {
  defi: DefiData;
  moods: string[];
  posted: number;
  expected: number;
  help: number;
}

/** The coordinators' roll-up: one line per défi with its météo, posted/expected and help requested. */
export function rollup(
  lines: readonly RollupLine[],
  period: Period,
  locale: Locale,
  timezone: string,
): Message {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params);
  const week = formatDay(period.start, timezone, locale);
  const body = lines.map((line) =>
    t(line.help ? 'rollup.lineHelp' : 'rollup.line', {
      defi: line.defi.name,
      moods: line.moods.join(' ') || '—',
      posted: line.posted,
      expected: line.expected,
      help: line.help,
    }),
  );
  return {
    fallback: t('rollup.title', { week }),
    blocks: [
      { kind: 'header', text: t('rollup.title', { week }) },
      { kind: 'section', text: joinLines(body) },
    ],
  };
}
