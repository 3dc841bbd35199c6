import type { ESLint } from 'eslint';
import type { Format } from './options';

export const SARIF_FORMATTER = '@microsoft/eslint-formatter-sarif';

export class MissingFormatterError extends Error {}

/**
 * ESLint's own formatters by name; SARIF from Microsoft's formatter package,
 * found in the linted project first, then beside async-guard. It is an
 * optional peer dependency: its own dependency on ESLint 8 (never loaded:
 * it asks the running ESLint for its version) would put a second ESLint
 * into every install that never asks for SARIF.
 */
export async function loadFormatter(eslint: ESLint, format: Format, cwd: string): Promise<ESLint.Formatter> {
  if (format !== 'sarif') return eslint.loadFormatter(format);
  let location: string;
  try {
    location = require.resolve(SARIF_FORMATTER, { paths: [cwd, __dirname] });
  } catch {
    throw new MissingFormatterError(`--format sarif needs the ${SARIF_FORMATTER} package: npm install --save-dev ${SARIF_FORMATTER}`);
  }
  return eslint.loadFormatter(location);
}
