import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/handler.js';
import { toPlainText } from '../../src/core/message.js';
import { type RunningCohorte, startCohorte } from '../support/cohorte.js';
import { outboxIdle } from '../support/job-runner.js';
import { waitFor, waitForAsync } from '../support/wait.js';

const INES = { platform: 'shell' as const, id: 'ines.moreau@beta.gouv.fr' };
const text = (reply: Reply) =>
  reply.message.blocks
    .map((b) => ('text' in b && typeof b.text !== 'string' ? toPlainText(b.text) : ''))
    .join('\n');

describe('stand-up edges (shell, real Redis and BullMQ, a controlled clock)', () => {
  let bot: RunningCohorte;
  let now = new Date('2026-11-25T09:00:00Z');
  const clock = { now: () => now };
  const standup = (words: string) =>
    bot.cohorte.router.command({ user: INES, command: 'standup', text: words, channel: 'shell' });
  afterEach(() => bot.stop());

  it('a hand-made digest run is the period’s digest, early: the scheduled run posts nothing more', async () => {
    bot = await startCohorte({ name: 'edges', clock });
    const posts = (where: string) => bot.shellOutput().split(`── ${where} ──`).length - 1;
    await standup('priorités: recette');
    expect(await bot.cohorte.jobControl.runNow('standup-digest:standup-eig7')).toBe(true);
    await waitFor(() => posts('#defi-lexiq') === 1 && posts('#eig-coordination') === 1, 10_000);
    expect(bot.shellOutput()).not.toMatch(/aperçu|preview/i);

    now = new Date('2026-11-27T14:00:00Z');
    await bot.cohorte.queues.jobs.add('standup-digest', { ritualId: 'standup-eig7' });
    await waitForAsync(async () => (await bot.cohorte.queues.jobs.getCompletedCount()) >= 2);
    await waitForAsync(() => outboxIdle(bot));
    expect([posts('#defi-lexiq'), posts('#eig-coordination')]).toEqual([1, 1]);
  });

  it('`/standup aide` shows the help instead of recording « aide » as priorities', async () => {
    bot = await startCohorte({ name: 'edges', clock });
    const reply = await standup('aide');
    expect(text(reply)).toContain('/standup absent');
    expect(await bot.cohorte.stores.standups.last(INES.id)).toBeUndefined();
  });

  it('an EIG place given only in chat is told to ask for the file, since reminders and digests follow it', async () => {
    bot = await startCohorte({ name: 'edges', clock });
    await bot.cohorte.stores.people.grant('nouvelle@beta.gouv.fr', { role: 'eig', defiId: 'lexiq' });
    const reply = await bot.cohorte.router.command({
      user: { platform: 'shell', id: 'nouvelle@beta.gouv.fr' },
      command: 'standup',
      text: 'priorités: découvrir',
      channel: 'shell',
    });
    expect(text(reply)).toContain('la coordination doit vous ajouter à votre défi dans community.yml');
  });

  it('after the deadline, the confirmation no longer promises an edit window', async () => {
    now = new Date('2026-11-27T16:00:00Z');
    bot = await startCohorte({ name: 'edges', clock });
    const reply = await standup('priorités: en retard');
    expect(text(reply)).toContain('C’est noté, après l’échéance');
    expect(text(reply)).not.toContain('jusqu’au');
  });
});
