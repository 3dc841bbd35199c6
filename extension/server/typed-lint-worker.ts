import { parentPort } from 'node:worker_threads';
import { DocumentLinter } from './document-linter';
import { IdleCollector } from './idle-collector';
import { fixesRule, type LintPlugin } from './plugin-shape';
import type { TypedWorkReply, TypedWorkRequest } from './typed-lint-protocol';

/**
 * The worker thread's side of type-aware linting: one DocumentLinter, so one
 * typescript-eslint project service (one TypeScript program per project),
 * kept alive between requests and answered one request at a time.
 */
export function runTypedLintWorker(plugin: LintPlugin): void {
  const port = parentPort;
  if (port === null) throw new Error('runTypedLintWorker must run in a worker thread');
  const reply = (message: TypedWorkReply) => port.postMessage(message);
  const linter = new DocumentLinter(plugin, (message) => reply({ kind: 'log', message }));
  const idle = new IdleCollector();
  const answer = (work: TypedWorkRequest): TypedWorkReply => {
    switch (work.kind) {
      case 'lint':
        return { kind: 'lint', outcome: linter.lint(work.request) };
      case 'fix':
        return { kind: 'fix', output: linter.fix(work.request, fixesRule(work.fixRule)) };
      case 'forget':
        linter.forgetBrokenRules(work.filePath);
        return { kind: 'done' };
    }
  };
  port.on('message', (work: TypedWorkRequest) => {
    idle.busy();
    reply(answer(work));
    idle.idle();
  });
}
