// Liveness check for load balancers and the benchmark's "bare handler" baseline: no auth, no
// database, a constant answer. Dynamic so each request runs the handler (a prerendered answer
// would say nothing about the server).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true });
}
