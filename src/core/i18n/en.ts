import { announcementEn } from './announcement.en.js';
import { bulleEn } from './bulle.en.js';
import { chatEn } from './chat.en.js';
import type { MessageKey } from './fr.js';
import { pagesEn } from './pages.en.js';
import { ritualEn } from './ritual.en.js';
import { sessionsEn } from './sessions.en.js';
import { shellEn } from './shell.en.js';
import { standupEn } from './standup.en.js';

/** The English catalog. Typed against the French one, so a missing key fails the build. */
export const en: Record<MessageKey, string> = {
  'error.unavailable': 'Service temporarily unavailable, please try again in a minute.',
  'error.internal':
    'Something went wrong on our side (ref. `{ref}`). The team can find it with this reference.',
  'error.forbidden': 'This command is reserved for the programme’s coordinators.',
  'error.unknownCommand': 'I do not know `{command}`. Here is what you can do:',
  'error.didYouMean': 'I do not know `{command}`. Did you mean `{suggestion}`? Here is what you can do:',
  'error.noEmail':
    'I cannot see your e-mail address, and it is what links you to the community. On Mattermost, the administrators must show e-mail addresses (*Show Email Address*) or give the bot the system admin role; on Slack, the bot needs the `users:read.email` scope.',
  'error.notInCommunity':
    'I cannot find you in the community ({email}). Ask the coordinators to add you to `community.yml`, or to give you a role: `/cohorte role {email} <eig|mentor|alumni> [défi]`.',
  'error.outsider':
    'This command is for members of the community, and I cannot find you in it ({email}). Ask the coordinators to add you to `community.yml`, or to give you a role: `/cohorte role {email} <eig|mentor|alumni> [défi]`. Type `/cohorte help` for what you can do meanwhile.',
  'error.slow': 'This is taking longer than expected: the answer is on its way.',

  'form.typed': 'What you had typed, to copy back:',
  'form.typedField': '{field}: {value}',
  'form.cancel': 'Cancel',
  'form.yes': 'yes',
  'form.no': 'no',

  'form.or': 'or',
  'form.badChoice': '“{value}” is not one of the choices: {choices}.',

  'role.eig': 'EIG',
  'role.mentor': 'mentor',
  'role.coordinator': 'coordinator',
  'role.alumni': 'alumni',

  'help.title': '*Cohorte*: what you can do',
  'help.footer':
    'Type a command as shown; words between < > are to be replaced. The French words of the French help work too.',
  'help.cohorte.aide': '`/cohorte help`: this help',
  'help.cohorte.moi': '`/cohorte me`: your roles, your défi and your promotion',
  'help.cohorte.role': '`/cohorte role <@person|email> <role> [défi]`: give or remove a role',
  'help.cohorte.langue': '`/cohorte language fr|en`: choose Cohorte’s language',
  'help.cohorte.mes-donnees':
    '`/cohorte my-data`: get, by direct message, a JSON file of everything Cohorte keeps about you',
  'help.cohorte.oublier': '`/cohorte forget`: erase everything Cohorte keeps about you',

  'help.cohorte.page': '`/cohorte page [bulles]`: a personal link to your week, or to the bubble map',
  'help.cohorte.tableau':
    '`/cohorte tableau` (or `/cohorte page tableau`): a personal link to the coordination dashboard',
  'page.link': 'Your personal link, valid for 15 minutes and once only (do not pass it on): {url}',
  'page.unknown':
    'I know no page « {typed} ». Type `/cohorte page` for your week, or `/cohorte page bulles` for the bubble map.',
  'page.off': 'The pages are off: the technical team must set `WEB_SESSION_SECRET` (and `PUBLIC_URL`).',
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
  'role.notInFile':
    'I cannot find {email} in `community.yml`: nothing was changed. A role given in chat adds to a person of the file. Check the address, or add the person to the file (`coordinators`, `alumni`, or a défi), then give the role again.',
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
    'Do you really want to erase everything Cohorte keeps about you? Roles given in chat, your preferences, your stand-ups, absences and help requests, your session answers and feedback, your bubbles and bulloterie requests will be deleted. What is in `community.yml` stays with the coordinators.',
  'forget.yes': 'Yes, erase everything',
  'forget.no': 'Cancel',
  'forget.done': 'Done: your data has been erased.',
  'forget.cancelled': 'Nothing was erased.',

  // /standup absent, historique, export

  'roster.synced':
    'Directory: {resolved} {resolved|person|people} found on the chat platform, {missing} not found{list}.',
  'roster.missingList': ': {emails}',

  ...standupEn,
  ...ritualEn,
  ...sessionsEn,
  ...chatEn,
  ...shellEn,
  ...bulleEn,
  ...announcementEn,
  ...pagesEn,
};
