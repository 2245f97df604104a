// Browser-side calls to the study routes. One place: the offline outbox (offline/) sends through these.
import type { Response as AnswerResponse } from "@/lib/core/grade";
import type { OfflineBundle, ReviewOutcome, StudyItem, StudyQueue } from "./schema";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new ApiError(response.status, body.error ?? "INVALID_INPUT");
  return body as T;
}

export interface ReviewRequest {
  clientId: string;
  questionId: string;
  response?: AnswerResponse;
  rating?: 1 | 2 | 3 | 4;
  durationMs: number;
  reviewedAt?: string;
}

export const studyApi = {
  queue(filter: { pack?: string | undefined; topic?: string | undefined }, exclude: string[]) {
    const query = new URLSearchParams();
    if (filter.pack) query.set("pack", filter.pack);
    if (filter.topic) query.set("topic", filter.topic);
    for (const key of exclude) query.append("exclude", key);
    return call<StudyQueue>(`/api/study/queue?${query}`);
  },
  review(request: ReviewRequest) {
    return call<ReviewOutcome>("/api/reviews", { method: "POST", body: JSON.stringify(request) });
  },
  override(reviewClientId: string) {
    return call<ReviewOutcome>("/api/reviews/override", { method: "POST", body: JSON.stringify({ reviewClientId }) });
  },
  offlineBundle(days = 3) {
    return call<OfflineBundle>(`/api/study/offline?days=${days}`);
  },
  undo(clientId: string) {
    return call<{ item: StudyItem | null }>("/api/reviews/undo", { method: "POST", body: JSON.stringify({ clientId }) });
  },
};

/** True for a failure of the network (no answer at all), as opposed to an answer with an error status. */
export function isNetworkError(error: unknown): boolean {
  return !(error instanceof ApiError);
}

export function newClientId(): string {
  return crypto.randomUUID();
}
