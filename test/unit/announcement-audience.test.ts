import { describe, expect, it } from 'vitest';
import { loadCommunityFile } from '../../src/community.js';
import { parseAudience, resolveAudience } from '../../src/core/announcement/audience.js';
import { parseWhen } from '../../src/core/announcement/form.js';
import { markdownMessage } from '../../src/core/announcement/markdown.js';
import { UserError } from '../../src/core/errors.js';
import { plain } from '../../src/core/message.js';
import { createRoster } from '../../src/core/roster/roster.js';
import { COMMUNITY_FILE } from '../support/cohorte.js';

const roster = createRoster(loadCommunityFile(COMMUNITY_FILE));
// EIG 7 runs from 2026-09-07 to 2027-06-26; EIG 6 ended on 2026-06-27.
const NOW = new Date('2026-11-23T10:00:00Z');
const resolve = (words: string, mode: 'channels' | 'dms' | 'both' = 'both', now = NOW) =>
  resolveAudience(parseAudience(words, roster), mode, roster, now);
const userError = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('no UserError');
};

describe('announcement audiences', () => {
  it('sends one copy to a person found in two audiences, and one per channel', () => {
    const both = resolve('lexiq, eig7, mentors');
    expect(both.filter((r) => r === 'person:ines.moreau@beta.gouv.fr')).toHaveLength(1);
    expect(both.filter((r) => r === 'channel:#defi-lexiq')).toHaveLength(1);
    expect(new Set(both).size).toBe(both.length);
    expect(both).toContain('person:julien.garnier@justice.gouv.fr');
    // The mentor of EIG 6, ended in June, is no longer written to as a mentor.
    expect(both).not.toContain('person:antoine.mercier@dgccrf.finances.gouv.fr');
  });

  it('counts the EIG of an ended promotion as alumni, by its end date', () => {
    const alumni = resolve('alumni', 'dms');
    expect(alumni).toContain('person:leo.garcia@beta.gouv.fr');
    expect(alumni).toContain('person:camille.roussel@beta.gouv.fr');
    expect(alumni).not.toContain('person:ines.moreau@beta.gouv.fr');
    expect(resolve('eig', 'dms')).not.toContain('person:leo.garcia@beta.gouv.fr');
    // The day before EIG 6 ended, its EIG were still EIG.
    const before = resolve('eig', 'dms', new Date('2026-06-26T10:00:00Z'));
    expect(before).toContain('person:leo.garcia@beta.gouv.fr');
    expect(resolve('alumni', 'channels')).toEqual(['channel:#eig-alumni']);
  });

  it('reaches the mentors of current promotions only: a finished promotion’s mentor is not written to', () => {
    const mentors = resolve('mentors', 'dms');
    expect(mentors).toContain('person:elise.fontaine@ofb.gouv.fr');
    expect(mentors).not.toContain('person:antoine.mercier@dgccrf.finances.gouv.fr');
    // Before EIG 6 ended, its mentor was one.
    expect(resolve('mentors', 'dms', new Date('2026-06-26T10:00:00Z'))).toContain(
      'person:antoine.mercier@dgccrf.finances.gouv.fr',
    );
  });

  it('posts in the matching channels only, when asked for channels', () => {
    expect(resolve('tous', 'channels')).toEqual(['channel:#eig-communaute']);
    expect(resolve('coordination', 'channels')).toEqual(['channel:#eig-coordination']);
    expect(resolve('eig7', 'channels')).toEqual([
      'channel:#defi-carto-eau',
      'channel:#defi-datapass-sante',
      'channel:#defi-lexiq',
    ]);
    expect(resolve('tous', 'dms')).toHaveLength(roster.emails().length);
  });

  it('reaches people given a role in chat too: by that role, by their défi, and as part of everyone', () => {
    const NEW_MENTOR = 'nouveau.mentor@justice.gouv.fr';
    const NEW_COORD = 'renfort@beta.gouv.fr';
    const granted = new Map([
      [NEW_MENTOR, [{ role: 'mentor' as const, defiId: 'lexiq' }]],
      [NEW_COORD, [{ role: 'coordinator' as const }]],
    ]);
    const reach = (words: string) =>
      resolveAudience(parseAudience(words, roster), 'dms', roster, NOW, granted);
    expect(reach('mentors')).toContain(`person:${NEW_MENTOR}`);
    expect(reach('mentors')).not.toContain(`person:${NEW_COORD}`);
    expect(reach('lexiq')).toContain(`person:${NEW_MENTOR}`);
    expect(reach('datapass-sante')).not.toContain(`person:${NEW_MENTOR}`);
    expect(reach('coordination')).toContain(`person:${NEW_COORD}`);
    expect(reach('tous')).toHaveLength(roster.emails().length + 2);
    // Without the chat grants, neither is reached.
    expect(resolve('mentors, coordination', 'dms')).not.toContain(`person:${NEW_MENTOR}`);
  });

  it('names an unknown word and lists the words that exist', () => {
    const error = userError(() => parseAudience('eig7, lexik', roster));
    expect(error.key).toBe('announcement.unknownAudience');
    expect(error.params.word).toBe('lexik');
    expect(String(error.params.known)).toContain('lexiq');
    expect(userError(() => parseAudience(' , ', roster)).key).toBe('announcement.noAudience');
  });

  it('refuses an audience that reaches no one for the chosen delivery', () => {
    const empty = createRoster({ ...roster.data, alumni: [], promotions: [] });
    const error = userError(() =>
      resolveAudience({ everyone: false, promotions: [], roles: ['alumni'], defis: [] }, 'dms', empty, NOW),
    );
    expect(error.key).toBe('announcement.emptyAudience');
  });
});

