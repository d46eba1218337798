// Jest runs TypeScript through SWC (fast, no type-check: `npm run typecheck` does that).
// @middy/* ships ESM only, so it is let through the transform and compiled to CommonJS with the rest.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@middy)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // @middy/* exports only an "import" condition, which jest's CommonJS resolver does not match: point at the file.
  moduleNameMapper: { '^@middy/(core|util)$': '<rootDir>/node_modules/@middy/$1/index.js' },
  // Every test sees the demo config with a far-future closing date (see the file for why).
  setupFiles: ['<rootDir>/test/support/test-breach-config.ts'],
  testTimeout: 30000,
};
