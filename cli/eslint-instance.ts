import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { buildLintConfig } from './lint-config';
import type { CacheStrategy, Concurrency } from './options';

/** Everything the CLI's ESLint instance depends on, as JSON: worker threads rebuild the options from it. */
export interface LintSettings {
  readonly cwd: string;
  readonly typeAware: boolean;
  readonly fix: boolean;
  readonly concurrency: Concurrency;
  readonly cache: boolean;
  readonly cacheLocation: string;
  readonly cacheStrategy: CacheStrategy;
}

export function buildEslintOptions(settings: LintSettings): ESLint.Options {
  return {
    cwd: settings.cwd,
    overrideConfigFile: true,
    overrideConfig: buildLintConfig({ typeAware: settings.typeAware, cwd: settings.cwd }),
    fix: settings.fix,
    errorOnUnmatchedPattern: false,
    cache: settings.cache,
    cacheLocation: settings.cacheLocation,
    cacheStrategy: settings.cacheStrategy,
    concurrency: settings.concurrency,
  };
}

/** Whether this ESLint can lint in worker threads (9.34 added `concurrency` and options modules). */
export function supportsConcurrency(): boolean {
  return typeof (ESLint as { fromOptionsModule?: unknown }).fromOptionsModule === 'function';
}

/**
 * The ESLint instance for these settings. With concurrency, the options hold
 * the plugin (functions), which cannot be sent to worker threads: each
 * worker imports them instead from a `data:` module that calls
 * `buildEslintOptions` with the settings inlined as JSON.
 */
export async function createEslint(settings: LintSettings): Promise<ESLint> {
  if (settings.concurrency === 'off' || !supportsConcurrency()) {
    return new ESLint({ ...buildEslintOptions(settings), concurrency: 'off' });
  }
  const builder = pathToFileURL(__filename).href;
  const source = `import builder from ${JSON.stringify(builder)};\nexport default builder.buildEslintOptions(${JSON.stringify(settings)});\n`;
  const url = new URL(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  return ESLint.fromOptionsModule(url);
}
