import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSession } from '../../src/core/sessions/lifecycle.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { aSession } from '../support/session-fixture.js';
import { shellPosts } from '../support/shell-replies.js';
import { waitFor } from '../support/wait.js';

const TOKEN = 'abonnement-secret-2026';

describe('the calendar feed behind CALENDAR_TOKEN', () => {
  let bot: RunningCohorte;

  beforeAll(async () => {
    bot = await startCohorte({
      name: 'calendar-token',
      clock: { now: () => new Date('2026-11-23T10:00:00+01:00') },
      env: { PUBLIC_URL: 'https://cohorte.example.org', CALENDAR_TOKEN: TOKEN },
    });
    expect(await publishSession(bot.cohorte.services, aSession())).toBe(true);
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('answers 404 without the token or with a wrong one, and the feed with it', async () => {
    expect((await fetch(`${bot.baseUrl}/calendar.ics`)).status).toBe(404);
    expect((await fetch(`${bot.baseUrl}/calendar.ics?token=devine-devine-devine`)).status).toBe(404);
    expect((await fetch(`${bot.baseUrl}/calendar.ics?session=2026-12-03`)).status).toBe(404);
    const feed = await fetch(`${bot.baseUrl}/calendar.ics?token=${TOKEN}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('SUMMARY:Journée de promotion');
    const one = await fetch(`${bot.baseUrl}/calendar.ics?token=${TOKEN}&session=2026-12-03`);
    expect(await one.text()).toContain('UID:session-2026-12-03@cohorte');
  });

  it('puts the token in the announcement’s links, so people who were invited can subscribe', async () => {
    await waitFor(() => shellPosts(bot.shellOutput()).some((p) => p.text.includes('calendar.ics')), 5000);
    const post = shellPosts(bot.shellOutput()).find((p) => p.text.includes('calendar.ics'));
    expect(post?.text).toContain(
      `https://cohorte.example.org/calendar.ics?token=${TOKEN}&session=2026-12-03`,
    );
    expect(post?.text).toContain(`https://cohorte.example.org/calendar.ics?token=${TOKEN}`);
  });
});
