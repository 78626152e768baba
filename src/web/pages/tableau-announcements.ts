import { excerptOf, reasonLabel, recipientLabel, whenLabel } from '../../core/announcement/render.js';
import { copyKey } from '../../core/announcement/types.js';
import { translator } from '../../core/i18n/index.js';
import { toPlainText } from '../../core/message.js';
import type { Dashboard, Section } from './tableau-table.js';

/** How many announcements the dashboard shows, the newest first. */
const SHOWN = 10;
/** Characters of each announcement's text. */
const EXCERPT = 60;

/**
 * The recent announcements with their delivery report (copies delivered, failed, pending, read from the outbox as
 * the author's report reads them), and each copy not delivered with its reason.
 */
export async function announcementsSection(d: Dashboard): Promise<Section> {
  const { w, services } = d;
  const t = translator(w.locale);
  const found = await services.announcements.recent(SHOWN);
  const recipients = await Promise.all(found.map((a) => services.announcements.recipients(a.id)));
  const keys = found.flatMap((a, i) => (recipients[i] ?? []).map((r) => copyKey(a.id, r)));
  const statuses = await services.outbox.statuses(keys);
  let next = 0;
  const rows: string[][] = [];
  const failures: string[][] = [];
  found.forEach((a, i) => {
    const list = recipients[i] ?? [];
    const mine = statuses.slice(next, next + list.length);
    next += list.length;
    const sent = mine.filter((s) => s.state === 'sent').length;
    const failed = mine.flatMap((s, j) => (s.state === 'failed' ? [{ to: list[j], reason: s.reason }] : []));
    for (const f of failed) {
      failures.push([a.id, f.to ? recipientLabel(f.to) : '', toPlainText(reasonLabel(f.reason, t))]);
    }
    rows.push([
      `${a.id}${w.text('pages.colonDetail', { detail: excerptOf(a, EXCERPT) })}`,
      whenLabel(a, services.roster.data.timezone, w.locale),
      a.audienceText,
      toPlainText(t(`announcement.state.${a.state}`)),
      String(list.length),
      String(sent),
      String(failed.length),
      String(list.length - sent - failed.length),
    ]);
  });
  return {
    title: w.text('pages.tableau.announcementsTitle'),
    tables: [
      {
        id: 'annonces',
        caption: w.text('pages.tableau.announcements'),
        head: [
          w.text('pages.tableau.colAnnouncement'),
          w.text('pages.tableau.colWhen'),
          w.text('pages.tableau.colAudience'),
          w.text('pages.tableau.colState'),
          w.text('pages.tableau.colRecipients'),
          w.text('pages.tableau.colSent'),
          w.text('pages.tableau.colFailed'),
          w.text('pages.tableau.colPending'),
        ],
        rows,
      },
      {
        id: 'echecs-annonces',
        caption: w.text('pages.tableau.failures'),
        head: [
          w.text('pages.tableau.colAnnouncement'),
          w.text('pages.tableau.colRecipient'),
          w.text('pages.tableau.colReason'),
        ],
        rows: failures,
      },
    ],
  };
}
