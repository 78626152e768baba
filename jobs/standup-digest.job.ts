import { z } from 'zod';
import { JobDataSchema, type JobDefinition } from '../src/core/job.js';
import { normalizeEmail } from '../src/core/roster/roster.js';
import { isAbsent } from '../src/core/standup/context.js';
import { defiDigest, type RollupLine, rollup } from '../src/core/standup/digest.js';
import { isDue, roundOf } from '../src/core/standup/round.js';
import { dailyAt } from '../src/core/time/time-of-day.js';

const DataSchema = JobDataSchema.extend({ ritualId: z.string() });

/**
 * At the digest time on the deadline day: one digest per défi in its channel (where its mentors are), then the
 * coordinators' roll-up. Each message has a key per ritual, period and défi, so a second run posts nothing more.
 */
export const standupDigestJob: JobDefinition<z.infer<typeof DataSchema>> = {
  name: 'standup-digest',
  schema: DataSchema,
  schedules: (community) =>
    community.standups.map((ritual) => ({
      id: `standup-digest:${ritual.id}`,
      pattern: dailyAt(ritual.digest),
      data: { ritualId: ritual.id },
    })),
  async run(services, { ritualId, manual }) {
    const round = roundOf(services, ritualId);
    if (!round) return `${ritualId}: no stand-up period now`;
    const now = services.clock.now();
    if (!manual && !isDue(round.period.digestAt, now, 12 * 3600_000)) return `${ritualId}: not digest time`;
    const { ritual, period } = round;
    const { locale, timezone, channels } = services.roster.data;
    // A hand-made run (the shell's `:run`) is the period's digest, early: the same keys and claims, so the
    // scheduled run posts nothing more and later stand-ups go to its thread.
    const keyOf = (defiId: string) => `standup-digest:${ritual.id}:${period.id}:${defiId}`;
    // Claim every défi first, then read: a post saved meanwhile is either read here or sees the digest and goes
    // to its thread, never neither.
    for (const defi of round.defis) {
      await services.standups.claimDigest(ritual.id, period.id, defi.id, {
        deliveryKey: keyOf(defi.id),
        channel: defi.channel,
      });
    }
    const entries = new Map((await services.standups.entries(ritual.id, period.id)).map((e) => [e.email, e]));
    const help = await services.standups.helpFor(ritual.id, period.id);
    const absences = await services.standups.absencesOf(
      round.defis.flatMap((d) => d.eig.map((p) => normalizeEmail(p.email))),
    );
    const lines: RollupLine[] = [];
    for (const defi of round.defis) {
      const members = defi.eig.map((p) => {
        const email = normalizeEmail(p.email);
        return { email, name: services.roster.person(email, [], now).name };
      });
      const absent = new Set(
        members.filter((m) => isAbsent(absences.get(m.email) ?? [], period, timezone)).map((m) => m.email),
      );
      const defiHelp = help.filter((h) => h.defiId === defi.id);
      const key = keyOf(defi.id);
      const message = defiDigest({
        defi,
        period,
        questions: ritual.questions,
        members,
        entries,
        absent,
        help: defiHelp,
        locale,
        timezone,
      });
      await services.outbox.send({ key, to: { kind: 'channel', channel: defi.channel }, message });
      const choice = ritual.questions.find((q) => q.kind === 'choice');
      lines.push({
        defi,
        moods: members.flatMap((m) => {
          const mood = choice && entries.get(m.email)?.answers[choice.id];
          return mood ? [mood] : [];
        }),
        posted: members.filter((m) => entries.has(m.email)).length,
        // Someone away who wrote anyway is expected too: never "3/2".
        expected: members.filter((m) => !absent.has(m.email) || entries.has(m.email)).length,
        help: defiHelp.length,
      });
    }
    await services.outbox.send({
      key: `standup-rollup:${ritual.id}:${period.id}`,
      to: { kind: 'channel', channel: channels.coordination },
      message: rollup(lines, period, locale, timezone),
    });
    return `${ritualId} ${period.id}: ${lines.length} défi digests and the roll-up`;
  },
};
