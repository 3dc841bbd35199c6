import type { Linter } from 'eslint';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, ServerCommands } from '../shared/protocol';
import { messageRange, type ProblemKey } from './diagnostics';
import { disableNextLineEdit } from './disable-comment';
import { ruleDocsUrl, shortRuleName, type LintPlugin } from './plugin-shape';
import type { ClientSupport } from './client-support';
import { fixToTextEdit, replaceAllEdit } from './text-edits';
import { documentEdit } from './workspace-edit';

export interface CodeActionRequest {
  document: TextDocument;
  /** Actions that need a request the client does not handle are left out. */
  client: Pick<ClientSupport, 'applyEdit' | 'documentChanges' | 'showDocument'>;
  range: Range;
  /** The diagnostics the client says are at the range. */
  diagnostics: Diagnostic[];
  only: string[] | undefined;
  /** The problems of the current document version. */
  problems: Linter.LintMessage[];
  /** The text with every fix applied, computed only when a fix-all source action is asked for. */
  fixAll: () => Promise<string | undefined>;
  /** The conversion rule's problems (with suggestions), computed only when refactors are asked for. */
  conversions: () => Promise<Linter.LintMessage[]>;
  /** "Convert 'name' to async/await" for the function declared on the cursor's line, with its callers in other files. */
  functionConversion?: () => CodeAction | undefined;
}

/** The vscode-eslint family: fix, suggestions, fix all of the rule, disable for the line, documentation; plus fixAll and the refactor. */
export async function buildCodeActions(plugin: LintPlugin, request: CodeActionRequest): Promise<CodeAction[]> {
  const { document, only, client } = request;
  const actions: CodeAction[] = [];
  const uri = document.uri;
  const edit = (edits: TextEdit[]) => documentEdit(client.documentChanges, document, edits);

  if (wants(only, CodeActionKind.QuickFix)) {
    const rulesDone = new Set<string>();
    for (const diagnostic of request.diagnostics) {
      const message = problemFor(diagnostic, request);
      const ruleName = shortRuleName(message?.ruleId ?? null);
      if (message === undefined || ruleName === undefined || message.ruleId === null) continue;
      if (message.fix !== undefined) {
        actions.push({
          title: `Fix this ${ruleName} problem`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: edit([fixToTextEdit(document, message.fix)]),
        });
      }
      for (const suggestion of message.suggestions ?? []) {
        actions.push({
          title: suggestion.desc,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit([fixToTextEdit(document, suggestion.fix)]),
        });
      }
      if (rulesDone.has(ruleName)) continue;
      rulesDone.add(ruleName);
      const fixable = request.problems.filter((problem) => problem.ruleId === message.ruleId && problem.fix !== undefined);
      if (fixable.length > 1 && client.applyEdit) {
        actions.push({
          title: `Fix all ${ruleName} problems in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: 'Fix all', command: ServerCommands.applyFixAll, arguments: [uri, ruleName] },
        });
      }
      actions.push({
        title: `Disable ${ruleName} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit([disableNextLineEdit(document, diagnostic.range.start.line, message.ruleId)]),
      });
      const url = ruleDocsUrl(plugin, ruleName);
      if (url !== undefined && client.showDocument) {
        actions.push({
          title: `Show documentation for ${ruleName}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: 'Show documentation', command: ServerCommands.showDocumentation, arguments: [url] },
        });
      }
    }
  }

  if (wants(only, CodeActionKind.RefactorRewrite)) {
    const whole = request.functionConversion?.();
    if (whole !== undefined) actions.push(whole);
    for (const message of await request.conversions()) {
      if (!contains(messageRange(message), request.range.start)) continue;
      const suggestions = message.suggestions ?? [];
      for (const suggestion of suggestions) {
        actions.push({
          title: suggestions.length === 1 ? 'Convert to async/await' : `Convert to async/await: ${suggestion.desc}`,
          kind: CodeActionKind.RefactorRewrite,
          edit: edit([fixToTextEdit(document, suggestion.fix)]),
        });
      }
    }
  }

  // Source actions only when asked for by kind (editor.codeActionsOnSave, the Source Action menu): computing them lints again.
  if (only !== undefined && wants(only, FIX_ALL_KIND)) {
    const fixed = await request.fixAll();
    if (fixed !== undefined) {
      actions.push({ title: 'Fix all async-guard problems', kind: FIX_ALL_KIND, edit: edit([replaceAllEdit(document, fixed)]) });
    }
  }
  return actions;
}

/** Whether a client's `only` filter lets an action of this kind through (`source` lets `source.fixAll.asyncGuard` through). */
function wants(only: string[] | undefined, kind: string): boolean {
  if (only === undefined || only.length === 0) return true;
  return only.some((filter) => kind === filter || kind.startsWith(`${filter}.`));
}

function problemFor(diagnostic: Diagnostic, request: CodeActionRequest): Linter.LintMessage | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const key = diagnostic.data as Partial<ProblemKey> | undefined;
  if (key?.version === request.document.version && typeof key.index === 'number') return request.problems[key.index];
  // A client that drops `data` (or an older version's diagnostic): match by rule and range.
  return request.problems.find(
    (problem) => shortRuleName(problem.ruleId) === diagnostic.code && sameRange(messageRange(problem), diagnostic.range),
  );
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function contains(range: Range, position: Range['start']): boolean {
  const afterStart =
    position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
