import type { ClientCapabilities } from 'vscode-languageserver/node';

/** What the client declared in `initialize`: the server uses a request or a form only when the client says it handles it. */
export interface ClientSupport {
  /** `workspace/configuration` (pull); otherwise settings come from `initializationOptions` and `didChangeConfiguration`. */
  pullsConfiguration: boolean;
  registersConfigurationDynamically: boolean;
  registersWatchedFilesDynamically: boolean;
  /** `workspace/applyEdit`: needed by the command actions (fix all of a rule, convert file). */
  applyEdit: boolean;
  /** `WorkspaceEdit.documentChanges` (versioned edits); otherwise `changes`. */
  documentChanges: boolean;
  /** `window/showDocument`: needed by "Show documentation". */
  showDocument: boolean;
}

export function readClientSupport(capabilities: ClientCapabilities): ClientSupport {
  const workspace = capabilities.workspace;
  return {
    pullsConfiguration: workspace?.configuration === true,
    registersConfigurationDynamically: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    registersWatchedFilesDynamically: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    applyEdit: workspace?.applyEdit === true,
    documentChanges: workspace?.workspaceEdit?.documentChanges === true,
    showDocument: capabilities.window?.showDocument?.support === true,
  };
}
