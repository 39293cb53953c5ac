/** Unit, resolver, contract and component tests. Types are checked by `npm run typecheck`, so ts-jest only transpiles. */
module.exports = {
  // Per checkout, so a fresh clone (CI) never reuses transforms made under another checkout's settings.
  cacheDirectory: '<rootDir>/.tmp/jest-cache',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  // .tsx: the Custom UI's components, for the component tests in test/ui (jsdom via a per-file docblock).
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'test/ui/tsconfig.json' }] },
  moduleNameMapper: {
    '\\.css$': '<rootDir>/test/ui/css-stub.ts',
    // As in the Vite build (static/vite.config.mts): components see the uninitialised feature gates.
    '^@atlaskit/feature-gate-js-client(/feature-gates)?$': '<rootDir>/static/build/feature-gates-stub.ts',
  },
  // The app's clock seam starts at the demo's fixed "now" in every test file (tests pass on any date).
  setupFiles: ['<rootDir>/test/setup/pin-clock.ts'],
  testTimeout: 20000,
};
