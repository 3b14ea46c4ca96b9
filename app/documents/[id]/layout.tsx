import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { loadDocument } from "./loadDocument";

// Checked outside loading.tsx's Suspense boundary so an unknown id answers with a real 404.
export default async function DocumentLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  if (!(await loadDocument((await params).id))) notFound();
  return children;
}
