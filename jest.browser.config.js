/** End-to-end tests in Debian's Chromium against the local preview (see test/browser). */
module.exports = {
  // Per checkout, so a fresh clone (CI) never reuses transforms made under another checkout's settings.
  cacheDirectory: '<rootDir>/.tmp/jest-cache',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  maxWorkers: 1,
};
