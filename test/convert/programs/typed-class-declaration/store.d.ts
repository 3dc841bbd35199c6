// Hand-written typings of store.js: the only evidence that `get` calls back once, error first.
export declare class Store {
  constructor(prefix: string);
  get(key: string, callback: (err: (Error & { code: string }) | null, value?: string) => void): void;
}
