import type { z } from 'zod';
import { translate } from '../src/core/i18n/index.js';
import { JobDataSchema, type JobDefinition } from '../src/core/job.js';
import { textMessage, toPlainText } from '../src/core/message.js';

/**
 * Daily at 07:00: resolve every e-mail of `community.yml` on the chat platform (warming the id cache, so commands
 * and fan-outs never wait on lookups) and tell the coordination channel who could not be found.
 */
export const rosterSyncJob: JobDefinition<z.infer<typeof JobDataSchema>> = {
  name: 'roster-sync',
  schema: JobDataSchema,
  schedules: () => [{ id: 'roster-sync', pattern: '0 7 * * *', data: {} }],
  async run(services) {
    const { roster, directory, outbox, clock } = services;
    const emails = roster.emails();
    const missing: string[] = [];
    for (const email of emails) {
      if (!(await directory.userIdOf(email))) missing.push(email);
    }
    const locale = roster.data.locale;
    const summary = translate(locale, 'roster.synced', {
      resolved: emails.length - missing.length,
      missing: missing.length,
      list: missing.length ? translate(locale, 'roster.missingList', { emails: missing.join(', ') }) : '',
    });
    if (missing.length > 0) {
      await outbox.send({
        key: `roster-sync:${clock.now().toISOString().slice(0, 10)}`,
        to: { kind: 'channel', channel: roster.data.channels.coordination },
        message: textMessage(summary),
      });
    }
    return toPlainText(summary);
  },
};
