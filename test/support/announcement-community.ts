import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SlackDoubleUser } from './slack-double.js';

/** The coordinator of every generated community, known to the Slack double as U0CLAIRE. */
export const COORDINATOR: SlackDoubleUser = {
  id: 'U0CLAIRE',
  email: 'claire.dubois@beta.gouv.fr',
  name: 'Claire Dubois',
};

/** A generated community file and the Slack users that match it. */
export interface AnnouncementCommunity {
  file: string;
  /** The coordinator first, then the EIG. */
  users: SlackDoubleUser[];
  /** The EIG's e-mails, in order. */
  eig: string[];
}

/**
 * Writes a community file of one current promotion (`eig9`) of `count` EIG in défis of ten (channels `C0DEF<n>`),
 * plus the coordinator, for fan-out tests and the benchmark. Slack ids are `U<n>`.
 */
export function announcementCommunity(count: number, name = 'announce'): AnnouncementCommunity {
  const eig = Array.from({ length: count }, (_, i) => `eig${i}@beta.gouv.fr`);
  const defis = Array.from({ length: Math.ceil(count / 10) }, (_, d) => {
    const members = eig.slice(d * 10, d * 10 + 10).map((email) => `          - ${email}`);
    return [
      `      - id: defi${d}`,
      `        name: Défi ${d}`,
      '        administration: DINUM',
      `        channel: C0DEF${d}`,
      '        eig:',
      ...members,
      '        mentors: []',
    ].join('\n');
  });
  const yaml = [
    'timezone: Europe/Paris',
    'locale: fr',
    'channels: { community: C0COMMUNITY, coordination: C0COORD, alumni: C0ALUMNI }',
    'coordinators:',
    `  - { email: ${COORDINATOR.email}, name: ${COORDINATOR.name} }`,
    'promotions:',
    '  - id: eig9',
    '    name: EIG 9',
    '    start: 2026-01-05',
    '    end: 2030-06-28',
    '    defis:',
    ...defis,
    'alumni: []',
    'rituals: []',
    'sessions: []',
    'bulloterie: {}',
    '',
  ].join('\n');
  const file = join(tmpdir(), `cohorte-${name}-${count}-${process.pid}-${Date.now()}.yml`);
  writeFileSync(file, yaml);
  return {
    file,
    eig,
    users: [COORDINATOR, ...eig.map((email, i) => ({ id: `U${i}`, email, name: `EIG ${i}` }))],
  };
}
