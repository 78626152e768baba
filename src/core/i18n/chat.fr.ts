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
} as const;
