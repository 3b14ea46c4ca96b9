import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { loadRun } from "./loadRun";

// The existence check runs here, outside loading.tsx's Suspense boundary, so an unknown run gets
// a real 404 status before the response starts streaming.
export default async function RunLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  if (!(await loadRun((await params).id))) notFound();
  return children;
}
