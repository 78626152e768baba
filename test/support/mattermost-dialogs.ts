import type { MattermostE2e } from './mattermost-e2e.js';
import { waitFor } from './wait.js';

/** A dialog the bot opened on the double: its trigger, where it is submitted, and the dialog itself. */
export type OpenedDialog = ReturnType<MattermostE2e['double']['dialogs']>[number];

/** A dialog element as a test reads it. */
export interface DialogElement {
  name: string;
  type: string;
  display_name: string;
  help_text?: string;
  default?: string;
}

/** The elements of an opened dialog. */
export const elementsOf = (opened: OpenedDialog): DialogElement[] =>
  opened.dialog.elements as DialogElement[];

/** Reads, in order, the dialogs the bot opens and the ephemeral posts it shows on the double. */
export function dialogReader(e2e: MattermostE2e) {
  let dialogs = 0;
  let ephemerals = 0;
  return {
    /** The next dialog opened. */
    async nextDialog(): Promise<OpenedDialog> {
      const n = ++dialogs;
      await waitFor(() => e2e.double.dialogs().length >= n, 5000, `dialog #${n}`);
      const opened = e2e.double.dialogs()[n - 1];
      if (!opened) throw new Error('no dialog');
      return opened;
    },
    /** The next ephemeral post shown. */
    async nextEphemeral() {
      const n = ++ephemerals;
      await waitFor(() => e2e.double.ephemerals().length >= n, 5000, `ephemeral #${n}`);
      return e2e.double.ephemerals()[n - 1];
    },
  };
}
