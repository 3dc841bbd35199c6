import * as fs from 'node:fs';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { createChecker, noProblems, type CheckerOptions, type FileReport } from './harness';

/** One file to check: its absolute name and, for generated cases, its text (else read from disk). */
export interface Job {
  readonly name: string;
  readonly text?: string;
  /** Valid input: a parse error counts as a crash. */
  readonly mustParse?: boolean;
}

/**
 * Deep nesting (the 3,000-level pyramid) overflows the TypeScript parser's
 * recursion at Node's default ~1 MB stack, before any rule runs; the
 * checks run in a worker thread with a larger stack so the rules are
 * reached and tested at that depth.
 */
const STACK_MB = 64;

/**
 * Checks every job in a worker thread, one at a time, with a watchdog: a
 * file that runs past `hardLimitMs` (an infinite loop) is counted as a hang,
 * the worker is killed and a new one goes on with the next file.
 */
export async function checkInWorker(
  jobs: readonly Job[],
  options: CheckerOptions & { hardLimitMs: number; onReport?: (report: FileReport, index: number) => void },
): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  let next = 0;
  while (next < jobs.length) {
    next = await new Promise<number>((resolve, reject) => {
      const checkerOptions: CheckerOptions = { typeAware: options.typeAware, cwd: options.cwd, timeLimitMs: options.timeLimitMs };
      const worker = new Worker(__filename, { workerData: checkerOptions, resourceLimits: { stackSizeMb: STACK_MB } });
      let index = next;
      let timer: NodeJS.Timeout | undefined;
      const send = (): void => {
        if (index >= jobs.length) {
          void worker.terminate().then(() => resolve(index));
          return;
        }
        const job = jobs[index] as Job;
        timer = setTimeout(() => {
          const report: FileReport = { ...noProblems(), hangs: 1, name: job.name, parseError: false, findings: 0, fixesApplied: false, suggestionsTried: 0, ms: options.hardLimitMs, details: [`${job.name}: hangs: killed after ${options.hardLimitMs} ms`] };
          reports.push(report);
          options.onReport?.(report, index);
          void worker.terminate().then(() => resolve(index + 1));
        }, options.hardLimitMs);
        worker.postMessage(job);
      };
      worker.on('message', (report: FileReport) => {
        clearTimeout(timer);
        const job = jobs[index] as Job;
        if (job.mustParse === true && report.parseError) {
          report.crashes++;
          report.details.push(`${job.name}: valid input reported as a parse error: ${report.parseErrorMessage ?? ''}`);
        }
        reports.push(report);
        options.onReport?.(report, index);
        index++;
        send();
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      send();
    });
  }
  return reports;
}

if (parentPort !== null && (workerData as CheckerOptions | undefined)?.cwd !== undefined) {
  const port = parentPort;
  const check = createChecker(workerData as CheckerOptions);
  port.on('message', (job: Job) => {
    port.postMessage(check(job.name, job.text ?? fs.readFileSync(job.name, 'utf8')));
  });
}
