import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_TOKEN_TYPES, AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { PROMISE_LIBRARIES } from '../knowledge/callback-apis';
import { isFunctionNode } from '../shared/async-context';
import { createChainContext, freshName, mergeImportEdits, type ChainContext } from './chain-context';
import { chainSite, type ChainSite, type Mode } from './chain-site';
import { continuationOwner, returningOwner } from './continuation';
import { mayReturnNativePromise } from './native-promise';
import { bracedIfAlone, commentsOutside, indentationAt, indentUnit, ownerIndentUnit, reindent, startsLine, hasMultilineToken } from './layout';
import { makeOwnerAsync } from './owner';
import { renameLandingVariables } from './rename';
import { enclosingFunction, makeReturningOwnerAsync } from './returning-owner';
import { renderRange } from './text-edits';
import { chainMethodOf, isOutermostLink, parseThenChain, type ChainLink, type ThenChain } from './then-chain';
import { usesOwnThisOrArguments } from './this-arguments';
import { isTypedFunction } from './typed-handler';
import { isTypeScriptFile } from './typescript-file';
import { keepingComments } from './keeps-comments';
import { refuse, type ConversionResult, type Refused, type TextEdit } from './types';


/**
 * Converts `p.then(a).then(b).catch(c).finally(d)` into awaits inside
 * `try/catch/finally`, when the chain is the last thing its function does:
 * as a statement (the function becomes async; nobody uses its result) or
 * returned (the function already returned a promise of the same outcome).
 * Undefined when the call is not the outermost link of a chain.
 */
function convertThenChainUnchecked(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  services?: ParserServicesWithTypeInformation,
): ConversionResult | undefined {
  if (chainMethodOf(call) === undefined || !isOutermostLink(call)) return undefined;
  const site = chainSite(call);
  if ('kind' in site) return site;
  const { statement, mode } = site;
  const chain = parseThenChain(call);
  if ('kind' in chain) return chain;
  const links = [...chain.thens, chain.catchLink, chain.finallyLink, ...chain.after].filter((link): link is ChainLink => link !== undefined);
  for (const link of links) {
    if (link.handler.type !== AST_NODE_TYPES.Identifier && usesOwnThisOrArguments(link.handler, sourceCode)) return refuse('this-or-arguments');
  }
  for (const link of links) {
    const handler = link.handler;
    if (handler.type === AST_NODE_TYPES.Identifier && !isLocalFunction(handler, sourceCode) && !(services !== undefined && isTypedFunction(handler, services))) return refuse('chain-shape');
  }
  if (site.awaited && mode !== 'return') {
    // Awaited in place inside an async function: nothing runs at another time, whatever follows.
    const owner = enclosingFunction(statement);
    if (owner === undefined || !isFunctionNode(owner) || !owner.async) return refuse('top-level');
    const context = createChainContext(sourceCode, services, statement, owner);
    const text = layOutChain(statement, chain, mode, context, true);
    if (typeof text !== 'string') return text;
    context.calls.push(call);
    return { kind: 'converted', edits: [{ range: statement.range, text }, ...mergeImportEdits(context.importEdits)], notes: context.notes, calls: context.calls };
  }
  const continuation = continuationOwner(statement);
  // A returned chain needs no continuation: nothing of its function runs after the `return` anyway.
  const owner = mode === 'return' && 'kind' in continuation && continuation.reason !== 'top-level' ? returningOwner(statement as TSESTree.ReturnStatement) : continuation;
  if ('kind' in owner) return owner;
  if (mode === 'return' && !owner.async && (usesCustomPromises(sourceCode, call) || !mayReturnNativePromise(chain.base, owner, sourceCode, services))) {
    return refuse('custom-promise');
  }
  const ownerEdits = mode === 'statement' ? makeOwnerAsync(owner, sourceCode, services) : makeReturningOwnerAsync(owner, statement as TSESTree.ReturnStatement, sourceCode, services);
  if ('kind' in ownerEdits) return ownerEdits;
  const context = createChainContext(sourceCode, services, statement, owner);
  const text = layOutChain(statement, chain, mode, context, !('kind' in continuation));
  if (typeof text !== 'string') return text;
  context.calls.push(call);
  return { kind: 'converted', edits: [{ range: statement.range, text }, ...ownerEdits, ...mergeImportEdits(context.importEdits)], notes: context.notes, calls: context.calls };
}

