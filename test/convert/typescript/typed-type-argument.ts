type Pending = Promise<number>;

declare function count(): Promise<number>;

// `T` is a promise type behind an alias: `const result: Pending = await …` would not type-check. Refused with types.
function nested() {
  return count().then<Pending>((n) => Promise.resolve(n + 1));
}

// A plain `T`: converted with the annotation.
function label() {
  return count().then<string>((n) => Promise.resolve(String(n)));
}

async function use(): Promise<string> {
  return (await label()) + (await nested());
}

void use();

export {};
