import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TypeAwareProject } from './lint-config';
import type { Settings } from './settings';

const PROJECT_FILES = ['tsconfig.json', 'jsconfig.json'];

/**
 * Decides whether a file is linted with type information, and in which
 * project: when a tsconfig/jsconfig sits in the file's folder or above it
 * (`auto` and `on` alike; `on` also logs the files that are in no project).
 * Files the project service then cannot place in a project are remembered
 * and linted syntactically. typescript-eslint keeps one project service per
 * process alive and updates it file by file: that is the incremental program.
 */
export class TypeAwareProjects {
  private readonly configDirs = new Map<string, string | undefined>();
  private readonly outsideProjects = new Set<string>();

  projectFor(filePath: string, settings: Settings, isFile: boolean): TypeAwareProject | undefined {
    if (settings.typeAware === 'off' || !isFile || this.outsideProjects.has(filePath)) return undefined;
    const configDir = this.findConfigDir(path.dirname(filePath));
    return configDir === undefined ? undefined : { rootDir: configDir };
  }

  markOutsideProject(filePath: string): void {
    this.outsideProjects.add(filePath);
  }

  /** A tsconfig was added, removed or edited. */
  reset(): void {
    this.configDirs.clear();
    this.outsideProjects.clear();
  }

  private findConfigDir(dir: string): string | undefined {
    if (this.configDirs.has(dir)) return this.configDirs.get(dir);
    const here = PROJECT_FILES.some((name) => fs.existsSync(path.join(dir, name)));
    const parent = path.dirname(dir);
    const found = here ? dir : parent === dir ? undefined : this.findConfigDir(parent);
    this.configDirs.set(dir, found);
    return found;
  }
}
