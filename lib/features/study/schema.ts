import { z } from "zod";
import { text } from "@/lib/core/text";
import { MAX_RESPONSE_LENGTH } from "@/lib/core/grade/limits";
import type { QueueCounts } from "@/lib/core/schedule/counts";
import type { PublicQuestion } from "@/lib/features/practice/schema";

/** A client-made id (UUID or similar): the same review sent twice is stored once. */
export const clientId = text().regex(/^[A-Za-z0-9_:-]{8,80}$/, "errors.INVALID_INPUT");

const answer = z.union([text().max(MAX_RESPONSE_LENGTH), z.array(text().max(MAX_RESPONSE_LENGTH)).max(50)]);

export const reviewInput = z
  .object({
    clientId,
    questionId: text().regex(/^[0-9a-f]{8,64}$/),
    /** The answer given (auto-graded forms)… */
    response: answer.optional(),
    /** …or a self-grade (flashcards): 1 Again, 2 Hard, 3 Good, 4 Easy. */
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
    durationMs: z.number().int().min(0).max(3_600_000).default(0),
    /** When the review happened, for reviews made offline; the server clamps it to the past 30 days. */
    reviewedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((r) => (r.response === undefined) !== (r.rating === undefined), {
    message: "errors.INVALID_INPUT",
    path: ["response"],
  });
export type ReviewInput = z.infer<typeof reviewInput>;

export const undoInput = z.object({ clientId });

export const overrideInput = z.object({
  /** The review to re-grade as right ("I was right"). */
  reviewClientId: clientId,
});

export const importInput = z.object({
  reviews: z
    .array(
      z.object({
        clientId,
        questionId: text().regex(/^[0-9a-f]{8,64}$/),
        response: answer,
        reviewedAt: z.iso.datetime({ offset: true }),
      }),
    )
    .max(200),
});

export const queueQuery = z.object({
  pack: text().min(1).max(64).optional(),
  topic: text().min(1).max(200).optional(),
  /** Card keys the client already holds, so a refill does not send them again. */
  exclude: z.array(text().max(300)).max(200).default([]),
});

export const cardIdInput = z.object({ cardId: text().min(1).max(64) });

/** What one review returns: the grade, the explanation and when the card comes back. */
export interface ReviewOutcome {
  clientId: string;
  rating: 1 | 2 | 3 | 4;
  /** null for flashcards (self-graded). */
  correct: boolean | null;
  partial: boolean;
  expected: string;
  /** The correct answer in the question's own terms (practice/data answerKey). */
  key: string | string[];
  explanation: string;
  section: string;
  due: string;
  leech: boolean;
  /** True when this clientId was seen before and the stored result is returned. */
  duplicate: boolean;
  /** The card is among today's learning steps again (`inLearningQueue`): the session counts it as learning. */
  learningAgain: boolean;
}

export interface StudyItem {
  /** `${pack}/${factId}/${facet}` */
  key: string;
  reason: "learning" | "due" | "new" | "exam";
  question: PublicQuestion;
  /** The back of the quiz question (shown when a quiz answer waits offline). */
  back: { answer: string; explanation: string; section: string };
  /**
   * The flashcard of the facet, chosen apart from the quiz question (study/data flashcardOf): a
   * recall form first, never a false statement; an mc lists its options (`question.choices`)
   * only when it is answered from them (`fromOptions`). null: no question makes a front, the
   * quiz card is shown in flashcard mode too.
   */
  flashcard: { question: PublicQuestion; back: { answer: string; explanation: string; section: string }; fromOptions: boolean } | null;
  /** Next interval of each self-grade, as text ("10分钟", "3天"). */
  intervals: Record<"1" | "2" | "3" | "4", string>;
}

export interface StudyQueue {
  items: StudyItem[];
  counts: QueueCounts;
  /** The last review can be undone (also after a reload). */
  canUndo: boolean;
  /** When the server read it: tells a page the client router restored (Back) from a fresh one. */
  generatedAt: string;
}

export const offlineQuery = z.object({
  /** Reviews falling due within this many days come along (beyond today's queue). */
  days: z.coerce.number().int().min(1).max(7).default(3),
});

/** A study item held on the device for offline study. */
export interface OfflineItem extends StudyItem {
  pack: string;
  topic: string;
  /** When the item may be studied offline: null = now (today's queue); else an ISO time. */
  availableAt: string | null;
}

/** The offline bundle: today's queue plus the reviews falling due in the next days. */
export interface OfflineBundle {
  generatedAt: string;
  items: OfflineItem[];
}
