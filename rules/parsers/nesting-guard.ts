import type { Linter } from 'eslint';

/**
 * Why this exists: parsers, ESLint's traversal, eslint-scope and the rules
 * all recurse once (or several times) per level of nesting. At Node's
 * default ~1 MB stack a 300-level callback pyramid overflows acorn, and
 * acorn's `catchStackOverflow` then tests the error message with a regular
 * expression that V8 compiles right at the edge of the stack: V8 aborts the
 * whole process ("FATAL ERROR: RegExpCompiler Allocation failed"), which no
 * `catch` can stop. So a file nested deeper than the stack left can hold is
 * refused before the parser sees it (the text is measured without
 * recursion), and a tree deeper than that (long operator or call chains
 * that no bracket shows) is refused before ESLint walks it. A refusal is an
 * ordinary parse error: the file is skipped with one line, every other file
 * is linted.
 */

/**
 * Frames of `countFrames` one level of nesting may cost. Measured at Node
 * 20's default stack (about 14,000 such frames at parse time): a callback
 * pyramid, the heaviest bracket shape, overflowed at 461 brackets (30
 * frames each); a ternary chain, the heaviest tree shape, at about 3,000
 * levels (5 frames each). The limits keep a margin of 1.5 and 2.4.
 */
const PROBE_FRAMES_PER_BRACKET = 45;
const PROBE_FRAMES_PER_TREE_LEVEL = 12;
/** acorn recurses once per operator of a chain (`a + b + …`, `a ? b : c ? …`): it overflowed near 4,000 (3.5 frames each). */
const PROBE_FRAMES_PER_OPERATOR = 7;

let framesCounted = 0;
function countFrames(): void {
  framesCounted++;
  countFrames();
}

/** How many frames of a small function still fit on the stack from here (about 14,000 at Node's default). */
export function remainingFrames(): number {
  framesCounted = 0;
  try {
    countFrames();
  } catch {
    // The stack is full: `framesCounted` says how deep it went. No regular expression runs here.
  }
  return framesCounted;
}

export interface NestingLimits {
  /** Deepest bracket nesting (`(`, `[`, `{`, `${`) of the text the parser may be given. */
  readonly brackets: number;
  /** Longest run of operators in one expression (see `nestingOf`). */
  readonly operators: number;
  /** Deepest syntax tree ESLint and the rules may walk. */
  readonly treeLevels: number;
}

export function nestingLimits(frames: number = remainingFrames()): NestingLimits {
  return {
    brackets: Math.floor(frames / PROBE_FRAMES_PER_BRACKET),
    operators: Math.floor(frames / PROBE_FRAMES_PER_OPERATOR),
    treeLevels: Math.floor(frames / PROBE_FRAMES_PER_TREE_LEVEL),
  };
}

const Char = {
  Newline: 10,
  Bang: 33,
  Percent: 37,
  Ampersand: 38,
  Plus: 43,
  Comma: 44,
  Minus: 45,
  Colon: 58,
  Semicolon: 59,
  Less: 60,
  Equals: 61,
  Greater: 62,
  Question: 63,
  Caret: 94,
  Bar: 124,
  DoubleQuote: 34,
  Dollar: 36,
  SingleQuote: 39,
  OpenParen: 40,
  CloseParen: 41,
  Star: 42,
  Slash: 47,
  OpenBracket: 91,
  Backslash: 92,
  CloseBracket: 93,
  Backtick: 96,
  OpenBrace: 123,
  CloseBrace: 125,
} as const;

function isOperatorChar(code: number): boolean {
  return (
    code === Char.Plus || code === Char.Minus || code === Char.Star || code === Char.Slash || code === Char.Percent || code === Char.Ampersand ||
    code === Char.Bar || code === Char.Caret || code === Char.Less || code === Char.Greater || code === Char.Equals || code === Char.Question ||
    code === Char.Colon || code === Char.Bang
  );
}

export interface Nesting {
  /** Deepest bracket nesting: `(`, `[`, `{` and a template's `${`. */
  readonly brackets: number;
  /** Most operators (a run of operator characters counts once) between two `;`, `,`, `{` or `}`: the longest operator chain. */
  readonly operators: number;
}

/**
 * How deeply a source text nests, in one pass without recursion or regular
 * expressions. Strings, comments and template text are skipped. Regular
 * expression literals are not told from division: what is inside one
 * counts, which only makes the estimate a little high.
 */
