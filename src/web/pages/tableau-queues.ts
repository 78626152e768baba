import type { MessageKey } from '../../core/i18n/index.js';
import { formatDateTime } from '../../core/time/format.js';
import type { Dashboard, Section } from './tableau-table.js';

/** The queues by the name people read: BullMQ's names are the code's. */
const QUEUE_WORDS: Record<string, MessageKey> = {
  jobs: 'pages.tableau.queueJobs',
  outbox: 'pages.tableau.queueOutbox',
};

/** The health of the queues: jobs waiting, running, delayed and failed, and the latest failures with why. */
export async function queuesSection(d: Dashboard): Promise<Section> {
  const { w } = d;
  const health = await d.queues.health();
  const name = (queue: string) => {
    const key = QUEUE_WORDS[queue];
    return key ? w.text(key) : queue;
  };
  const tz = d.services.roster.data.timezone;
  return {
    title: w.text('pages.tableau.queuesTitle'),
    tables: [
      {
        id: 'files',
        caption: w.text('pages.tableau.queues'),
        head: [
          w.text('pages.tableau.colQueue'),
          w.text('pages.tableau.colQueued'),
          w.text('pages.tableau.colActive'),
          w.text('pages.tableau.colDelayed'),
          w.text('pages.tableau.colFailedJobs'),
        ],
        rows: health.map((q) => [
          name(q.queue),
          String(q.waiting),
          String(q.active),
          String(q.delayed),
          String(q.failed),
        ]),
        rowHeaders: true,
      },
      {
        id: 'echecs-files',
        caption: w.text('pages.tableau.jobFailures'),
        head: [
          w.text('pages.tableau.colQueue'),
          w.text('pages.tableau.colJob'),
          w.text('pages.tableau.colReason'),
          w.text('pages.tableau.colWhen'),
        ],
        rows: health.flatMap((q) =>
          q.latestFailures.map((f) => [
            name(q.queue),
            f.name,
            f.reason,
            f.at ? formatDateTime(f.at, tz, w.locale) : w.text('pages.tableau.none'),
          ]),
        ),
      },
    ],
  };
}
