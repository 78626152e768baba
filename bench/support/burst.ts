import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadRequest } from './load.js';
import { percentile, send } from './load.js';

/** Options of {@link sendBurst}. */
export interface BurstOptions {
  /** Port on 127.0.0.1. */
  port: number;
  path: string;
  /** How many requests. */
  count: number;
  /** Request `i` is sent `i × spreadMs / count` ms after the first: an open loop, whatever the answers. */
  spreadMs: number;
  /** Builds request `i` when it is due (so its signature timestamp is fresh). */
  build: (i: number) => LoadRequest;
  /** Whether a 200 answer's body is the expected one for request `i`; a mismatch counts as an error. */
  check?: (body: string, i: number) => boolean;
  /** An answer slower than this counts as late (Slack's 3 s). */
  deadlineMs: number;
  /** Per request; slower ones are aborted and counted as failed (default 10 s, beyond any deadline). */
  requestTimeoutMs?: number;
}

/** What one burst gave. */
export interface BurstResult {
  sent: number;
  /** 200 answers with the expected body, within the deadline or not. */
  ok: number;
  /** Non-200 answers, failed or timed-out requests, and 200 answers with the wrong body. */
  errors: number;
  /** Answered (whatever the status) after the deadline, or never answered. */
  late: number;
  /** Latencies of every answered request, in milliseconds: request written to response fully read. */
  p50: number;
  p99: number;
  max: number;
  /** From the first request sent to the last one sent (the spread actually achieved), in milliseconds. */
  sendSpanMs: number;
  /** The worst delay of a request behind its schedule (the generator's own lateness), in milliseconds. */
  maxScheduleLagMs: number;
  /** Most requests in flight at once. */
  peakInFlight: number;
  firstError?: string;
}

/** One request on a connection of its own, as from Slack's many senders (no keep-alive pool to queue on). */
const exchange = (options: BurstOptions, req: LoadRequest) =>
  send(false, { ...options, requestTimeoutMs: options.requestTimeoutMs ?? 10_000 }, req, true);

/**
 * Sends `count` requests to 127.0.0.1 spread evenly over `spreadMs` (open loop: each leaves on its schedule, not
 * after an answer), each on a new connection, and waits for every answer (or its timeout). Latency is the time
 * to a full HTTP response; a burst's late answers are those past `deadlineMs`.
 */
export async function sendBurst(options: BurstOptions): Promise<BurstResult> {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let late = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  let maxScheduleLagMs = 0;
  let firstSent = Number.NaN;
  let lastSent = Number.NaN;
  let firstError: string | undefined;
  const fail = (why: string) => {
    errors += 1;
    firstError ??= why;
  };
  const begin = performance.now() + 20;
  const one = async (i: number) => {
    const due = begin + (i * options.spreadMs) / options.count;
    await sleep(Math.max(0, due - performance.now()));
    const req = options.build(i);
    const sent = performance.now();
    maxScheduleLagMs = Math.max(maxScheduleLagMs, sent - due);
    if (Number.isNaN(firstSent)) firstSent = sent;
    lastSent = sent;
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      const answer = await exchange(options, req);
      const latency = performance.now() - sent;
      latencies.push(latency);
      if (latency > options.deadlineMs) late += 1;
      if (answer.status !== 200) fail(`HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
      else if (options.check && !options.check(answer.body, i))
        fail(`unexpected body: ${answer.body.slice(0, 200)}`);
      else ok += 1;
    } catch (error) {
      late += 1;
      fail(error instanceof Error ? error.message : String(error));
    } finally {
      inFlight -= 1;
    }
  };
  await Promise.all(Array.from({ length: options.count }, (_, i) => one(i)));
  const sorted = Float64Array.from(latencies).sort();
  return {
    sent: options.count,
    ok,
    errors,
    late,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    sendSpanMs: lastSent - firstSent,
    maxScheduleLagMs,
    peakInFlight,
    ...(firstError === undefined ? {} : { firstError }),
  };
}
