import { describe, expect, it } from 'vitest';
import { plain, toPlainText } from '../../src/core/message.js';
import { outcomeAsReply, withinBudget } from '../../src/core/reply-budget.js';

const lines = (reply: ReturnType<typeof outcomeAsReply>) =>
  reply.message.blocks.map((b) => ('text' in b && typeof b.text !== 'string' ? toPlainText(b.text) : ''));

describe('a form answered after the platform closed it', () => {
  it('shows the field errors, then what the person typed, so a long text is not lost with the form', () => {
    const agenda = 'Matin : stand-up par défi\nAprès-midi : ateliers';
    const reply = outcomeAsReply(
      { errors: { date: plain('Une date à venir, au format JJ/MM/AAAA.'), end: plain('Après le début.') } },
      { title: 'Journée de promotion', date: '31/02', end: '', agenda },
      'fr',
    );
    expect(reply.visibility).toBe('ephemeral');
    expect(lines(reply)).toEqual([
      'Une date à venir, au format JJ/MM/AAAA.\nAprès le début.',
      'Ce que vous aviez saisi, pour le recopier :',
      'title : Journée de promotion',
      'date : 31/02',
      `agenda : ${agenda}`,
    ]);
  });

  it('passes a reply through unchanged', () => {
    const reply = { visibility: 'ephemeral' as const, message: { fallback: plain('ok'), blocks: [] } };
    expect(outcomeAsReply(reply, { title: 'x' }, 'fr')).toBe(reply);
  });

  it('gives the work’s result within the budget, and nothing past it', async () => {
    expect(await withinBudget(Promise.resolve('vite'), 50)).toBe('vite');
    const slow = new Promise<string>((resolve) => setTimeout(resolve, 200, 'lent'));
    expect(await withinBudget(slow, 20)).toBeUndefined();
  });
});
