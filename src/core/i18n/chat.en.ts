/** Strings the chat adapters show themselves (not a handler's): English. */
export const chatEn = {
  'chat.staleButton':
    'This button is not valid (too old, or not yours). Run the command again to get a new one.',
  'chat.staleForm': 'This form is not valid (too old, or not yours). Run the command again.',
  'chat.form.intro':
    'One line per field; `-` clears an optional field; `:annuler` leaves the form, saving nothing.',
  'chat.form.keep': 'Enter: keep “{value}”',
  'chat.form.optional': 'optional: Enter to leave empty',
  'chat.form.required': 'required',
  'chat.form.clear': '{clear}: clear',
  'chat.form.multiline': '{block}: several lines, ended by {block}',
  'chat.form.inBlock': '… (next line; {block} alone on a line to finish)',
  'chat.form.error': '! {field}: {error}',
  'chat.form.needed': 'this field is required: type an answer, or `:annuler`.',
  'chat.form.notAnAnswer': 'you are filling in a form: answer the question, or type `{cancel}` to leave it.',
  'chat.form.pick': 'type the number of a choice, from 1 to {max}.',
  'chat.form.tooLong': '{length} characters, the limit is {max}: shorten it.',
  'chat.form.cancelled': 'Form left: nothing was saved.',
};
