import { describe, expect, it } from 'vitest';
import { renderSlack, type SlackPayload } from '../../src/chat/slack/slack-render.js';
import type { DefiData } from '../../src/core/roster/types.js';
import { type DefiDigestInput, defiDigest, type RollupLine, rollup } from '../../src/core/standup/digest.js';
import { type Period, periodOn } from '../../src/core/standup/period.js';
import { StandupRitualSchema } from '../../src/core/standup/ritual.js';
import type { HelpRequest, StandupEntry } from '../../src/core/standup/store.js';
import { LIMITS } from '../support/block-kit-limits.js';

const TIMEZONE = 'Europe/Paris';
const ritual = StandupRitualSchema.parse({ id: 'standup-eig7', kind: 'standup', promotion: 'eig7' });
const questions = ritual.questions;
const PERIOD: Period = (() => {
  const period = periodOn(ritual, { start: '2026-09-07', end: '2027-06-26' }, '2026-11-25', TIMEZONE);
  if (!period) throw new Error('the week of 2026-11-23 should have a stand-up');
  return period;
})();
const WEEK = 'lundi 23 novembre 2026';

/** What Slack's mrkdwn needs escaped; the expected form of any text a person typed. */
const escaped = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A text answer at exactly `max` UTF-16 units, with a ping, an ampersand, a line break and emoji in it. */
function maximal(tag: string, max = 500): string {
  const head = `<!channel> & 🎉 ${tag} > tout le monde\nsuite 🚀 `;
  let text = head;
  for (let i = 0; text.length < max; i++) text += 'abcdefghij klmnopqrst '[i % 22];
  expect(text).toHaveLength(max);
  return text;
}

const defiNamed = (id: string, name: string, members: { email: string; name: string }[]): DefiData => ({
  id,
  name,
  administration: 'Ministère de la Justice',
  channel: `#defi-${id}`,
  eig: members.map((m) => ({ email: m.email, name: m.name })),
  mentors: [{ email: 'julien.garnier@justice.gouv.fr', name: 'Julien Garnier' }],
});

const entry = (email: string, answers: Record<string, string>): StandupEntry => ({
  email,
  answers,
  at: '2026-11-24T10:00:00.000Z',
  edits: 0,
});

function digestInput(overrides: Partial<DefiDigestInput> & Pick<DefiDigestInput, 'defi' | 'members'>) {
  return {
    period: PERIOD,
    questions,
    entries: new Map<string, StandupEntry>(),
    absent: new Set<string>(),
    help: [],
    locale: 'fr',
    timezone: TIMEZONE,
    ...overrides,
  } satisfies DefiDigestInput;
}

type TextObject = { type: string; text: string };
const textOf = (value: unknown): TextObject => value as TextObject;
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? (value as Record<string, unknown>[]) : [];

