import type { MessageKey } from './fr.js';

/** The English catalog. Typed against the French one, so a missing key fails the build. */
export const en: Record<MessageKey, string> = {
  'error.unavailable': 'Service temporarily unavailable, please try again in a minute.',
  'error.internal':
    'Something went wrong on our side (ref. `{ref}`). The team can find it with this reference.',
  'error.forbidden': 'This command is reserved for the programme’s coordinators.',
  'error.unknownCommand': 'I do not know `{command}`. Here is what you can do:',
  'error.notInCommunity':
    'I cannot find you in the community ({email}). Ask the coordinators to add you to `community.yml`.',
  'error.slow': 'This is taking longer than expected: the answer is on its way.',

  'form.cancel': 'Cancel',

  'role.eig': 'EIG',
  'role.mentor': 'mentor',
  'role.coordinator': 'coordinator',
  'role.alumni': 'alumni',

  'help.title': '*Cohorte*: what you can do',
  'help.footer': 'Type a command as shown; words between < > are to be replaced.',
  'help.cohorte.aide': '`/cohorte aide`: this help',
  'help.cohorte.moi': '`/cohorte moi`: your roles, your défi and your promotion',
  'help.cohorte.role': '`/cohorte role <@person|email> <role> [défi]`: give or remove a role',
  'help.cohorte.langue': '`/cohorte langue fr|en`: choose Cohorte’s language',
  'help.cohorte.mes-donnees':
    '`/cohorte mes-donnees`: get, by direct message, a JSON file of everything Cohorte keeps about you',
  'help.cohorte.oublier': '`/cohorte oublier`: erase everything Cohorte keeps about you',

  'me.title': '*{name}* ({email})',
  'me.roles': 'Roles: {roles}',
  'me.noRole': 'Roles: none yet',
  'me.defi': 'Défi: *{defi}*, {administration} (promotion {promotion})',
  'me.mentorOf': 'Mentor of the défi *{defi}* (promotion {promotion})',
  'me.alumniOf': 'Alumni of the promotion {promotion}',
  'me.language': 'Language: English',

  'role.usage':
    'Usage: `/cohorte role <@person|email> <eig|mentor|coordination|alumni> [défi]`, or `/cohorte role <@person|email> retirer <role>`.',
  'role.unknownRole': '“{role}” is not a role. Roles: eig, mentor, coordination, alumni.',
  'role.needsDefi': 'The {role} role needs a défi: `/cohorte role {who} {role} <défi>`. Défis: {defis}.',
  'role.unknownDefi': 'I do not know the défi “{defi}”. Défis: {defis}.',
  'role.unknownPerson': 'I cannot find anyone for “{who}”. Give an @mention or the person’s email.',
  'role.granted': 'Done: {email} now has the *{role}* role{defi}.',
  'role.revoked': 'Done: {email} no longer has the *{role}* role given in chat.',
  'role.notGranted':
    '{email} has no *{role}* role given in chat; roles from the file are changed in `community.yml`.',
  'role.forDefi': ' for the défi {defi}',

  'lang.usage': 'Usage: `/cohorte langue fr` or `/cohorte langue en`.',
  'lang.done': 'Noted: Cohorte will now speak English to you.',

  'data.queued': 'I am preparing the file of your data; it will arrive by direct message in a moment.',
  'data.fileComment': 'Here is everything Cohorte keeps about you ({email}), as of {date}.',

  'forget.confirm':
    'Do you really want to erase everything Cohorte keeps about you? Roles given in chat, your preferences, your stand-ups, absences and help requests will be deleted. What is in `community.yml` stays with the coordinators.',
  'forget.yes': 'Yes, erase everything',
  'forget.no': 'Cancel',
  'forget.done': 'Done: your data has been erased.',
  'forget.cancelled': 'Nothing was erased.',

  'standup.tooLong':
    '“{question}” is {length} characters long; the limit is {max}. Shorten it and send it again.',
  'standup.badChoice': '“{question}”: pick one of {choices} (or its number, from 1 to {count}).',

  'help.standup':
    '`/standup`: write your weekly stand-up (form), or `/standup priorities: … ; wins: … ; help: …`',
  'standup.helpKept':
    'The request is kept and the coordinators see it in their roll-up. Automatic matching comes with the bulloterie.',
  'standup.helpGone': 'This help request was withdrawn by its author.',
  'standup.notEig':
    'The stand-up is for EIG; you are not an EIG of any current défi. Type `/cohorte moi` to see your roles.',
  'standup.chatOnlyEig':
    'Your EIG role was given in chat: for the stand-up (reminders, digest), the coordinators must add you to your défi in `community.yml`.',
  'standup.noRitual':
    'Your promotion has no stand-up set up. The coordinators can add one in `community.yml`.',
  'standup.noPeriod': 'No stand-up right now (a holiday week, or outside the promotion’s dates).',
  'standup.empty':
    'Your stand-up is empty. Type `/standup` for the form, or `/standup priorities: … ; wins: … ; help: …`.',
  'standup.emptyForm': 'Answer at least one question before sending.',
  'standup.recorded': 'Recorded! You can change it until {deadline} by sending it again.',
  'standup.recordedLate': 'Recorded, after the deadline: your stand-up counts for this week.',
  'standup.updated': 'Updated! You can still change it until {deadline}.',
  'standup.readers': 'Read by: {readers}.',
  'standup.coordination': 'the coordinators',
  'standup.lateThread': 'The défi’s digest has already gone out: your stand-up was added to its thread.',
  'standup.formTitle': 'My stand-up',
  'standup.formSubmit': 'Send',
  'standup.formFallback': 'Type your stand-up: `/standup priorities: … ; wins: … ; help: …`',

  // /standup absent, historique, export
  'help.standup.absent':
    '`/standup absent [from] [to]`: say you are away, this week or between two dates (DD/MM); no reminders meanwhile',
  'help.standup.historique':
    '`/standup historique [@person|e-mail|défi] [n]`: read your last n stand-ups (4 by default, 12 at most), or those of a défi you follow',
  'help.standup.export':
    '`/standup export [promotion] [from] [to]`: receive a CSV file of the stand-ups by direct message, for a spreadsheet',
  'standup.badDate':
    '“{date}” is not a date I understand. Write it DD/MM, DD/MM/YYYY or YYYY-MM-DD, for example `07/12` or `2026-12-07`.',
  'standup.noSuchDate':
    '“{date}” does not exist in the calendar. Check the day and the month (DD/MM), for example `28/02`.',
  'standup.datesBackwards':
    'The end date ({to}) is before the start date ({from}). Give the start first, then the end.',
  'standup.absentUsage':
    'Usage: `/standup absent` for the current week, or `/standup absent <from> <to>` with dates DD/MM, DD/MM/YYYY or YYYY-MM-DD, for example `/standup absent 21/12 03/01`.',
  'standup.absentPast':
    '{date} has already passed: an absence starts today at the earliest. Type for example `/standup absent {today} <to>`.',
  'standup.absentTooLong':
    'An absence lasts a year at most; from {from} to {to} is longer. Give an earlier end date.',
  'standup.absentRecorded':
    'Noted: away from {from} to {to}. Cohorte will send you no stand-up reminder during those days.',
  'standup.absentRecordedDay': 'Noted: away on {date}. Cohorte will send you no stand-up reminder that day.',
  'standup.historyUsage':
    'Usage: `/standup historique [@person|e-mail|défi] [n]`, for example `/standup historique 8` or `/standup historique lexiq 4`.',
  'standup.historyBadCount':
    '“{count}”: give a number of periods between 1 and 12, for example `/standup historique 4`.',
  'standup.historyUnknown':
    'I find neither a person nor a défi for “{who}”. Give an @mention, an e-mail or a défi ({defis}).',
  'standup.historyForbidden':
    'You can read your own history; another person’s or a défi’s is for that défi’s mentors and the coordinators. Type `/standup historique` for yours.',
  'standup.historyTitleOwn': 'Your stand-ups, newest first',
  'standup.historyTitlePerson': 'Stand-ups written by {name}, newest first',
  'standup.historyTitleDefi': 'Stand-ups of the défi {defi}, newest first',
  'standup.historyWeek': '*Week of {date}*',
  'standup.historyWeeks': '*Period from {from} to {to}*',
  'standup.historyDay': '*Day of {date}*',
  'standup.historySilent': 'Did not write: {names}',
  'standup.historyAbsent': 'Away: {names}',
  'standup.historyEmptyOwn': 'You have not written a stand-up yet. Type `/standup` to write this week’s.',
  'standup.historyEmptyPerson': '{name} has not written a stand-up yet.',
  'standup.historyEmptyDefi': 'The défi {defi} has not had a stand-up yet.',
  'standup.historyNoRitual': 'The défi {defi} has no stand-up set up.',
  'standup.exportUsage':
    'Usage: `/standup export [promotion] [from] [to]`, dates DD/MM, DD/MM/YYYY or YYYY-MM-DD, for example `/standup export eig7 01/09/2026 30/11/2026`.',
  'standup.exportUnknownPromotion':
    'I know no stand-up for the promotion “{promotion}”. Promotions with a stand-up: {promotions}.',
  'standup.exportNoRitual': 'No promotion has a stand-up set up: there is nothing to export.',
  'standup.exportEmpty': 'No stand-up period to export between {from} and {to}.',
  'standup.exportQueued': 'The export is on its way by direct message: {files}.',
  'standup.exportFileComment':
    'Stand-ups of the promotion {promotion}, from {from} to {to}: one row per person and period ({rows} rows).',
  'standup.csvPromotion': 'promotion',
  'standup.csvDefi': 'défi',
  'standup.csvEmail': 'e-mail',
  'standup.csvName': 'name',
  'standup.csvPeriod': 'period',
  'standup.csvStart': 'start',
  'standup.csvEnd': 'end',
  'standup.csvPostedAt': 'posted at',
  'standup.csvAbsent': 'away',
  'standup.csvYes': 'yes',
  'standup.csvNo': 'no',

  'reminder.text': 'A gentle reminder: your stand-up for this week is not written yet. Deadline: {deadline}.',
  'reminder.textMoved':
    'A gentle reminder: your stand-up for this week is not written yet. The deadline moves to {deadline}, since {day} is a public holiday.',
  'reminder.button': 'Write my stand-up',
  'digest.title': 'Stand-up {defi}, week of {week}',
  'digest.absent': 'Away: {names}',
  'digest.silent': 'Not written yet: {names}',
  'digest.nobody': 'Nobody has written yet this week.',
  'digest.helpTitle': '*Help needed*',
  'digest.findHelper': 'Find someone',
  'digest.fallback': 'Stand-up {defi}: {posted} of {expected} wrote',
  'rollup.title': 'Stand-ups of the week of {week}',
  'rollup.line': '*{defi}* {moods} · {posted}/{expected}',
  'rollup.lineHelp': '*{defi}* {moods} · {posted}/{expected} · help requested ({help})',

  'roster.synced': 'Directory: {resolved} people found on the chat platform, {missing} not found{list}.',
  'roster.missingList': ': {emails}',

  'shell.welcome':
    'Cohorte, local shell. You are {email}. Type a command (`/cohorte aide`), `:as <email>` to switch person, `:jobs` for scheduled jobs, `:run <job>` to run one, `:quit` to leave.',
  'shell.as': 'You are now {email}.',
  'shell.jobs': 'Scheduled jobs:',
  'shell.noJobs': 'No scheduled job.',
  'shell.job': '{id}: next run {next}',
  'shell.ran': 'Job {id} started.',
  'shell.unknownJob': 'I do not know the job “{id}”. Type `:jobs` for the list.',
  'shell.buttons': 'Buttons: {list} (type `:click <n>`)',
  'shell.unknownInput': 'Type a command starting with /, or `:quit`.',
  'shell.noButton': 'No button number {n} on the last message.',
};
