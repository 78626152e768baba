import type { sessionsFr } from './sessions.fr.js';

/** The sessions feature's English strings, typed against the French ones. */
export const sessionsEn: Record<keyof typeof sessionsFr, string> = {
  'help.session': '`/session`: upcoming sessions and your answer',
  'help.session.nouvelle': '`/session new`: create a session (form) and announce it',
  'help.session.modifier':
    '`/session edit <id>`: change a session (prefilled form) and tell those who answered',
  'help.session.annuler': '`/session cancel <id>`: cancel a session and tell those who answered',
  'help.session.avis': '`/session feedback <id>`: the feedback summary of a past session',

  'session.fallback': 'Session “{title}” on {date}',
  'session.when': '{date}, {start}–{end}',
  'session.where': '{place}',
  'session.whereAddress': '{place}, {address}',
  'session.agenda': 'Agenda: {agenda}',
  'session.audience': 'For: {who}',
  'session.audiencePromotion': 'the {promotion} promotion',
  'session.audienceMentors': 'their mentors',
  'session.audienceAlumni': 'alumni',
  'session.audienceCoordination': 'the coordinators',
  'session.headcount': '*{yes}* coming · *{maybe}* maybe · *{no}* not coming',
  'session.headcountCapacity':
    '*{yes}* / {capacity} {capacity|seat taken|seats taken} · *{maybe}* maybe · *{no}* not coming · *{waiting}* on the waiting list',
  'session.yes': 'I’m coming',
  'session.pollQuestion': 'Are you coming to {title} on {date}?',
  'session.maybe': 'Maybe',
  'session.no': 'Not coming',
  'session.icsLink': 'Add to my calendar',
  'session.feedLink': 'Subscribe to all sessions',
  'session.cancelledTitle': 'Cancelled: {title}',
  'session.cancelledNote': 'This session is cancelled.',

  'session.rsvp.yes': 'Noted: you are coming on {date}. See you soon!',
  'session.rsvp.maybe': 'Noted: maybe on {date}. The day before, you will get a reminder with the place.',
  'session.rsvp.no': 'Noted: you are not coming on {date}.',
  'session.rsvp.waiting':
    'The session is full: you are number {rank} on the waiting list. You will be told as soon as a seat frees up.',
  'session.rsvp.cancelled': 'This session is cancelled: there is nothing to answer any more.',
  'session.rsvp.past': 'This session is over: there is nothing to answer any more.',
  'session.rsvp.notAudience':
    'This session is for: {who}. You are not among them: your answer is not recorded. If this is a mistake, write to the coordinators.',
  'session.promoted':
    'A seat freed up: you are registered for *{title}* on {date}. If you can no longer come, click “Not coming” in the announcement.',
  'session.unknown':
    'I do not know the session “{id}”. A session’s id, even a past one’s, is its date: for example `{example}` or `{iso}` (`{iso}-2` for the second of the day, `<rule>-{iso}` for a session of `community.yml`). Type `/session` to see the sessions to come.',

  'session.listTitle': 'Upcoming sessions',
  'session.listLine': '*{title}* (`{id}`): {when}, {where}',
  'session.yourAnswer': 'Your answer: {answer}',
  'session.noAnswer': 'You have not answered yet: click in the announcement.',
  'session.answer.yes': 'coming',
  'session.answer.maybe': 'maybe',
  'session.answer.no': 'not coming',
  'session.answer.waiting': 'waiting list',
  'session.none': 'No upcoming session.',

  'session.formTitle': 'New session',
  'session.formSubmit': 'Create and announce',
  'session.formEdit': 'Change the session',
  'session.formEditSubmit': 'Save and tell',
  'session.changed':
    'Done: the session *{title}* (`{id}`) is changed; the announcement is up to date and {count} {count|person|people} told.',
  'session.changedNotice':
    'The session *{title}* changed: {date}, {start}–{end}, {where}. The attached file updates your calendar.',
  'session.modifyUsage': 'Usage: `/session modifier <id>`. Type `/session` to see the ids.',
  'session.formFallback': 'The session form could not open: type the command again.',
  'session.field.title': 'Title',
  'session.field.date': 'Date (DD/MM/YYYY)',
  'session.field.start': 'Start (e.g. 9:30)',
  'session.field.end': 'End (e.g. 17:30)',
  'session.field.place': 'Place',
  'session.field.address': 'Address',
  'session.field.agenda': 'Agenda',
  'session.field.capacity': 'Capacity (empty: no limit)',
  'session.field.promotions': 'Invited promotions (e.g. eig7; empty: none)',
  'session.field.mentors': 'Mentors invited?',
  'session.field.alumni': 'Alumni invited?',
  'session.fix.title': 'Give a title (150 characters at most).',
  'session.fix.date': 'A date to come, DD/MM/YYYY, DD/MM or YYYY-MM-DD, for example `{example}`.',
  'session.fix.dateFull':
    'That day already has {count} sessions: choose another date, or change one of them with `/session modifier <id>`.',
  'session.fix.start': 'A time, for example `09:30` or `9:30`.',
  'session.fix.end': 'A time after the start, for example `17:30`.',
  'session.fix.place': 'Give the place, for example `Ségur`.',
  'session.fix.address': 'The address fits in 300 characters.',
  'session.fix.agenda': 'The agenda fits in 2000 characters.',
  'session.fix.capacity': 'A number of seats, for example `60`, or leave it empty.',
  'session.fix.capacityBelow':
    '{yes} {yes|person is|people are} already coming: give a capacity of {yes} or more, or leave it empty (no limit). To free seats, they can click “Not coming” in the announcement.',
  'session.fix.promotions': 'Promotions of community.yml separated by commas: {promotions}.',
  'session.fix.mentors': 'Choose yes or no.',
  'session.fix.alumni': 'Choose yes or no.',
  'session.created': 'Done: the session *{title}* on {date} (`{id}`) is created and announced in {channel}.',

  'session.cancelUsage': 'Usage: `/session annuler <id>`. Type `/session` to see the ids.',
  'session.cancelDone':
    'Done: the session *{title}* on {date} is cancelled; {count} {count|person|people} told.',
  'session.alreadyCancelled': 'The session *{title}* on {date} is already cancelled.',
  'session.cancelPast': 'The session *{title}* on {date} is over: it can no longer be cancelled.',
  'session.cancelNotice':
    'The session *{title}* on {date} is cancelled. The attached file removes it from your calendar.',

  'session.d7': 'In a week, on {date}: *{title}* at {place}. Are you coming? Answer in one click.',
  'session.d7Full':
    'In a week, on {date}: *{title}* at {place}. The session is full ({capacity} {capacity|seat|seats}): “I’m coming” puts you on the waiting list.',
  'session.d1':
    'Reminder: tomorrow, *{title}*, {start}–{end}, {where}. The attached file adds it to your calendar.',
  'session.morning': 'Today: *{title}*, {start}–{end}, {where}. {yes} {yes|person|people} coming.',
  'session.standupTitle': 'Opening stand-up: where the défis stand',
  'session.standupDefi': '*{defi}* {moods}',
  'session.standupNoDigest': '*{defi}*: no recent stand-up',
  'session.standupHelp': 'Help needed ({name}): {text}',
  'session.standupComing': 'Coming: {names}',

  'session.feedbackAsk': 'Thank you for coming to *{title}* yesterday! Your feedback in one minute?',
  'session.feedbackButton': 'Give feedback',
  'session.feedbackFormTitle': 'Your feedback',
  'session.feedbackFormSubmit': 'Send',
  'session.feedbackRating': 'Rating (from 1: disappointing, to 5: excellent)',
  'session.feedbackComment': 'A comment? (optional)',
  'session.feedbackFix': 'Choose a rating from 1 to 5.',
  'session.feedbackThanks': 'Thank you for your feedback!',
  'session.feedbackNotAttendee': 'Only people registered for this session can give feedback.',
  'session.summaryTitle': 'Feedback on *{title}* of {date}',
  'session.summaryLine':
    '{count} {count|answer|answers} from {attendees} registered, average rating {average} / 5',
  'session.summaryComment': '“{comment}” ({rating}/5)',
  'session.summaryNone': 'No feedback received for *{title}* of {date}.',
  'session.summaryUsage':
    'Usage: `/session avis <id>`. A session’s id, even a past one’s, is its date: for example `{example}` or `{iso}` (`<rule>-{iso}` for a session of `community.yml`).',
};
