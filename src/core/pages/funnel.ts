import type { BulleRequest, RequestStatus } from '../bulle/store.js';

/** The programme's buddy matching before Cohorte: 8 days to a match, 6 people asked on average, as the programme measured it. */
export const PREVIOUS_MATCHING = { medianDays: 8, askedAverage: 6 } as const;

const MATCHED: ReadonlySet<RequestStatus> = new Set(['accepted', 'met', 'notmet']);

/** The bulloterie's funnel: requests, those proposed to someone, accepted, exchange confirmed; and the pace. */
export interface Funnel {
  requests: number;
  proposed: number;
  accepted: number;
  met: number;
  /** Median days from a request to a helper's yes, over the requests that record it; undefined without any. */
  medianDays: number | undefined;
  /** Mean number of people asked per match (the one who said yes included); undefined without a match. */
  askedAverage: number | undefined;
}

const median = (values: number[]): number | undefined => {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * The funnel of a set of requests. A request counts at each stage it reached, even if it went on or was cancelled
 * after: accepted once a helper said yes, proposed once someone was asked.
 */
export function funnelOf(requests: readonly BulleRequest[]): Funnel {
  const accepted = requests.filter((r) => r.matchedAt !== undefined || MATCHED.has(r.status));
  const wasAccepted = new Set(accepted);
  const proposed = requests.filter(
    (r) => r.status === 'proposed' || r.tried.length > 0 || wasAccepted.has(r),
  );
  const days = accepted.flatMap((r) =>
    r.matchedAt ? [(Date.parse(r.matchedAt) - Date.parse(r.createdAt)) / 86_400_000] : [],
  );
  const asked = accepted.map((r) => new Set([...r.tried, ...(r.helper ? [r.helper] : [])]).size);
  return {
    requests: requests.length,
    proposed: proposed.length,
    accepted: accepted.length,
    met: requests.filter((r) => r.status === 'met').length,
    medianDays: median(days),
    askedAverage: asked.length ? asked.reduce((a, b) => a + b, 0) / asked.length : undefined,
  };
}
