import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/server/rate-limit";

// The preload `next start` runs with, in a real HTTP server; the handler reads the address from
// headers built the way Next builds them (base-server.js sets X-Forwarded-For from the socket
// with `??=`, only when absent, then route handlers and actions see a Headers of req.headers).
await import(new URL("./peer-address.mjs", import.meta.url).href);

function nextHeaders(req: IncomingMessage): Headers {
  req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
}

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const headers = nextHeaders(req);
    const proxies = Number(new URL(req.url ?? "/", "http://x").searchParams.get("proxies") ?? 0);
    res.end(JSON.stringify({ xff: headers.get("x-forwarded-for"), ip: clientIp(headers, proxies) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = async (proxies: number, xff?: string) =>
  (await (await fetch(`${base}/?proxies=${proxies}`, { headers: xff === undefined ? {} : { "x-forwarded-for": xff } })).json()) as { xff: string; ip: string };

describe("the client's address behind peer-address.mjs", () => {
  it("is the socket address when no proxy is trusted, whatever the client sends", async () => {
    expect(await ask(0)).toEqual({ xff: "127.0.0.1", ip: "127.0.0.1" });
    for (const spoof of ["203.0.113.9", "203.0.113.9, 198.51.100.1", "", ",,", "unknown", "127.0.0.2"]) {
      expect((await ask(0, spoof)).ip, spoof).toBe("127.0.0.1");
    }
    expect((await ask(0, "203.0.113.9")).xff).toBe("203.0.113.9, 127.0.0.1");
  });

  it("with TRUSTED_PROXIES=N is what the N-th proxy from the app saw", async () => {
    // One balancer (the socket peer here) appended the client it saw to what the client sent.
    expect((await ask(1, "203.0.113.9, 198.51.100.7")).ip).toBe("198.51.100.7");
    expect((await ask(2, "203.0.113.9, 198.51.100.7, 10.0.0.2")).ip).toBe("198.51.100.7");
    // A request that passed fewer proxies than trusted: its leftmost hop.
    expect((await ask(2, "198.51.100.7")).ip).toBe("198.51.100.7");
  });
});

describe("clientIp", () => {
  it("reads plain header objects (next-auth's authorize) and Headers alike", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.9, 127.0.0.1" }, 0)).toBe("127.0.0.1");
    expect(clientIp({ "x-forwarded-for": ["203.0.113.9", "127.0.0.1"] }, 0)).toBe("127.0.0.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9,198.51.100.7 , ::1" }), 1)).toBe("198.51.100.7");
    expect(clientIp(new Headers(), 0)).toBe("direct");
    expect(clientIp(undefined, 0)).toBe("direct");
  });

  it("gives an IPv4 client on a dual-stack socket one key", () => {
    expect(clientIp({ "x-forwarded-for": "::ffff:192.0.2.4" }, 0)).toBe("192.0.2.4");
    expect(clientIp({ "x-forwarded-for": "::ffff:c000:204" }, 0)).toBe("::ffff:c000:204");
    expect(clientIp({ "x-forwarded-for": "2001:db8::1" }, 0)).toBe("2001:db8::1");
  });
});
