-- CreateTable
CREATE TABLE "AssignmentAccept" (
    "assignmentId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("assignmentId", "questionId", "answer"),
    CONSTRAINT "AssignmentAccept_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "pack" TEXT NOT NULL,
    "topics" TEXT NOT NULL,
    "forms" TEXT NOT NULL,
    "questionCount" INTEGER,
    "questionIds" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "attemptsAllowed" INTEGER NOT NULL DEFAULT 1,
    "timeLimitMinutes" INTEGER,
    "masteryGoal" REAL,
    "feedback" TEXT NOT NULL DEFAULT 'each',
    "answerKey" TEXT NOT NULL DEFAULT 'final',
    "attemptMode" TEXT NOT NULL DEFAULT 'shuffle',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("answerKey", "attemptsAllowed", "classId", "createdAt", "dueAt", "feedback", "forms", "id", "masteryGoal", "opensAt", "pack", "publishedAt", "questionCount", "questionIds", "timeLimitMinutes", "timeZone", "title", "topics") SELECT "answerKey", "attemptsAllowed", "classId", "createdAt", "dueAt", "feedback", "forms", "id", "masteryGoal", "opensAt", "pack", "publishedAt", "questionCount", "questionIds", "timeLimitMinutes", "timeZone", "title", "topics" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE INDEX "Assignment_classId_dueAt_idx" ON "Assignment"("classId", "dueAt");
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "questionIds" TEXT NOT NULL DEFAULT '[]',
    "startedAt" DATETIME NOT NULL,
    "deadline" DATETIME,
    "submittedAt" DATETIME,
    "score" REAL,
    CONSTRAINT "Attempt_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("assignmentId", "deadline", "id", "number", "score", "startedAt", "submittedAt", "userId") SELECT "assignmentId", "deadline", "id", "number", "score", "startedAt", "submittedAt", "userId" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_userId_idx" ON "Attempt"("userId");
CREATE UNIQUE INDEX "Attempt_assignmentId_userId_number_key" ON "Attempt"("assignmentId", "userId", "number");
CREATE TABLE "new_AttemptAnswer" (
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "score" REAL NOT NULL,
    "answeredAt" DATETIME NOT NULL,
    "flaggedAt" DATETIME,
    "accepted" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("attemptId", "questionId"),
    CONSTRAINT "AttemptAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AttemptAnswer" ("answeredAt", "attemptId", "correct", "questionId", "response", "score") SELECT "answeredAt", "attemptId", "correct", "questionId", "response", "score" FROM "AttemptAnswer";
DROP TABLE "AttemptAnswer";
ALTER TABLE "new_AttemptAnswer" RENAME TO "AttemptAnswer";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

