/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and swaps of two
 * neighbours), giving up as soon as it exceeds `max`. Topics are short: a few lines beat a dependency.
 */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** How many typing mistakes a topic of that length may hold and still be recognised: none below 5 letters. */
const allowedMistakes = (length: number): number => (length < 5 ? 0 : length <= 8 ? 1 : 2);

/** The candidate nearest to `text` within the mistakes its length allows (ties: the first in sorted order). */
export function closest(text: string, candidates: Iterable<string>): string | undefined {
  const max = allowedMistakes(text.length);
  if (max === 0) return undefined;
  let found: string | undefined;
  let best = max + 1;
  for (const candidate of candidates) {
    if (allowedMistakes(candidate.length) === 0) continue;
    const d = distance(text, candidate, Math.min(best, max));
    if (d < best || (d === best && found !== undefined && candidate < found)) {
      if (d <= max) {
        found = candidate;
        best = d;
      }
    }
  }
  return found;
}
