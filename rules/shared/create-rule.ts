import { ESLintUtils } from '@typescript-eslint/utils';
import { mergedOptionsCache } from './merged-options';
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
 * The options are merged with the defaults once per distinct configuration,
 * not once per file (see merged-options.ts).
 */
export const createRule: typeof createDocumentedRule = (rule) => {
  const created = createDocumentedRule(rule);
  type Options = Parameters<typeof rule.create>[1];
  // As typescript-eslint's creator: `meta.defaultOptions` first, then `defaultOptions`.
  const defaults = ((rule.meta as { defaultOptions?: Options }).defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const optionsFor = mergedOptionsCache<Options>(defaults);
  return {
    ...created,
    create(context) {
      noteSourceType(context);
      return giveUpOnStackOverflow(rule.create(context, optionsFor(context.options)));
    },
  };
};
