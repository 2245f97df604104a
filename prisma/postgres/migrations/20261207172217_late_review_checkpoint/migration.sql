-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "prevLapses" INTEGER,
ADD COLUMN     "prevReps" INTEGER;

