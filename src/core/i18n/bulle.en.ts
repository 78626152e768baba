import type { bulleFr } from './bulle.fr.js';

/** The bulloterie's strings (en), typed against the French ones. */
export const bulleEn: Record<keyof typeof bulleFr, string> = {
  'help.bulle.aide': '`/bulle help`: this help',
  'help.bulle.partage': '`/bulle share <skill>[, …]`: say what you can share',
  'help.bulle.cherche': '`/bulle seek <skill> [— details]`: be introduced to someone who knows it',
  'help.bulle.mes': '`/bulle mine`: your bubbles and requests (cancel in one click)',
  'help.bulle.retire': '`/bulle remove <skill>[, …]`: remove one or more of your bubbles',
  'help.bulle.carte': '`/bulle map`: the community’s bubbles, by domain',
  'help.bulle.pause': '`/bulle pause <DD/MM>`: no proposals until that date (`/bulle pause fin` to resume)',
  'help.bulle.import': '`/bulle import`: import the CSV of the bootcamp bubbles workshop',

  'bulle.usage.partage': 'Say what you can share, for instance: `/bulle partage Docker, SQL`.',
  'bulle.usage.cherche':
    'Say what you are looking for, for instance: `/bulle cherche Docker — deploy our API`.',
  'bulle.unreadableTopic':
    'I did not understand “{typed}” as a skill. Write it in words, your details follow: `/bulle cherche <skill> — {details}`.',
  'bulle.usage.retire':
    'Say which bubble to remove, for instance: `/bulle retire Docker, SQL`. `/bulle mes` lists them.',
  'bulle.partage.unreadable':
    'I did not understand “{typed}” as a skill: nothing was added. Write your skills in words, separated by commas, for instance: `/bulle partage Docker, SQL`.',
  'bulle.notUnderstood':
    'Not understood as a skill, so not added: “{typed}”. To add it, write it in words: `/bulle partage <skill>`.',
  'bulle.shared': 'Noted, you share: {topics}.',
  'bulle.alreadyShared': 'You already shared: {topics}.',
  'bulle.corrected': '“{typed}” is understood as *{label}*.',
  'bulle.didYouMean':
    '“{typed}” looks like *{label}*, already on the map. Did you mean {label}? Type `/bulle {verb} {label}{rest}`, or `/bulle {verb} {typed} !{rest}` to keep your spelling.',
  'bulle.topicTooLong':
    '“{typed}” is too long for a skill ({max} characters at most). Write the skill in a few words, then the details after “—”: `/bulle cherche <skill> — {typed}{rest}`.',
  'bulle.topicTooLong.partage':
    '“{typed}” is too long for a skill ({max} characters at most): nothing was added. Write each skill in a few words, separated by commas: `/bulle partage Docker, SQL`.',
  'bulle.markupTopic':
    '“{typed}” looks like a chat mention or link, not a skill: nothing was added. Write the skill in words, for example: `/bulle partage Docker, SQL`.',
  'bulle.markupTopic.details':
    '“{typed}” looks like a chat mention or link, not a skill. Write it in words, your details follow: `/bulle cherche <skill> — {details}`.',
  'bulle.detailsTooLong':
    'Your details are {length} characters long: {max} at most. Shorten them, then type again: `/bulle cherche {typed} — {details}`',
  'bulle.removed': 'Removed: {topic}.',
  'bulle.notFound': 'You have no bubble “{topic}”. Type `/bulle mes` to see yours.',
  'bulle.notFoundMany': 'You have no bubble for: {topics}. Type `/bulle mes` to see yours.',

  'bulle.mine.title': '*Your bubbles*',
  'bulle.mine.shares': 'You share: {topics}',
  'bulle.mine.learns': 'You are curious about: {topics}',
  'bulle.mine.none': 'No bubble yet: `/bulle partage <skill>` or `/bulle cherche <skill>`.',
  'bulle.mine.requests': '*Your requests*',
  'bulle.mine.request': '*{topic}*: {status} (since {date})',
  'bulle.mine.paused': 'No proposals for you until {date} included.',
  'bulle.status.open': 'looking for someone',
  'bulle.status.proposed': 'proposed to someone, waiting for an answer',
  'bulle.status.accepted': 'introduced',
  'bulle.status.met': 'exchange done',
  'bulle.status.notmet': 'no exchange',
  'bulle.status.cancelled': 'cancelled',
  'bulle.cancel': 'Cancel the request',
  'bulle.cancel.gone':
    'This request is no longer in progress ({status}): nothing to cancel. Type `/bulle mes` to see your requests.',

  'bulle.requested':
    'Request recorded: *{topic}*. I am looking for someone and will keep you posted in a direct message.',
  'bulle.alreadyRequested': 'You already have a request on *{topic}*; `/bulle mes` shows it.',
  'bulle.alreadyRequested.other':
    '{requester} already has a request on *{topic}*: one at a time per topic (`/bulle mes` shows it to them).',
  'bulle.toRequester.proposed':
    'Your request *{topic}* was proposed to someone who can help; they have until {deadline} to answer.',
  'bulle.toRequester.escalated':
    'Nobody is available for *{topic}* right now: your request is posted in {channel} for alumni and mentors.',
  'bulle.toRequester.cancelled': 'Your request *{topic}* is cancelled.',
  'bulle.notYourRequest': 'Only the person who made this request can cancel it.',

  'bulle.proposal': '*{requester}* is looking for help on *{topic}*. Can you help?',
  'bulle.details': 'Details: {details}',
  'bulle.why.equal': 'Proposed because you share: {shares}.',
  'bulle.why.related': 'Proposed because you share: {shares}, close to {topic}.',
  'bulle.proposal.deadline': 'Without an answer by {deadline}, I will ask someone else.',
  'bulle.accept': 'Accept',
  'bulle.decline': 'Not available',
  'bulle.accepted': 'Thank you! A conversation with {requester} has just opened.',
  'bulle.declined': 'Noted, thank you for answering.',
  'bulle.gone': 'This proposal is no longer current (already accepted, cancelled or passed to someone else).',
  'bulle.expired': 'Without an answer from you, {requester}’s request on *{topic}* went to someone else.',
  'bulle.withdrawn': '{requester} cancelled their request on *{topic}*: nothing left to do, thank you!',
  'bulle.helpedElsewhere':
    '{requester}’s request on *{topic}* found help in the alumni channel: nothing left to do, thank you!',
  'bulle.intro':
    'Hello {requester} and {helper}! {requester} is looking for help on *{topic}*, and {helper} shares *{shares}*. Agree on a time together; I will check back in 14 days.',

  'bulle.escalation': 'Who can help? *{requester}* is looking for help on *{topic}*.',
  'bulle.canHelp': 'I can help',
  'bulle.canHelp.onlyAlumni':
    'This button is for alumni and mentors. To help, say what you share: `/bulle partage {topic}`.',
  'bulle.canHelp.taken': 'Thank you! Someone already offered to help.',
  'bulle.canHelp.gone': 'Thank you! This request is no longer in progress ({status}): nothing left to do.',
  'bulle.canHelp.own': 'This is your own request: `/bulle mes` lets you cancel it.',
  'bulle.escalation.taken': '{helper} helps {requester} on *{topic}*. Thank you!',

  'bulle.followup': 'Did you manage to talk with {helper} about *{topic}*?',
  'bulle.met': 'Yes, we talked',
  'bulle.notMet': 'Not yet',
  'bulle.followup.met': 'Thank you, noted! All the best.',
  'bulle.followup.notMet': 'Noted. To try again with someone else: `/bulle cherche {topic}`.',

  'bulle.pause.usage':
    'Usage: `/bulle pause <DD/MM>` (no proposals until that date included), or `/bulle pause fin`.',
  'bulle.pause.past': '{date} is already past: give a date to come.',
  'bulle.pause.done': 'Noted: no proposals for you until {date} included.',
  'bulle.pause.ended': 'Noted: you can receive proposals again.',

  'bulle.map.title': '*The bubbles map*',
  'bulle.map.empty': 'The map is empty: start with `/bulle partage <skill>`.',
  'bulle.map.topic': '{topic}: shared by {sharers} · curious: {learners}',
  'bulle.map.nobody': 'nobody',
  'bulle.domain.Data': 'Data',
  'bulle.domain.Design': 'Design',
  'bulle.domain.Dev': 'Dev',
  'bulle.domain.Transverse': 'Cross-cutting',
  'bulle.domain.Autre': 'Other',

  'bulle.import.title': 'Import bubbles',
  'bulle.import.submit': 'Import',
  'bulle.import.field': 'Workshop CSV (with its header line)',
  'bulle.import.fallback': 'Paste the workshop CSV: `/bulle import` opens a form for it.',
  'bulle.import.badHeader':
    'Expected columns: Nom or e-mail, Métier, Thème, Sujet, Prend, Donne. Paste the CSV with its header line.',
  'bulle.import.done':
    '{skills} {skills|bubble|bubbles} imported for {people} {people|person|people}; {duplicates} already known.',
  'bulle.import.unknown': 'People not found, to add to `community.yml`: {list}',
  'bulle.import.skipped': 'Lines without subject or theme, or without Prend or Donne, skipped: {lines}',

  'bulle.standup.sent': '{requester}’s request goes to the bulloterie: *{topic}*.',
  'bulle.summary':
    'Bulloterie, week of {date}: {open} waiting, {matched} introduced, {met} meetings done, {stuck} stuck for more than two weeks.',
  'bulle.summary.stuck': '{requester}: *{topic}*, since {date}',
};
