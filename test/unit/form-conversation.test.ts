import { describe, expect, it } from 'vitest';
import type { Form } from '../../src/core/form.js';
import { startFormConversation } from '../../src/core/form-conversation.js';
import { plain } from '../../src/core/message.js';

const form: Form = {
  formId: 'session',
  title: plain('Nouvelle session'),
  submit: plain('Créer'),
  context: '',
  fields: [
    { id: 'date', label: plain('Date'), kind: 'text' },
    {
      id: 'agenda',
      label: plain('Programme'),
      kind: 'multiline',
      optional: true,
      initial: 'Ateliers',
      max: 40,
    },
    {
      id: 'alumni',
      label: plain('Alumni invités'),
      kind: 'choice',
      choices: [
        { value: 'yes', label: 'oui' },
        { value: 'no', label: 'non' },
      ],
    },
  ],
};

describe('a form asked line by line (platforms without forms)', () => {
  it('refuses an empty required field and a command, naming the field, and asks it again', () => {
    const asking = startFormConversation(form, 'fr');
    expect(asking.answer('')).toEqual({
      kind: 'refused',
      why: '! Date : ce champ est obligatoire : tapez une réponse, ou :annuler.',
    });
    expect(asking.answer('/bulle partage , , ,')).toEqual({
      kind: 'refused',
      why: '! Date : vous remplissez un formulaire : répondez à la question, ou tapez :annuler pour l’abandonner.',
    });
    expect(asking.prompt()).toBe('? Date (obligatoire)');
    expect(asking.values().date).toBe('');
  });

  it('takes a block of several lines, and says how in the prompt of a multi-line field', () => {
    const asking = startFormConversation(form, 'fr');
    asking.answer('17/12/2026');
    expect(asking.prompt()).toBe(
      '? Programme (Entrée : garder « Ateliers » ; - : vider ; """ : plusieurs lignes, finies par """)',
    );
    expect(asking.answer('"""')).toEqual({ kind: 'next' });
    expect(asking.prompt()).toBe('… (ligne suivante ; """ seul sur une ligne pour finir)');
    asking.answer('Matin : stand-up');
    expect(asking.prompt()).toBe('');
    asking.answer('Après-midi : ateliers');
    expect(asking.answer('"""')).toEqual({ kind: 'next' });
    expect(asking.values().agenda).toBe('Matin : stand-up\nAprès-midi : ateliers');
  });

  it('clears an optional field with -, refuses a too long answer and a choice out of range', () => {
    const asking = startFormConversation(form, 'fr');
    asking.answer('17/12/2026');
    expect(asking.answer('x'.repeat(41))).toEqual({
      kind: 'refused',
      why: '! Programme : 41 caractères, la limite est 40 : raccourcissez.',
    });
    expect(asking.answer('-')).toEqual({ kind: 'next' });
    expect(asking.answer('3')).toEqual({
      kind: 'refused',
      why: '! Alumni invités : tapez le numéro d’un choix, de 1 à 2.',
    });
    expect(asking.answer('non')).toEqual({ kind: 'done' });
    expect(asking.values()).toEqual({ date: '17/12/2026', agenda: '', alumni: 'no' });
  });

  it('is left with :annuler', () => {
    expect(startFormConversation(form, 'fr').answer(':annuler')).toEqual({ kind: 'cancelled' });
  });
});
