import { ESLint, type Linter } from 'eslint';

/**
 * The project's own `eslint.config.*` through ESLint's `ESLint` class, so the
 * editor and `eslint` in CI agree. Loading a config executes workspace code:
 * the server calls this only in a trusted workspace with
 * `asyncGuard.useESLintConfig` on.
 */
export class ProjectESLint {
  private readonly instances = new Map<string, ESLint>();

  /** The messages for the file, or undefined when the project has no usable config (the caller falls back to the built-in one). */
  async lint(text: string, filePath: string, cwd: string): Promise<Linter.LintMessage[] | undefined> {
    const results = await this.instance(cwd).lintText(text, { filePath, warnIgnored: false });
    return results[0]?.messages ?? [];
  }

  async fix(text: string, filePath: string, cwd: string, shouldFix: (message: Linter.LintMessage) => boolean): Promise<string | undefined> {
    const eslint = new ESLint({ cwd, fix: shouldFix });
    const results = await eslint.lintText(text, { filePath, warnIgnored: false });
    return results[0]?.output;
  }

  /** A config file changed: load it again on the next lint. */
  reset(): void {
    this.instances.clear();
  }

  private instance(cwd: string): ESLint {
    let eslint = this.instances.get(cwd);
    if (eslint === undefined) {
      eslint = new ESLint({ cwd });
      this.instances.set(cwd, eslint);
    }
    return eslint;
  }
}
