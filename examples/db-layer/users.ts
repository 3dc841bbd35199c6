// The typed service layer on top of the callback driver.
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

interface User {
  id: number;
  name: string;
}

type Callback<T> = (err: Error | null, value?: T) => void;

declare function loadUser(id: number, cb: Callback<User>): void;

const loadUserAsync = promisify(loadUser);

export async function exportUsers(ids: number[], file: string): Promise<number> {
  const template = readFileSync(file, 'utf8'); // blocking read in async code
  const users = await Promise.all(ids.map((id) => loadUserAsync(id)));
  return template.length + users.length;
}

export function refresh(ids: number[]): void {
  exportUsers(ids, 'users.tpl'); // floating: the rejection is lost
}
