interface Release {
  readonly tag: string;
  readonly assets: readonly string[];
}

declare function fetchRelease(name: string): Promise<Release>;

// `.then` after `.catch`: a variable declared before the `try`.
function tagOrNone(name: string): Promise<number> {
  return fetchRelease(name)
    .then((release) => release.tag)
    .catch(() => '')
    .then((tag) => tag.length);
}

// Destructuring handler and a `Promise<…>` parameter.
function firstAsset(release: Promise<Release>) {
  return release.then(({ assets: [first] }) => first ?? 'none');
}

// Awaited in place, with a fallback, in a loop.
async function tags(names: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) {
    const tag: string = await fetchRelease(name).then((release) => release.tag).catch(() => 'unknown');
    out.push(tag);
  }
  const { assets } = await fetchRelease('main').then((release) => release);
  out.push(...assets);
  return out;
}

// Early returns in the last handler; another return of a native promise.
function describe(name: string, cached?: string): Promise<string> {
  if (cached !== undefined) return Promise.resolve(cached);
  return fetchRelease(name).then((release) => {
    if (release.assets.length === 0) return 'empty';
    return `${release.tag}: ${release.assets.length}`;
  });
}

tagOrNone('a').then(console.log, console.error);
firstAsset(fetchRelease('b')).then(console.log, console.error);
tags(['c']).then(console.log, console.error);
describe('d').then(console.log, console.error);

export {};
