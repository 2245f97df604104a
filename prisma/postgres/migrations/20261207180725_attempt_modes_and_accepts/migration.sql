-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "attemptMode" TEXT NOT NULL DEFAULT 'shuffle';

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "questionIds" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "AttemptAnswer" ADD COLUMN     "accepted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "flaggedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AssignmentAccept" (
    "assignmentId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssignmentAccept_pkey" PRIMARY KEY ("assignmentId","questionId","answer")
);

-- AddForeignKey
ALTER TABLE "AssignmentAccept" ADD CONSTRAINT "AssignmentAccept_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

