import * as path from 'node:path';
import type { Linter } from 'eslint';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionTriggerKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, ServerCommands, type InitializationOptions } from '../shared/protocol';
import { buildCodeActions } from './code-actions';
import { functionConversionAction } from './function-conversion';
import { fileURLToPath } from 'node:url';
import { ownProblems, toDiagnostic } from './diagnostics';
import { documentFile, LINTED_LANGUAGES } from './document-files';
import { DocumentLinter, type LintRequest } from './document-linter';
import { IdleCollector } from './idle-collector';
import { ruleLevels, type TypeAwareProject } from './lint-config';
import { CONVERSION_RULE, fixesRule, PLUGIN_PREFIX, type LintPlugin } from './plugin-shape';
import { ProjectESLint } from './project-eslint';
import { readClientSupport, type ClientSupport } from './client-support';
import { layerSettings, readSettingsLayer, type Settings } from './settings';
import { applyNonOverlapping } from './apply-fixes';
import { replaceAllEdit } from './text-edits';
import { TypeAwareProjects } from './type-aware-projects';
import { TypedLinter } from './typed-linter';
import { documentEdit } from './workspace-edit';

/**
 * No typing debounce: a lint starts as soon as the server is idle. Linting is
 * synchronous, so the edits that arrive meanwhile wait in the event loop and
 * the next lint sees all of them at once.
 */
const TYPING_DELAY_MS = 0;
/** Open files that import an edited one are linted again after this (type-aware mode). */
const DEPENDANTS_DELAY_MS = 500;
/** The code of the notice published for a file that is not linted (nested deeper than the stack holds). */
const SKIPPED_CODE = 'skipped';
/** "Convert file" applies non-overlapping conversions pass after pass, like ESLint's fix passes. */
const MAX_CONVERSION_PASSES = 10;

interface LintResult {
  version: number;
  problems: Linter.LintMessage[];
}

/** What one lint pass found: problems, or why the file was not linted (published as one Information diagnostic). */
interface Checked {
  problems: Linter.LintMessage[];
  notice?: string;
}

