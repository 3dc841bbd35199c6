import { Worker } from 'node:worker_threads';
import { WORKER_YOUNG_GENERATION_MB } from '../shared/server-memory';
import type { LintOutcome, LintRequest } from './document-linter';
import type { TypedWorkReply, TypedWorkRequest } from './typed-lint-protocol';

/** After this many worker crashes, type-aware linting stays off until the server restarts. */
const MAX_CRASHES = 3;

export const TYPED_WORKER_ROLE = 'async-guard-typed-lint';

interface Job {
  work: TypedWorkRequest;
  resolve: (reply: TypedWorkReply | undefined) => void;
}

/**
 * Type-aware linting in a worker thread. The TypeScript program lives there,
 * so building and checking it never holds up the syntactic diagnostics the
 * main thread publishes first, and on a machine with two cores both passes
 * run at once. Requests go one at a time; a lint request waiting for the
 * worker is dropped (answered `undefined`) when a newer one for the same
 * file arrives, so typing never builds a backlog.
 */
export class TypedLinter {
  private worker: Worker | undefined;
  private current: Job | undefined;
  private waiting: Job[] = [];
  private crashes = 0;

  constructor(
    private readonly entry: string,
    private readonly log: (message: string) => void,
  ) {}

  /** Undefined when superseded by a newer request for the file, or when the worker failed (logged). */
  async lint(request: LintRequest): Promise<LintOutcome | undefined> {
    for (const job of this.waiting.filter((waiting) => waiting.work.kind === 'lint' && waiting.work.request.filePath === request.filePath)) {
      this.waiting.splice(this.waiting.indexOf(job), 1);
      job.resolve(undefined);
    }
    const reply = await this.enqueue({ kind: 'lint', request });
    return reply?.kind === 'lint' ? reply.outcome : undefined;
  }

  async fix(request: LintRequest, fixRule: string | undefined): Promise<string | undefined> {
    const reply = await this.enqueue({ kind: 'fix', request, fixRule });
    return reply?.kind === 'fix' ? reply.output : undefined;
  }

  async forgetBrokenRules(filePath: string): Promise<void> {
    if (this.worker !== undefined) await this.enqueue({ kind: 'forget', filePath });
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll();
    await worker?.terminate();
  }

  private enqueue(work: TypedWorkRequest): Promise<TypedWorkReply | undefined> {
    if (this.crashes >= MAX_CRASHES) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting.push({ work, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current !== undefined) return;
    const job = this.waiting.shift();
    if (job === undefined) return;
    this.current = job;
    this.workerNow().postMessage(job.work);
  }

  private workerNow(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(this.entry, { workerData: { role: TYPED_WORKER_ROLE }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    worker.on('message', (reply: TypedWorkReply) => {
      if (reply.kind === 'log') return this.log(reply.message);
      const job = this.current;
      this.current = undefined;
      job?.resolve(reply);
      this.pump();
    });
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', (code) => this.crashed(worker, new Error(`exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.crashes++;
    const next = this.crashes >= MAX_CRASHES ? 'type-aware linting is off until the server restarts' : 'it restarts with the next edit';
    this.log(`async-guard: the type-aware lint worker stopped (${error.message}); ${next}.`);
    this.failAll();
  }

  private failAll(): void {
    const jobs = [...(this.current === undefined ? [] : [this.current]), ...this.waiting];
    this.current = undefined;
    this.waiting = [];
    for (const job of jobs) job.resolve(undefined);
  }
}
