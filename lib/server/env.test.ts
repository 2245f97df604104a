import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to a SQLite file under data/ with demo accounts on", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.database).toMatchObject({ engine: "sqlite", url: "file:./data/delta-recall.db" });
    expect(env.database.engine === "sqlite" && env.database.file.endsWith("/data/delta-recall.db")).toBe(true);
    expect(env.demo).toBe(true);
    expect(env.port).toBe(3000);
  });

  it("recognises PostgreSQL URLs", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/app" }).database.engine).toBe("postgres");
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db.internal/app" }).database.engine).toBe("postgres");
  });

  it("turns demo accounts off in production unless DEMO=1", () => {
    expect(parseEnv({ NODE_ENV: "production" }).demo).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", DEMO: "1" }).demo).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", DEMO: "0" }).demo).toBe(false);
  });

  it("takes TRUSTED_PROXIES as a small count, 0 by default", () => {
    expect(parseEnv({}).trustedProxies).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).trustedProxies).toBe(2);
    for (const bad of ["-1", "one", "1.5", "", "100"]) {
      expect(() => parseEnv({ TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES must be the number of proxies/);
    }
  });

  it.each([
    ["mysql://root@localhost/app", /is not supported/],
    ["postgresql://", /not a valid PostgreSQL URL|has no host/],
    ["postgresql://localhost:5432", /names no database/],
    ["file:", /names no file/],
  ])("rejects DATABASE_URL=%s with one line", (url, message) => {
    expect(() => parseEnv({ DATABASE_URL: url })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: url })).toThrow(message);
  });

  it("rejects a short secret and a bad port", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET must be at least 32/);
    expect(() => parseEnv({ PORT: "99999" })).toThrow(/PORT/);
  });

  it("takes the sign-up limit per address, 100 by default", () => {
    expect(parseEnv({}).signUpsPerAddress).toBe(100);
    expect(parseEnv({ SIGNUPS_PER_ADDRESS: "2000" }).signUpsPerAddress).toBe(2000);
    expect(() => parseEnv({ SIGNUPS_PER_ADDRESS: "many" })).toThrow(/SIGNUPS_PER_ADDRESS/);
    expect(() => parseEnv({ SIGNUPS_PER_ADDRESS: "0" })).toThrow(/SIGNUPS_PER_ADDRESS/);
  });
});
