import { ESLintUtils } from '@typescript-eslint/utils';
import { giveUpOnStackOverflow } from './stack-overflow-guard';

export interface AsyncGuardRuleDocs {
  /** In the `recommended` config. */
  recommended?: boolean;
  /** Uses type information when it is there; never requires it. */
  usesTypeInformation?: boolean;
}

export const DOCS_BASE_URL = 'https://github.com/async-guard/async-guard/blob/main/docs/rules/';

const createBaseRule = ESLintUtils.RuleCreator<AsyncGuardRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);

/** typescript-eslint's rule creator, with every listener giving up on a node whose check overflows the stack (see stack-overflow-guard.ts). */
export const createRule: typeof createBaseRule = (spec) => {
  const rule = createBaseRule(spec);
  return { ...rule, create: (context) => giveUpOnStackOverflow(rule.create(context)) };
};
