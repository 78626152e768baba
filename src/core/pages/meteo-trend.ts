/** How many periods each side of the météo trend's comparison holds: the last ones against those before. */
export const TREND_SPAN = 4;

/** Where a défi's météo goes: better, steady, worse, or unknown (too few answers on one side). */
export type Trend = 'better' | 'steady' | 'worse' | 'unknown';

/** The mean rank of some answers among the choices (0: the first, the best), or undefined when none ranks. */
function meanRank(moods: readonly string[], choices: readonly string[]): number | undefined {
  const ranks = moods.map((m) => choices.indexOf(m)).filter((r) => r >= 0);
  return ranks.length ? ranks.reduce((a, b) => a + b, 0) / ranks.length : undefined;
}

/**
 * The météo trend of a défi from its answers per period (oldest first): the mean of the last {@link TREND_SPAN}
 * periods against the {@link TREND_SPAN} before, the choices read from the best (first) to the worst (last), as
 * the default ☀️ … ⛈️ are. Half a step or more either way is a change.
 */
export function meteoTrend(periods: readonly (readonly string[])[], choices: readonly string[]): Trend {
  const recent = meanRank(periods.slice(-TREND_SPAN).flat(), choices);
  const before = meanRank(periods.slice(-2 * TREND_SPAN, -TREND_SPAN).flat(), choices);
  if (recent === undefined || before === undefined) return 'unknown';
  if (recent <= before - 0.5) return 'better';
  if (recent >= before + 0.5) return 'worse';
  return 'steady';
}
