import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSession } from '../../src/core/sessions/lifecycle.js';
import { linkIn, openPageLink } from '../support/page-link.js';
import { aSession } from '../support/session-fixture.js';
import { type ShellSession, shellSession } from '../support/shell-play.js';

const COORDINATOR = 'claire.dubois@beta.gouv.fr';

describe('/tableau: the coordination dashboard', () => {
  let shell: ShellSession;
  let cookie: string;

  beforeAll(async () => {
    shell = await shellSession({
      name: 'pages-tableau',
      clock: { now: () => new Date('2026-11-23T10:00:00+01:00') },
    });
    expect(await publishSession(shell.bot.cohorte.services, { ...aSession(), capacity: 40 })).toBe(true);
    const steps = await shell.type(
      ':as ines.moreau@beta.gouv.fr',
      '/bulle cherche Docker',
      `:as ${COORDINATOR}`,
      '/cohorte tableau',
    );
    const opened = await openPageLink(linkIn(steps));
    expect(opened.location).toBe('/tableau');
    cookie = opened.cookie;
  });
  afterAll(async () => {
    await shell?.stop();
  });

  it('shows the next sessions with their seats and the requests in play with their age', async () => {
    const page = await (await fetch(`${shell.bot.baseUrl}/tableau`, { headers: { cookie } })).text();
    expect(page).toMatch(
      /Prochaines sessions \(1\)[\s\S]*Journée de promotion<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>40<\/td>/,
    );
    expect(page).toMatch(
      /Demandes de la bulloterie en cours \(1\)[\s\S]*<td>Docker<\/td><td>on cherche quelqu’un<\/td><td>0<\/td>/,
    );
  });

  it('downloads each table as CSV, with the same rows', async () => {
    const res = await fetch(`${shell.bot.baseUrl}/tableau?csv=demandes`, { headers: { cookie } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="cohorte-demandes-2026-11-23.csv"',
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text).toBe('\uFEFFCompétence,Où en est-elle,Âge (jours)\r\nDocker,on cherche quelqu’un,0\r\n');
  });

  it('gives nothing, CSV included, without a session', async () => {
    expect((await fetch(`${shell.bot.baseUrl}/tableau?csv=demandes`)).status).toBe(401);
  });
});
