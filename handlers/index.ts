import type { ActionHandler, CommandHandler, FormHandler } from '../src/core/handler.js';
import { announcementAction } from './announcement.action.js';
import { announcementCommand } from './announcement.command.js';
import { announcementForm } from './announcement.form.js';
import { announcementAnnuler } from './announcement-annuler.command.js';
import { announcementListe } from './announcement-liste.command.js';
import { announcementModifier } from './announcement-modifier.command.js';
import { bulleAide } from './bulle-aide.command.js';
import { bulleCanHelpAction } from './bulle-can-help.action.js';
import { bulleCancelAction } from './bulle-cancel.action.js';
import { bulleCarte } from './bulle-carte.command.js';
import { bulleCherche } from './bulle-cherche.command.js';
import { bulleFollowUpAction } from './bulle-followup.action.js';
import { bulleImport } from './bulle-import.command.js';
import { bulleImportForm } from './bulle-import.form.js';
import { bulleMes } from './bulle-mes.command.js';
import { bullePartage } from './bulle-partage.command.js';
import { bullePause } from './bulle-pause.command.js';
import { bulleReplyAction } from './bulle-reply.action.js';
import { bulleRetire } from './bulle-retire.command.js';
import { cohorteAide } from './cohorte-aide.command.js';
import { cohorteLangue } from './cohorte-langue.command.js';
import { cohorteMesDonnees } from './cohorte-mes-donnees.command.js';
import { cohorteMoi } from './cohorte-moi.command.js';
import { cohorteOublier } from './cohorte-oublier.command.js';
import { cohorteRole } from './cohorte-role.command.js';
import { forgetAction } from './forget.action.js';
import { ritualForm } from './ritual.form.js';
import { ritualAjouter } from './ritual-ajouter.command.js';
import { ritualListe } from './ritual-liste.command.js';
import { ritualPause } from './ritual-pause.command.js';
import { ritualReprendre } from './ritual-reprendre.command.js';
import { ritualSauter } from './ritual-sauter.command.js';
import { ritualSupprimer } from './ritual-supprimer.command.js';
import { sessionCommand } from './session.command.js';
import { sessionFormHandler } from './session.form.js';
import { sessionAnnuler } from './session-annuler.command.js';
import { sessionAvis } from './session-avis.command.js';
import { sessionFeedbackAction } from './session-feedback.action.js';
import { sessionFeedbackForm } from './session-feedback.form.js';
import { sessionModifier } from './session-modifier.command.js';
import { sessionNouvelle } from './session-nouvelle.command.js';
import { sessionRsvpActions } from './session-rsvp.action.js';
import { standupCommand } from './standup.command.js';
import { standupForm } from './standup.form.js';
import { standupAbsent } from './standup-absent.command.js';
import { standupExportCommand } from './standup-export.command.js';
import { standupFindHelperAction } from './standup-find-helper.action.js';
import { standupHistorique } from './standup-historique.command.js';
import { standupOpenAction } from './standup-open.action.js';
import { standupPresent } from './standup-present.command.js';

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
  standupPresent,
  standupHistorique,
  standupExportCommand,
  ritualListe,
  ritualAjouter,
  ritualPause,
  ritualReprendre,
  ritualSauter,
  ritualSupprimer,
  sessionCommand,
  sessionNouvelle,
  sessionModifier,
  sessionAnnuler,
  sessionAvis,
  bulleAide,
  bullePartage,
  bulleCherche,
  bulleMes,
  bulleRetire,
  bulleCarte,
  bullePause,
  bulleImport,
  announcementCommand,
  announcementListe,
  announcementAnnuler,
  announcementModifier,
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
  bulleFollowUpAction,
  announcementAction,
];

/** Every form. */
export const formHandlers: readonly FormHandler[] = [
  standupForm,
  ritualForm,
  sessionFormHandler,
  sessionFeedbackForm,
  bulleImportForm,
  announcementForm,
];
