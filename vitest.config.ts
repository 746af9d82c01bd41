import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'simulator/**/*.test.ts',
      'e2e/**/*.test.ts',
      'faults/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: integration tests share one broker and compete for CPU.
    maxWorkers: 2,
  },
});
