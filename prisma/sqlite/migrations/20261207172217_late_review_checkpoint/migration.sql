-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "prevLapses" INTEGER;
ALTER TABLE "ReviewLog" ADD COLUMN "prevReps" INTEGER;