/** `.then(fn)` passes values through when `fn` is not a function: only local functions (or, with types, functions) are called directly. */
function isLocalFunction(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (variable === null || variable.defs.length !== 1 || variable.references.some((reference) => reference.isWrite() && reference.init !== true)) return false;
  const definition = variable.defs[0];
  if (definition?.type === DefinitionType.FunctionName) return true;
  const node = definition?.type === DefinitionType.Variable ? definition.node : undefined;
  return node?.type === AST_NODE_TYPES.VariableDeclarator && node.init !== null && isFunctionNode(node.init);
}

/** A local `Promise` binding or an imported promise library. */
function usesCustomPromises(sourceCode: Readonly<TSESLint.SourceCode>, site: TSESTree.Node): boolean {
  const promise = ASTUtils.findVariable(sourceCode.getScope(site), 'Promise');
  if (promise !== null && promise.defs.length > 0) return true;
  const library = new RegExp(`(?:require\\(|from\\s*)['"](?:${[...PROMISE_LIBRARIES].join('|')})['"]`);
  return library.test(sourceCode.text);
}

interface Body {
  /** Statements to inline before the value, already rendered (may be ''). */
  readonly statements: string;
  /** The value the handler produces, or undefined (no tail `return`). */
  readonly value: string | undefined;
  readonly valueNode: TSESTree.Expression | undefined;
}

/** Where the value of the try part goes: returned, awaited as a statement, or assigned for the `.then`s after it. */
type Tail = Mode | 'assign';

