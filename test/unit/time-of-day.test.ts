import { describe, expect, it } from 'vitest';
import { dailyAt, TimeSchema, weeklyAt } from '../../src/core/time/time-of-day.js';

describe('times of day', () => {
  it('fires daily and weekly at the local time, Sunday as cron day 0, each day once', () => {
    expect(dailyAt('09:05')).toBe('5 9 * * *');
    expect(weeklyAt('09:30', ['monday'])).toBe('30 9 * * 1');
    expect(weeklyAt('18:00', ['sunday', 'wednesday', 'sunday'])).toBe('0 18 * * 0,3');
  });

  it('refuses the hours of the daylight-saving change and other formats', () => {
    expect(TimeSchema.safeParse('00:59').success).toBe(true);
    expect(TimeSchema.safeParse('03:00').success).toBe(true);
    expect(['01:00', '02:59', '9:30', '24:00'].map((t) => TimeSchema.safeParse(t).success)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
