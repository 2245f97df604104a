// Sign-out on a shared device: the learner's cached pages and offline bundle go. Reviews still
// waiting in the outbox stay; they carry the user id and are sent only at that user's next sign-in.
import { PRIVATE_CACHES } from "@/lib/features/pwa/caches";
import { forgetStudyData } from "./bundle";

export async function forgetOfflineData() {
  if ("caches" in window) await Promise.all(PRIVATE_CACHES.map((name) => caches.delete(name)));
  await forgetStudyData();
}
