import { defineConfig } from 'vitest/config';

/** `npm run test:install`: the package installed as a command (tests/install), kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['tests/install/*.check.ts'],
    testTimeout: 600_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
