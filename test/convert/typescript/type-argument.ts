type Outcome = { success: true; data: string } | { success: false };

declare function load(): Promise<Outcome>;
declare function readText(): Promise<string>;

// `.catch<T>`: without `<Outcome>` the fallback would widen to `{ success: boolean }` and `use` would not type-check.
function safeLoad() {
  return load().catch<Outcome>(() => ({ success: false }));
}

// `.then<T>` with a body, returned.
function parse() {
  return readText().then<Outcome>((text) => {
    console.log(text.length);
    return text === '' ? { success: false } : { success: true, data: text };
  });
}

// A typed link in the middle: the next handler gets the annotated value.
function dataOf() {
  return readText()
    .then<Outcome>((text) => ({ success: true, data: text }))
    .then((outcome) => (outcome.success ? outcome.data : ''))
    .catch(() => 'none');
}

// The handler returns a promise of `T`: awaited before it is annotated.
function reread() {
  return load().then<string>(() => readText());
}

async function use(): Promise<string> {
  const outcome = await safeLoad();
  const parsed = await parse();
  const text = (await dataOf()) + (await reread());
  return outcome.success && parsed.success ? outcome.data + parsed.data + text : text;
}

void use();

export {};
