import type { Form, FormField } from '../../core/form.js';
import { toPlainText } from '../../core/message.js';

/** A form filled in the terminal, one line per field: empty keeps the proposed answer, a number picks a choice. */
export interface ShellForm {
  readonly form: Form;
  /** What to show before the next line: the field's label, its choices and its current answer. */
  prompt(): string;
  /** Takes one line; true when every field has an answer. */
  answer(line: string): boolean;
  values(): Record<string, string>;
  /** Asks again only the fields named, after the handler refused them. */
  retry(fieldIds: string[]): void;
}

function describe(field: FormField, current: string): string {
  const label = toPlainText(field.label);
  const choices = field.choices?.map((c, i) => `[${i + 1}] ${c.label}`).join('  ');
  // A choice's value may be its number: the proposed answer is shown as people read it.
  const shownCurrent = field.choices?.find((c) => c.value === current)?.label ?? current;
  const proposed = shownCurrent ? ` (${shownCurrent})` : '';
  return [`? ${label}${proposed}`, choices ? `  ${choices}` : ''].filter(Boolean).join('\n');
}

/** Starts filling `form`, answers prefilled with each field's initial value. */
export function startShellForm(form: Form): ShellForm {
  const values: Record<string, string> = Object.fromEntries(form.fields.map((f) => [f.id, f.initial ?? '']));
  let queue = [...form.fields];
  return {
    form,
    prompt: () => (queue[0] ? describe(queue[0], values[queue[0].id] ?? '') : ''),
    answer(line) {
      const field = queue.shift();
      if (!field) return true;
      const text = line.trim();
      const picked = field.choices?.[Number(text) - 1]?.value;
      if (text) values[field.id] = picked ?? text;
      return queue.length === 0;
    },
    values: () => ({ ...values }),
    retry(fieldIds) {
      queue = form.fields.filter((f) => fieldIds.includes(f.id));
    },
  };
}
