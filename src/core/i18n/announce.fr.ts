/** The announcement feature's French strings (spread into the reference catalog). */
export const announceFr = {
  'help.annonce': '`/annonce` : écrire une annonce (canaux, messages privés, maintenant ou plus tard)',
  'help.annonce.liste': '`/annonce liste` : les annonces programmées et récentes',
  'help.annonce.annuler':
    '`/annonce annuler <id>` : annuler une annonce programmée ou arrêter un envoi en cours',
  'help.annonce.modifier':
    '`/annonce modifier <id>` : corriger le texte, jusque dans les copies déjà envoyées',

  'announce.formTitle': 'Nouvelle annonce',
  'announce.editTitle': 'Modifier l’annonce',
  'announce.formSubmit': 'Prévisualiser',
  'announce.formFallback':
    'Le formulaire s’ouvre dans Slack ou Mattermost. Depuis le shell, répondez aux questions une à une.',
  'announce.fieldText': 'Texte (Markdown : *gras*, _italique_, `code`, [lien](https://…))',
  'announce.fieldAudience':
    'Destinataires : tous, une promotion (eig7), un rôle (eig, mentors, alumni, coordination) ou un défi, séparés par des virgules',
  'announce.fieldMode': 'Diffusion',
  'announce.modeChannels': 'Dans les canaux correspondants',
  'announce.modeDms': 'En message privé à chaque personne',
  'announce.modeBoth': 'Les deux',
  'announce.fieldWhen': 'Quand (AAAA-MM-JJ HH:MM, heure de {timezone}) ; vide : tout de suite',

  'announce.noAudience': 'Indiquez à qui envoyer l’annonce, par exemple `tous`, `eig7` ou `mentors, lexiq`.',
  'announce.unknownAudience': 'Je ne connais pas « {word} » comme destinataire. Possibles : {known}.',
  'announce.emptyAudience':
    'Personne ne correspond à ces destinataires pour cette diffusion. Élargissez l’audience ou changez la diffusion.',
  'announce.emptyText': 'Écrivez le texte de l’annonce.',
  'announce.badWhen':
    'Écrivez la date et l’heure ainsi : `2026-12-01 09:30` (heure de {timezone}), ou laissez vide.',
  'announce.pastWhen':
    'Cette date est passée : choisissez un moment à venir, ou laissez vide pour envoyer tout de suite.',
  'announce.notFound':
    'Je ne trouve pas l’annonce `{id}`. Tapez `/annonce liste` pour voir les identifiants.',
  'announce.missingId':
    'Indiquez l’identifiant de l’annonce, par exemple `/annonce {verb} a1b2c3` (voir `/annonce liste`).',
  'announce.cannotCancel': 'L’annonce `{id}` est déjà {state} : il n’y a plus rien à annuler.',

  'announce.footer': 'Annonce de {name}, pour l’équipe de coordination',
  'announce.previewTitle': '*Aperçu* : voici exactement ce que recevront les destinataires.',
  'announce.previewCount':
    '*{total} destinataires* : {dms} en message privé, {channels} canaux ({audience}). {when}',
  'announce.previewNow': 'Envoi dès confirmation.',
  'announce.previewAt': 'Envoi le {at}.',
  'announce.editPreview': '*Aperçu de la modification* : {copies} copies déjà envoyées seront modifiées.',
  'announce.confirm': 'Envoyer',
  'announce.confirmEdit': 'Modifier',
  'announce.drop': 'Abandonner',
  'announce.dropped': 'Annonce abandonnée : rien n’a été envoyé.',
  'announce.editDropped': 'Modification abandonnée : l’annonce reste telle quelle.',
  'announce.scheduled': 'Annonce `{id}` programmée pour le {at}. `/annonce annuler {id}` pour l’annuler.',
  'announce.sending': 'Annonce `{id}` en cours d’envoi : je vous écris où elle en est.',
  'announce.sendingLate':
    'L’heure prévue ({at}) est passée pendant l’aperçu : l’annonce `{id}` part maintenant. Je vous écris où elle en est.',
  'announce.notDraft':
    'L’annonce `{id}` est déjà {state} : ce bouton n’a plus d’effet. Tapez `/annonce liste` pour la suivre.',
  'announce.dropTooLate':
    'L’annonce `{id}` est déjà {state} : il est trop tard pour l’abandonner. Pour l’arrêter, tapez `/annonce annuler {id}`.',
  'announce.editSuperseded':
    'Une modification plus récente de l’annonce `{id}` a remplacé celle-ci : utilisez le bouton Modifier de son aperçu.',
  'announce.editApplied': 'Cette modification de l’annonce `{id}` est déjà enregistrée.',
  'announce.edited':
    'Modification de l’annonce `{id}` enregistrée : {copies} copies déjà envoyées vont être mises à jour.',
  'announce.cancelled': 'Annonce `{id}` annulée : {withdrawn} envois qui restaient ont été retirés.',

  'announce.progress': 'Annonce `{id}` : envoyée à {sent} / {total} — {failed} échecs',
  'announce.done': 'Annonce `{id}` envoyée : {sent} / {total} reçues, {failed} échecs.',
  'announce.doneCancelled':
    'Annonce `{id}` annulée en cours d’envoi : {sent} / {total} reçues, {failed} échecs.',
  'announce.failure': '{recipient} : {reason}',
  'announce.refused':
    'Annonce `{id}` non envoyée : son auteur ou autrice ({email}) n’a plus le rôle de coordination.',

  'announce.listTitle': '*Annonces programmées et récentes*',
  'announce.listEmpty': 'Aucune annonce pour l’instant. Tapez `/annonce` pour en écrire une.',
  'announce.listLine': '`{id}` · {state} · {when} · {audience} · « {excerpt} »',
  'announce.state.draft': 'brouillon',
  'announce.state.scheduled': 'programmée',
  'announce.state.sending': 'en cours d’envoi',
  'announce.state.sent': 'envoyée',
  'announce.state.cancelled': 'annulée',

  'announce.reason.user_not_found': 'personne introuvable dans l’espace de travail',
  'announce.reason.user_disabled': 'compte désactivé',
  'announce.reason.account_inactive': 'compte désactivé',
  'announce.reason.channel_not_found': 'canal introuvable',
  'announce.reason.not_in_channel': 'le bot n’est pas dans ce canal',
  'announce.reason.is_archived': 'canal archivé',
  'announce.reason.other': 'erreur « {reason} »',
} as const;
