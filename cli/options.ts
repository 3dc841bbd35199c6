import { parseArgs } from 'node:util';

export type Format = 'stylish' | 'json';

export interface CliOptions {
  readonly paths: string[];
  readonly fix: boolean;
  readonly format: Format;
  readonly typeAware: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export const FORMATS: readonly Format[] = ['stylish', 'json'];

export const USAGE = `Usage: async-guard [options] [paths…]

Finds asynchronous anti-patterns in JavaScript and TypeScript with the
plugin's recommended rules. Needs no eslint.config file. Paths default to ".".

Options:
  --fix                 apply the automatic fixes and write the files
  --format <name>       output format: ${FORMATS.join(', ')} (default: stylish)
  --type-aware          use type information from the nearest tsconfig.json
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no findings, 1 findings, 2 usage error or a path that does not exist.`;

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
        format: { type: 'string', short: 'f', default: 'stylish' },
        'type-aware': { type: 'boolean', default: false },
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
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    fix: values.fix,
    format,
    typeAware: values['type-aware'],
    help: values.help,
    version: values.version,
  };
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}
