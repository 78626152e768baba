/** The announcement feature's French strings (spread into the reference catalog). */
export const announcementFr = {
  'help.annonce': '`/annonce` : écrire une annonce (canaux, messages privés, maintenant ou plus tard)',
  'help.annonce.liste': '`/annonce liste` : les annonces programmées et récentes',
  'help.annonce.annuler':
    '`/annonce annuler <id>` : annuler une annonce programmée ou arrêter un envoi en cours',
  'help.annonce.modifier':
    '`/annonce modifier <id>` : corriger le texte, jusque dans les copies déjà envoyées',

  'announcement.formTitle': 'Nouvelle annonce',
  'announcement.editTitle': 'Modifier l’annonce',
  'announcement.formSubmit': 'Prévisualiser',
  'announcement.formFallback': 'Le formulaire d’annonce n’a pas pu s’ouvrir : tapez la commande de nouveau.',
  'announcement.fieldText': 'Texte (Markdown : *gras*, _italique_, `code`, [lien](https://…))',
  'announcement.fieldAudience':
    'Destinataires : tous, une promotion (eig7), un rôle (eig, mentors, alumni, coordination) ou un défi, séparés par des virgules',
  'announcement.fieldMode': 'Diffusion',
  'announcement.modeChannels': 'Dans les canaux correspondants',
  'announcement.modeDms': 'En message privé à chaque personne',
  'announcement.modeBoth': 'Les deux',
  'announcement.fieldWhen': 'Quand (JJ/MM/AAAA 9:30, heure de {timezone}) ; vide : tout de suite',

  'announcement.noAudience':
    'Indiquez à qui envoyer l’annonce, par exemple `tous`, `eig7` ou `mentors, lexiq`.',
  'announcement.unknownAudience': 'Je ne connais pas « {word} » comme destinataire. Possibles : {known}.',
  'announcement.emptyAudience':
    'Personne ne correspond à ces destinataires pour cette diffusion. Élargissez l’audience ou changez la diffusion.',
  'announcement.emptyText': 'Écrivez le texte de l’annonce.',
  'announcement.badWhen':
    'Écrivez la date et l’heure ainsi : `{example} 09:30` (heure de {timezone}), ou laissez vide.',
  'announcement.pastWhen':
    'Cette date est passée : choisissez un moment à venir, ou laissez vide pour envoyer tout de suite.',
  'announcement.notFound':
    'Je ne trouve pas l’annonce `{id}`. Tapez `/annonce liste` pour voir les identifiants.',
  'announcement.missingId':
    'Indiquez l’identifiant de l’annonce, par exemple `/annonce {verb} a1b2c3` (voir `/annonce liste`).',
  'announcement.cannotCancel': 'L’annonce `{id}` est déjà {state} : il n’y a plus rien à annuler.',

  'announcement.footer': 'Annonce de {name}, pour l’équipe de coordination',
  'announcement.previewTitle': '*Aperçu* : voici exactement ce que recevront les destinataires.',
  'announcement.previewCount':
    '*{total} {total|destinataire|destinataires}* : {dms} en message privé, {channels} {channels|canal|canaux} ({audience}). {when}',
  'announcement.previewNow': 'Envoi dès confirmation.',
  'announcement.previewAt': 'Envoi le {at}.',
  'announcement.editPreview':
    '*Aperçu de la modification* : {copies} {copies|copie déjà envoyée sera modifiée|copies déjà envoyées seront modifiées}.',
  'announcement.confirm': 'Envoyer',
  'announcement.confirmEdit': 'Modifier',
  'announcement.drop': 'Abandonner',
  'announcement.dropped': 'Annonce abandonnée : rien n’a été envoyé.',
  'announcement.editDropped': 'Modification abandonnée : l’annonce reste telle quelle.',
  'announcement.scheduled': 'Annonce `{id}` programmée pour le {at}. `/annonce annuler {id}` pour l’annuler.',
  'announcement.sending': 'Annonce `{id}` en cours d’envoi : je vous écris où elle en est.',
  'announcement.sendingLate':
    'L’heure prévue ({at}) est passée pendant l’aperçu : l’annonce `{id}` part maintenant. Je vous écris où elle en est.',
  'announcement.notDraft':
    'L’annonce `{id}` est déjà {state} : ce bouton n’a plus d’effet. Tapez `/annonce liste` pour la suivre.',
  'announcement.dropTooLate':
    'L’annonce `{id}` est déjà {state} : il est trop tard pour l’abandonner. Pour l’arrêter, tapez `/annonce annuler {id}`.',
  'announcement.editSuperseded':
    'Une modification plus récente de l’annonce `{id}` a remplacé celle-ci : utilisez le bouton Modifier de son aperçu.',
  'announcement.editApplied': 'Cette modification de l’annonce `{id}` est déjà enregistrée.',
  'announcement.edited':
    'Modification de l’annonce `{id}` enregistrée : {copies} copies déjà envoyées vont être mises à jour.',
  'announcement.cancelled': 'Annonce `{id}` annulée : {withdrawn} envois qui restaient ont été retirés.',

  'announcement.progress': 'Annonce `{id}` : envoyée à {sent} / {total} — {failed} échecs',
  'announcement.done': 'Annonce `{id}` envoyée : {sent} / {total} reçues, {failed} échecs.',
  'announcement.doneCancelled':
    'Annonce `{id}` annulée en cours d’envoi : {sent} / {total} reçues, {failed} échecs.',
  'announcement.failure': '{recipient} : {reason}',
  'announcement.refused':
    'Annonce `{id}` non envoyée : son auteur ou autrice ({email}) n’a plus le rôle de coordination.',

  'announcement.listTitle': '*Annonces programmées et récentes*',
  'announcement.listEmpty': 'Aucune annonce pour l’instant. Tapez `/annonce` pour en écrire une.',
  'announcement.listLine': '`{id}` · {state} · {when} · {audience} · « {excerpt} »',
  'announcement.state.draft': 'brouillon',
  'announcement.state.scheduled': 'programmée',
  'announcement.state.sending': 'en cours d’envoi',
  'announcement.state.sent': 'envoyée',
  'announcement.state.cancelled': 'annulée',

  'announcement.reason.user_not_found': 'personne introuvable dans l’espace de travail',
  'announcement.reason.user_disabled': 'compte désactivé',
  'announcement.reason.account_inactive': 'compte désactivé',
  'announcement.reason.channel_not_found': 'canal introuvable',
  'announcement.reason.not_in_channel': 'le bot n’est pas dans ce canal',
  'announcement.reason.is_archived': 'canal archivé',
  'announcement.reason.unconfirmed':
    'envoi non confirmé par la plateforme ({reason}) : la copie est peut-être arrivée, vérifiez avant de la renvoyer',
  'announcement.reason.other': 'erreur « {reason} »',
} as const;
