import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

/**
 * The credentials callback is POST-only; next-auth answers a GET of it (a reload, a shared link)
 * with a 500 and its own message, whatever `pages.error` says. Such a visitor goes to sign in.
 */
async function get(request: Request, context: Context) {
  const [action] = (await context.params).nextauth;
  if (action === "callback") return new Response(null, { status: 303, headers: { Location: "/signin?error=Callback" } });
  return handler(request, context);
}

export { get as GET, handler as POST };
