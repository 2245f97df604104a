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
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("attemptsAllowed", "classId", "createdAt", "dueAt", "feedback", "forms", "id", "masteryGoal", "opensAt", "pack", "publishedAt", "questionCount", "questionIds", "timeLimitMinutes", "timeZone", "title", "topics") SELECT "attemptsAllowed", "classId", "createdAt", "dueAt", "feedback", "forms", "id", "masteryGoal", "opensAt", "pack", "publishedAt", "questionCount", "questionIds", "timeLimitMinutes", "timeZone", "title", "topics" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE INDEX "Assignment_classId_dueAt_idx" ON "Assignment"("classId", "dueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

