import { pinned, type PrecisionCorpus } from './precision-corpus';

/**
 * Pinned promise-era repositories: the corpora of no-floating-promise and no-sync-in-async.
 * Only the shipped source folders are extracted (the commit is the one fetched on 2026-12-05).
 */
/** jest's packages that have a src/ folder. */
const JEST_PACKAGES = [
  'babel-jest', 'babel-plugin-jest-hoist', 'create-jest', 'diff-sequences', 'expect-utils', 'expect', 'jest-changed-files', 'jest-circus',
  'jest-cli', 'jest-config', 'jest-console', 'jest-core', 'jest-create-cache-key-function', 'jest-diff', 'jest-docblock', 'jest-each',
  'jest-environment-jsdom-abstract', 'jest-environment-jsdom', 'jest-environment-node', 'jest-environment', 'jest-expect',
  'jest-fake-timers', 'jest-get-type', 'jest-globals', 'jest-haste-map', 'jest-jasmine2', 'jest-leak-detector', 'jest-matcher-utils',
  'jest-message-util', 'jest-mock', 'jest-pattern', 'jest-phabricator', 'jest-regex-util', 'jest-reporters', 'jest-resolve-dependencies',
  'jest-resolve', 'jest-runner', 'jest-runtime', 'jest-schemas', 'jest-snapshot-utils', 'jest-snapshot', 'jest-source-map',
  'jest-test-result', 'jest-test-sequencer', 'jest-transform', 'jest-types', 'jest-util', 'jest-validate', 'jest-watcher', 'jest-worker',
  'jest', 'pretty-format', 'test-globals', 'test-utils',
];

export const PROMISE_ERA_CORPORA: readonly PrecisionCorpus[] = [
  pinned('vite-8.2.2', 'vitejs/vite', 'v8.2.2-25-ga98c8d95d5', 'a98c8d95d552c6fa98ab66fb810f5b39ad5abf49', ['packages/vite/src/node', 'packages/create-vite/src']),
  pinned('eslint-10.9.0', 'eslint/eslint', 'v10.9.0', 'c27bc926e496985eb7911c09eb60914b2e4b5d0f', ['lib', 'bin']),
  pinned('fastify-6.0.0-alpha.2', 'fastify/fastify', 'v6.0.0-alpha.2-2-g83e69762a', '83e69762aff047940b376fc2a266d143499ef727', ['lib']),
  pinned('bullmq-6.2.0', 'taskforcesh/bullmq', 'v6.2.0-3-g352d3c72bf', '352d3c72bf2bc5ec851630a4cdcba7d44c313ed0', ['src']),
  pinned('ioredis-6.0.0', 'redis/ioredis', 'v6.0.0-4-gdfd5428', 'dfd542824dfb7168420f19fdfabe9fe1156efe10', ['lib']),
  pinned('got-15.0.5', 'sindresorhus/got', 'v15.0.5', 'd00d845a0b435365ec73ea5a1fca6e17ee677184', ['source']),
  pinned('undici-8.10.0', 'nodejs/undici', 'v8.10.0-25-g7eb7c8ec8', '7eb7c8ec8f23acd9c3da93a286162f8c1dc68326', ['lib']),
  pinned('jest-30.4.2', 'jestjs/jest', 'v30.4.2-125-g52db46e504', '52db46e50404c993d3f10dd1481e861cc04ae22e', JEST_PACKAGES.map((name) => `packages/${name}/src`)),
  pinned('sveltekit-2', 'sveltejs/kit', '@sveltejs/adapter-vercel@7.0.0-next.6-8-gaa810a0414', 'aa810a04146b98b77592f7b384347140d29ff599', ['packages/kit/src']),
  pinned('mongoose-9.9.3', 'Automattic/mongoose', '9.9.3-30-g3e212cec8', '3e212cec87dbf710216a3c6125121aefa60a4475', ['lib']),
  pinned('prettier-3.9.6', 'prettier/prettier', '3.9.6-85-g4f84a93420', '4f84a934201322ca87750e2b9b25baf296da6560', ['src']),
];
