// Loaded into the `next start` process (`node --import`, scripts/lib/next-start.ts): appends the
// address of the peer that connected to X-Forwarded-For, as a proxy does, before Next sees the
// request. Next sets the header from the socket only when the client sent none, so without this
// a client's own header would stand for its address (lib/server/rate-limit.ts, clientIp).
// Plain JavaScript so it loads with no compiler; "http.server.request.start" fires before "request".
import { subscribe } from "node:diagnostics_channel";

subscribe("http.server.request.start", ({ request, socket }) => {
  const peer = socket.remoteAddress;
  if (!peer) return;
  const sent = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = sent ? `${sent}, ${peer}` : peer;
});
