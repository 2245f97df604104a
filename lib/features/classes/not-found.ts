import "server-only";
import { notFound } from "next/navigation";
import { AppError, AppErrorCode } from "@/lib/server/errors";

/** For pages: a class the reader has no part in shows the 404 page, as one that does not exist. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.NotFound) notFound();
    throw error;
  }
}
