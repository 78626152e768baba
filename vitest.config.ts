import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A private redis-server when no local Redis answers (test/global-redis.ts); one line when the browser tests
    // are skipped for want of Chromium (test/global-chromium.ts).
    globalSetup: ['test/global-redis.ts', 'test/global-chromium.ts'],
    // Integration and end-to-end tests wait on real Redis, BullMQ and HTTP; 2 cores on CI.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    maxWorkers: 2,
  },
});
