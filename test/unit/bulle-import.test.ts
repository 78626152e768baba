import { describe, expect, it } from 'vitest';
import { loadCommunityFile } from '../../src/community.js';
import { readWorkshop } from '../../src/core/bulle/import.js';
import { parseCsv } from '../../src/core/csv.js';
import { UserError } from '../../src/core/errors.js';
import { createRoster } from '../../src/core/roster/roster.js';
import { shippedThesaurus } from '../support/bulle-themes.js';
import { COMMUNITY_FILE } from '../support/cohorte.js';

const NOW = new Date('2026-11-23T10:00:00+01:00');
const roster = createRoster(loadCommunityFile(COMMUNITY_FILE));
const read = (csv: string) => readWorkshop(csv, roster, shippedThesaurus(), NOW);

const WORKSHOP = [
  '\uFEFFNom ou e-mail;Métier;Thème;Sujet;Prend;Donne',
  'Inès Moreau;Data scientist;Data;Machine learning;;1',
  'ines.moreau@beta.gouv.fr;Data scientist;Data;ML;;1',
  'INES MOREAU;Data;Data;Apprentissage automatique;1;',
  'Thomas Nguyen;Dev;Dev;"Docker; Compose";1;1',
  'Hugo Petit;Dev;Design;;1;',
  'Chloe Bernard;Design;Design;Tressage de paniers;1;',
  'Jean Inconnu;Dev;Dev;Docker;;1',
  'personne@ailleurs.fr;Dev;Dev;Docker;1;',
  ';;;;;',
  'Amina Diallo;Data;Data;SQL;;',
  'Lucas Martin;Data;;;1;',
].join('\r\n');

describe('import of the bootcamp workshop CSV', () => {
  const found = read(WORKSHOP);
  const lines = found.skills.map((s) => `${s.email} ${s.skill.kind} ${s.skill.label} (${s.skill.domain})`);

  it('finds people by name (accents and case ignored) or e-mail, and reads Prend and Donne', () => {
    expect(lines).toEqual([
      'ines.moreau@beta.gouv.fr share Machine learning (Data)',
      'ines.moreau@beta.gouv.fr share Machine learning (Data)',
      'ines.moreau@beta.gouv.fr learn Machine learning (Data)',
      'thomas.nguyen@beta.gouv.fr learn Docker (Dev)',
      'thomas.nguyen@beta.gouv.fr share Docker (Dev)',
      'hugo.petit@beta.gouv.fr learn Design (Design)',
      'chloe.bernard@beta.gouv.fr learn Tressage de paniers (Design)',
    ]);
  });

  it('reports unknown people with their line, and skips lines without topic or without Prend/Donne', () => {
    expect(found.unknown).toEqual([
      { line: 8, who: 'Jean Inconnu' },
      { line: 9, who: 'personne@ailleurs.fr' },
    ]);
    expect(found.skipped).toEqual([11, 12]);
  });

  it('refuses a file without the expected header, saying which columns', () => {
    expect(() => read('Prénom,Compétence\nInès,Docker')).toThrow(UserError);
    expect(() => read('')).toThrow(expect.objectContaining({ key: 'bulle.import.badHeader' }));
  });

  it('reads commas or semicolons, quoted fields and any line end', () => {
    expect(parseCsv('a,"b,c",d\n1,"say ""hi""",3\r4,5,6')).toEqual([
      ['a', 'b,c', 'd'],
      ['1', 'say "hi"', '3'],
      ['4', '5', '6'],
    ]);
    expect(parseCsv('a;b;c,d\n1;2;3')).toEqual([
      ['a', 'b', 'c,d'],
      ['1', '2', '3'],
    ]);
  });
});
