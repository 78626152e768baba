import { describe, expect, it } from 'vitest';
import { loadCommunityFile } from '../../src/community.js';
import { type MatchWorld, matchRound, rankCandidates } from '../../src/core/bulle/match.js';
import type { BulleRequest, Skill } from '../../src/core/bulle/store.js';
import { buildWorld } from '../../src/core/bulle/world.js';
import { createRoster } from '../../src/core/roster/roster.js';
import { shippedThesaurus } from '../support/bulle-themes.js';
import { COMMUNITY_FILE } from '../support/cohorte.js';

const NOW = new Date('2026-11-23T10:00:00+01:00');
const community = loadCommunityFile(COMMUNITY_FILE);
const services = { roster: createRoster(community), clock: { now: () => NOW } };
const thesaurus = shippedThesaurus();

// Lexiq: Inès, Thomas, Sarah (EIG), Julien (mentor). DataPass: Lucas, Amina. Carto'Eau: Hugo. Alumni: Camille.
const INES = 'ines.moreau@beta.gouv.fr';
const THOMAS = 'thomas.nguyen@beta.gouv.fr';
const SARAH = 'sarah.lefebvre@beta.gouv.fr';
const JULIEN = 'julien.garnier@justice.gouv.fr';
const LUCAS = 'lucas.martin@beta.gouv.fr';
const AMINA = 'amina.diallo@beta.gouv.fr';
const HUGO = 'hugo.petit@beta.gouv.fr';
const CAMILLE = 'camille.roussel@beta.gouv.fr';

const share = (text: string): Skill => {
  const topic = thesaurus.resolve(text);
  if (!topic) throw new Error(text);
  return { kind: 'share', key: topic.key, label: topic.label, domain: topic.domain, at: '', source: 'chat' };
};

function world(
  skills: [string, string[]][],
  extra: Partial<{ active: BulleRequest[]; pauses: [string, string][]; declines: [string, string][] }> = {},
): MatchWorld {
  return buildWorld(services, { ...community.bulloterie, maxOpen: 2 }, thesaurus, {
    shares: new Map(skills.map(([email, topics]) => [email, topics.map(share)])),
    active: extra.active ?? [],
    pauses: new Map(extra.pauses ?? []),
    declines: new Map(extra.declines ?? []),
  });
}

const ask = (email: string, text: string, tried: string[] = [], id = `r-${email}-${text}`) => ({
  id,
  email,
  key: thesaurus.resolve(text)?.key ?? '',
  tried,
});
const emails = (candidates: { email: string }[]) => candidates.map((c) => c.email);
const accepted = (helper: string, n: number): BulleRequest[] =>
  Array.from(
    { length: n },
    (_, i) => ({ id: `busy-${helper}-${i}`, status: 'accepted', helper }) as BulleRequest,
  );