export function nestingOf(text: string): Nesting {
  let depth = 0;
  let deepest = 0;
  let operators = 0;
  let mostOperators = 0;
  let inOperator = false;
  // For each open `{` or `${`: whether closing it returns into a template literal.
  const braces: boolean[] = [];
  let index = 0;
  const length = text.length;
  const skipTemplate = (): void => {
    // `index` is just past a backtick or a template's closing `}`.
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code === Char.Backslash) index += 2;
      else if (code === Char.Backtick) {
        index++;
        return;
      } else if (code === Char.Dollar && text.charCodeAt(index + 1) === Char.OpenBrace) {
        index += 2;
        braces.push(true);
        depth++;
        if (depth > deepest) deepest = depth;
        return;
      } else index++;
    }
  };
  while (index < length) {
    const code = text.charCodeAt(index);
    const operator = isOperatorChar(code) && !(code === Char.Slash && (text.charCodeAt(index + 1) === Char.Slash || text.charCodeAt(index + 1) === Char.Star));
    if (operator && !inOperator) {
      operators++;
      if (operators > mostOperators) mostOperators = operators;
    }
    inOperator = operator;
    if (code === Char.Semicolon || code === Char.Comma || code === Char.OpenBrace || code === Char.CloseBrace) operators = 0;
    if (code === Char.SingleQuote || code === Char.DoubleQuote) {
      index++;
      while (index < length) {
        const inner = text.charCodeAt(index);
        if (inner === Char.Backslash) index += 2;
        else if (inner === code || inner === Char.Newline) {
          index++;
          break;
        } else index++;
      }
    } else if (code === Char.Backtick) {
      index++;
      skipTemplate();
    } else if (code === Char.Slash && text.charCodeAt(index + 1) === Char.Slash) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? length : end + 1;
    } else if (code === Char.Slash && text.charCodeAt(index + 1) === Char.Star) {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? length : end + 2;
    } else if (code === Char.OpenParen || code === Char.OpenBracket || code === Char.OpenBrace) {
      if (code === Char.OpenBrace) braces.push(false);
      depth++;
      if (depth > deepest) deepest = depth;
      index++;
    } else if (code === Char.CloseParen || code === Char.CloseBracket || code === Char.CloseBrace) {
      if (depth > 0) depth--;
      index++;
      if (code === Char.CloseBrace && braces.pop() === true) skipTemplate();
    } else index++;
  }
  return { brackets: deepest, operators: mostOperators };
}

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** Whether the tree is deeper than `limit` levels, found without recursion; stops at the first node past it. */
export function treeDeeperThan(root: unknown, visitorKeys: VisitorKeys, limit: number): boolean {
  const nodes: unknown[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop() as { type?: unknown } & Record<string, unknown>;
    const depth = depths.pop() as number;
    if (depth > limit) return true;
    const keys = typeof node.type === 'string' ? visitorKeys[node.type] : undefined;
    if (keys === undefined) continue;
    for (const key of keys) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child as unknown[]) {
          if (typeof item === 'object' && item !== null) {
            nodes.push(item);
            depths.push(depth + 1);
          }
        }
      } else if (typeof child === 'object' && child !== null) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** Ends every refusal's message: how a parse error is told from a refusal (the language server shows refusals, not half-typed code). */
const REFUSAL_ENDING = 'at this stack size';

/** Whether a parse error message (ESLint's "Parsing error: …" included) is a refusal of this guard. */
export function isNestingRefusal(message: string): boolean {
  return message.endsWith(REFUSAL_ENDING);
}

/** A parse error (ESLint reports it as "Parsing error: …" at this place and skips the file). */
class TooDeepError extends SyntaxError {
  readonly lineNumber = 1;
  readonly column = 0;
  readonly index = 0;
}

type ParseForESLint = (code: string, options?: Linter.ParserOptions) => Linter.ESLintParseResult;

/**
 * The parser with the nesting checks around it: text nested deeper than the
 * stack allows is not parsed, and a tree deeper than ESLint can walk is not
 * handed on.
 */
export function guardNesting(parse: ParseForESLint): ParseForESLint {
  return (code, options) => {
    const limits = nestingLimits();
    const nesting = nestingOf(code);
    if (nesting.brackets > limits.brackets) {
      throw new TooDeepError(`nested ${nesting.brackets} brackets deep, more than the ${limits.brackets} async-guard can read ${REFUSAL_ENDING}`);
    }
    if (nesting.operators > limits.operators) {
      throw new TooDeepError(`an expression chains ${nesting.operators} operators, more than the ${limits.operators} async-guard can read ${REFUSAL_ENDING}`);
    }
    const result = parse(code, options);
    const keys = (result.visitorKeys ?? {}) as VisitorKeys;
    if (treeDeeperThan(result.ast, keys, limits.treeLevels)) {
      throw new TooDeepError(`syntax tree more than ${limits.treeLevels} levels deep (a very long chain of operators or calls), more than async-guard can walk ${REFUSAL_ENDING}`);
    }
    return result;
  };
}
