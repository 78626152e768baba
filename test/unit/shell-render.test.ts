import { describe, expect, it } from 'vitest';
import { renderShell } from '../../src/chat/shell/shell-render.js';
import { type Button, type Message, plain } from '../../src/core/message.js';

const button = (label: string, value: string): Button => ({ actionId: 'vote', label: plain(label), value });

describe('shell render', () => {
  it('numbers buttons in order across actions blocks and returns them in that order', () => {
    const [a, b, c] = [button('Oui', '1'), button('Non', '2'), button('Peut-être', '3')];
    const message: Message = {
      fallback: plain('x'),
      blocks: [
        { kind: 'actions', buttons: [a, b] },
        { kind: 'section', text: plain('entre les deux') },
        { kind: 'actions', buttons: [c] },
      ],
    };
    const { text, buttons } = renderShell(message);
    expect(text.split('\n')).toEqual(['[1] Oui   [2] Non', 'entre les deux', '[3] Peut-être']);
    expect(buttons).toEqual([a, b, c]);
  });

  it('numbers from 1 again for each message', () => {
    const message: Message = {
      fallback: plain('x'),
      blocks: [{ kind: 'actions', buttons: [button('A', 'a')] }],
    };
    renderShell(message);
    expect(renderShell(message).text).toBe('[1] A');
  });

  it('upper-cases headers, accents included', () => {
    const message: Message = {
      fallback: plain('x'),
      blocks: [{ kind: 'header', text: plain('Réunion d’équipe') }],
    };
    expect(renderShell(message).text).toBe('RÉUNION D’ÉQUIPE');
  });

  it('indents fields and context under their section', () => {
    const message: Message = {
      fallback: plain('x'),
      blocks: [
        { kind: 'section', text: plain('Session'), fields: [plain('Lieu : Paris'), plain('Heure : 14:00')] },
        { kind: 'context', text: plain('proposé parce que vous partagez : Docker') },
      ],
    };
    expect(renderShell(message).text.split('\n')).toEqual([
      'Session',
      '  Lieu : Paris',
      '  Heure : 14:00',
      '  proposé parce que vous partagez : Docker',
    ]);
  });

  it('shows rich text without markup and code as typed', () => {
    const message: Message = {
      fallback: plain('x'),
      blocks: [
        {
          kind: 'section',
          text: [
            { kind: 'bold', text: 'Camille' },
            { kind: 'plain', text: ' tape ' },
            { kind: 'code', text: '/cohorte moi' },
          ],
        },
        { kind: 'divider' },
        { kind: 'code', text: '{ "a": 1 }' },
      ],
    };
    const lines = renderShell(message).text.split('\n');
    expect(lines[0]).toBe('Camille tape /cohorte moi');
    expect(lines[2]).toBe('{ "a": 1 }');
    expect(lines).toHaveLength(3);
  });

  it('returns no button for a message without actions', () => {
    expect(
      renderShell({ fallback: plain('x'), blocks: [{ kind: 'section', text: plain('a') }] }).buttons,
    ).toEqual([]);
  });
});
