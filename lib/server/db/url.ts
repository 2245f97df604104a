import path from "node:path";

// No `server-only` import here: prisma.config.ts and the start script use this file too.

export const DEFAULT_DATABASE_URL = "file:./data/delta-recall.db";

export type DatabaseTarget =
  | { engine: "sqlite"; url: string; file: string }
  | { engine: "postgres"; url: string };

export class DatabaseUrlError extends Error {
  override name = "DatabaseUrlError";
}

/**
 * Which database a URL names. `file:` paths are relative to the working directory.
 * Throws DatabaseUrlError with a one-line message for anything else.
 */
export function databaseFromUrl(raw: string | undefined): DatabaseTarget {
  const url = (raw ?? "").trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).replace(/^\/\//, "");
    if (!file) throw new DatabaseUrlError(`DATABASE_URL "${url}" names no file`);
    return { engine: "sqlite", url, file: path.resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseUrlError(`DATABASE_URL "${url}" is not a valid PostgreSQL URL`);
    }
    if (!parsed.hostname) throw new DatabaseUrlError(`DATABASE_URL "${url}" has no host`);
    if (parsed.pathname.length <= 1) throw new DatabaseUrlError(`DATABASE_URL "${url}" names no database`);
    return { engine: "postgres", url };
  }
  throw new DatabaseUrlError(
    `DATABASE_URL "${url}" is not supported: use file:./data/app.db (SQLite) or postgresql://user@host:5432/db`,
  );
}
