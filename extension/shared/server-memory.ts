/**
 * The language server's young generation, per thread. A lint of a 2,000-line
 * TypeScript file allocates ≈ 65 MB that are garbage once it ends; with
 * Node's default (16 MB semi-spaces) V8 stops several times during each lint
 * to copy the tree being linted. With room for a whole lint, the
 * collection happens between keystrokes instead (extension/server/idle-collector.ts).
 */
export const SEMI_SPACE_MB = 64;

/** How VS Code starts the server process (the main thread's young generation). */
export const SERVER_EXEC_ARGV = [`--max-semi-space-size=${SEMI_SPACE_MB}`];

/** Worker threads take the young generation's whole size: two semi-spaces and the space for new large objects. */
export const WORKER_YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;
