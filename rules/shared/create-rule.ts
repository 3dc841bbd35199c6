import { ESLintUtils } from '@typescript-eslint/utils';

export interface AsyncGuardRuleDocs {
  /** In the `recommended` config. */
  recommended?: boolean;
  /** Uses type information when it is there; never requires it. */
  usesTypeInformation?: boolean;
}

export const DOCS_BASE_URL = 'https://github.com/async-guard/async-guard/blob/main/docs/rules/';

export const createRule = ESLintUtils.RuleCreator<AsyncGuardRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
