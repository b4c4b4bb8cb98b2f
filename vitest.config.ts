import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Compiles lib/ (incrementally) before any test spawns the CLI.
    globalSetup: ['test/global-setup.ts'],
    // End-to-end tests build real editions and run Java epubcheck: give them room.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores on CI; forks keep pdfkit/fontkit state apart between files.
    pool: 'forks',
  },
});
