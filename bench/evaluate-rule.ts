/**
 * Runs one rule over real code and prints every hit with its line, for
 * hand classification: `node dist/bench/evaluate-rule.js <rule> [dir] [--type-aware]`.
 * The corpus defaults to the JavaScript and TypeScript under node_modules/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../rules/index';

const SOURCE_FILE = /\.(?:[cm]?js|[cm]?ts|tsx|jsx)$/;
const MAX_FILE_BYTES = 512 * 1024;

export function listCorpus(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith('.min.js')) {
        files.push(full);
      }
    }
  };
  walk(root);
  return files;
}

function main(): void {
  const [ruleName, dirArgument] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
  if (ruleName === undefined || !(ruleName in plugin.rules)) {
    process.stderr.write(`usage: evaluate-rule <${Object.keys(plugin.rules).join('|')}> [dir]\n`);
    process.exitCode = 2;
    return;
  }
  const root = path.resolve(dirArgument ?? path.join(__dirname, '..', '..', 'node_modules'));
  const linter = new Linter({ cwd: root });
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      plugins: { 'async-guard': plugin as never },
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      rules: { [`async-guard/${ruleName}`]: 'warn' },
    },
  ];
  const files = listCorpus(root);
  let linted = 0;
  let parseErrors = 0;
  let hits = 0;
  const byMessage = new Map<string, number>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.length > MAX_FILE_BYTES) continue;
    linted += 1;
    // Linter skips paths inside node_modules/, which is exactly the corpus here.
    const messages = linter.verify(text, config, path.relative(root, file).replace(/node_modules/g, 'nm'));
    for (const message of messages) {
      if (message.fatal === true) {
        parseErrors += 1;
        continue;
      }
      if (message.ruleId !== `async-guard/${ruleName}`) continue;
      hits += 1;
      const key = message.messageId ?? message.message;
      byMessage.set(key, (byMessage.get(key) ?? 0) + 1);
      const line = text.split('\n')[message.line - 1]?.trim().slice(0, 140) ?? '';
      process.stdout.write(`${path.relative(root, file)}:${message.line}:${message.column}\t${message.message}\n    ${line}\n`);
    }
  }
  process.stdout.write(`\nrule ${ruleName}: ${files.length} files found, ${linted} linted, ${parseErrors} parse errors, ${hits} hits\n`);
  for (const [messageId, count] of byMessage) process.stdout.write(`  ${messageId}: ${count}\n`);
}

if (require.main === module) main();
