import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { annotatedLink, mayBeThenableType } from './annotated-link';
import { freshName, type ChainContext } from '../rewrite/chain-context';
import type { ChainSite, Mode } from './chain-site';
import { awaitOperand, expressionStatement, hasEffects, isPlainlySync } from './chain-values';
import { handlerBody, isUsedParameter, ownReturnsIn, type Body } from './handler-body';
import { bracedIfAlone, commentsOutside, indentationAt, indentUnit, ownerIndentUnit, reindent, startsLine, hasMultilineToken } from '../text/layout';
import { renameLandingVariables } from '../rewrite/rename';
import { renderRange } from '../text/text-edits';
import { isNamedHandler, type ChainLink, type ThenChain } from './then-chain';
import { refuse, type Refused, type TextEdit } from '../types';
import { typeAnnotationOf } from '../../shared/optional-keys';

/** Where the value of the try part goes: returned, awaited as a statement, or assigned for the `.then`s after it. */
type Tail = Mode | 'assign';

/** The text replacing the chain's statement: awaits, `try/catch/finally`, then the later handlers. */
/**
 * `awaitReturns`: every returned value that may be a promise is written
 * `return await v`, as a returned chain awaited inside a `try` needs (the
 * `try` must see its rejection); handlers' early returns are then not kept.
 */
