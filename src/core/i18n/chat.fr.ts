/** Strings the chat adapters show themselves (not a handler's): French, the reference. */
export const chatFr = {
  'chat.staleButton':
    'Ce bouton n’est pas valable (trop ancien, ou pas pour vous). Relancez la commande pour en avoir un nouveau.',
  'chat.staleForm': 'Ce formulaire n’est pas valable (trop ancien, ou pas pour vous). Relancez la commande.',
} as const;
