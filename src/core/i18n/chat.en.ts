/** Strings the chat adapters show themselves (not a handler's): English. */
export const chatEn = {
  'chat.staleButton':
    'This button is not valid (too old, or not yours). Run the command again to get a new one.',
  'chat.staleForm': 'This form is not valid (too old, or not yours). Run the command again.',
};
