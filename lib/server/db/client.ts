import "server-only";
import { createDb, type Db } from "./create";
import { env } from "../env";

// One client per server process. Dev reloads re-evaluate modules, so keep it on globalThis.
const holder = globalThis as typeof globalThis & { __deltaRecallDb?: Db };

export function db(): Db {
  holder.__deltaRecallDb ??= createDb(env().database);
  return holder.__deltaRecallDb;
}
