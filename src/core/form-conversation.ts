import type { Form, FormField } from './form.js';
import type { Locale, MessageKey, Params } from './i18n/index.js';
import { translate } from './i18n/index.js';
import { type Rich, toPlainText } from './message.js';

/** What a line typed into a form did. */
export type FormStep =
  /** The answer was taken (or a multi-line block goes on): show the next prompt. */
  | { kind: 'next' }
  /** Every field has an answer: submit. */
  | { kind: 'done' }
  /** The line was refused: say why (naming the field), then ask the same field again. */
  | { kind: 'refused'; why: string }
  /** `:annuler`: the form is left, nothing submitted. */
  | { kind: 'cancelled' };

/**
 * What a platform without forms does instead (the shell, Matrix): the fields asked one by one in the conversation,
 * one line per field. A line `"""` opens a multi-line answer closed by another `"""`; `-` clears a field; an
 * empty line keeps the current answer, and the prompt says when there is one; a number picks a choice; a line
 * starting with `/` or `:` is never taken as an answer (`:annuler` leaves the form).
 */
export interface FormConversation {
  readonly form: Form;
  /** What to show before the next line: the field's label, its choices and what an empty line or `-` does. */
  prompt(): string;
  answer(line: string): FormStep;
  values(): Record<string, string>;
  /** The handler refused these fields: each error names its field; they are asked again, in form order. */
  retry(errors: Record<string, Rich>): string[];
}

/** Opens and closes a multi-line answer. */
export const BLOCK = '"""';
/** Clears a field. */
export const CLEAR = '-';
/** Leaves the form. */
export const CANCEL = ':annuler';

/** Starts asking `form` in `locale`, answers prefilled with each field's initial value. */
export function startFormConversation(form: Form, locale: Locale): FormConversation {
  const say = (key: MessageKey, params?: Params) => toPlainText(translate(locale, key, params));
  const values: Record<string, string> = Object.fromEntries(form.fields.map((f) => [f.id, f.initial ?? '']));
  let queue = [...form.fields];
  let block: string[] | undefined;
  const labelOf = (field: FormField) => toPlainText(field.label);
  const refuse = (field: FormField, key: MessageKey, params?: Params): FormStep => ({
    kind: 'refused',
    why: say('chat.form.error', { field: labelOf(field), error: say(key, params) }),
  });
  const take = (field: FormField, value: string): FormStep => {
    values[field.id] = value;
    queue.shift();
    return queue.length === 0 ? { kind: 'done' } : { kind: 'next' };
  };
  /** A typed text answer: required fields need one, and `max` holds. */
  const check = (field: FormField, value: string): FormStep => {
    if (!value && !field.optional) return refuse(field, 'chat.form.needed');
    if (field.max && value.length > field.max)
      return refuse(field, 'chat.form.tooLong', { max: field.max, length: value.length });
    return take(field, value);
  };
  /** A choice answered by its number, its value or its label; undefined when none matches. */
  const pick = (field: FormField, text: string) => {
    const choices = field.choices ?? [];
    const lower = text.toLowerCase();
    return (
      choices[Number(text) - 1]?.value ??
      choices.find((c) => c.value.toLowerCase() === lower || c.label.toLowerCase() === lower)?.value
    );
  };
  const describe = (field: FormField): string => {
    const current = values[field.id] ?? '';
    const choice = field.choices?.find((c) => c.value === current)?.label;
    const hints = [
      current
        ? say('chat.form.keep', { value: choice ?? current.replace(/\n/g, ' ⏎ ') })
        : say(field.optional ? 'chat.form.optional' : 'chat.form.required'),
      ...(current && field.optional ? [say('chat.form.clear', { clear: CLEAR })] : []),
      ...(field.kind === 'multiline' ? [say('chat.form.multiline', { block: BLOCK })] : []),
    ];
    const choices = field.choices?.map((c, i) => `[${i + 1}] ${c.label}`).join('  ');
    return [`? ${labelOf(field)} (${hints.join(' ; ')})`, ...(choices ? [`  ${choices}`] : [])].join('\n');
  };
  return {
    form,
    // Inside a block, only its first line is prompted: a pasted text reads as pasted.
    prompt: () =>
      block
        ? block.length
          ? ''
          : say('chat.form.inBlock', { block: BLOCK })
        : queue[0]
          ? describe(queue[0])
          : '',
    answer(line) {
      const field = queue[0];
      if (!field) return { kind: 'done' };
      const text = line.trim();
      if (block) {
        if (text !== BLOCK) {
          block.push(line);
          return { kind: 'next' };
        }
        const value = block.join('\n').trim();
        block = undefined;
        return check(field, value);
      }
      if (text === CANCEL) return { kind: 'cancelled' };
      if (text.startsWith('/') || text.startsWith(':'))
        return refuse(field, 'chat.form.notAnAnswer', { cancel: CANCEL });
      if (text === BLOCK) {
        block = [];
        return { kind: 'next' };
      }
      if (text === CLEAR) {
        if (!field.optional) return refuse(field, 'chat.form.needed');
        return take(field, '');
      }
      if (text === '') {
        if (!values[field.id] && !field.optional) return refuse(field, 'chat.form.needed');
        return take(field, values[field.id] ?? '');
      }
      if (field.choices) {
        const value = pick(field, text);
        if (value === undefined) return refuse(field, 'chat.form.pick', { max: field.choices.length });
        return take(field, value);
      }
      return check(field, text);
    },
    values: () => ({ ...values }),
    retry(errors) {
      const named = form.fields.filter((f) => f.id in errors);
      // An error about no field of the form (a rule across fields) asks every field again rather than none.
      queue = named.length ? named : [...form.fields];
      return Object.entries(errors).map(([id, error]) => {
        const field = form.fields.find((f) => f.id === id);
        const text = toPlainText(error);
        return field ? say('chat.form.error', { field: labelOf(field), error: text }) : text;
      });
    },
  };
}