describe('announcement dates and text', () => {
  it('reads a date and time in Paris time, winter and summer', () => {
    expect(parseWhen('2026-12-01 09:30', 'Europe/Paris', NOW)?.toISOString()).toBe(
      '2026-12-01T08:30:00.000Z',
    );
    expect(parseWhen('2027-07-01 09:30', 'Europe/Paris', NOW)?.toISOString()).toBe(
      '2027-07-01T07:30:00.000Z',
    );
    expect(parseWhen('  ', 'Europe/Paris', NOW)).toBeUndefined();
  });

  it('refuses a malformed, impossible or past date with the format to type', () => {
    for (const text of ['1er décembre', '2026-02-31 09:00', '2026-12-01 25:00']) {
      expect(userError(() => parseWhen(text, 'Europe/Paris', NOW)).key).toBe('announcement.badWhen');
    }
    expect(userError(() => parseWhen('2026-11-23 10:59', 'Europe/Paris', NOW)).key).toBe(
      'announcement.pastWhen',
    );
  });

  it('turns Markdown into literal pieces: bold, italic, code, links, paragraphs; no markup passes through', () => {
    const message = markdownMessage(
      'Appel à projets *ouvert* !\n_Date limite_ : `1er mars`\n\nDétails : [ici](https://beta.gouv.fr) <!channel>',
      plain('pied'),
    );
    expect(message.blocks).toHaveLength(3);
    expect(message.blocks[0]).toEqual({
      kind: 'section',
      text: [
        { kind: 'plain', text: 'Appel à projets ' },
        { kind: 'bold', text: 'ouvert' },
        { kind: 'plain', text: ' !' },
        { kind: 'plain', text: '\n' },
        { kind: 'italic', text: 'Date limite' },
        { kind: 'plain', text: ' : ' },
        { kind: 'code', text: '1er mars' },
      ],
    });
    expect(message.blocks[1]).toEqual({
      kind: 'section',
      text: [
        { kind: 'plain', text: 'Détails : ' },
        { kind: 'link', text: 'ici', url: 'https://beta.gouv.fr' },
        { kind: 'plain', text: ' <!channel>' },
      ],
    });
    expect(message.blocks[2]).toEqual({ kind: 'context', text: plain('pied') });
  });
});
