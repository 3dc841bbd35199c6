import { ESLintUtils } from '@typescript-eslint/utils';
import { noteSourceType } from './source-type';
import { giveUpOnStackOverflow } from './stack-overflow-guard';

export interface AsyncGuardRuleDocs {
  /** In the `recommended` config. */
  recommended?: boolean;
  /** Uses type information when it is there; never requires it. */
  usesTypeInformation?: boolean;
}

export const DOCS_BASE_URL = 'https://github.com/async-guard/async-guard/blob/main/docs/rules/';

const createDocumentedRule = ESLintUtils.RuleCreator<AsyncGuardRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);

/**
 * typescript-eslint's rule creator. Each rule's `create` first notes what only
 * the context tells about the file (see source-type.ts), and every listener
 * gives up on a node whose check overflows the stack (see stack-overflow-guard.ts).
 */
export const createRule: typeof createDocumentedRule = (rule) => {
  const created = createDocumentedRule(rule);
  return {
    ...created,
    create(context) {
      noteSourceType(context);
      return giveUpOnStackOverflow(created.create(context));
    },
  };
};
