import type { ActionHandler, CommandHandler, FormHandler } from '../src/core/handler.js';
import { cohorteAide } from './cohorte-aide.command.js';
import { cohorteLangue } from './cohorte-langue.command.js';
import { cohorteMesDonnees } from './cohorte-mes-donnees.command.js';
import { cohorteMoi } from './cohorte-moi.command.js';
import { cohorteOublier } from './cohorte-oublier.command.js';
import { cohorteRole } from './cohorte-role.command.js';
import { forgetAction } from './forget.action.js';
import { standupCommand } from './standup.command.js';
import { standupForm } from './standup.form.js';
import { standupAbsent } from './standup-absent.command.js';
import { standupExportCommand } from './standup-export.command.js';
import { standupFindHelperAction } from './standup-find-helper.action.js';
import { standupHistorique } from './standup-historique.command.js';
import { standupOpenAction } from './standup-open.action.js';

/** Every command, in the order the help lists them. Adding a command is one file plus one line here. */
export const commandHandlers: readonly CommandHandler[] = [
  cohorteAide,
  cohorteMoi,
  cohorteLangue,
  cohorteMesDonnees,
  cohorteOublier,
  cohorteRole,
  standupCommand,
  standupAbsent,
  standupHistorique,
  standupExportCommand,
];

/** Every button. */
export const actionHandlers: readonly ActionHandler[] = [
  forgetAction,
  standupOpenAction,
  standupFindHelperAction,
];

/** Every form. */
export const formHandlers: readonly FormHandler[] = [standupForm];
