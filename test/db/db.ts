import { inject } from "vitest";
import { createDb, type Db } from "@/lib/server/db/create";
import { databaseFromUrl } from "@/lib/server/db/url";

/** The database of this project's run (made by setup-*.ts), and a unique suffix for test data. */
export function testDb(): Db {
  return createDb(databaseFromUrl(inject("databaseUrl")));
}

let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}`;
}
