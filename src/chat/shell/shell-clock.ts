import type { Locale, MessageKey, Params } from '../../core/i18n/index.js';
import type { ShellJobs } from '../../core/ports.js';
import { formatDateTime } from '../../core/time/format.js';
import { localDate, localInstant } from '../../core/time/local.js';
import { parseDay } from '../../core/time/typed-days.js';

/** `:avance` durations: `3j` (days, `d` in English), `5h`, `30min`, or several (`1j2h`); a month at most. */
const PART = /(\d+)\s*(jours?|j|days?|d|heures?|hours?|h|minutes?|min)\s*/giy;
const MAX_MS = 31 * 86_400_000;
const UNIT_MS: Record<string, number> = { j: 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };
const TIME = /^(\d{1,2}):(\d{2})$/;

/** Milliseconds of a typed duration, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const typed = text.trim();
  let ms = 0;
  PART.lastIndex = 0;
  for (let match = PART.exec(typed); match; match = PART.exec(typed)) {
    const unit = (match[2] as string).toLowerCase();
    ms += Number(match[1]) * (UNIT_MS[unit.startsWith('mi') ? 'm' : (unit[0] as string)] ?? 0);
    if (PART.lastIndex === typed.length) return ms > 0 && ms <= MAX_MS ? ms : undefined;
  }
  return undefined;
}

/** The instant of `JJ/MM/AAAA [HH:MM]` (or `AAAA-MM-JJ`) in `timezone`, 09:00 when no time is given. */
export function parseMoment(text: string, timezone: string, now: Date): Date | undefined {
  const [day = '', time = '09:00', ...rest] = text.trim().split(/\s+/);
  const hm = TIME.exec(time);
  if (rest.length || !hm || Number(hm[1]) > 23 || Number(hm[2]) > 59) return undefined;
  try {
    const date = parseDay(day, localDate(now, timezone), 'onOrAfter');
    return localInstant(date, `${(hm[1] as string).padStart(2, '0')}:${hm[2]}`, timezone);
  } catch {
    return undefined;
  }
}

/** The shell's commands about jobs and time: `:jobs`, `:run`, `:avance`, `:date`. */
export function shellClockCommands(options: {
  jobs: ShellJobs;
  timezone: string;
  locale: Locale;
  say: (key: MessageKey, params?: Params) => void;
  /** Shown before the first post of a moment `:avance` went through. */
  at: (header: string | undefined) => void;
  write: (text: string) => void;
}) {
  const { jobs, say } = options;
  const when = (date: Date | undefined) =>
    date ? formatDateTime(date, options.timezone, options.locale) : '—';
  return {
    async list() {
      const listed = await jobs.list();
      if (listed.length === 0) return say('shell.noJobs');
      const recurring = listed.filter((j) => j.kind === 'recurring');
      const delayed = listed.filter((j) => j.kind === 'delayed');
      if (recurring.length) say('shell.jobs');
      for (const j of recurring) say('shell.job', { id: j.id, pattern: j.pattern ?? '', next: when(j.at) });
      if (delayed.length) say('shell.delayedJobs');
      for (const j of delayed) say('shell.delayedJob', { id: j.id, due: when(j.at) });
    },
    async run(id: string) {
      const outcome = await jobs.run(id);
      await jobs.settle();
      if (outcome === 'unknown') return say('shell.unknownJob', { id });
      if (outcome === 'nothing-due') return say('shell.nothingDue', { id });
      if ('error' in outcome) return say('shell.failed', { id, error: outcome.error });
      say('shell.ran', { id, summary: outcome.summary });
    },
    async advance(text: string) {
      const ms = parseDuration(text);
      if (ms === undefined) return say('shell.badDuration', { text });
      const to = new Date(jobs.now().getTime() + ms);
      await jobs.advance(to, (at) => options.at(when(at)));
      options.at(undefined);
      say('shell.now', { date: when(to) });
    },
    /** Moves to the next scheduled moments the shell's clock reached by itself (real time went by). */
    async catchUp() {
      await jobs.advance(jobs.now(), (at) => options.at(when(at)));
      options.at(undefined);
    },
    date(text: string) {
      const at = parseMoment(text, options.timezone, jobs.now());
      if (!at) return say('shell.badDate', { text });
      jobs.set(at);
      say('shell.dateSet', { date: when(at) });
    },
  };
}
