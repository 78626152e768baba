import { announcementFr } from './announcement.fr.js';
import { bulleFr } from './bulle.fr.js';
import { chatFr } from './chat.fr.js';
import { pagesFr } from './pages.fr.js';
import { ritualFr } from './ritual.fr.js';
import { sessionsFr } from './sessions.fr.js';
import { shellFr } from './shell.fr.js';
import { standupFr } from './standup.fr.js';

/**
 * The French catalog, the reference one. Markup: `*gras*`, `_italique_`, `` `code` ``; `{nom}` is a parameter,
 * always inserted as literal text; `{nombre|singulier|pluriel}` agrees with a number parameter. Vouvoiement, 24-hour times.
 */
export const fr = {
  'error.unavailable': 'Service momentanément indisponible, réessayez dans une minute.',
  'error.internal':
    'Une erreur est survenue de notre côté (réf. `{ref}`). L’équipe peut la retrouver avec cette référence.',
  'error.forbidden': 'Cette commande est réservée aux coordinateurs et coordinatrices du programme.',
  'error.unknownCommand': 'Je ne connais pas `{command}`. Voici ce que vous pouvez faire :',
  'error.didYouMean':
    'Je ne connais pas `{command}`. Vouliez-vous dire `{suggestion}` ? Voici ce que vous pouvez faire :',
  'error.noEmail':
    'Je ne vois pas votre adresse e-mail, et c’est elle qui vous relie à la communauté. Sur Mattermost, l’administration doit afficher les adresses (*Afficher l’adresse e-mail*) ou donner au bot le rôle d’administrateur ; sur Slack, le bot a besoin du droit `users:read.email`.',
  'error.notInCommunity':
    'Je ne vous trouve pas dans la communauté ({email}). Demandez à la coordination de vous ajouter à `community.yml`, ou de vous donner un rôle : `/cohorte role {email} <eig|mentor|alumni> [défi]`.',
  'error.outsider':
    'Cette commande est réservée aux membres de la communauté, et je ne vous y trouve pas ({email}). Demandez à la coordination de vous ajouter à `community.yml`, ou de vous donner un rôle : `/cohorte role {email} <eig|mentor|alumni> [défi]`. Tapez `/cohorte aide` pour ce que vous pouvez faire d’ici là.',
  'error.slow': 'C’est plus long que prévu : la réponse arrive dans un instant.',

  'form.typed': 'Ce que vous aviez saisi, pour le recopier :',
  'form.typedField': '{field} : {value}',
  'form.cancel': 'Annuler',
  'form.yes': 'oui',
  'form.no': 'non',

  'form.or': 'ou',
  'form.badChoice': '« {value} » n’est pas un des choix : {choices}.',

  'role.eig': 'EIG',
  'role.mentor': 'mentor',
  'role.coordinator': 'coordination',
  'role.alumni': 'alumni',

  'help.title': '*Cohorte* : ce que vous pouvez faire',
  'help.footer': 'Tapez une commande telle quelle ; les mots entre < > sont à remplacer.',
  'help.cohorte.aide': '`/cohorte aide` : cette aide',
  'help.cohorte.moi': '`/cohorte moi` : vos rôles, votre défi et votre promotion',
  'help.cohorte.role': '`/cohorte role <@personne|e-mail> <rôle> [défi]` : donner ou retirer un rôle',
  'help.cohorte.langue': '`/cohorte langue fr|en` : choisir la langue de Cohorte',
  'help.cohorte.mes-donnees':
    '`/cohorte mes-donnees` : recevoir en privé un fichier JSON de tout ce que Cohorte garde sur vous',
  'help.cohorte.oublier': '`/cohorte oublier` : effacer tout ce que Cohorte garde sur vous',

  'help.cohorte.page':
    '`/cohorte page [bulles]` : un lien personnel vers votre semaine, ou vers la carte des bulles',
  'help.cohorte.tableau':
    '`/cohorte tableau` (ou `/cohorte page tableau`) : un lien personnel vers le tableau de bord de la coordination',
  'page.link': 'Votre lien personnel, valable 15 minutes et une seule fois (ne le transmettez pas) : {url}',
  'page.unknown':
    'Je ne connais pas la page « {typed} ». Tapez `/cohorte page` pour votre semaine, ou `/cohorte page bulles` pour la carte des bulles.',
  'page.off':
    'Les pages ne sont pas activées : l’équipe technique doit définir `WEB_SESSION_SECRET` (et `PUBLIC_URL`).',
  'me.title': '*{name}* ({email})',
  'me.roles': 'Rôles : {roles}',
  'me.noRole': 'Rôles : aucun pour l’instant',
  'me.defi': 'Défi : *{defi}*, {administration} (promotion {promotion})',
  'me.mentorOf': 'Mentor du défi *{defi}* (promotion {promotion})',
  'me.alumniOf': 'Alumni de la promotion {promotion}',
  'me.language': 'Langue : français',

  'role.usage':
    'Usage : `/cohorte role <@personne|e-mail> <eig|mentor|coordination|alumni> [défi]`, ou `/cohorte role <@personne|e-mail> retirer <rôle>`.',
  'role.unknownRole': '« {role} » n’est pas un rôle. Rôles possibles : eig, mentor, coordination, alumni.',
  'role.needsDefi': 'Le rôle {role} demande un défi : `/cohorte role {who} {role} <défi>`. Défis : {defis}.',
  'role.unknownDefi': 'Je ne connais pas le défi « {defi} ». Défis : {defis}.',
  'role.unknownPerson':
    'Je ne trouve personne pour « {who} ». Indiquez une @mention ou l’e-mail de la personne.',
  'role.notInFile':
    'Je ne trouve pas {email} dans `community.yml` : rien n’est changé. Un rôle donné dans le chat s’ajoute à une personne du fichier. Vérifiez l’adresse, ou ajoutez la personne au fichier (`coordinators`, `alumni`, ou un défi), puis redonnez le rôle.',
  'role.granted': 'C’est fait : {email} a maintenant le rôle *{role}*{defi}.',
  'role.revoked': 'C’est fait : {email} n’a plus le rôle *{role}* donné dans le chat.',
  'role.notGranted':
    '{email} n’a pas de rôle *{role}* donné dans le chat ; les rôles du fichier se changent dans `community.yml`.',
  'role.forDefi': ' pour le défi {defi}',

  'lang.usage': 'Usage : `/cohorte langue fr` ou `/cohorte langue en`.',
  'lang.done': 'C’est noté : Cohorte vous parlera désormais en français.',

  'data.queued': 'Je prépare le fichier de vos données ; il arrive en message privé dans un instant.',
  'data.fileComment': 'Voici tout ce que Cohorte garde sur vous ({email}), au {date}.',

  'forget.confirm':
    'Voulez-vous vraiment effacer tout ce que Cohorte garde sur vous ? Vos rôles donnés dans le chat, vos préférences, vos stand-ups, absences et demandes d’aide, vos réponses aux sessions et vos avis, vos bulles et demandes de la bulloterie seront supprimés. Les informations de `community.yml` restent à la coordination.',
  'forget.yes': 'Oui, tout effacer',
  'forget.no': 'Annuler',
  'forget.done': 'C’est fait : vos données ont été effacées.',
  'forget.cancelled': 'Rien n’a été effacé.',

  // /standup absent, historique, export

  'roster.synced':
    'Annuaire : {resolved} {resolved|personne trouvée|personnes trouvées} sur la messagerie, {missing} {missing|introuvable|introuvables}{list}.',
  'roster.missingList': ' : {emails}',

  ...standupFr,
  ...ritualFr,
  ...sessionsFr,
  ...chatFr,
  ...shellFr,
  ...bulleFr,
  ...announcementFr,
  ...pagesFr,
} as const;

/** Every key of the catalogs. */
export type MessageKey = keyof typeof fr;
