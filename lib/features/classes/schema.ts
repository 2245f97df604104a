import { z } from "zod";
import { text } from "@/lib/core/text";

// Failures carry errors.* keys (parseInput keeps only those); forms show the classes.* text for a field.

export const CLASS_NAME_MAX = 60;

export const classNameInput = z.object({ name: text().trim().min(1).max(CLASS_NAME_MAX) });

export const classIdInput = z.object({ classId: text().min(1).max(64) });

export const archiveInput = classIdInput.extend({ archived: z.enum(["true", "false"]).transform((v) => v === "true") });

export const removeStudentInput = classIdInput.extend({ userId: text().min(1).max(64) });

/** As typed; joinClass normalizes it (case, spaces) and says why it cannot be a code. */
export const joinInput = z.object({ code: text().max(40) });

/** A class in its teacher's list. */
export interface TeacherClassSummary {
  id: string;
  name: string;
  joinCode: string;
  archived: boolean;
  createdAt: Date;
  memberCount: number;
}

/** A class in a student's list, and what the student sees of it. */
export interface StudentClassSummary {
  id: string;
  name: string;
  teacherName: string;
  archived: boolean;
  joinedAt: Date;
}

export interface RosterMember {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
}

/** What the join link shows before the student presses Join. */
export interface JoinPreview {
  classId: string;
  joinCode: string;
  name: string;
  teacherName: string;
  archived: boolean;
  alreadyMember: boolean;
}