/** Wires the async-guard language server onto a connection: documents, diagnostics, code actions, commands. */
/** `workerEntry`: the file that runs the type-aware lint worker (the server's own entry). */
export function startServer(connection: Connection, plugin: LintPlugin, workerEntry: string): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.log(message);
  const linter = new DocumentLinter(plugin, log);
  const typedLinter = new TypedLinter(workerEntry, log);
  const projects = new TypeAwareProjects();
  const projectESLint = new ProjectESLint();
  const settingsCache = new Map<string, Promise<Settings>>();
  const results = new Map<string, LintResult>();
  const timers = new Map<string, NodeJS.Timeout>();
  const notified = new Set<string>();
  // Defaults → initializationOptions → the configuration pulled or pushed later (settings.ts).
  let initialSettings: Partial<Settings> = {};
  let pushedSettings: Partial<Settings> = {};
  let client: ClientSupport = readClientSupport({});
  let trusted = true;
  // One syntactic lint at a time (the Linter is not re-entrant across awaits); type-aware ones queue in the worker.
  let queue: Promise<void> = Promise.resolve();
  const idle = new IdleCollector();

  let roots: string[] = [];
  connection.onInitialize((params): InitializeResult => {
    client = readClientSupport(params.capabilities);
    roots = (params.workspaceFolders ?? []).flatMap((folder) => (folder.uri.startsWith('file:') ? [fileURLToPath(folder.uri)] : []));
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    // Only VS Code knows of trust. Elsewhere the project's config is loaded only when the client sets useESLintConfig.
    trusted = options.workspaceTrusted !== false;
    initialSettings = readSettingsLayer(options);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
      },
      serverInfo: { name: 'async-guard' },
    };
  });

  connection.onInitialized(() => {
    if (client.registersConfigurationDynamically) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'asyncGuard' });
    if (!client.registersWatchedFilesDynamically) return; // saves still re-lint dependants
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/{tsconfig,jsconfig}*.json' }, { globPattern: '**/eslint.config.{js,mjs,cjs,ts,mts,cts}' }, { globPattern: '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}' }],
      })
      .catch(() => undefined);
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    if (!client.pullsConfiguration) pushedSettings = readSettingsLayer(change.settings);
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  connection.onDidChangeWatchedFiles((change) => {
    const configChanged = change.changes.some((event) => /(?:[tj]sconfig[^/\\]*\.json|eslint\.config\.[cm]?[jt]s)$/.test(event.uri));
    if (configChanged) {
      projects.reset();
      projectESLint.reset();
    }
    for (const document of documents.all()) schedule(document.uri, DEPENDANTS_DELAY_MS);
  });

  documents.onDidChangeContent((event) => {
    void settingsFor(event.document.uri).then((settings) => {
      if (settings.run !== 'onType') return;
      schedule(event.document.uri, TYPING_DELAY_MS);
      scheduleDependants(event.document, settings);
    });
  });
  documents.onDidSave((event) => {
    void settingsFor(event.document.uri).then((settings) => {
      if (settings.run === 'onSave') schedule(event.document.uri, 0);
      scheduleDependants(event.document, settings);
    });
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    results.delete(uri);
    settingsCache.delete(uri);
    linter.forgetBrokenRules(documentFile(event.document).filePath);
    void typedLinter.forgetBrokenRules(documentFile(event.document).filePath);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined || !LINTED_LANGUAGES.has(document.languageId)) return [];
    const settings = await settingsFor(document.uri);
    if (!settings.enable || document.getText().length > settings.maxFileSize) return [];
    const problems = await currentProblems(document, settings);
    return buildCodeActions(plugin, {
      document,
      client,
      range: params.range,
      diagnostics: params.context.diagnostics,
      only: params.context.only,
      problems,
      fixAll: () => fixedText(document, settings),
      conversions: () => conversionProblems(document.getText(), document, settings),
      // Reads and analyses the workspace folder: only when the user asks (the refactor menu, Ctrl+.), not on every cursor move.
      functionConversion: () => {
        if (params.context.triggerKind !== CodeActionTriggerKind.Invoked && !(params.context.only ?? []).some((kind) => kind.startsWith('refactor'))) return undefined;
        const open = new Map(documents.all().map((candidate) => [documentFile(candidate).filePath, candidate]));
        return functionConversionAction({
          document,
          position: params.range.start,
          roots,
          openText: (filePath) => open.get(filePath)?.getText(),
          versionOf: (filePath) => open.get(filePath)?.version ?? null,
          api: settings.conversionApi,
          deferSyncCallbacks: settings.conversionDeferSyncCallbacks,
          documentChanges: client.documentChanges,
        });
      },
    });
  });

  connection.onExecuteCommand(async (params) => {
    const [first, second] = (params.arguments ?? []) as unknown[];
    if (params.command === ServerCommands.showDocumentation && typeof first === 'string') {
      if (client.showDocument) await connection.window.showDocument({ uri: first, external: true });
      return;
    }
    const document = typeof first === 'string' ? documents.get(first) : undefined;
    if (document === undefined) return;
    if (params.command === ServerCommands.convertFile && !(CONVERSION_RULE in plugin.rules)) {
      const message = `async-guard: this version has no ${CONVERSION_RULE} rule, so there is nothing to convert with.`;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
      return;
    }
    const settings = await settingsFor(document.uri);
    const newText =
      params.command === ServerCommands.applyFixAll
        ? await fixedText(document, settings, typeof second === 'string' ? second : undefined)
        : params.command === ServerCommands.convertFile
          ? await convertedText(document, settings)
          : undefined;
    if (newText === undefined || newText === document.getText()) return;
    if (!client.applyEdit) {
      const message = 'async-guard: this editor does not apply edits sent by a server (workspace/applyEdit), so the command cannot change the file.';
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      return;
    }
    await connection.workspace.applyEdit(documentEdit(client.documentChanges, document, [replaceAllEdit(document, newText)]));
  });

  connection.onShutdown(() => typedLinter.dispose());

  documents.listen(connection);
  connection.listen();

  function settingsFor(uri: string): Promise<Settings> {
    if (!client.pullsConfiguration) return Promise.resolve(layerSettings(initialSettings, pushedSettings));
    let settings = settingsCache.get(uri);
    if (settings === undefined) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'asyncGuard' }).then(
        (pulled) => layerSettings(initialSettings, readSettingsLayer(pulled)),
        () => layerSettings(initialSettings),
      );
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        queue = queue.then(() => validate(uri)).catch((error: unknown) => log(`async-guard: ${String(error)}`));
      }, delay),
    );
  }

  /** Type-aware problems of other open files may change when a file they import changes: lint them again, later. */
  function scheduleDependants(changed: TextDocument, settings: Settings): void {
    if (typeAwareProject(changed, settings) === undefined) return;
    for (const document of documents.all()) {
      if (document.uri !== changed.uri && results.has(document.uri) && typeAwareProject(document, settings) !== undefined) {
        schedule(document.uri, DEPENDANTS_DELAY_MS);
      }
    }
  }

  async function validate(uri: string): Promise<void> {
    idle.busy();
    const document = documents.get(uri);
    if (document === undefined || !LINTED_LANGUAGES.has(document.languageId)) return;
    const settings = await settingsFor(uri);
    const version = document.version;
    const publish = ({ problems, notice }: Checked) => {
      if (documents.get(uri)?.version !== version) return false;
      results.set(uri, { version, problems });
      const diagnostics = problems.map((problem, index) => toDiagnostic(plugin, problem, { index, version }));
      if (notice !== undefined) diagnostics.push(skippedDiagnostic(notice));
      void connection.sendDiagnostics({ uri, version, diagnostics });
      idle.idle();
      return true;
    };
    if (!settings.enable) return void publish({ problems: [] });
    if (document.getText().length > settings.maxFileSize) {
      noticeTooLarge(document, settings);
      return void publish({ problems: [] });
    }
    if (useProjectConfig(document, settings)) {
      const problems = await projectProblems(document);
      if (problems !== undefined) return void publish({ problems });
    }
    // The type-aware pass starts first, in the worker; the syntactic problems are published as soon as they are known.
    const project = typeAwareProject(document, settings);
    const typed = project === undefined ? undefined : typedCheck(document.getText(), document, settings, project);
    if (!publish(syntacticCheck(document.getText(), document, settings)) || typed === undefined) return;
    // Not awaited: the next edit's syntactic lint must not wait for the type checker.
    void typed.then((checked) => checked !== undefined && publish(checked));
  }

  /** The problems of the document's current version, linting now if the last result is older. */
  async function currentProblems(document: TextDocument, settings: Settings): Promise<Linter.LintMessage[]> {
    const result = results.get(document.uri);
    if (result?.version === document.version) return result.problems;
    if (useProjectConfig(document, settings)) {
      const problems = await projectProblems(document);
      if (problems !== undefined) return problems;
    }
    return lintProblems(document.getText(), document, settings);
  }

  /** Syntactic problems; a file that does not parse has none. */
  function lintProblems(text: string, document: TextDocument, settings: Settings, rules = ruleLevels(plugin, settings)): Linter.LintMessage[] {
    return syntacticCheck(text, document, settings, rules).problems;
  }

  /** Syntactic problems, or the notice of a file refused for its nesting. */
  function syntacticCheck(text: string, document: TextDocument, settings: Settings, rules = ruleLevels(plugin, settings)): Checked {
    const outcome = linter.lint(lintRequest(text, document, rules, undefined));
    if (outcome.kind === 'refused') return refusedCheck(document, outcome.message);
    return { problems: outcome.kind === 'problems' ? outcome.messages : [] };
  }

  /** Type-aware problems from the worker; undefined when superseded by a newer version or when the worker failed. */
  async function typedProblems(
    text: string,
    document: TextDocument,
    settings: Settings,
    project: TypeAwareProject,
    rules = ruleLevels(plugin, settings),
  ): Promise<Linter.LintMessage[] | undefined> {
    return (await typedCheck(text, document, settings, project, rules))?.problems;
  }

  async function typedCheck(
    text: string,
    document: TextDocument,
    settings: Settings,
    project: TypeAwareProject,
    rules = ruleLevels(plugin, settings),
  ): Promise<Checked | undefined> {
    const request = lintRequest(text, document, rules, project);
    const outcome = await typedLinter.lint(request);
    if (outcome?.kind === 'refused') return refusedCheck(document, outcome.message);
    if (outcome?.kind !== 'parseError') return outcome?.kind === 'problems' ? { problems: outcome.messages } : undefined;
    // A file that parses but fails here was not found by the project service: lint it syntactically from now on.
    const syntactic = linter.lint({ ...request, project: undefined });
    if (syntactic.kind === 'refused') return refusedCheck(document, syntactic.message);
    if (syntactic.kind !== 'problems') return { problems: [] };
    projects.markOutsideProject(request.filePath);
    if (settings.typeAware === 'on') log(`async-guard: ${request.filePath} is in no TypeScript project (${outcome.message}); linted without types.`);
    return { problems: syntactic.messages };
  }

  /** A file nested deeper than the stack holds: no problems, one notice (and one log line per document). */
  function refusedCheck(document: TextDocument, reason: string): Checked {
    const key = `refused:${document.uri}`;
    if (!notified.has(key)) {
      notified.add(key);
      log(`async-guard: skipped ${documentFile(document).filePath}: ${reason}.`);
    }
    return { problems: [], notice: `async-guard skipped this file: ${reason}.` };
  }

  async function conversionProblems(text: string, document: TextDocument, settings: Settings): Promise<Linter.LintMessage[]> {
    if (!(CONVERSION_RULE in plugin.rules)) return [];
    const configured = settings.rules[CONVERSION_RULE];
    // The refactor is offered even where the rule is off: only its options come from the settings.
    const options = Array.isArray(configured) ? configured.slice(1) : [];
    const rules: Linter.RulesRecord = { [PLUGIN_PREFIX + CONVERSION_RULE]: ['warn', ...options] };
    const project = typeAwareProject(document, settings);
    const typed = project === undefined ? undefined : await typedProblems(text, document, settings, project, rules);
    const messages = typed ?? lintProblems(text, document, settings, rules);
    return messages.filter((message) => message.ruleId === PLUGIN_PREFIX + CONVERSION_RULE);
  }

  /** The whole file converted: every conversion's first suggestion, in passes until nothing is left to convert. */
  async function convertedText(document: TextDocument, settings: Settings): Promise<string | undefined> {
    // ESLint's offsets do not count a byte order mark.
    const bom = document.getText().startsWith('\uFEFF') ? '\uFEFF' : '';
    let text = document.getText().slice(bom.length);
    for (let pass = 0; pass < MAX_CONVERSION_PASSES; pass++) {
      const fixes = (await conversionProblems(text, document, settings)).flatMap((problem) => problem.suggestions?.[0]?.fix ?? []);
      const next = applyNonOverlapping(text, fixes);
      if (next === text) break;
      text = next;
    }
    return bom + text === document.getText() ? undefined : bom + text;
  }

  async function fixedText(document: TextDocument, settings: Settings, ruleName?: string): Promise<string | undefined> {
    const shouldFix = fixesRule(ruleName);
    const { filePath } = documentFile(document);
    if (useProjectConfig(document, settings)) {
      try {
        return await projectESLint.fix(document.getText(), filePath, projectCwd(document), shouldFix);
      } catch (error) {
        log(`async-guard: the project's ESLint config could not fix ${filePath}: ${String(error)}`);
      }
    }
    const request = lintRequest(document.getText(), document, ruleLevels(plugin, settings), typeAwareProject(document, settings));
    if (request.project !== undefined) return typedLinter.fix(request, ruleName);
    return linter.fix(request, shouldFix);
  }

  function useProjectConfig(document: TextDocument, settings: Settings): boolean {
    return trusted && settings.useESLintConfig && documentFile(document).isFile;
  }

  async function projectProblems(document: TextDocument): Promise<Linter.LintMessage[] | undefined> {
    const { filePath } = documentFile(document);
    try {
      const messages = await projectESLint.lint(document.getText(), filePath, projectCwd(document));
      return messages === undefined ? undefined : ownProblems(messages.filter((message) => message.fatal !== true));
    } catch (error) {
      const key = `config:${projectCwd(document)}`;
      if (!notified.has(key)) {
        notified.add(key);
        log(`async-guard: the project's ESLint config could not be used (${String(error)}); using the built-in rules.`);
      }
      return undefined;
    }
  }

  function projectCwd(document: TextDocument): string {
    return path.dirname(documentFile(document).filePath);
  }

  function typeAwareProject(document: TextDocument, settings: Settings): TypeAwareProject | undefined {
    const { filePath, isFile } = documentFile(document);
    return projects.projectFor(filePath, settings, isFile);
  }

  function lintRequest(text: string, document: TextDocument, rules: Linter.RulesRecord, project: TypeAwareProject | undefined): LintRequest {
    return { text, filePath: documentFile(document).filePath, rules, project };
  }

  function noticeTooLarge(document: TextDocument, settings: Settings): void {
    if (notified.has(document.uri)) return;
    notified.add(document.uri);
    const message = `async-guard: skipped ${path.basename(documentFile(document).filePath)}: ${document.getText().length} characters is over asyncGuard.maxFileSize (${settings.maxFileSize}).`;
    log(message);
    // A notification, not showInformationMessage (a request some clients do not answer).
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
  }
}

/** An Information diagnostic at the top of the file: shown in the Problems panel, never mistaken for a finding (its code is no rule's). */
function skippedDiagnostic(message: string): Diagnostic {
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: SKIPPED_CODE, message };
}
