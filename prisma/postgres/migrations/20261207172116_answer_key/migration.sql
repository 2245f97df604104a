-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "answerKey" TEXT NOT NULL DEFAULT 'final';

