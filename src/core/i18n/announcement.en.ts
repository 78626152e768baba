import type { announcementFr } from './announcement.fr.js';

/** The announcement feature's English strings, typed against the French ones. */
export const announcementEn: Record<keyof typeof announcementFr, string> = {
  'help.annonce': '`/annonce`: write an announcement (channels, direct messages, now or later)',
  'help.annonce.liste': '`/annonce list`: scheduled and recent announcements',
  'help.annonce.annuler': '`/annonce cancel <id>`: cancel a scheduled announcement or stop one being sent',
  'help.annonce.modifier': '`/annonce edit <id>`: fix the text, including in the copies already sent',

  'announcement.formTitle': 'New announcement',
  'announcement.editTitle': 'Edit the announcement',
  'announcement.formSubmit': 'Preview',
  'announcement.formFallback': 'The announcement form could not open: type the command again.',
  'announcement.fieldText': 'Text (Markdown: *bold*, _italic_, `code`, [link](https://…))',
  'announcement.fieldAudience':
    'Recipients: all, a promotion (eig7), a role (eig, mentors, alumni, coordination) or a défi, separated by commas',
  'announcement.fieldMode': 'Delivery',
  'announcement.modeChannels': 'In the matching channels',
  'announcement.modeDms': 'As a direct message to each person',
  'announcement.modeBoth': 'Both',
  'announcement.fieldWhen': 'When (DD/MM/YYYY 9:30, {timezone} time); empty: right away',

  'announcement.noAudience':
    'Say who the announcement is for, for example `all`, `eig7` or `mentors, lexiq`.',
  'announcement.unknownAudience': 'I do not know “{word}” as a recipient. Possible: {known}.',
  'announcement.emptyAudience':
    'Nobody matches these recipients for this delivery. Widen the audience or change the delivery.',
  'announcement.emptyText': 'Write the text of the announcement.',
  'announcement.badWhen':
    'Write the date and time like this: `{example} 09:30` ({timezone} time), or leave it empty.',
  'announcement.pastWhen': 'That date has passed: pick a time to come, or leave it empty to send right away.',
  'announcement.notFound': 'I cannot find announcement `{id}`. Type `/annonce liste` to see the ids.',
  'announcement.missingId':
    'Give the announcement’s id, for example `/annonce {verb} a1b2c3` (see `/annonce liste`).',
  'announcement.cannotCancel': 'Announcement `{id}` is already {state}: there is nothing left to cancel.',

  'announcement.footer': 'Announcement by {name}, for the coordination team',
  'announcement.previewTitle': '*Preview*: this is exactly what the recipients will get.',
  'announcement.previewCount':
    '*{total} {total|recipient|recipients}*: {dms} by direct message, {channels} {channels|channel|channels} ({audience}). {when}',
  'announcement.previewNow': 'Sent as soon as you confirm.',
  'announcement.previewAt': 'Sent on {at}.',
  'announcement.editPreview':
    '*Preview of the edit*: {copies} {copies|copy already sent will be changed|copies already sent will be changed}.',
  'announcement.confirm': 'Send',
  'announcement.confirmEdit': 'Edit',
  'announcement.drop': 'Discard',
  'announcement.dropped': 'Announcement discarded: nothing was sent.',
  'announcement.editDropped': 'Edit discarded: the announcement stays as it was.',
  'announcement.scheduled': 'Announcement `{id}` scheduled for {at}. `/annonce annuler {id}` to cancel it.',
  'announcement.sending': 'Announcement `{id}` is being sent: I will tell you how it goes.',
  'announcement.sendingLate':
    'The planned time ({at}) passed during the preview: announcement `{id}` goes out now. I will tell you how it goes.',
  'announcement.notDraft':
    'Announcement `{id}` is already {state}: this button does nothing any more. Type `/annonce liste` to follow it.',
  'announcement.dropTooLate':
    'Announcement `{id}` is already {state}: it is too late to discard it. To stop it, type `/annonce annuler {id}`.',
  'announcement.editSuperseded':
    'A newer edit of announcement `{id}` replaced this one: use the Edit button of its preview.',
  'announcement.editApplied': 'This edit of announcement `{id}` is already saved.',
  'announcement.edited': 'Edit of announcement `{id}` saved: {copies} copies already sent will be updated.',
  'announcement.cancelled': 'Announcement `{id}` cancelled: {withdrawn} sends still waiting were withdrawn.',

  'announcement.progress': 'Announcement `{id}`: sent to {sent} / {total} — {failed} failures',
  'announcement.done': 'Announcement `{id}` sent: {sent} / {total} delivered, {failed} failures.',
  'announcement.doneCancelled':
    'Announcement `{id}` cancelled while being sent: {sent} / {total} delivered, {failed} failures.',
  'announcement.failure': '{recipient}: {reason}',
  'announcement.refused':
    'Announcement `{id}` not sent: its author ({email}) no longer has the coordination role.',

  'announcement.listTitle': '*Scheduled and recent announcements*',
  'announcement.listEmpty': 'No announcement yet. Type `/annonce` to write one.',
  'announcement.listLine': '`{id}` · {state} · {when} · {audience} · “{excerpt}”',
  'announcement.state.draft': 'draft',
  'announcement.state.scheduled': 'scheduled',
  'announcement.state.sending': 'being sent',
  'announcement.state.sent': 'sent',
  'announcement.state.cancelled': 'cancelled',

  'announcement.reason.user_not_found': 'person not found in the workspace',
  'announcement.reason.user_disabled': 'account deactivated',
  'announcement.reason.account_inactive': 'account deactivated',
  'announcement.reason.channel_not_found': 'channel not found',
  'announcement.reason.not_in_channel': 'the bot is not in this channel',
  'announcement.reason.is_archived': 'archived channel',
  'announcement.reason.unconfirmed':
    'sending not confirmed by the platform ({reason}): the copy may have arrived, check before sending it again',
  'announcement.reason.other': 'error “{reason}”',
};
