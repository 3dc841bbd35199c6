import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Linter } from 'eslint';
import plugin from '../../rules/index';
import { javascriptParser } from '../../rules/parsers/javascript-parser';

/** What a lint said about one file, in a form two threads can compare: findings with their suggestions, or the parse error. */
export interface FileMessages {
  readonly file: string;
  readonly messages: readonly string[];
}

/** Every rule at `warn` with its default options, syntactic, with the JavaScript parser the CLI uses. */
export function lintMessages(files: readonly string[]): FileMessages[] {
  const linter = new Linter({ cwd: '/' });
  const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`async-guard/${name}`, 'warn' as const]));
  const config: Linter.Config[] = [{ files: ['**/*.js'], plugins: { 'async-guard': plugin as never }, languageOptions: { parser: javascriptParser, sourceType: 'commonjs' }, rules }];
  return files.map((file) => ({
    file: path.basename(file),
    messages: linter.verify(fs.readFileSync(file, 'utf8'), config, { filename: file }).map((message) =>
      JSON.stringify([message.ruleId, message.line, message.column, message.messageId ?? message.message, (message.suggestions ?? []).map((suggestion) => suggestion.fix.text)]),
    ),
  }));
}

// Run as a script (a child process at Node's default stack) or as a worker thread (with the stack it was given).
if (!isMainThread && (workerData as { role?: unknown } | undefined)?.role === 'lint-messages') {
  parentPort?.postMessage(lintMessages((workerData as { files: string[] }).files));
} else if (isMainThread && require.main === module) {
  process.stdout.write(JSON.stringify(lintMessages(process.argv.slice(2))));
}
