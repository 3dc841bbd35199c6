import * as fs from 'node:fs';
import * as path from 'node:path';

/** The oxlint versions the plugin is tested with (package.json `peerDependencies`; the lower bound is tested too). */
export const OXLINT_RANGE = { lowest: [1, 50, 0], below: [2, 0, 0] } as const;

export class OxlintMissingError extends Error {}

export interface OxlintInstall {
  /** The `bin/oxlint` script, run with this Node. */
  readonly bin: string;
  readonly version: string;
}

/**
 * The oxlint package the linted project has, else the one beside
 * async-guard. oxlint is an optional peer dependency: nothing but
 * `--engine oxlint` needs it, so its absence is told only then.
 */
export function findOxlint(cwd: string, packageName = 'oxlint', options: { anyVersion?: boolean } = {}): OxlintInstall {
  const manifest = (options.anyVersion === true ? [cwd] : [cwd, __dirname]).map((start) => findPackageManifest(start, packageName)).find((found) => found !== undefined);
  if (manifest === undefined) throw new OxlintMissingError('--engine oxlint needs the oxlint package: npm install --save-dev oxlint');
  const { version, bin } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string; bin?: string | Record<string, string> };
  const binPath = typeof bin === 'string' ? bin : bin?.oxlint;
  if (binPath === undefined) throw new OxlintMissingError(`${manifest} names no oxlint binary`);
  if (options.anyVersion !== true && !isSupportedVersion(version)) {
    const [lowMajor, lowMinor, lowPatch] = OXLINT_RANGE.lowest;
    throw new OxlintMissingError(`--engine oxlint needs oxlint ${lowMajor}.${lowMinor}.${lowPatch} or a later 1.x, found ${version}: npm install --save-dev oxlint@1`);
  }
  return { bin: path.join(path.dirname(manifest), binPath), version };
}

/** `node_modules/<name>/package.json` in `start` or a folder above it (oxlint before 1.60 does not export its package.json, so no require.resolve). */
function findPackageManifest(start: string, name: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(manifest)) return manifest;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function isSupportedVersion(version: string): boolean {
  const parts = /^(\d+)\.(\d+)\.(\d+)/.exec(version)?.slice(1).map(Number);
  if (parts === undefined) return false;
  return compare(parts, OXLINT_RANGE.lowest) >= 0 && compare(parts, OXLINT_RANGE.below) < 0;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < 3; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
