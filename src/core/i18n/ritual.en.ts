import type { ritualFr } from './ritual.fr.js';

/** The rituals feature's English strings, typed against the French ones. */
export const ritualEn: Record<keyof typeof ritualFr, string> = {
  'help.rituel': '`/rituel list`: the rituals (file and chat, stand-ups included) and their next three dates',
  'help.rituel.ajouter': '`/rituel add [id]`: create a ritual (form), or edit one created in chat',
  'help.rituel.pause': '`/rituel pause <id>`: pause a ritual',
  'help.rituel.reprendre': '`/rituel resume <id>`: resume a paused ritual',
  'help.rituel.supprimer': '`/rituel delete <id>`: delete a ritual created in chat',
  'help.rituel.sauter':
    '`/rituel skip <id>`: skip the next occurrence only (`/rituel skip <id> undo` to take it back)',
  'ritual.listTitle': 'Rituals',
  'ritual.empty': 'No ritual yet. Type `/rituel ajouter` to create one.',
  'ritual.lineFile': '*{id}* (community.yml) in {channel}: “{message}”',
  'ritual.lineStandup':
    '*{id}* (stand-up of the {promotion} promotion, community.yml): `/standup` to write yours',
  'ritual.nextDeadlines': 'Next deadlines: {dates}',
  'ritual.lineChat': '*{id}* (created in chat) in {channel}: “{message}”',
  'ritual.next': 'Next dates: {dates}',
  'ritual.paused': 'Paused: type `/rituel reprendre {id}` to resume it.',
  'ritual.none': 'No upcoming date (its active dates are over).',
  'ritual.usage.pause': 'Usage: `/rituel pause <id>`. Type `/rituel liste` to see the ids.',
  'ritual.usage.resume': 'Usage: `/rituel reprendre <id>`. Type `/rituel liste` to see the ids.',
  'ritual.usage.delete': 'Usage: `/rituel supprimer <id>`. Type `/rituel liste` to see the ids.',
  'ritual.usage.skip':
    'Usage: `/rituel sauter <id>`, or `/rituel sauter <id> annuler` to post the last skipped date again. Type `/rituel liste` to see the ids.',
  'ritual.unknown':
    'I do not know the ritual “{id}”. Type `/rituel liste` to see the ids, or `/rituel ajouter` (without an id) to create one.',
  'ritual.fileOnly':
    'The ritual “{id}” is defined in `community.yml`: change it in the file, or pause it with `/rituel pause {id}`.',
  'ritual.idTaken': 'The id “{id}” already belongs to a ritual of `community.yml`. Choose another one.',
  'ritual.idTakenChat':
    'The id “{id}” already belongs to a ritual made in chat. Choose another one, or type `/rituel ajouter {id}` to edit that one.',
  'ritual.editDeleted':
    'The ritual *{id}* was deleted in the meantime: nothing is saved. Type `/rituel ajouter` to create a new one.',
  'ritual.pausedDone': 'Done: the ritual *{id}* is paused. `/rituel reprendre {id}` resumes it.',
  'ritual.alreadyPaused': 'The ritual *{id}* is already paused. `/rituel reprendre {id}` resumes it.',
  'ritual.resumed': 'Done: the ritual *{id}* resumes. {next}',
  'ritual.notPaused': 'The ritual *{id}* is not paused. {next}',
  'ritual.deleted': 'Done: the ritual *{id}* is deleted.',
  'ritual.skipped':
    'Noted: the ritual *{id}* will not be posted on {date}.{also} To take it back: `/rituel sauter {id} annuler`. {next}',
  'ritual.skippedAll': ' Skipped dates to come: {dates}.',
  'ritual.unskipped': 'Done: the ritual *{id}* will be posted again on {date}. {next}',
  'ritual.unskipNone': 'The ritual *{id}* has no skipped date to come: nothing to take back. {next}',
  'ritual.skipNone': 'The ritual *{id}* has no upcoming date to skip.',
  'ritual.skipPaused': 'The ritual *{id}* is paused: there is nothing to skip.',
  'ritual.created': 'Done: the ritual *{id}* is created. {next}',
  'ritual.updated': 'Done: the ritual *{id}* is updated. {next}',
  'ritual.formTitle': 'New ritual',
  'ritual.formEdit': 'Edit the ritual',
  'ritual.formSubmit': 'Save',
  'ritual.formFallback':
    'The ritual form opens on Slack and Mattermost. In the shell, answer the questions one by one.',
  'ritual.field.id': 'Id (letters, digits, - and _; e.g. cafe)',
  'ritual.field.message': 'Message to post',
  'ritual.field.channel': 'Channel (default: the community channel)',
  'ritual.field.days': 'Days (e.g. monday, thursday; only one with “nth”)',
  'ritual.field.time': 'Time (e.g. 9:30 or 09:30)',
  'ritual.field.every': 'Every N weeks (empty: every week)',
  'ritual.field.nth': 'Nth day of the month (e.g. 1: the first Thursday)',
  'ritual.field.cron': 'Or a cron expression (replaces days and time)',
  'ritual.field.start': 'From (DD/MM/YYYY, optional)',
  'ritual.field.end': 'Until (DD/MM/YYYY, optional)',
  'ritual.nthLast': 'the last one',
  'ritual.field.holidays': 'Skip public holidays?',
  'ritual.fix.id': 'A short id: letters, digits, - and _, for example `cafe`.',
  'ritual.fix.message': 'Write the message to post (3000 characters at most).',
  'ritual.fix.channel': 'Give a channel, for example `#eig-communaute`, or leave it empty.',
  'ritual.fix.days': 'Give one or more days, for example `monday, thursday`.',
  'ritual.fix.time': 'A time, for example `09:30` or `9:30` (not between 01:00 and 02:59).',
  'ritual.fix.every': 'A number of weeks from 1 to 8, for example `2`.',
  'ritual.fix.nth': 'Choose 1, 2, 3, 4 or “last”.',
  'ritual.fix.cron': 'A 5-field cron expression, for example `0 9 * * 1` (Mondays at 09:00).',
  'ritual.fix.cronOften':
    'A ritual posts once a day at most: a single minute and a single hour, for example `0 9 * * 1` (Mondays at 09:00) or `30 8 * * 1-5` (Monday to Friday at 08:30).',
  'ritual.fix.start': 'A calendar date, DD/MM/YYYY, DD/MM or YYYY-MM-DD, for example `{example}`.',
  'ritual.fix.end':
    'A calendar date, DD/MM/YYYY, DD/MM or YYYY-MM-DD, after the start, for example `{example}`.',
  'ritual.fix.endPast': 'This end date is already past: give today ({today}) or later, or leave it empty.',
  'ritual.fix.holidays': 'Choose yes or no.',
};
