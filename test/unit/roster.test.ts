import { describe, expect, it } from 'vitest';
import { can } from '../../src/core/permissions.js';
import { createRoster, nameFromEmail, normalizeEmail } from '../../src/core/roster/roster.js';
import type { CommunityData } from '../../src/core/roster/types.js';

const lexiq = {
  id: 'Lexiq',
  name: 'LexIQ',
  administration: 'DILA',
  channel: '#lexiq',
  eig: [{ email: 'camille.martin@beta.gouv.fr' }, { email: 'Bea.Dupont@Beta.Gouv.fr', name: 'Béa' }],
  mentors: [{ email: 'mentor@dila.gouv.fr', name: 'Marc Mentor' }],
};
const datalab = {
  id: 'datalab',
  name: 'DataLab',
  administration: 'Insee',
  channel: '#datalab',
  eig: [{ email: 'nina@beta.gouv.fr' }],
  mentors: [{ email: 'camille.martin@beta.gouv.fr' }],
};
const p2025 = { id: 'p2025', name: 'Promo 2025', start: '2025-09-01', end: '2026-06-30', defis: [lexiq] };
const p2026 = { id: 'p2026', name: 'Promo 2026', start: '2026-09-07', end: '2027-06-26', defis: [datalab] };

const data: CommunityData = {
  timezone: 'Europe/Paris',
  locale: 'fr',
  channels: { community: '#communaute', coordination: '#coordination', alumni: '#alumni' },
  coordinators: [{ email: 'Claire.Coord@Beta.Gouv.fr', name: 'Claire' }],
  promotions: [p2025, p2026],
  alumni: [{ email: 'ancien@beta.gouv.fr' }],
  standups: [],
};
const roster = createRoster(data);

const DURING = new Date('2026-03-10T10:00:00Z');
// 23:59 in Paris (UTC+2 in summer): still 30 June, the promotion's last day.
const LAST_MINUTE = new Date('2026-06-30T21:59:00Z');
// 00:01 in Paris on 1 July, while UTC still says 30 June.
const FIRST_MINUTE_AFTER = new Date('2026-06-30T22:01:00Z');

describe('roster: promotions over time (Europe/Paris dates)', () => {
  it('counts an EIG as EIG of their défi during the promotion', () => {
    const bea = roster.person('bea.dupont@beta.gouv.fr', [], DURING);
    expect(bea.roles).toEqual(['eig']);
    expect(bea.memberships).toEqual([{ role: 'eig', source: 'file', promotion: p2025, defi: lexiq }]);
    expect(bea.alumniOf).toEqual([]);
  });

  it('still counts them as EIG at 23:59 in Paris on the last day', () => {
    const bea = roster.person('bea.dupont@beta.gouv.fr', [], LAST_MINUTE);
    expect(bea.roles).toEqual(['eig']);
    expect(bea.alumniOf).toEqual([]);
  });

  it('turns them alumni at midnight sharp in Paris, from one millisecond to the next', () => {
    expect(roster.person('bea.dupont@beta.gouv.fr', [], new Date('2026-06-30T21:59:59.999Z')).roles).toEqual([
      'eig',
    ]);
    expect(roster.person('bea.dupont@beta.gouv.fr', [], new Date('2026-06-30T22:00:00Z')).roles).toEqual([
      'alumni',
    ]);
  });

  it('makes them alumni at 00:01 in Paris the next day, though UTC is still the last day', () => {
    const bea = roster.person('bea.dupont@beta.gouv.fr', [], FIRST_MINUTE_AFTER);
    expect(bea.roles).toEqual(['alumni']);
    expect(bea.memberships).toEqual([]);
    expect(bea.alumniOf).toEqual([p2025]);
  });

  it('keeps mentors as mentors after their promotion ends', () => {
    for (const now of [LAST_MINUTE, FIRST_MINUTE_AFTER, new Date('2030-01-01T00:00:00Z')]) {
      const marc = roster.person('mentor@dila.gouv.fr', [], now);
      expect(marc.roles).toEqual(['mentor']);
      expect(marc.memberships).toEqual([{ role: 'mentor', source: 'file', promotion: p2025, defi: lexiq }]);
      expect(marc.alumniOf).toEqual([]);
    }
  });

  it('gives someone alumni of one promotion and mentor of the next both places', () => {
    const camille = roster.person('camille.martin@beta.gouv.fr', [], FIRST_MINUTE_AFTER);
    expect([...camille.roles].sort()).toEqual(['alumni', 'mentor']);
    expect(camille.memberships).toEqual([
      { role: 'mentor', source: 'file', promotion: p2026, defi: datalab },
    ]);
    expect(camille.alumniOf).toEqual([p2025]);
  });

  it('knows coordinators and alumni listed in the file', () => {
    expect(roster.person('claire.coord@beta.gouv.fr', [], DURING).roles).toEqual(['coordinator']);
    expect(roster.person('ancien@beta.gouv.fr', [], DURING).roles).toEqual(['alumni']);
  });
});

