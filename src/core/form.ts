import type { Translate } from './i18n/index.js';
import { type Rich, toPlainText } from './message.js';

/** One field of a form. Answers come back as strings, keyed by `id`. */
export interface FormField {
  id: string;
  label: Rich;
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