export function layOutChain(statement: ChainSite['statement'], chain: ThenChain, mode: Mode, context: ChainContext, terminal: boolean, awaitReturns = false): string | Refused {
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  const semi = context.style.semicolon ? ';' : '';
  const indent = indentationAt(text, statement.range[0]);
  const kept: (readonly [number, number])[] = [chain.base.range];
  const edits: TextEdit[] = [];
  const allLinks = [...chain.thens, chain.catchLink, chain.finallyLink, ...chain.after];
  const firstBody = allLinks.map((link) => link?.handler).find((handler) => handler !== undefined && !isNamedHandler(handler) && handler.body.type === AST_NODE_TYPES.BlockStatement && handler.body.body[0] !== undefined && startsLine(text, handler.body.body[0].range[0]));
  // The step from the statement's own block (not the function: the statement may be nested deeper).
  let block: TSESTree.Node = context.owner;
  for (let node: TSESTree.Node = statement; node !== context.owner && node.parent !== undefined; node = node.parent) {
    if ((node.parent.type === AST_NODE_TYPES.BlockStatement || node.parent.type === AST_NODE_TYPES.SwitchCase) && startsLine(text, node.range[0])) {
      block = node.parent;
      break;
    }
  }
  const fallbackUnit = ownerIndentUnit(text, block, statement.range[0]);
  const unit = firstBody !== undefined && !isNamedHandler(firstBody) && firstBody.body.type === AST_NODE_TYPES.BlockStatement
    ? indentUnit(indentationAt(text, firstBody.range[0]), indentationAt(text, firstBody.body.body[0]?.range[0] ?? 0), fallbackUnit)
    : fallbackUnit;
  const wrapped = chain.catchLink !== undefined || chain.finallyLink !== undefined;
  const inner = wrapped ? indent + unit : indent;
  // `const x = await p.then(a).catch(b)`: `let x;` before the `try`, assigned on both paths.
  const tail: Tail = chain.after.length > 0 || (mode === 'declare' && wrapped) ? 'assign' : mode;
  const declaration = statement.type === AST_NODE_TYPES.VariableDeclaration ? statement : undefined;
  const declared = declaration?.declarations[0]?.id;
  const directTarget = declared?.type === AST_NODE_TYPES.Identifier && chain.after.length === 0 ? declared : undefined;

  for (const link of allLinks) {
    if (link === undefined || isNamedHandler(link.handler)) continue;
    const scope = sourceCode.scopeManager?.acquire(link.handler, true);
    if (scope == null) return refuse('chain-shape');
    edits.push(...renameLandingVariables(scope, undefined, statement, context).edits);
  }
  const body = (handler: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, target: string, last: boolean): Body | Refused => handlerBody(handler, target, last, edits, kept, context);
  // Comments before a link (`// parse` above `.then(parse)`) go with the code of its handler.
  const linkComments = (link: ChainLink): string[] => {
    const from = (link.call.callee as TSESTree.MemberExpression).object.range[1];
    const comments = sourceCode.getAllComments().filter((comment) => comment.range[0] >= from && comment.range[1] <= link.handler.range[0]);
    kept.push(...comments.map((comment) => comment.range));
    return comments.map((comment) => text.slice(comment.range[0], comment.range[1]));
  };
  const namedCallee = (handler: TSESTree.Identifier | TSESTree.MemberExpression): string => (handler.type === AST_NODE_TYPES.Identifier ? handler.name : renderRange(text, handler.range, edits));
  const declaredText = (): string => (declared === undefined ? '' : renderRange(text, declared.range, edits));
  if (declared !== undefined) kept.push(declared.range);

  // The variable the try part hands on: the first later handler's parameter when it is a plain name.
  const firstAfter = chain.after[0]?.handler;
  const afterParameter = firstAfter !== undefined && !isNamedHandler(firstAfter) && firstAfter.params[0]?.type === AST_NODE_TYPES.Identifier ? firstAfter.params[0] : undefined;
  const assigned = directTarget !== undefined
    ? renderRange(text, directTarget.range, edits)
    : afterParameter !== undefined
    ? renderRange(text, afterParameter.range, edits)
    : context.allNames.has('result') || context.claimed.has('result') ? freshName(context, 'result') : 'result';
  const assignedName = assigned.replace(/\s*:[\s\S]*$/, '');
  // Claimed only when written: `result` stays free for an annotated link's value.
  if (tail === 'assign') context.claimed.add(assignedName);
  const annotated = annotatedLink(chain, tail, context);
  if (annotated !== undefined && 'kind' in annotated) return annotated;
  /** `.then<T>(f)`: the link's value goes through `const result: T`, so `T` still fixes its type; the name in its place. */
  const annotate = (link: ChainLink, value: string | undefined, valueNode: TSESTree.Expression | undefined, into: string[]): string | Refused | undefined => {
    if (annotated?.link !== link) return undefined;
    if (value === undefined) return refuse('type-argument');
    const name = context.allNames.has('result') || context.claimed.has('result') ? freshName(context, 'result') : 'result';
    context.claimed.add(name);
    // `T` types the value once settled: a handler may return a promise of it.
    const sync = isPlainlySync(valueNode);
    if (!sync && mayBeThenableType(annotated.type, context.services)) return refuse('type-argument');
    const settledValue = sync ? value : `await ${awaitOperand(value, valueNode)}`;
    into.push(`const ${name}: ${renderRange(text, annotated.type.range, edits)} = ${settledValue}${semi}`);
    return name;
  };

  /** The `.then` handlers as statements into `lines`; the value they end with. */
  const renderThens = (
    links: readonly ChainLink[],
    start: { value: string | undefined; valueNode: TSESTree.Expression | undefined; settled: boolean },
    lines: string[],
    target: string,
    keepLastReturns: boolean,
  ): { value: string | undefined; valueNode: TSESTree.Expression | undefined; settled: boolean } | Refused => {
    let { value, valueNode, settled } = start;
    for (const [index, link] of links.entries()) {
      const handler = link.handler;
      lines.push(...linkComments(link));
      // A value needs no await when it is the variable assigned from awaits, or certainly not a promise.
      const sync = settled || (index > 0 && isPlainlySync(valueNode));
      const previous = awaitOperand(value ?? 'undefined', valueNode);
      if (isNamedHandler(handler)) {
        value = `${namedCallee(handler)}(${sync ? value ?? 'undefined' : `await ${previous}`})`;
        valueNode = undefined;
        const name = annotate(link, value, valueNode, lines);
        if (typeof name === 'object') return name;
        if (name !== undefined) value = name;
        settled = name !== undefined;
        continue;
      }
      const parameter = handler.params[0];
      const skip = index > 0 && value === undefined;
      const renamed = parameter === undefined ? undefined : renderRange(text, parameter.range, edits);
      const used = parameter !== undefined && isUsedParameter(parameter, handler, sourceCode);
      // A handler without a value hands `undefined` on: nothing to await.
      const awaited = sync ? value ?? 'undefined' : `await ${previous}`;
      const isAssigned = index === 0 && settled && parameter === afterParameter && parameter !== undefined;
      if (isAssigned) {
        // The variable assigned in the try part is this parameter already.
      } else if (used) {
        lines.push(skip ? `const ${renamed ?? ''} = undefined${semi}` : `const ${renamed ?? ''} = ${awaited}${semi}`);
      } else if (!skip && !(sync && !hasEffects(valueNode))) {
        // A plainly synchronous value is not awaited, but still evaluated: `.then(() => log('a')).then(…)` keeps `log('a')`.
        lines.push(expressionStatement(awaited, semi));
      }
      const last = index === links.length - 1;
      // The last handler's returns are the function's own when nothing wraps it: they stay where they are.
      const keepReturns = last && keepLastReturns && handler.body.type === AST_NODE_TYPES.BlockStatement && ownReturnsIn(handler, sourceCode).some((inner) => inner !== (handler.body as TSESTree.BlockStatement).body.at(-1));
      if (keepReturns && annotated?.link === link) return refuse('type-argument');
      const result = keepReturns ? handlerBody(handler, target, true, edits, kept, context, true) : body(handler, target, last);
      if ('kind' in result) return result;
      if (result.statements !== '') lines.push(result.statements);
      value = result.value;
      valueNode = result.valueNode;
      const name = annotate(link, value, valueNode, lines);
      if (typeof name === 'object') return name;
      if (name !== undefined) {
        value = name;
        valueNode = undefined;
      }
      settled = name !== undefined;
    }
    return { value, valueNode, settled };
  };

  const lines: string[] = [];
  const baseText = (): string => {
    const rendered = renderRange(text, chain.base.range, edits);
    return hasMultilineToken(sourceCode, chain.base.range) ? rendered : reindent(rendered, indent, inner);
  };
  const tried = renderThens(chain.thens, { value: baseText(), valueNode: chain.base, settled: false }, lines, inner, tail === 'return' && !wrapped && !awaitReturns);
  if ('kind' in tried) return tried;
  let { value, valueNode } = tried;
  if (chain.thens.length === 0) {
    value = baseText();
    valueNode = chain.base;
  }
  const hasThenValue = value !== undefined;
  const settledThen = tried.settled && chain.thens.length > 0;
  const awaitedValue = (): string => (settledThen || isPlainlySync(valueNode) ? value ?? '' : `await ${awaitOperand(value ?? '', valueNode)}`);
  if (tail === 'return') {
    if (hasThenValue) lines.push(`return ${wrapped || awaitReturns ? awaitedValue() : value ?? ''}${semi}`);
  } else if (tail === 'assign') {
    if (hasThenValue) lines.push(`${assignedName} = ${awaitedValue()}${semi}`);
  } else if (tail === 'declare') {
    lines.push(`${declaration?.kind ?? 'const'} ${declaredText()} = ${hasThenValue ? awaitedValue() : 'undefined'}${semi}`);
  } else if (hasThenValue) {
    lines.push(isPlainlySync(valueNode) ? expressionStatement(value ?? '', semi) : `await ${awaitOperand(value ?? '', valueNode)}${semi}`);
  }

  // Code after a returned chain must not run once its awaits fall through.
  const fallsThrough = mode === 'return' && !terminal;
  const endsWithReturn = (block: readonly string[]): boolean => block.at(-1)?.split('\n').at(-1)?.trim().startsWith('return') === true;
  if (fallsThrough && !wrapped && !endsWithReturn(lines)) lines.push(`return${semi}`);
  let catchReturns = chain.catchLink === undefined;
  let out = lines.join(`\n${inner}`);
  if (wrapped) {
    out = `try {\n${inner}${out}\n${indent}}`;
    if (chain.catchLink !== undefined) {
      const handler = chain.catchLink.handler;
      let parameter = '';
      let catchLines: string[] = [];
      // `.catch`'s reason is `any`; a catch variable is `unknown` unless annotated.
      const annotation = context.typescript ? ': any' : '';
      if (isNamedHandler(handler)) {
        const name = context.allNames.has('error') || context.claimed.has('error') ? freshName(context, 'error') : 'error';
        parameter = `${name}${annotation}`;
        const call = `${namedCallee(handler)}(${name})`;
        const typedName = annotate(chain.catchLink, call, undefined, catchLines);
        if (typeof typedName === 'object') return typedName;
        if (typedName !== undefined) catchLines.push(`return ${typedName}${semi}`);
        else catchLines = [tail === 'return' ? `return ${awaitReturns ? 'await ' : ''}${call}${semi}` : tail === 'assign' ? `${assignedName} = await ${call}${semi}` : `await ${call}${semi}`];
      } else {
        const first = handler.params[0];
        const firstUsed = first !== undefined && isUsedParameter(first, handler, sourceCode);
        // Only the name or pattern: a catch variable cannot keep the handler's type annotation.
        const nameRange: [number, number] | undefined = first === undefined ? undefined : [first.range[0], typeAnnotationOf(first)?.range[0] ?? first.range[1]];
        parameter = nameRange === undefined ? '' : `${renderRange(text, nameRange, edits)}${firstUsed ? annotation : ''}`;
        // Returns anywhere in a catch handler give the chain's value, as they give the function's.
        const keepReturns = tail !== 'assign' && !awaitReturns && chain.finallyLink === undefined && handler.body.type === AST_NODE_TYPES.BlockStatement && ownReturnsIn(handler, sourceCode).length > 0;
        if (keepReturns && annotated?.link === chain.catchLink) return refuse('type-argument');
        const result = keepReturns ? handlerBody(handler, indent + unit, true, edits, kept, context, true) : body(handler, indent + unit, true);
        if ('kind' in result) return result;
        if (result.statements !== '') catchLines.push(result.statements);
        const typedName = annotate(chain.catchLink, result.value, result.valueNode, catchLines);
        if (typeof typedName === 'object') return typedName;
        if (typedName !== undefined) {
          catchLines.push(`return ${typedName}${semi}`);
        } else if (result.value !== undefined) {
          const awaited = chain.finallyLink !== undefined || tail !== 'return' || awaitReturns;
          const operand = awaited && !isPlainlySync(result.valueNode) ? `await ${awaitOperand(result.value, result.valueNode)}` : result.value;
          if (tail === 'return') catchLines.push(`return ${operand}${semi}`);
          else if (tail === 'assign') catchLines.push(`${assignedName} = ${operand}${semi}`);
          // `.catch(() => null)` as a statement: the value is dropped, nothing to evaluate.
          else if (hasEffects(result.valueNode)) catchLines.push(expressionStatement(operand, semi));
        }
      }
      catchLines.unshift(...linkComments(chain.catchLink));
      catchReturns = endsWithReturn(catchLines);
      out += ` catch${parameter === '' ? '' : ` (${parameter})`} {${catchLines.length === 0 ? '' : `\n${indent}${unit}${catchLines.join(`\n${indent}${unit}`)}`}\n${indent}}`;
    }
    if (chain.finallyLink !== undefined) {
      const handler = chain.finallyLink.handler;
      const finallyLines: string[] = [];
      if (isNamedHandler(handler)) {
        finallyLines.push(`await ${namedCallee(handler)}()${semi}`);
      } else {
        if (handler.params.length > 0) return refuse('chain-shape');
        const result = body(handler, indent + unit, false);
        if ('kind' in result) return result;
        if (result.value !== undefined && handler.body.type === AST_NODE_TYPES.BlockStatement) return refuse('handler-returns');
        if (result.statements !== '') finallyLines.push(result.statements);
        if (result.value !== undefined && hasEffects(result.valueNode)) finallyLines.push(isPlainlySync(result.valueNode) ? expressionStatement(result.value, semi) : `await ${awaitOperand(result.value, result.valueNode)}${semi}`);
      }
      finallyLines.unshift(...linkComments(chain.finallyLink));
      out += ` finally {${finallyLines.length === 0 ? '' : `\n${indent}${unit}${finallyLines.join(`\n${indent}${unit}`)}`}\n${indent}}`;
    }
  }
  if (tail === 'assign') {
    // `let x; try { x = await p; } catch (e) { x = fallback; }` then the later handlers on `x`.
    const afterLines: string[] = [];
    const ended = renderThens(chain.after, { value: assignedName, valueNode: undefined, settled: true }, afterLines, indent, mode === 'return' && !awaitReturns);
    if ('kind' in ended) return ended;
    const sync = ended.settled || isPlainlySync(ended.valueNode);
    const endValue = ended.value === undefined ? 'undefined' : sync ? ended.value : `await ${awaitOperand(ended.value, ended.valueNode)}`;
    if (mode === 'declare') {
      if (directTarget === undefined) afterLines.push(`${declaration?.kind ?? 'const'} ${declaredText()} = ${endValue}${semi}`);
    } else if (ended.value !== undefined) {
      afterLines.push(mode === 'return' ? `return ${awaitReturns ? endValue : ended.value}${semi}` : sync ? expressionStatement(ended.value, semi) : `${endValue}${semi}`);
    }
    if (fallsThrough && !endsWithReturn(afterLines)) afterLines.push(`return${semi}`);
    const keyword = directTarget !== undefined && declaration?.kind === 'var' ? 'var' : 'let';
    out = [`${keyword} ${assigned}${semi}`, out, ...afterLines].join(`\n${indent}`);
  } else if (fallsThrough && wrapped && !(endsWithReturn(lines) && catchReturns)) {
    out += `\n${indent}return${semi}`;
  }
  const orphanComments = commentsOutside(sourceCode, statement.range, kept);
  // A directive for the next line (`eslint-disable-next-line`, `@ts-expect-error`) put on its own line would govern another line.
  if (orphanComments.some((comment) => /^\s*(?:eslint-disable-next-line|@ts-expect-error|@ts-ignore)/.test(comment.value))) return refuse('comment-in-callee');
  const orphans = orphanComments.map((comment) => text.slice(comment.range[0], comment.range[1]));
  return bracedIfAlone(statement, [...orphans, out].join(`\n${indent}`), indent, unit);
}