/** Checks one payload against the Block Kit limits of the fixture; throws naming the broken one. */
function expectWithinLimits(payload: SlackPayload): void {
  expect(payload.text.trim().length, 'fallback text').toBeGreaterThan(0);
  expect(payload.blocks.length).toBeGreaterThan(0);
  expect(payload.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  for (const block of payload.blocks) {
    switch (block.type) {
      case 'header': {
        const text = textOf(block.text);
        expect(text.type).toBe('plain_text');
        expect(text.text.length).toBeGreaterThan(0);
        expect(text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
        break;
      }
      case 'section': {
        if (block.text !== undefined) {
          const text = textOf(block.text).text;
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        }
        const fields = list(block.fields);
        expect(fields.length).toBeLessThanOrEqual(LIMITS.fields);
        for (const field of fields) expect(textOf(field).text.length).toBeLessThanOrEqual(LIMITS.fieldText);
        break;
      }
      case 'context': {
        const elements = list(block.elements);
        expect(elements.length).toBeGreaterThan(0);
        expect(elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
        for (const element of elements)
          expect(textOf(element).text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        break;
      }
      case 'actions': {
        const elements = list(block.elements);
        expect(elements.length).toBeGreaterThan(0);
        expect(elements.length).toBeLessThanOrEqual(LIMITS.actionsElements);
        for (const button of elements) {
          expect(button.type).toBe('button');
          const label = textOf(button.text).text;
          expect(label.length).toBeGreaterThan(0);
          expect(label.length).toBeLessThanOrEqual(LIMITS.buttonText);
          expect(String(button.action_id).length).toBeLessThanOrEqual(LIMITS.actionId);
          expect(String(button.value).length).toBeLessThanOrEqual(LIMITS.buttonValue);
        }
        break;
      }
      case 'divider':
        break;
      default:
        throw new Error(`unexpected block type ${String(block.type)}`);
    }
  }
}

/** Every mrkdwn text a person reads (sections, fields, context), across payloads, one block per line. */
function readable(payloads: SlackPayload[]): string {
  return payloads
    .flatMap((p) => p.blocks)
    .flatMap((block) => {
      if (block.type === 'section')
        return [
          ...(block.text === undefined ? [] : [textOf(block.text).text]),
          ...list(block.fields).map((f) => textOf(f).text),
        ];
      if (block.type === 'context') return list(block.elements).map((e) => textOf(e).text);
      return [];
    })
    .join('\n');
}

const contexts = (payloads: SlackPayload[]): string[] =>
  payloads
    .flatMap((p) => p.blocks)
    .filter((b) => b.type === 'context')
    .flatMap((b) => list(b.elements).map((e) => textOf(e).text));

/** No ping, no mention and no raw `&` or `<` anywhere in what is sent to Slack. */
function expectNoMarkupFromPeople(payloads: SlackPayload[]): void {
  const json = JSON.stringify(payloads);
  expect(json).not.toContain('<!channel>');
  expect(json).not.toContain('<!');
  expect(json).not.toContain('<@');
  for (const payload of payloads) {
    expect(payload.text).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    expect(readable([payload])).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
  }
}

describe('stand-up digest of a défi, rendered for Slack', () => {
  const members = [
    { email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' },
    { email: 'thomas.nguyen@beta.gouv.fr', name: 'Thomas Nguyen' },
    // A name from the file that looks like a mention must stay text.
    { email: 'zoe.martin@beta.gouv.fr', name: 'Zoé <@U0ZOE> & Cie 🌟' },
  ];
  // Long enough for the header (plain text, where `&` stays as typed) to be cut at Slack's limit.
  const defi = defiNamed(
    'lexiq',
    `LexIQ & co, la recherche dans la jurisprudence ${'très '.repeat(25)}longue`,
    members,
  );
  const moods = ['☀️', '🌧️', '⛈️'];
  const answers = moods.map((meteo, i) => ({
    meteo,
    priorites: maximal(`priorités ${i}`),
    difficultes: maximal(`difficultés ${i}`),
    aide: maximal(`aide ${i}`),
  }));
  const help: HelpRequest[] = members.map((m, i) => ({
    id: `standup-eig7|${PERIOD.id}|${m.email}`,
    ritualId: 'standup-eig7',
    periodId: PERIOD.id,
    defiId: defi.id,
    email: m.email,
    text: answers[i]?.aide as string,
    at: '2026-11-24T10:00:00.000Z',
  }));
  const payloads = renderSlack(
    defiDigest(
      digestInput({
        defi,
        members,
        entries: new Map(members.map((m, i) => [m.email, entry(m.email, answers[i] ?? {})])),
        help,
      }),
    ),
  );

  it('stays within the Block Kit limits of block_kit_limits.json', () => {
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) expectWithinLimits(payload);
    const [header] = payloads[0]?.blocks ?? [];
    expect(header?.type).toBe('header');
    expect(textOf(header?.text).text).toHaveLength(LIMITS.headerText);
    expect(textOf(header?.text).text.startsWith('Stand-up LexIQ & co, la recherche')).toBe(true);
  });

  it('escapes what people typed: no ping, no mention, names rather than mentions', () => {
    expectNoMarkupFromPeople(payloads);
    const text = readable(payloads);
    expect(text).toContain('*Inès Moreau* ☀️');
    expect(text).toContain('*Thomas Nguyen* 🌧️');
    expect(text).toContain('*Zoé &lt;@U0ZOE&gt; &amp; Cie 🌟* ⛈️');
    expect(payloads[0]?.text).toBe(`Stand-up ${escaped(defi.name)} : 3 sur 3 ont écrit`);
  });

  it('shows every answer of every member in full', () => {
    const text = readable(payloads);
    answers.forEach((answer, i) => {
      for (const [id, label] of [
        ['priorites', 'Priorités de la semaine'],
        ['difficultes', 'Réussites et difficultés'],
        ['aide', 'Besoin d’aide ?'],
      ] as const) {
        const value = answer[id];
        expect(value).toHaveLength(500);
        expect(text, `${members[i]?.name} / ${id}`).toContain(`_${label}_ : ${escaped(value)}`);
      }
    });
  });

  it('sets the three help requests apart, each with its own *Trouver quelqu’un* button', () => {
    const text = readable(payloads);
    expect(text).toContain('*Besoin d’aide*');
    members.forEach((member, i) => {
      expect(text).toContain(`*${escaped(member.name)}* : ${escaped(answers[i]?.aide as string)}`);
    });
    const buttons = payloads
      .flatMap((p) => p.blocks)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => list(b.elements));
    expect(buttons.map((b) => textOf(b.text).text)).toEqual(Array(3).fill('Trouver quelqu’un'));
    expect(buttons.map((b) => b.value)).toEqual(help.map((h) => h.id));
    expect(buttons.every((b) => String(b.action_id).startsWith('standupfindhelper'))).toBe(true);
  });

  it('lists nobody as absent or silent when all three wrote', () => {
    expect(contexts(payloads)).toEqual([]);
    expect(readable(payloads)).not.toContain('Personne n’a encore écrit');
  });
});

describe('stand-up digest: who is absent and who has not written', () => {
  const members = [
    { email: 'ines.moreau@beta.gouv.fr', name: 'Inès Moreau' },
    { email: 'thomas.nguyen@beta.gouv.fr', name: 'Thomas Nguyen' },
    { email: 'sarah.lefebvre@beta.gouv.fr', name: 'Sarah Lefebvre' },
    { email: 'hugo.petit@beta.gouv.fr', name: 'Hugo Petit' },
    { email: 'chloe.bernard@beta.gouv.fr', name: 'Chloé <!here> Bernard' },
  ];
  const defi = defiNamed('lexiq', 'LexIQ, la recherche dans la jurisprudence', members);

  it('names the absent and the silent, in the file’s order, and never mentions them', () => {
    const payloads = renderSlack(
      defiDigest(
        digestInput({
          defi,
          members,
          entries: new Map([
            ['ines.moreau@beta.gouv.fr', entry('ines.moreau@beta.gouv.fr', { meteo: '☀️', priorites: 'x' })],
            // Marked absent but wrote anyway: he is with those who wrote, not with the absent.
            ['hugo.petit@beta.gouv.fr', entry('hugo.petit@beta.gouv.fr', { priorites: 'y' })],
          ]),
          absent: new Set(['thomas.nguyen@beta.gouv.fr', 'hugo.petit@beta.gouv.fr']),
        }),
      ),
    );
    for (const payload of payloads) expectWithinLimits(payload);
    expectNoMarkupFromPeople(payloads);
    expect(contexts(payloads)).toEqual([
      'Absents : Thomas Nguyen',
      'Pas encore écrit : Sarah Lefebvre, Chloé &lt;!here&gt; Bernard',
    ]);
    const text = readable(payloads);
    expect(text).toContain('*Inès Moreau* ☀️\n_Priorités de la semaine_ : x');
    expect(text).toContain('*Hugo Petit*\n_Priorités de la semaine_ : y');
    expect(text).not.toContain('Personne n’a encore écrit');
    expect(payloads[0]?.text).toBe('Stand-up LexIQ, la recherche dans la jurisprudence : 2 sur 5 ont écrit');
  });

  it('says once that nobody has written yet, without listing everyone under « Pas encore écrit »', () => {
    const three = members.slice(0, 3);
    const payloads = renderSlack(defiDigest(digestInput({ defi, members: three })));
    for (const payload of payloads) expectWithinLimits(payload);
    const [payload] = payloads;
    expect(payloads).toHaveLength(1);
    expect(textOf(payload?.blocks[0]?.text).text).toBe(
      `Stand-up LexIQ, la recherche dans la jurisprudence, semaine du ${WEEK}`,
    );
    expect(contexts(payloads)).toEqual([]);
    expect(readable(payloads)).toContain('Personne n’a encore écrit cette semaine.');
    expect(readable(payloads)).not.toContain('Pas encore écrit');
    expect(payload?.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(payload?.text).toBe('Stand-up LexIQ, la recherche dans la jurisprudence : 0 sur 3 a écrit');
  });
});

describe('coordinators’ roll-up of 40 défis, rendered for Slack', () => {
  const moodsOf = (i: number) => [['☀️', '🌤️'], ['☁️', '🌧️', '⛈️'], [], ['☀️']][i % 4] as string[];
  const lines: RollupLine[] = Array.from({ length: 40 }, (_, i) => ({
    defi: defiNamed(
      `defi-${i}`,
      `Défi n° ${String(i + 1).padStart(2, '0')} & <!channel> : ${'un nom de défi vraiment très long, '.repeat(4)}fin`,
      [],
    ),
    moods: moodsOf(i),
    posted: i % 4,
    expected: 3,
    help: i % 3 === 0 ? (i % 5) + 1 : 0,
  }));
  const payloads = renderSlack(rollup(lines, PERIOD, 'fr', TIMEZONE));

  it('stays within the Block Kit limits, one header and the lines in sections', () => {
    for (const payload of payloads) expectWithinLimits(payload);
    expectNoMarkupFromPeople(payloads);
    const [header] = payloads[0]?.blocks ?? [];
    expect(textOf(header?.text).text).toBe(`Stand-ups de la semaine du ${WEEK}`);
    expect(payloads[0]?.text).toBe(`Stand-ups de la semaine du ${WEEK}`);
  });

  it('shows one line per défi, in order, none cut', () => {
    const expected = lines.map((line) => {
      const moods = line.moods.join(' ') || '—';
      const base = `*${escaped(line.defi.name)}* ${moods} · ${line.posted}/${line.expected}`;
      return line.help ? `${base} · aide demandée (${line.help})` : base;
    });
    const shownLines = readable(payloads).split('\n');
    expect(shownLines).toEqual(expected);
    expect(shownLines).toHaveLength(40);
  });
});