function layOutChain(statement: ChainSite['statement'], chain: ThenChain, mode: Mode, context: ChainContext, terminal: boolean): string | Refused {
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  const semi = context.style.semicolon ? ';' : '';
  const indent = indentationAt(text, statement.range[0]);
  const kept: (readonly [number, number])[] = [chain.base.range];
  const edits: TextEdit[] = [];
  const allLinks = [...chain.thens, chain.catchLink, chain.finallyLink, ...chain.after];
  const firstBody = allLinks.map((link) => link?.handler).find((handler) => handler !== undefined && handler.type !== AST_NODE_TYPES.Identifier && handler.body.type === AST_NODE_TYPES.BlockStatement && handler.body.body[0] !== undefined && startsLine(text, handler.body.body[0].range[0]));
  // The step from the statement's own block (not the function: the statement may be nested deeper).
  let block: TSESTree.Node = context.owner;
  for (let node: TSESTree.Node = statement; node !== context.owner && node.parent !== undefined; node = node.parent) {
    if ((node.parent.type === AST_NODE_TYPES.BlockStatement || node.parent.type === AST_NODE_TYPES.SwitchCase) && startsLine(text, node.range[0])) {
      block = node.parent;
      break;
    }
  }
  const fallbackUnit = ownerIndentUnit(text, block, statement.range[0]);
  const unit = firstBody !== undefined && firstBody.type !== AST_NODE_TYPES.Identifier && firstBody.body.type === AST_NODE_TYPES.BlockStatement
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
    if (link === undefined || link.handler.type === AST_NODE_TYPES.Identifier) continue;
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
  const declaredText = (): string => (declared === undefined ? '' : renderRange(text, declared.range, edits));
  if (declared !== undefined) kept.push(declared.range);

  // The variable the try part hands on: the first later handler's parameter when it is a plain name.
  const firstAfter = chain.after[0]?.handler;
  const afterParameter = firstAfter !== undefined && firstAfter.type !== AST_NODE_TYPES.Identifier && firstAfter.params[0]?.type === AST_NODE_TYPES.Identifier ? firstAfter.params[0] : undefined;
  const assigned = directTarget !== undefined
    ? renderRange(text, directTarget.range, edits)
    : afterParameter !== undefined
    ? renderRange(text, afterParameter.range, edits)
    : context.allNames.has('result') || context.claimed.has('result') ? freshName(context, 'result') : 'result';
  const assignedName = assigned.replace(/\s*:[\s\S]*$/, '');
  context.claimed.add(assignedName);

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
      const sync = index === 0 ? settled : isPlainlySync(valueNode);
      const previous = awaitOperand(value ?? 'undefined', valueNode);
      if (handler.type === AST_NODE_TYPES.Identifier) {
        value = `${handler.name}(${sync ? value ?? 'undefined' : `await ${previous}`})`;
        valueNode = undefined;
        settled = false;
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
      const result = keepReturns ? handlerBody(handler, target, true, edits, kept, context, true) : body(handler, target, last);
      if ('kind' in result) return result;
      if (result.statements !== '') lines.push(result.statements);
      value = result.value;
      valueNode = result.valueNode;
      settled = false;
    }
    return { value, valueNode, settled };
  };

  const lines: string[] = [];
  const baseText = (): string => {
    const rendered = renderRange(text, chain.base.range, edits);
    return hasMultilineToken(sourceCode, chain.base.range) ? rendered : reindent(rendered, indent, inner);
  };
  const tried = renderThens(chain.thens, { value: baseText(), valueNode: chain.base, settled: false }, lines, inner, tail === 'return' && !wrapped);
  if ('kind' in tried) return tried;
  let { value, valueNode } = tried;
  if (chain.thens.length === 0) {
    value = baseText();
    valueNode = chain.base;
  }
  const hasThenValue = value !== undefined;
  const awaitedValue = (): string => (isPlainlySync(valueNode) ? value ?? '' : `await ${awaitOperand(value ?? '', valueNode)}`);
  if (tail === 'return') {
    if (hasThenValue) lines.push(`return ${wrapped ? awaitedValue() : value ?? ''}${semi}`);
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
      const annotation = isTypeScriptFile(sourceCode) ? ': any' : '';
      if (handler.type === AST_NODE_TYPES.Identifier) {
        const name = context.allNames.has('error') || context.claimed.has('error') ? freshName(context, 'error') : 'error';
        parameter = `${name}${annotation}`;
        const call = `${handler.name}(${name})`;
        catchLines = [tail === 'return' ? `return ${call}${semi}` : tail === 'assign' ? `${assignedName} = await ${call}${semi}` : `await ${call}${semi}`];
      } else {
        const first = handler.params[0];
        const firstUsed = first !== undefined && isUsedParameter(first, handler, sourceCode);
        // Only the name or pattern: a catch variable cannot keep the handler's type annotation.
        const nameRange: [number, number] | undefined = first === undefined ? undefined : [first.range[0], 'typeAnnotation' in first && first.typeAnnotation !== undefined ? first.typeAnnotation.range[0] : first.range[1]];
        parameter = nameRange === undefined ? '' : `${renderRange(text, nameRange, edits)}${firstUsed ? annotation : ''}`;
        // Returns anywhere in a catch handler give the chain's value, as they give the function's.
        const keepReturns = tail !== 'assign' && chain.finallyLink === undefined && handler.body.type === AST_NODE_TYPES.BlockStatement && ownReturnsIn(handler, sourceCode).length > 0;
        const result = keepReturns ? handlerBody(handler, indent + unit, true, edits, kept, context, true) : body(handler, indent + unit, true);
        if ('kind' in result) return result;
        if (result.statements !== '') catchLines.push(result.statements);
        if (result.value !== undefined) {
          const awaited = chain.finallyLink !== undefined || tail !== 'return';
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
      if (handler.type === AST_NODE_TYPES.Identifier) {
        finallyLines.push(`await ${handler.name}()${semi}`);
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
    const ended = renderThens(chain.after, { value: assignedName, valueNode: undefined, settled: true }, afterLines, indent, mode === 'return');
    if ('kind' in ended) return ended;
    const sync = ended.settled || isPlainlySync(ended.valueNode);
    const endValue = ended.value === undefined ? 'undefined' : sync ? ended.value : `await ${awaitOperand(ended.value, ended.valueNode)}`;
    if (mode === 'declare') {
      if (directTarget === undefined) afterLines.push(`${declaration?.kind ?? 'const'} ${declaredText()} = ${endValue}${semi}`);
    } else if (ended.value !== undefined) {
      afterLines.push(mode === 'return' ? `return ${ended.value}${semi}` : sync ? expressionStatement(ended.value, semi) : `${endValue}${semi}`);
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


/** The statements of a handler, reindented to `target`, and the value it resolves to. */
function handlerBody(
  handler: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
  target: string,
  allowNoValue: boolean,
  edits: readonly TextEdit[],
  kept: (readonly [number, number])[],
  context: ChainContext,
  keepReturns = false,
): Body | Refused {
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  if (handler.body.type !== AST_NODE_TYPES.BlockStatement) {
    kept.push(handler.body.range);
    return { statements: '', value: renderRange(text, handler.body.range, edits), valueNode: handler.body };
  }
  const statements = handler.body.body;
  const last = statements.at(-1);
  const tail = last?.type === AST_NODE_TYPES.ReturnStatement && !keepReturns ? last : undefined;
  const returns = ownReturnsIn(handler, sourceCode);
  if (!keepReturns && returns.some((statement) => statement !== tail)) return refuse('handler-returns');
  void allowNoValue;
  const before = tail === undefined ? statements : statements.slice(0, -1);
  let rendered = '';
  const first = before[0];
  const end = before.at(-1);
  if (first !== undefined && end !== undefined) {
    // Comments between the handler's `{` and its first statement belong to that statement.
    const leading = first === statements[0] ? sourceCode.getCommentsBefore(first)[0] : undefined;
    const trailing = end === statements.at(-1) ? sourceCode.getCommentsAfter(end).filter((comment) => comment.range[1] <= handler.body.range[1]).at(-1) : undefined;
    const range: [number, number] = [leading?.range[0] ?? first.range[0], trailing?.range[1] ?? end.range[1]];
    kept.push(range);
    rendered = renderRange(text, range, edits);
    const from = startsLine(text, range[0]) ? indentationAt(text, range[0]) : target;
    if (!hasMultilineToken(sourceCode, range)) rendered = reindent(rendered, from, target);
  }
  if (tail?.argument == null) return { statements: rendered, value: undefined, valueNode: undefined };
  kept.push(tail.argument.range);
  return { statements: rendered, value: renderRange(text, tail.argument.range, edits), valueNode: tail.argument };
}

function ownReturnsIn(handler: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ReturnStatement[] {
  return sourceCode
    .getTokens(handler.body)
    .filter((token) => token.type === AST_TOKEN_TYPES.Keyword && token.value === 'return')
    .map((token) => sourceCode.getNodeByRangeIndex(token.range[0]))
    .filter((node): node is TSESTree.ReturnStatement => node?.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(node) === handler);
}

const PRIMARY = new Set<string>([
  AST_NODE_TYPES.Identifier, AST_NODE_TYPES.Literal, AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.TemplateLiteral, AST_NODE_TYPES.ArrayExpression, AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ThisExpression, AST_NODE_TYPES.TaggedTemplateExpression, AST_NODE_TYPES.AwaitExpression,
]);

/** `await a || b` would await only `a`. */
function awaitOperand(text: string, node: TSESTree.Node | undefined): string {
  return node === undefined || PRIMARY.has(node.type) ? text : `(${text})`;
}

const NEVER_PROMISE = new Set<string>([
  AST_NODE_TYPES.UpdateExpression, AST_NODE_TYPES.Literal, AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression, AST_NODE_TYPES.UnaryExpression, AST_NODE_TYPES.ArrayExpression,
]);

function staticKey(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal ? String(key.value) : undefined;
}

/** Values that are certainly not promises: awaiting them would only add a tick. */
function isPlainlySync(node: TSESTree.Node | undefined): boolean {
  if (node === undefined) return false;
  if (NEVER_PROMISE.has(node.type)) return true;
  // `x = p` is worth `p`; `x += 1` is a number or a string.
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return ['=', '||=', '&&=', '??='].includes(node.operator) ? isPlainlySync(node.right) : true;
  // An object literal without a `then` is not a thenable.
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    return node.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && staticKey(property.key) !== 'then');
  }
  if (node.type === AST_NODE_TYPES.NewExpression) return !(node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise');
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'console'
  );
}

/** A destructuring parameter always counts: destructuring `undefined` throws. */
function isUsedParameter(parameter: TSESTree.Parameter, handler: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (parameter.type !== AST_NODE_TYPES.Identifier) return true;
  return (sourceCode.scopeManager?.acquire(handler, true)?.set.get(parameter.name)?.references.length ?? 0) > 0;
}

/** Whether evaluating the value may do something (a literal does nothing). */
function hasEffects(node: TSESTree.Node | undefined): boolean {
  if (node === undefined) return false;
  if (node.type === AST_NODE_TYPES.Literal || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')) return false;
  return !(node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0);
}

/** An expression as a statement, protected against ASI in semicolon-free files. */
function expressionStatement(text: string, semi: string): string {
  return semi === '' && /^[[(`+\-/]/.test(text) ? `;${text}` : `${text}${semi}`;
}

/** {@link convertThenChainUnchecked}, refused when a comment would be lost. */
export function convertThenChain(...args: Parameters<typeof convertThenChainUnchecked>): ReturnType<typeof convertThenChainUnchecked> {
  const result = convertThenChainUnchecked(...args);
  return result === undefined ? undefined : keepingComments(args[0], result);
}
