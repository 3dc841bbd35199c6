export interface PrecisionCorpus {
  /** Name used in the labels. */
  readonly name: string;
  /** Folders (relative to the corpus root) holding the shipped code linted. */
  readonly directories: readonly string[];
  /** `node_modules` corpora are always there; pinned repositories are extracted by hand. */
  readonly kind: 'node_modules' | 'pinned';
  /** For a pinned repository: the repository and the commit labelled. */
  readonly repository?: string;
  readonly commit?: string;
  readonly howToFetch: string;
}

/** A public repository pinned to a commit, extracted by hand under $ASYNC_GUARD_CORPORA. */
export function pinned(name: string, repository: string, tag: string, commit: string, directories: string[]): PrecisionCorpus {
  return {
    name,
    directories,
    kind: 'pinned',
    repository,
    commit,
    howToFetch: `clone ${repository} and run \`git archive ${commit} ${directories.join(' ')} | tar -x -C "$ASYNC_GUARD_CORPORA/${name}"\` (tag ${tag})`,
  };
}

