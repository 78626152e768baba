import { ephemeral, type FormHandler } from '../src/core/handler.js';
import { fileRitual, ritualRun } from '../src/core/ritual/catalog.js';
import { parseRitualForm, RITUAL_FORM } from '../src/core/ritual/form.js';
import { upcomingText } from '../src/core/ritual/listing.js';
import { FRESH_STATE, RITUAL_JOB } from '../src/core/ritual/ritual.js';
import { CRON_FIX } from '../src/core/ritual/schedule.js';
import { localDate } from '../src/core/time/local.js';

/**
 * The ritual form's submission: checked field by field (the form stays open), saved, then its scheduler upserted
 * under the ritual's stable id: the change takes effect at once, and an edit replaces the scheduler, never adds one.
 * A new ritual never takes the id of an existing one (file or chat); an edit of a ritual deleted meanwhile saves
 * nothing (it would bring it back).
 */
export const ritualFormHandler: FormHandler = {
  formId: RITUAL_FORM,
  permission: 'ritual.manage',
  async run(ctx, values, context) {
    const { t, services } = ctx;
    const { timezone } = services.roster.data;
    const now = services.clock.now();
    // Editing keeps the id the form was opened for.
    const submitted = context ? { ...values, id: context } : values;
    const outcome = parseRitualForm(submitted, localDate(now, timezone), t);
    if ('errors' in outcome) return outcome;
    const { ritual } = outcome;
    const problem =
      'cron' in ritual.schedule ? services.schedules.cronCheck(ritual.schedule.cron) : undefined;
    if (problem) return { errors: { cron: t(CRON_FIX[problem.kind]) } };
    if (fileRitual(services, ritual.id)) return { errors: { id: t('ritual.idTaken', { id: ritual.id }) } };
    const exists = (await services.rituals.chatRitual(ritual.id)) !== undefined;
    if (!context && exists) return { errors: { id: t('ritual.idTakenChat', { id: ritual.id }) } };
    if (context && !exists) return ephemeral(t('ritual.editDeleted', { id: ritual.id }));
    const created = await services.rituals.saveChat(ritual);
    await services.schedules.upsert(RITUAL_JOB, ritualRun(ritual));
    const state = (await services.rituals.states([ritual.id])).get(ritual.id) ?? FRESH_STATE;
    const next = upcomingText(ctx, { ritual, source: 'chat' }, state);
    return ephemeral(t(created ? 'ritual.created' : 'ritual.updated', { id: ritual.id, next }));
  },
};
