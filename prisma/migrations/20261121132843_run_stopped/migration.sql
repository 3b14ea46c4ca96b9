-- AlterEnum
ALTER TYPE "RunStatus" ADD VALUE 'stopped';
