import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One request to send: its headers and body (built per request, so signatures stay fresh). */
export interface LoadRequest {
  headers: Record<string, string>;
  body: string;
}

/** Options of {@link measureLoad}. */
export interface LoadOptions {
  /** Port on 127.0.0.1. */
  port: number;
  path: string;
  /** Requests in flight at any time, each on its own keep-alive connection. */
  concurrency: number;
  /** Load sent and thrown away first: connections opened, JIT warm, caches filled. */
  warmupMs: number;
  /** Load measured after the warm-up. */
  durationMs: number;
  build: () => LoadRequest;
  /** Whether a 200 answer's body is the expected one; a mismatch counts as an error. Absent: any 200 is fine. */
  check?: (body: string) => boolean;
  /** Per request; a request slower than this is aborted and counted as an error (default 5 s). */
  requestTimeoutMs?: number;
  /** Called between the warm-up and the measured load, with nothing in flight (e.g. to read a server's CPU time). */
  afterWarmup?: () => Promise<unknown>;
  /** A bound on requests per phase, whatever the duration (default 1,000,000). */
  maxRequests?: number;
}

/** What one measured phase gave. */
export interface LoadResult {
  /** Requests answered 200 with the expected body. */
  ok: number;
  /** Non-200 answers, failed or timed-out requests, and 200 answers with the wrong body. */
  errors: number;
  /** Of `errors`, the 200 answers whose body was not the expected one. */
  mismatches: number;
  /** From the first request sent to the last answer received, in seconds. */
  elapsedS: number;
  /** Requests sent, whatever their outcome. */
  sent: number;
  /** `ok / elapsedS`. */
  throughput: number;
  /** Latencies of every completed exchange (ok or not), in milliseconds: request written to response fully read. */
  p50: number;
  p99: number;
  max: number;
  /** CPU time of this process (the load generator) over `elapsedS`: 1 is one core busy all along. */
  generatorCpu: number;
  /** The first error seen, to explain a non-zero `errors`. */
  firstError?: string;
}

/** An HTTP answer: its status and (when read) its body. */
export interface Answer {
  status: number;
  body: string;
}

/**
 * POSTs one request to 127.0.0.1 and resolves with its answer once fully read; `agent: false` gives it a
 * connection of its own. Rejects on a network error or after `requestTimeoutMs`.
 */
export function send(
  agent: Agent | false,
  options: Pick<LoadOptions, 'port' | 'path' | 'requestTimeoutMs'>,
  req: LoadRequest,
  readBody: boolean,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: 'POST',
        headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (readBody) chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    outgoing.setTimeout(options.requestTimeoutMs ?? 5_000, () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

/** The nearest-rank percentile of sorted values (NaN when empty). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

async function phase(agent: Agent, options: LoadOptions, durationMs: number): Promise<LoadResult> {
  const limit = options.maxRequests ?? 1_000_000;
  const latencies = new Float64Array(limit);
  let started = 0;
  let completed = 0;
  let ok = 0;
  let errors = 0;
  let mismatches = 0;
  let firstError: string | undefined;
  const fail = (why: string) => {
    errors += 1;
    firstError ??= why;
  };
  const cpuBefore = process.cpuUsage();
  const begin = performance.now();
  const deadline = begin + durationMs;

  const worker = async () => {
    while (performance.now() < deadline && started < limit) {
      started += 1;
      const req = options.build();
      const sent = performance.now();
      try {
        const answer = await send(agent, options, req, options.check !== undefined);
        latencies[completed] = performance.now() - sent;
        completed += 1;
        if (answer.status !== 200) fail(`HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
        else if (options.check && !options.check(answer.body)) {
          mismatches += 1;
          fail(`unexpected body: ${answer.body.slice(0, 200)}`);
        } else ok += 1;
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedS = (performance.now() - begin) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = latencies.subarray(0, completed).sort();
  return {
    ok,
    errors,
    mismatches,
    elapsedS,
    sent: started,
    throughput: ok / elapsedS,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    generatorCpu: (cpu.user + cpu.system) / 1e6 / elapsedS,
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

/**
 * Sends `concurrency` closed-loop streams of requests to 127.0.0.1 over keep-alive connections: a warm-up whose
 * figures are dropped, then `durationMs` of measured load. Each stream sends its next request when the previous
 * answer is fully read, so latency is the time to a full HTTP response, queueing in the server included.
 */
export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  try {
    await phase(agent, options, options.warmupMs);
    await options.afterWarmup?.();
    return await phase(agent, options, options.durationMs);
  } finally {
    agent.destroy();
  }
}
