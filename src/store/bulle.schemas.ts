import { z } from 'zod';
import { DOMAINS } from '../core/bulle/topics.js';

/** A stored bubble. */
export const SkillSchema = z.object({
  kind: z.enum(['share', 'learn']),
  key: z.string(),
  label: z.string(),
  domain: z.enum(DOMAINS),
  at: z.string(),
  source: z.enum(['chat', 'import']),
});
const ReasonSchema = z.object({ match: z.enum(['equal', 'related']), shares: z.string() });
/** A stored request (its JSON field). */
export const RequestSchema = z.object({
  id: z.string(),
  email: z.string(),
  key: z.string(),
  label: z.string(),
  domain: z.enum(DOMAINS),
  details: z.string(),
  source: z.enum(['chat', 'standup']),
  status: z.enum(['open', 'proposed', 'accepted', 'met', 'notmet', 'cancelled']),
  createdAt: z.string(),
  updatedAt: z.string(),
  candidates: z.array(z.object({ email: z.string(), reason: ReasonSchema })),
  tried: z.array(z.string()),
  candidate: z.string().optional(),
  attempt: z.number().int().min(0),
  helper: z.string().optional(),
  matchedAt: z.string().optional(),
  escalatedAt: z.string().optional(),
});
