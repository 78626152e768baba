import { resolveAudience } from '../src/core/announcement/audience.js';
import { ANNOUNCEMENT_FORM, FieldError, readAnnouncementForm } from '../src/core/announcement/form.js';
import { copiesToEdit, findAnnouncement } from '../src/core/announcement/manage.js';
import { editPreviewReply, previewReply } from '../src/core/announcement/preview.js';
import type { Announcement } from '../src/core/announcement/types.js';
import { UserError } from '../src/core/errors.js';
import type { FormHandler, FormOutcome } from '../src/core/handler.js';

/**
 * The announcement form's submission: a new announcement is checked (each problem under its field), stored as a
 * draft and previewed with its recipient count; an edit (`edit:<id>` context) is kept aside and previewed, or, when
 * its announcement cannot be found or edited, refused under the text (the form stays open, the text kept).
 */
export const announcementFormHandler: FormHandler = {
  formId: ANNOUNCEMENT_FORM,
  permission: 'announcement.send',
  async run(ctx, values, context): Promise<FormOutcome> {
    const { services, person, t } = ctx;
    const now = services.clock.now();
    if (context.startsWith('edit:')) {
      const text = (values.text ?? '').trim();
      if (text === '') return { errors: { text: t('announcement.emptyText') } };
      let announcement: Announcement;
      try {
        announcement = await findAnnouncement(services, context.slice('edit:'.length), 'modifier');
      } catch (error) {
        // Gone (expired) or never confirmed: the form stays open with the text, so the edit is not lost.
        if (error instanceof UserError) return { errors: { text: t(error.key, error.params) } };
        throw error;
      }
      await services.announcements.save({ ...announcement, pendingText: text });
      const copies = await copiesToEdit(services, announcement);
      return editPreviewReply(ctx, announcement, text, copies.length);
    }
    try {
      const request = readAnnouncementForm(values, services.roster, now, t);
      const recipients = resolveAudience(
        request.audience,
        request.mode,
        services.roster,
        now,
        await services.people.granted(),
      );
      const draft = await services.announcements.create({
        author: person.email,
        text: request.text,
        audience: request.audience,
        audienceText: request.audienceText,
        mode: request.mode,
        ...(request.at ? { at: request.at.toISOString() } : {}),
        createdAt: now.toISOString(),
        state: 'draft',
        version: 0,
      });
      return previewReply(ctx, draft, recipients);
    } catch (error) {
      if (error instanceof FieldError)
        return { errors: { [error.field]: t(error.error.key, error.error.params) } };
      // An empty audience depends on the audience and the delivery together: shown under the audience.
      if (error instanceof UserError) return { errors: { audience: t(error.key, error.params) } };
      throw error;
    }
  },
};
