/** Strings the chat adapters show themselves (not a handler's): French, the reference. */
export const chatFr = {
  'chat.staleButton':
    'Ce bouton n’est pas valable (trop ancien, ou pas pour vous). Relancez la commande pour en avoir un nouveau.',
  'chat.staleForm': 'Ce formulaire n’est pas valable (trop ancien, ou pas pour vous). Relancez la commande.',
  'chat.form.intro':
    'Une ligne par champ ; `-` vide un champ facultatif ; `:annuler` abandonne le formulaire sans rien enregistrer.',
  'chat.form.keep': 'Entrée : garder « {value} »',
  'chat.form.optional': 'facultatif : Entrée pour laisser vide',
  'chat.form.required': 'obligatoire',
  'chat.form.clear': '{clear} : vider',
  'chat.form.multiline': '{block} : plusieurs lignes, finies par {block}',
  'chat.form.inBlock': '… (ligne suivante ; {block} seul sur une ligne pour finir)',
  'chat.form.error': '! {field} : {error}',
  'chat.form.needed': 'ce champ est obligatoire : tapez une réponse, ou `:annuler`.',
  'chat.form.notAnAnswer':
    'vous remplissez un formulaire : répondez à la question, ou tapez `{cancel}` pour l’abandonner.',
  'chat.form.pick': 'tapez le numéro d’un choix, de 1 à {max}.',
  'chat.form.tooLong': '{length} caractères, la limite est {max} : raccourcissez.',
  'chat.form.cancelled': 'Formulaire abandonné : rien n’a été enregistré.',
  'chat.pickNumber': 'Répondez par le numéro de votre choix (par exemple `1`).',
  'chat.numberOutOfRange': 'Il n’y a pas de choix n° {n} : répondez par un numéro de 1 à {max}.',
  'chat.typeCommand': 'Pour me parler, tapez une commande, par exemple `/cohorte aide`.',
  'chat.pollEnded': 'Sondage terminé.',
  'chat.pollClosed': 'Ce sondage est terminé : votre vote n’est pas pris en compte.',
  'chat.encrypted':
    'Ce salon est chiffré de bout en bout et je ne peux pas lire vos messages. Écrivez-moi dans un salon non chiffré, ou demandez à la coordination de me faire passer par Pantalaimon (section Tchap du mode d’emploi de Cohorte).',
  'chat.unknownAccount':
    'Je ne sais pas quelle adresse e-mail correspond à votre compte ({user}), donc je ne peux que vous montrer l’aide. Demandez à la coordination d’ajouter `matrix: {user}` à votre fiche dans community.yml, ou de vérifier que votre compte Tchap utilise l’adresse de votre fiche.',
  'chat.sentPrivately': 'Je vous ai répondu en message privé.',
  'chat.formStart':
    '*{title}* : {count} questions, une à la fois. Tapez `annuler` pour arrêter, `.` pour une ligne vide (garder la réponse proposée) ; sans réponse pendant {minutes} minutes, la conversation s’arrête sans rien enregistrer.',
  'chat.formSummary': '*Récapitulatif* :',
  'chat.formConfirm':
    'Tapez `oui` pour envoyer, le numéro d’une question pour la changer, ou `annuler` pour tout abandonner.',
  'chat.formExpired':
    'La conversation « {title} » a expiré après {minutes} minutes sans réponse : rien n’a été enregistré. Relancez la commande pour recommencer.',
} as const;
