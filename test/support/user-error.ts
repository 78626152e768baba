import { UserError } from '../../src/core/errors.js';

/** The catalog key of the UserError `work` throws. */
export function keyOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error.key;
    throw error;
  }
  throw new Error('no UserError thrown');
}
