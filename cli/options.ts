import { parseArgs } from 'node:util';

export type Format = 'stylish' | 'json' | 'sarif';
export type Concurrency = number | 'auto' | 'off';
export type CacheStrategy = 'metadata' | 'content';
export type Engine = 'eslint' | 'oxlint';

export interface CliOptions {
  readonly paths: string[];
  /** A file listing more paths, one per line (for CI shards). */
  readonly filesFrom: string | undefined;
  readonly fix: boolean;
  readonly format: Format;
  readonly typeAware: boolean;
  /** Which linter runs the rules: ESLint, or oxlint with async-guard as a JS plugin. */
  readonly engine: Engine;
  readonly concurrency: Concurrency;
  readonly cache: boolean;
  readonly cacheLocation: string;
  readonly cacheStrategy: CacheStrategy;
  readonly summary: boolean;
  /** undefined: any finding fails the run. */
  readonly maxWarnings: number | undefined;
  readonly maxFileSizeBytes: number;
  /** Apply the callback → async/await conversion instead of linting. */
  readonly convert: boolean;
  /** With `convert`: report only, write nothing. */
  readonly dryRun: boolean;
  /** With `convert`: print a unified diff, write nothing. */
  readonly diff: boolean;
  /** With `convert`: what converted public functions offer their outside callers. */
  readonly api: 'callback' | 'promise' | 'dual';
  /** With `convert`: also convert functions that call back synchronously on some paths. */
  readonly deferSyncCallbacks: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export const FORMATS: readonly Format[] = ['stylish', 'json', 'sarif'];
export const ENGINES: readonly Engine[] = ['eslint', 'oxlint'];
export const DEFAULT_CACHE_LOCATION = '.async-guard-cache';
export const DEFAULT_MAX_FILE_SIZE_KIB = 1024;

export const USAGE = `Usage: async-guard [options] [paths…]

Finds asynchronous anti-patterns in JavaScript and TypeScript with the
plugin's recommended rules. Needs no eslint.config file. Paths default to ".".

Options:
  --fix                       apply the automatic fixes and write the files
  --files-from <file>         also lint the paths listed in <file>, one per line
  --format <name>             output format: ${FORMATS.join(', ')} (default: stylish)
  --type-aware                use type information from the nearest tsconfig.json
  --engine <name>             eslint (default), or oxlint: the same rules run as an oxlint
                              JS plugin, faster, without type information (needs oxlint)
  --concurrency <n|auto|off>  lint in n worker threads (ESLint >= 9.34; default: off)
  --cache                     only lint files changed since the last run
  --cache-location <path>     cache file or folder (default: ${DEFAULT_CACHE_LOCATION})
  --cache-strategy <name>     metadata (modification time) or content (default: metadata)
  --summary                   print per-rule counts of findings and fixable findings
  --max-warnings <n>          exit 1 only when there are more than n warnings
  --max-file-size <KiB>       skip larger files with a notice (default: ${DEFAULT_MAX_FILE_SIZE_KIB})
  --convert                   rewrite callback code to async/await where that is safe,
                              and report what was converted and what was refused, and why
  --dry-run                   with --convert: print the report, write nothing
  --diff                      with --convert: print the report and a unified diff, write nothing
  --api <callback|promise|dual>
                              with --convert: public functions (package entry points, files
                              nothing in the run imports) keep a callback adapter (callback,
                              the default), change to returning promises (promise), or do
                              both: a promise when no callback is passed (dual)
  --defer-sync-callbacks      with --convert: also convert functions that call back
                              synchronously on some paths (argument checks, cache hits,
                              an empty list); on those paths the result or error now
                              arrives a tick later (each is named in the report)
  --lsp --stdio               run the language server instead (= async-guard-language-server --stdio)
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 no findings (or at most --max-warnings warnings), 1 findings,
2 usage error or a path that does not exist.`;

export class UsageError extends Error {}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        fix: { type: 'boolean', default: false },
        'files-from': { type: 'string' },
        format: { type: 'string', short: 'f', default: 'stylish' },
        'type-aware': { type: 'boolean', default: false },
        engine: { type: 'string', default: 'eslint' },
        convert: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        diff: { type: 'boolean', default: false },
        api: { type: 'string' },
        'defer-sync-callbacks': { type: 'boolean', default: false },
        concurrency: { type: 'string', default: 'off' },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string', default: DEFAULT_CACHE_LOCATION },
        'cache-strategy': { type: 'string', default: 'metadata' },
        summary: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string', default: String(DEFAULT_MAX_FILE_SIZE_KIB) },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const format = values.format;
  if (!isFormat(format)) {
    throw new UsageError(`unknown format '${format}': use one of ${FORMATS.join(', ')}`);
  }
  const cacheStrategy = values['cache-strategy'];
  if (cacheStrategy !== 'metadata' && cacheStrategy !== 'content') {
    throw new UsageError(`unknown cache strategy '${cacheStrategy}': use metadata or content`);
  }
  const engine = values.engine;
  if (!isEngine(engine)) throw new UsageError(`unknown engine '${engine}': use one of ${ENGINES.join(', ')}`);
  if (engine === 'oxlint') {
    if (values['type-aware']) throw new UsageError('--type-aware needs --engine eslint: oxlint gives JS plugins no type information');
    if (values.convert) throw new UsageError('--convert runs in async-guard itself: leave out --engine');
    if (values.cache) throw new UsageError('--cache needs --engine eslint: oxlint keeps no cache');
  }
  if (values['dry-run'] && !values.convert) throw new UsageError('--dry-run goes with --convert');
  if (values.diff && !values.convert) throw new UsageError('--diff goes with --convert');
  if (values.api !== undefined && !values.convert) throw new UsageError('--api goes with --convert');
  if (values['defer-sync-callbacks'] && !values.convert) throw new UsageError('--defer-sync-callbacks goes with --convert');
  const api = values.api ?? 'callback';
  if (api !== 'callback' && api !== 'promise' && api !== 'dual') throw new UsageError(`unknown --api '${api}': use callback, promise or dual`);
  if (values.convert && values.fix) throw new UsageError('--convert and --fix are separate runs: use one of them');
  return {
    paths: positionals.length > 0 || values['files-from'] !== undefined ? positionals : ['.'],
    filesFrom: values['files-from'],
    fix: values.fix,
    format,
    typeAware: values['type-aware'],
    engine,
    concurrency: parseConcurrency(values.concurrency),
    cache: values.cache,
    cacheLocation: values['cache-location'],
    cacheStrategy,
    summary: values.summary,
    maxWarnings: values['max-warnings'] === undefined ? undefined : parseCount('--max-warnings', values['max-warnings'], 0),
    maxFileSizeBytes: parseCount('--max-file-size', values['max-file-size'], 1) * 1024,
    convert: values.convert,
    dryRun: values['dry-run'] || values.diff,
    diff: values.diff,
    api,
    deferSyncCallbacks: values['defer-sync-callbacks'],
    help: values.help,
    version: values.version,
  };
}

function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  return parseCount('--concurrency', value, 1);
}

function parseCount(option: string, value: string, minimum: number): number {
  const count = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < minimum) {
    throw new UsageError(`${option} needs a whole number ${minimum === 0 ? '(0 or more)' : '(1 or more)'}, not '${value}'`);
  }
  return count;
}

function isEngine(value: string): value is Engine {
  return (ENGINES as readonly string[]).includes(value);
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}
