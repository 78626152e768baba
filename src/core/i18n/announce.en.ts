import type { announceFr } from './announce.fr.js';

/** The announcement feature's English strings, typed against the French ones. */
export const announceEn: Record<keyof typeof announceFr, string> = {
  'help.annonce': '`/annonce`: write an announcement (channels, direct messages, now or later)',
  'help.annonce.liste': '`/annonce liste`: scheduled and recent announcements',
  'help.annonce.annuler': '`/annonce annuler <id>`: cancel a scheduled announcement or stop one being sent',
  'help.annonce.modifier': '`/annonce modifier <id>`: fix the text, including in the copies already sent',

  'announce.formTitle': 'New announcement',
  'announce.editTitle': 'Edit the announcement',
  'announce.formSubmit': 'Preview',
  'announce.formFallback':
    'The form opens in Slack or Mattermost. In the shell, answer the questions one by one.',
  'announce.fieldText': 'Text (Markdown: *bold*, _italic_, `code`, [link](https://…))',
  'announce.fieldAudience':
    'Recipients: all, a promotion (eig7), a role (eig, mentors, alumni, coordination) or a défi, separated by commas',
  'announce.fieldMode': 'Delivery',
  'announce.modeChannels': 'In the matching channels',
  'announce.modeDms': 'As a direct message to each person',
  'announce.modeBoth': 'Both',
  'announce.fieldWhen': 'When (YYYY-MM-DD HH:MM, {timezone} time); empty: right away',

  'announce.noAudience': 'Say who the announcement is for, for example `all`, `eig7` or `mentors, lexiq`.',
  'announce.unknownAudience': 'I do not know “{word}” as a recipient. Possible: {known}.',
  'announce.emptyAudience':
    'Nobody matches these recipients for this delivery. Widen the audience or change the delivery.',
  'announce.emptyText': 'Write the text of the announcement.',
  'announce.badWhen':
    'Write the date and time like this: `2026-12-01 09:30` ({timezone} time), or leave it empty.',
  'announce.pastWhen': 'That date has passed: pick a time to come, or leave it empty to send right away.',
  'announce.notFound': 'I cannot find announcement `{id}`. Type `/annonce liste` to see the ids.',
  'announce.missingId':
    'Give the announcement’s id, for example `/annonce {verb} a1b2c3` (see `/annonce liste`).',
  'announce.cannotCancel': 'Announcement `{id}` is already {state}: there is nothing left to cancel.',

  'announce.footer': 'Announcement by {name}, for the coordination team',
  'announce.previewTitle': '*Preview*: this is exactly what the recipients will get.',
  'announce.previewCount':
    '*{total} recipients*: {dms} by direct message, {channels} channels ({audience}). {when}',
  'announce.previewNow': 'Sent as soon as you confirm.',
  'announce.previewAt': 'Sent on {at}.',
  'announce.editPreview': '*Preview of the edit*: {copies} copies already sent will be changed.',
  'announce.confirm': 'Send',
  'announce.confirmEdit': 'Edit',
  'announce.drop': 'Discard',
  'announce.dropped': 'Announcement discarded: nothing was sent.',
  'announce.editDropped': 'Edit discarded: the announcement stays as it was.',
  'announce.scheduled': 'Announcement `{id}` scheduled for {at}. `/annonce annuler {id}` to cancel it.',
  'announce.sending': 'Announcement `{id}` is being sent: I will tell you how it goes.',
  'announce.sendingLate':
    'The planned time ({at}) passed during the preview: announcement `{id}` goes out now. I will tell you how it goes.',
  'announce.notDraft':
    'Announcement `{id}` is already {state}: this button does nothing any more. Type `/annonce liste` to follow it.',
  'announce.dropTooLate':
    'Announcement `{id}` is already {state}: it is too late to discard it. To stop it, type `/annonce annuler {id}`.',
  'announce.editSuperseded':
    'A newer edit of announcement `{id}` replaced this one: use the Edit button of its preview.',
  'announce.editApplied': 'This edit of announcement `{id}` is already saved.',
  'announce.edited': 'Edit of announcement `{id}` saved: {copies} copies already sent will be updated.',
  'announce.cancelled': 'Announcement `{id}` cancelled: {withdrawn} sends still waiting were withdrawn.',

  'announce.progress': 'Announcement `{id}`: sent to {sent} / {total} — {failed} failures',
  'announce.done': 'Announcement `{id}` sent: {sent} / {total} delivered, {failed} failures.',
  'announce.doneCancelled':
    'Announcement `{id}` cancelled while being sent: {sent} / {total} delivered, {failed} failures.',
  'announce.failure': '{recipient}: {reason}',
  'announce.refused':
    'Announcement `{id}` not sent: its author ({email}) no longer has the coordination role.',

  'announce.listTitle': '*Scheduled and recent announcements*',
  'announce.listEmpty': 'No announcement yet. Type `/annonce` to write one.',
  'announce.listLine': '`{id}` · {state} · {when} · {audience} · “{excerpt}”',
  'announce.state.draft': 'draft',
  'announce.state.scheduled': 'scheduled',
  'announce.state.sending': 'being sent',
  'announce.state.sent': 'sent',
  'announce.state.cancelled': 'cancelled',

  'announce.reason.user_not_found': 'person not found in the workspace',
  'announce.reason.user_disabled': 'account deactivated',
  'announce.reason.account_inactive': 'account deactivated',
  'announce.reason.channel_not_found': 'channel not found',
  'announce.reason.not_in_channel': 'the bot is not in this channel',
  'announce.reason.is_archived': 'archived channel',
  'announce.reason.other': 'error “{reason}”',
};
