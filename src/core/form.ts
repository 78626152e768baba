import { UserError } from './errors.js';
import type { Translate } from './i18n/index.js';
import { type Rich, toPlainText } from './message.js';

/** One field of a form. Answers come back as strings, keyed by `id`. */
export interface FormField {
  id: string;
  label: Rich;
  /** What a platform that caps labels (a Mattermost dialog) shows instead when `label` is too long. */
  short?: string;
  kind: 'text' | 'multiline' | 'choice';
  /** For `choice`: the values and what people see. */
  choices?: { value: string; label: string }[];
  initial?: string | undefined;
  /** Maximum length of a text answer; platforms enforce it as people type when they can. */
  max?: number;
  optional?: boolean;
}

/**
 * A form (a Slack modal, a Mattermost dialog, prompts in the shell). `context` comes back untouched with the
 * submission (at most 2,000 characters): what the form is about, never trusted for permissions.
 */
export interface Form {
  formId: string;
  title: Rich;
  submit: Rich;
  fields: FormField[];
  context: string;
}

/** The choices of a yes/no field, `yes` and `no`, labelled in the person's language. */
export const yesNoChoices = (t: Translate): { value: string; label: string }[] => [
  { value: 'yes', label: toPlainText(t('form.yes')) },
  { value: 'no', label: toPlainText(t('form.no')) },
];

/**
 * A choice field's answer when it is one of `choices` (or empty: the caller's default). Anything else (a shell's
 * free « 5 », a forged submission) is a UserError `form.badChoice` naming the choices by their labels, never
 * silently read as one of them.
 */
export function checkChoice(
  value: string,
  choices: readonly { value: string; label: string }[],
  t: Translate,
): string {
  if (value === '' || choices.some((c) => c.value === value)) return value;
  const labels = choices.map((c) => c.label);
  const last = labels.pop() ?? '';
  const list = labels.length ? `${labels.join(', ')} ${toPlainText(t('form.or'))} ${last}` : last;
  throw new UserError('form.badChoice', { value, choices: list });
}

/** A yes/no field's answer (`yes`, `no`, or '' when left empty), or the message to show under the field. */
export function yesNoAnswer(value: string, t: Translate): { answer: string } | { error: Rich } {
  try {
    return { answer: checkChoice(value, yesNoChoices(t), t) };
  } catch (error) {
    if (error instanceof UserError) return { error: t(error.key, error.params) };
    throw error;
  }
}
