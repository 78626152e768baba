import { describe, expect, it } from 'vitest';
import type { ChatCapabilities } from '../../src/core/chat-adapter.js';
import { showReply } from '../../src/core/fallback.js';
import type { Form } from '../../src/core/form.js';
import { startFormConversation } from '../../src/core/form-conversation.js';
import type { Reply } from '../../src/core/handler.js';
import { type Button, plain, textMessage } from '../../src/core/message.js';

const everything: ChatCapabilities = {
  buttons: true,
  forms: true,
  ephemeral: true,
  messageUpdates: true,
  threads: true,
  drivesTime: false,
};
const textOnly: ChatCapabilities = { ...everything, buttons: false, forms: false };

const yes: Button = { actionId: 'rsvp', label: plain('Je viens'), value: 's1:yes', style: 'primary' };
const no: Button = { actionId: 'rsvp', label: plain('Je ne viens pas'), value: 's1:no' };
const invitation: Reply = {
  visibility: 'ephemeral',
  message: {
    fallback: plain('Session'),
    blocks: [...textMessage(plain('Session du 3 mars')).blocks, { kind: 'actions', buttons: [yes, no] }],
  },
};

const form: Form = {
  formId: 'ritual',
  title: plain('Nouveau rituel'),
  submit: plain('Enregistrer'),
  context: '',
  fields: [
    { id: 'title', label: plain('Titre'), kind: 'text', initial: 'Café' },
    {
      id: 'day',
      label: plain('Jour'),
      kind: 'choice',
      choices: [
        { value: 'monday', label: 'lundi' },
        { value: 'friday', label: 'vendredi' },
      ],
    },
  ],
};
const withForm: Reply = {
  visibility: 'ephemeral',
  message: textMessage(plain('Le formulaire s’ouvre…')),
  form,
};

describe('the fallbacks a platform gets for what it cannot show', () => {
  it('leaves buttons and forms to a platform that has them', () => {
    expect(showReply(invitation, everything)).toEqual({
      kind: 'message',
      message: invitation.message,
      choices: [],
    });
    expect(showReply(withForm, everything)).toEqual({ kind: 'form', form });
  });

  it('turns buttons into numbered choices, in order, the number picking the button', () => {
    const shown = showReply(invitation, textOnly);
    if (shown.kind !== 'message') throw new Error(`expected a message, got ${shown.kind}`);
    expect(shown.message.blocks.at(-1)).toEqual({
      kind: 'section',
      text: [
        { kind: 'plain', text: '[1] Je viens' },
        { kind: 'plain', text: '   [2] Je ne viens pas' },
      ],
    });
    expect(shown.choices).toEqual([yes, no]);
  });

  it('asks a form field by field when the platform has no forms: Enter keeps what the prompt offers, a number picks', () => {
    expect(showReply(withForm, textOnly)).toEqual({ kind: 'conversation', form });
    const asking = startFormConversation(form, 'fr');
    expect(asking.prompt()).toBe('? Titre (Entrée : garder « Café »)');
    expect(asking.answer('')).toEqual({ kind: 'next' });
    expect(asking.prompt()).toBe('? Jour (obligatoire)\n  [1] lundi  [2] vendredi');
    expect(asking.answer('2')).toEqual({ kind: 'done' });
    expect(asking.values()).toEqual({ title: 'Café', day: 'friday' });
    expect(asking.retry({ title: plain('trop court') })).toEqual(['! Titre : trop court']);
    expect(asking.prompt()).toBe('? Titre (Entrée : garder « Café »)');
    asking.answer('Déjeuner');
    expect(asking.values()).toEqual({ title: 'Déjeuner', day: 'friday' });
  });

  it('shows a prefilled choice by its label, not by its value, and keeps it on an empty line', () => {
    const weather: Form = {
      formId: 'standup',
      title: plain('Mon stand-up'),
      submit: plain('Enregistrer'),
      context: '',
      fields: [
        {
          id: 'meteo',
          label: plain('Météo'),
          kind: 'choice',
          choices: [
            { value: '1', label: '☀️' },
            { value: '2', label: '🌤️' },
          ],
          initial: '2',
        },
      ],
    };
    const asking = startFormConversation(weather, 'fr');
    expect(asking.prompt()).toBe('? Météo (Entrée : garder « 🌤️ »)\n  [1] ☀️  [2] 🌤️');
    expect(asking.answer('')).toEqual({ kind: 'done' });
    expect(asking.values()).toEqual({ meteo: '2' });
  });
});
