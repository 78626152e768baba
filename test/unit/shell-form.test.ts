import { describe, expect, it } from 'vitest';
import { startShellForm } from '../../src/chat/shell/shell-form.js';
import { plain } from '../../src/core/message.js';

describe('a form in the shell', () => {
  const form = {
    formId: 'standup',
    title: plain('Mon stand-up'),
    submit: plain('Enregistrer'),
    context: '',
    fields: [
      {
        id: 'meteo',
        label: plain('Météo'),
        kind: 'choice' as const,
        choices: [
          { value: '1', label: '☀️' },
          { value: '2', label: '🌤️' },
        ],
        initial: '2',
      },
    ],
  };

  it('shows a prefilled choice by its label, not by its value, and keeps it on an empty line', () => {
    const shell = startShellForm(form);
    expect(shell.prompt()).toBe('? Météo (🌤️)\n  [1] ☀️  [2] 🌤️');
    expect(shell.answer('')).toBe(true);
    expect(shell.values()).toEqual({ meteo: '2' });
  });
});
