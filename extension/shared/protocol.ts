/**
 * Names shared by the client and the server: commands the server executes
 * (`workspace/executeCommand`) and the code action kind of "fix all".
 * Kept free of `vscode` imports so both bundles can use it.
 */
export const ServerCommands = {
  /** Arguments: `[uri, ruleId?]`. Applies every fix (of one rule, when given) in the document. */
  applyFixAll: 'asyncGuard.server.applyFixAll',
  /** Arguments: `[uri]`. Applies every "Convert to async/await" suggestion in the document. */
  convertFile: 'asyncGuard.server.convertFile',
  /** Arguments: `[url]`. Opens a rule's documentation (`window/showDocument`). */
  showDocumentation: 'asyncGuard.server.showDocumentation',
} as const;

/** The `editor.codeActionsOnSave` kind: `source.fixAll.asyncGuard`. */
export const FIX_ALL_KIND = 'source.fixAll.asyncGuard';

/** The diagnostic `source` of every problem we publish. */
export const DIAGNOSTIC_SOURCE = 'async-guard';

/**
 * Sent by the client in `initializationOptions`. Other editors may also put the
 * `asyncGuard.*` settings here, nested (`{ asyncGuard: { … } }`) or flat; the
 * configuration the client pulls or pushes later overrides them key by key.
 */
export interface InitializationOptions {
  /** The workspace is trusted: the project's own ESLint config may be loaded. Clients without trust say nothing (= trusted). */
  workspaceTrusted?: boolean;
}
