import { describe, expect, it } from 'vitest';
import { bulleOnShell } from '../support/bulle-shell.js';

const INES = 'ines.moreau@beta.gouv.fr';
const LUCAS = 'lucas.martin@beta.gouv.fr';

describe('/bulle keeps what it stores short and plain, and gives back what it refuses', () => {
  const now = new Date('2026-11-23T10:00:00+01:00');
  const { bot, bulle } = bulleOnShell('bulle-limits', { now: () => now });

  it('a request whose details are too long is refused with the details given back, and nothing is asked', async () => {
    const details = `${'Nous devons migrer notre base. '.repeat(330)}Merci !`;
    expect(details.length).toBeGreaterThan(10_000);
    const answer = await bulle(INES, `cherche Docker — ${details}`);
    expect(answer).toBe(
      `Vos précisions font ${details.length} caractères : 1000 au plus. Raccourcissez-les, puis retapez : /bulle cherche Docker — ${details}`,
    );
    expect(await bot().cohorte.stores.bulle.requestsOf(INES)).toEqual([]);
    const fits = 'x'.repeat(1000);
    expect(await bulle(INES, `cherche Docker — ${fits}`)).toContain('Demande enregistrée : Docker.');
  });

  it('a skill that is chat markup (a mention, a channel ping) is refused, never stored nor shown', async () => {
    for (const markup of ['<!channel>', '<@U123>', '@here', '<https://x.fr|clic>']) {
      expect(await bulle(LUCAS, `partage ${markup}`)).toBe(
        `« ${markup} » ressemble à une mention ou à un lien du chat, pas à une compétence : rien n’est ajouté. Écrivez la compétence en toutes lettres, par exemple : /bulle partage Docker, SQL.`,
      );
    }
    expect(await bulle(LUCAS, 'partage SQL, <!here>')).toBe(
      'C’est noté, vous partagez : SQL.\n« <!here> » ressemble à une mention ou à un lien du chat, pas à une compétence : rien n’est ajouté. Écrivez la compétence en toutes lettres, par exemple : /bulle partage Docker, SQL.',
    );
    expect(await bulle(INES, 'cherche <@U123> — pour demain')).toBe(
      '« <@U123> » ressemble à une mention ou à un lien du chat, pas à une compétence. Écrivez-la en mots, vos précisions suivent : /bulle cherche <compétence> — pour demain.',
    );
    const skills = [...(await bot().cohorte.stores.bulle.allSkills()).values()].flat().map((s) => s.label);
    expect(skills.filter((label) => /[<>@]/.test(label))).toEqual([]);
  });
});
