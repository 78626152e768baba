/**
 * One file per interaction, named `<feature>-<word people type>.<kind>.ts` (`ritual-ajouter.command.ts`): the
 * feature's English name in code (`announcement`, `ritual`, `session`, `standup`, `bulle`; `cohorte` for the bot's
 * own commands), then the French sub-command word, or what the button or form does. Each file exports one handler
 * named after it in camelCase with its kind: `ritualAjouterCommand`, `forgetAction`, `ritualFormHandler` (`…Form`
 * alone names the form itself, built in the core); a file of several buttons exports them as an array
 * (`sessionRsvpActions`).
 */
import type { ActionHandler, CommandHandler, FormHandler } from '../src/core/handler.js';
import { announcementAction } from './announcement.action.js';
import { announcementCommand } from './announcement.command.js';
import { announcementFormHandler } from './announcement.form.js';
import { announcementAnnulerCommand } from './announcement-annuler.command.js';
import { announcementListeCommand } from './announcement-liste.command.js';
import { announcementModifierCommand } from './announcement-modifier.command.js';
import { bulleAideCommand } from './bulle-aide.command.js';
import { bulleCanHelpAction } from './bulle-can-help.action.js';
import { bulleCancelAction } from './bulle-cancel.action.js';
import { bulleCarteCommand } from './bulle-carte.command.js';
import { bulleChercheCommand } from './bulle-cherche.command.js';
import { bulleFollowupAction } from './bulle-followup.action.js';
import { bulleImportCommand } from './bulle-import.command.js';
import { bulleImportFormHandler } from './bulle-import.form.js';
import { bulleMesCommand } from './bulle-mes.command.js';
import { bullePartageCommand } from './bulle-partage.command.js';
import { bullePauseCommand } from './bulle-pause.command.js';
import { bulleReplyAction } from './bulle-reply.action.js';
import { bulleRetireCommand } from './bulle-retire.command.js';
import { cohorteAideCommand } from './cohorte-aide.command.js';
import { cohorteLangueCommand } from './cohorte-langue.command.js';
import { cohorteMesDonneesCommand } from './cohorte-mes-donnees.command.js';
import { cohorteMoiCommand } from './cohorte-moi.command.js';
import { cohorteOublierCommand } from './cohorte-oublier.command.js';
import { cohortePageCommand } from './cohorte-page.command.js';
import { cohorteRoleCommand } from './cohorte-role.command.js';
import { cohorteTableauCommand } from './cohorte-tableau.command.js';
import { forgetAction } from './forget.action.js';
import { ritualFormHandler } from './ritual.form.js';
import { ritualAjouterCommand } from './ritual-ajouter.command.js';
import { ritualListeCommand } from './ritual-liste.command.js';
import { ritualPauseCommand } from './ritual-pause.command.js';
import { ritualReprendreCommand } from './ritual-reprendre.command.js';
import { ritualSauterCommand } from './ritual-sauter.command.js';
import { ritualSupprimerCommand } from './ritual-supprimer.command.js';
import { sessionCommand } from './session.command.js';
import { sessionFormHandler } from './session.form.js';
import { sessionAnnulerCommand } from './session-annuler.command.js';
import { sessionAvisCommand } from './session-avis.command.js';
import { sessionFeedbackAction } from './session-feedback.action.js';
import { sessionFeedbackFormHandler } from './session-feedback.form.js';
import { sessionModifierCommand } from './session-modifier.command.js';
import { sessionNouvelleCommand } from './session-nouvelle.command.js';
import { sessionRsvpActions } from './session-rsvp.action.js';
import { standupCommand } from './standup.command.js';
import { standupFormHandler } from './standup.form.js';
import { standupAbsentCommand } from './standup-absent.command.js';
import { standupExportCommand } from './standup-export.command.js';
import { standupFindHelperAction } from './standup-find-helper.action.js';
import { standupHistoriqueCommand } from './standup-historique.command.js';
import { standupOpenAction } from './standup-open.action.js';
import { standupPresentCommand } from './standup-present.command.js';

/** Every command, in the order the help lists them. Adding a command is one file plus one line here. */
export const commandHandlers: readonly CommandHandler[] = [
  cohorteAideCommand,
  cohorteMoiCommand,
  cohortePageCommand,
  cohorteTableauCommand,
  cohorteLangueCommand,
  cohorteMesDonneesCommand,
  cohorteOublierCommand,
  cohorteRoleCommand,
  standupCommand,
  standupAbsentCommand,
  standupPresentCommand,
  standupHistoriqueCommand,
  standupExportCommand,
  ritualListeCommand,
  ritualAjouterCommand,
  ritualPauseCommand,
  ritualReprendreCommand,
  ritualSauterCommand,
  ritualSupprimerCommand,
  sessionCommand,
  sessionNouvelleCommand,
  sessionModifierCommand,
  sessionAnnulerCommand,
  sessionAvisCommand,
  bulleAideCommand,
  bullePartageCommand,
  bulleChercheCommand,
  bulleMesCommand,
  bulleRetireCommand,
  bulleCarteCommand,
  bullePauseCommand,
  bulleImportCommand,
  announcementCommand,
  announcementListeCommand,
  announcementAnnulerCommand,
  announcementModifierCommand,
];

/** Every button. */
export const actionHandlers: readonly ActionHandler[] = [
  forgetAction,
  standupOpenAction,
  standupFindHelperAction,
  ...sessionRsvpActions,
  sessionFeedbackAction,
  bulleReplyAction,
  bulleCanHelpAction,
  bulleCancelAction,
  bulleFollowupAction,
  announcementAction,
];

/** Every form. */
export const formHandlers: readonly FormHandler[] = [
  standupFormHandler,
  ritualFormHandler,
  sessionFormHandler,
  sessionFeedbackFormHandler,
  bulleImportFormHandler,
  announcementFormHandler,
];