describe('roster: e-mails and names', () => {
  it('matches e-mails whatever their case and surrounding spaces', () => {
    const bea = roster.person('  BEA.DUPONT@beta.gouv.FR ', [], DURING);
    expect(bea.email).toBe('bea.dupont@beta.gouv.fr');
    expect(bea.inCommunity).toBe(true);
    expect(bea.roles).toEqual(['eig']);
    expect(roster.person('CLAIRE.COORD@BETA.GOUV.FR', [], DURING).roles).toEqual(['coordinator']);
  });

  it('uses the name from the file, or one made from the e-mail', () => {
    expect(roster.person('bea.dupont@beta.gouv.fr', [], DURING).name).toBe('Béa');
    expect(roster.person('camille.martin@beta.gouv.fr', [], DURING).name).toBe('Camille Martin');
  });

  it('says an unknown person is not in the community, with no role', () => {
    const stranger = roster.person('Jean.Inconnu@Example.org', [], DURING);
    expect(stranger).toEqual({
      email: 'jean.inconnu@example.org',
      name: 'Jean Inconnu',
      roles: [],
      memberships: [],
      alumniOf: [],
      inCommunity: false,
    });
  });

  it('lists every e-mail of the file once, lower-cased', () => {
    const emails = roster.emails();
    expect([...emails].sort()).toEqual(
      [
        'claire.coord@beta.gouv.fr',
        'ancien@beta.gouv.fr',
        'camille.martin@beta.gouv.fr',
        'bea.dupont@beta.gouv.fr',
        'mentor@dila.gouv.fr',
        'nina@beta.gouv.fr',
      ].sort(),
    );
  });

  it('builds readable names from e-mails', () => {
    expect(nameFromEmail('camille.martin@beta.gouv.fr')).toBe('Camille Martin');
    expect(nameFromEmail('jean-pierre_du.pont@x.fr')).toBe('Jean Pierre Du Pont');
    expect(nameFromEmail('nina@beta.gouv.fr')).toBe('Nina');
  });

  it('normalises e-mails to trimmed lower case', () => {
    expect(normalizeEmail('  Camille.Martin@Beta.GOUV.fr\n')).toBe('camille.martin@beta.gouv.fr');
  });
});

describe('roster: roles given in chat', () => {
  it('adds a granted role and its défi membership, the défi id matched case-insensitively', () => {
    const newcomer = roster.person('nouveau@x.fr', [{ role: 'mentor', defiId: 'LEXIQ' }], DURING);
    expect(newcomer.inCommunity).toBe(true);
    expect(newcomer.roles).toEqual(['mentor']);
    expect(newcomer.memberships).toEqual([{ role: 'mentor', source: 'chat', promotion: p2025, defi: lexiq }]);
  });

  it('adds a role without défi for coordinators', () => {
    const coordinator = roster.person('nouveau@x.fr', [{ role: 'coordinator' }], DURING);
    expect(coordinator.roles).toEqual(['coordinator']);
    expect(coordinator.memberships).toEqual([]);
  });

  it('does not repeat a membership the file already gives', () => {
    const bea = roster.person('bea.dupont@beta.gouv.fr', [{ role: 'eig', defiId: 'lexiq' }], DURING);
    expect(bea.roles).toEqual(['eig']);
    expect(bea.memberships).toHaveLength(1);
  });

  it('adds both the role and the membership to someone already in the file', () => {
    const nina = roster.person('nina@beta.gouv.fr', [{ role: 'mentor', defiId: 'Lexiq' }], DURING);
    expect([...nina.roles].sort()).toEqual(['eig', 'mentor']);
    expect(nina.memberships).toEqual([
      { role: 'eig', source: 'file', promotion: p2026, defi: datalab },
      { role: 'mentor', source: 'chat', promotion: p2025, defi: lexiq },
    ]);
  });
});

describe('roster: défis', () => {
  it('finds a défi by id whatever its case, with its promotion', () => {
    expect(roster.defi('LEXIQ')).toEqual({ defi: lexiq, promotion: p2025 });
    expect(roster.defi('lexiq')).toEqual({ defi: lexiq, promotion: p2025 });
    expect(roster.defi('DataLab')).toEqual({ defi: datalab, promotion: p2026 });
  });

  it('finds nothing for an unknown défi', () => {
    expect(roster.defi('inconnu')).toBeUndefined();
  });
});

describe('can', () => {
  it('lets coordinators manage roles, from the file or granted in chat', () => {
    expect(can(roster.person('claire.coord@beta.gouv.fr', [], DURING), 'roles.manage')).toBe(true);
    expect(can(roster.person('nouveau@x.fr', [{ role: 'coordinator' }], DURING), 'roles.manage')).toBe(true);
  });

  it.each([
    ['an EIG', 'bea.dupont@beta.gouv.fr', DURING],
    ['a mentor', 'mentor@dila.gouv.fr', DURING],
    ['an alumni from the file', 'ancien@beta.gouv.fr', DURING],
    ['an EIG turned alumni', 'bea.dupont@beta.gouv.fr', FIRST_MINUTE_AFTER],
    ['someone unknown', 'jean.inconnu@example.org', DURING],
  ])('does not let %s manage roles', (_who, email, now) => {
    expect(can(roster.person(email, [], now), 'roles.manage')).toBe(false);
  });
});
