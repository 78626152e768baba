import type { standupFr } from './standup.fr.js';

export const standupEn: Record<keyof typeof standupFr, string> = {
  'standup.tooLong':
    '“{question}” is {length} characters long; the limit is {max}. Shorten it and send it again.',
  'standup.badChoice': '“{question}”: pick one of {choices} (or its number, from 1 to {count}).',
  'help.standup':
    '`/standup`: write your weekly stand-up (form), or `/standup priorities: … ; wins: … ; help: …`',
  'standup.helpKept':
    'The request is kept and the coordinators see it in their roll-up. Automatic matching comes with the bulloterie.',
  'standup.findHelperForbidden':
    'Only the person who asked, the défi’s mentors and the coordinators can look for someone for this request. For a request of your own: `/bulle cherche <skill>`.',
  'standup.findHelperNoTopic':
    'I find no skill in this help request. To hand it to the bulloterie, its author can type: `/bulle cherche <skill> — {details}`.',
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
  'standup.nothingTyped':
    'I find no answer in “{typed}”: nothing was recorded. Type for example `/standup priorities: finish the acceptance tests ; difficulties: … ; help: …`, or `/standup` for the form.',
  'standup.cleared': 'Answers emptied: {labels}. To put them back: `{retype}`',
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
  'help.standup.absent':
    '`/standup away [from] [to]`: say you are away, this week or between two dates (DD/MM); no reminders meanwhile',
  'help.standup.present': '`/standup present`: cancel your current or upcoming absence; reminders resume',
  'standup.presentNone': 'You have no current or upcoming absence: stand-up reminders reach you as usual.',
  'standup.presentDone': 'Welcome back! Absence cancelled: {days}. Stand-up reminders resume.',
  'standup.presentRange': 'from {from} to {to}',
  'help.standup.historique':
    '`/standup history [@person|e-mail|défi] [n]`: read your last n stand-ups (4 by default, 12 at most), or those of a défi you follow',
  'help.standup.export':
    '`/standup export [promotion] [from] [to]`: receive a CSV file of the stand-ups by direct message, for a spreadsheet',
  'standup.badDate':
    '“{date}” is not a date I understand. Write it DD/MM, DD/MM/YYYY or YYYY-MM-DD, for example `{example}`.',
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
    'Stand-ups of the promotion {promotion}, from {from} to {to}: one row per person and period ({rows} {rows|row|rows}).',
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
};
