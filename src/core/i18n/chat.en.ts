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
  'chat.pickNumber': 'Answer with the number of your choice (for example `1`).',
  'chat.numberOutOfRange': 'There is no choice {n}: answer with a number from 1 to {max}.',
  'chat.typeCommand': 'To talk to me, type a command, for example `/cohorte aide`.',
  'chat.pollEnded': 'Poll ended.',
  'chat.pollClosed': 'This poll has ended: your vote is not counted.',
  'chat.encrypted':
    'This room is end-to-end encrypted and I cannot read your messages. Write to me in an unencrypted room, or ask the coordination to run me behind Pantalaimon (Tchap section of Cohorte’s manual).',
  'chat.unknownAccount':
    'I do not know which e-mail address belongs to your account ({user}), so I can only show you the help. Ask the coordination to add `matrix: {user}` to your entry in community.yml, or to check that your Tchap account uses the address of your entry.',
  'chat.sentPrivately': 'I answered you in a private message.',
  'chat.formStart':
    '*{title}*: {count} questions, one at a time. Type `annuler` to stop, `.` for an empty line (keeping the proposed answer); after {minutes} minutes without an answer, the conversation stops and nothing is saved.',
  'chat.formSummary': '*Summary*:',
  'chat.formConfirm':
    'Type `oui` to send, the number of a question to change it, or `annuler` to drop everything.',
  'chat.formExpired':
    'The conversation “{title}” expired after {minutes} minutes without an answer: nothing was saved. Run the command again to start over.',
};
