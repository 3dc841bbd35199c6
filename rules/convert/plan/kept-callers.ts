import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { functionIndex } from '../program/function-index';
import type { Program, ProgramFile } from '../program/program';
import { functionKey, type ContractRefusal } from './contract-plan';

/**
 * Calls in `file` of the program's functions that keep their callback, by
 * the call's `start:end` range, with what the report says there: the
 * call-level conversion knows only that the callee is not a known API, while
 * the plan knows why the function keeps its callback.
 */
export function keptCallers(program: Program, file: ProgramFile, refusals: readonly ContractRefusal[]): Map<string, string> {
  const kept = new Map<string, ContractRefusal>();
  for (const refusal of refusals) if (refusal.key !== undefined && !kept.has(refusal.key)) kept.set(refusal.key, refusal);
  const texts = new Map<string, string>();
  if (kept.size === 0) return texts;
  const functions = functionIndex(program);
  for (const programFile of program.files) {
    for (const fn of programFile.record.functions) {
      const info = functions.infoOf(fn);
      const refusal = info === undefined ? undefined : kept.get(functionKey(info));
      if (refusal === undefined) continue;
      for (const reference of functions.referencesOf(fn)) {
        if (reference.kind !== 'call' || reference.file !== file) continue;
        const call = reference.node.parent as TSESTree.CallExpression;
        const where = refusal.file === file.path ? `line ${refusal.line}` : `${path.relative(path.dirname(file.path), refusal.file)}:${refusal.line}`;
        texts.set(`${call.range[0]}:${call.range[1]}`, `\`${refusal.name}\` (${where}) keeps its callback: ${refusal.reason}`);
      }
    }
  }
  return texts;
}