describe('matching rules, one by one', () => {
  it('never proposes the requester, and proposes nobody when nobody shares the topic', () => {
    expect(rankCandidates(ask(INES, 'Docker'), world([[INES, ['Docker']]]))).toEqual([]);
  });

  it('puts the same topic before a related one, and says which topic the candidate shares', () => {
    const candidates = rankCandidates(
      ask(INES, 'SQL'),
      world([
        [LUCAS, ['PostgreSQL']],
        [HUGO, ['sql']],
      ]),
    );
    expect(candidates).toEqual([
      { email: HUGO, reason: { match: 'equal', shares: 'SQL' } },
      { email: LUCAS, reason: { match: 'related', shares: 'PostgreSQL' } },
    ]);
  });

  it('welcomes alumni and mentors, and prefers other défis to the requester’s teammates', () => {
    const candidates = rankCandidates(
      ask(INES, 'Docker'),
      world([
        [THOMAS, ['Docker']],
        [JULIEN, ['Docker']],
        [CAMILLE, ['docker']],
        [LUCAS, ['Docker']],
      ]),
    );
    expect(emails(candidates).slice(0, 2).sort()).toEqual([CAMILLE, LUCAS].sort());
    // Thomas (EIG) and Julien (mentor) are both of Inès’s défi: after everyone else.
    expect([THOMAS, JULIEN]).toContain(candidates[2]?.email);
  });

  it('prefers fewer open pairings and skips anyone carrying the maximum', () => {
    const w = world(
      [
        [LUCAS, ['Docker']],
        [AMINA, ['Docker']],
        [HUGO, ['Docker']],
      ],
      {
        active: [...accepted(LUCAS, 1), ...accepted(HUGO, 2)],
      },
    );
    expect(emails(rankCandidates(ask(INES, 'Docker'), w))).toEqual([AMINA, LUCAS]);
  });

  it('puts someone who declined recently last, and forgets a decline after 30 days', () => {
    const recent = world(
      [
        [LUCAS, ['Docker']],
        [AMINA, ['Docker']],
      ],
      {
        declines: [[AMINA, '2026-11-20T10:00:00Z']],
      },
    );
    expect(emails(rankCandidates(ask(INES, 'Docker'), recent))).toEqual([LUCAS, AMINA]);
    const old = world(
      [
        [LUCAS, ['Docker']],
        [AMINA, ['Docker']],
      ],
      { declines: [[LUCAS, '2026-09-01T10:00:00Z']] },
    );
    const reversed = world(
      [
        [LUCAS, ['Docker']],
        [AMINA, ['Docker']],
      ],
      { declines: [[AMINA, '2026-09-01T10:00:00Z']] },
    );
    expect(emails(rankCandidates(ask(INES, 'Docker'), old))).toEqual(
      emails(rankCandidates(ask(INES, 'Docker'), reversed)),
    );
  });

  it('skips anyone paused until today or later, not a pause that ended yesterday', () => {
    const paused = world(
      [
        [LUCAS, ['Docker']],
        [AMINA, ['Docker']],
      ],
      {
        pauses: [
          [LUCAS, '2026-11-23'],
          [AMINA, '2026-11-22'],
        ],
      },
    );
    expect(emails(rankCandidates(ask(INES, 'Docker'), paused))).toEqual([AMINA]);
  });

  it('never asks twice someone already asked for the request, and ranks three at most', () => {
    const w = world([LUCAS, AMINA, HUGO, CAMILLE, JULIEN].map((e) => [e, ['Docker']]));
    expect(emails(rankCandidates(ask(INES, 'Docker'), w))).toHaveLength(3);
    expect(emails(rankCandidates(ask(INES, 'Docker', [LUCAS, AMINA, HUGO]), w)).sort()).toEqual(
      [CAMILLE, JULIEN].sort(),
    );
  });
});

describe('determinism and load', () => {
  const people = [LUCAS, AMINA, HUGO, CAMILLE, JULIEN, THOMAS, SARAH];

  it('gives the same candidates for the same state, whatever order the skills were read in', () => {
    const a = rankCandidates(ask(INES, 'Docker'), world(people.map((e) => [e, ['Docker', 'Python']])));
    const b = rankCandidates(
      ask(INES, 'Docker'),
      world([...people].reverse().map((e) => [e, ['Python', 'Docker']])),
    );
    expect(a).toEqual(b);
    expect(rankCandidates(ask(INES, 'Docker'), world(people.map((e) => [e, ['Docker']])))).toEqual(a);
  });

  it('spreads 30 requests for one popular skill: each of the 7 people gets 2 at most, the rest wait', () => {
    const requests = Array.from({ length: 30 }, (_, i) =>
      ask(`eig${i}@exemple.fr`, 'Docker', [], `req-${i}`),
    );
    const proposals = matchRound(requests, world(people.map((e) => [e, ['Docker']])));
    const firsts = [...proposals.values()].map((c) => c[0]?.email);
    expect(firsts).toHaveLength(14);
    for (const person of people) expect(firsts.filter((e) => e === person)).toHaveLength(2);
    // The first seven requests go to seven different people: nobody gets a second before everyone has one.
    expect(new Set(firsts.slice(0, 7)).size).toBe(7);
    expect(matchRound(requests, world(people.map((e) => [e, ['Docker']])))).toEqual(proposals);
  });
});
