// Sign-out on a shared device: the learner's cached pages and offline bundle go. Reviews still
// waiting in the outbox stay; they carry the user id and are sent only at that user's next
// sign-in, unless the account was deleted: then they go too.
import { PRIVATE_CACHES } from "@/lib/features/pwa/caches";
import { forgetStudyData } from "./bundle";
import { dropOutbox } from "./outbox";

export async function forgetOfflineData(deletedUserId?: string) {
  if ("caches" in window) await Promise.all(PRIVATE_CACHES.map((name) => caches.delete(name)));
  await forgetStudyData();
  if (deletedUserId) await dropOutbox(deletedUserId);
}
