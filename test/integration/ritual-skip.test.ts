import { describe, expect, it } from 'vitest';
import { cafeCommunity, driveOnShell } from '../support/shell-driver.js';
import { seen } from '../support/shell-replies.js';

describe('/rituel sauter: every skip is said, and can be taken back', () => {
  const shell = driveOnShell({
    name: 'rituals-skip',
    communityFile: cafeCommunity(),
    now: new Date('2026-12-02T12:00:00+01:00'),
  });
  const ritualCommand = async (text: string) => seen(await shell.command('rituel', text));

  it('a second skip says that two dates are now skipped, and annuler gives the last one back', async () => {
    expect(await ritualCommand('sauter cafe')).toBe(
      'C’est noté : le rituel cafe ne sera pas publié le mardi 8 décembre 2026 à 09:50. Pour revenir en arrière : /rituel sauter cafe annuler. Prochaines dates : mardi 15 décembre 2026 à 09:50 ; mardi 22 décembre 2026 à 09:50 ; mardi 29 décembre 2026 à 09:50',
    );
    expect(await ritualCommand('sauter cafe')).toBe(
      'C’est noté : le rituel cafe ne sera pas publié le mardi 15 décembre 2026 à 09:50. Dates sautées à venir : mardi 8 décembre 2026 à 09:50 ; mardi 15 décembre 2026 à 09:50. Pour revenir en arrière : /rituel sauter cafe annuler. Prochaines dates : mardi 22 décembre 2026 à 09:50 ; mardi 29 décembre 2026 à 09:50 ; mardi 5 janvier 2027 à 09:50',
    );
    expect(await ritualCommand('sauter cafe annuler')).toBe(
      'C’est fait : le rituel cafe sera de nouveau publié le mardi 15 décembre 2026 à 09:50. Prochaines dates : mardi 15 décembre 2026 à 09:50 ; mardi 22 décembre 2026 à 09:50 ; mardi 29 décembre 2026 à 09:50',
    );
    expect(await ritualCommand('sauter cafe annuler')).toContain(
      'le rituel cafe sera de nouveau publié le mardi 8 décembre 2026 à 09:50.',
    );
    expect(await ritualCommand('sauter cafe annuler')).toBe(
      'Le rituel cafe n’a aucune date sautée à venir : rien à annuler. Prochaines dates : mardi 8 décembre 2026 à 09:50 ; mardi 15 décembre 2026 à 09:50 ; mardi 22 décembre 2026 à 09:50',
    );
    expect(await ritualCommand('sauter cafe demain')).toBe(
      'Usage : /rituel sauter <id>, ou /rituel sauter <id> annuler pour publier de nouveau la dernière date sautée. Tapez /rituel liste pour voir les identifiants.',
    );
  });
});
