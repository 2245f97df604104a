import { signOut } from "next-auth/react";

/**
 * Signs this browser out (the server ends the account's sessions) after dropping the learner's
 * offline copies: cached pages and the study bundle (loaded only when needed); after an account
 * deletion also its reviews still waiting to be sent.
 */
export async function signOutHere(deletedUserId?: string) {
  try {
    const { forgetOfflineData } = await import("@/lib/features/study/offline/forget");
    await forgetOfflineData(deletedUserId);
  } catch {
    // Nothing stored, or storage unavailable: sign out all the same.
  }
  await signOut({ callbackUrl: "/" });
}
