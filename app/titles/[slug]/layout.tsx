import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { loadTitle } from "./loadTitle";

// The existence check runs here, outside loading.tsx's Suspense boundary, so an unknown slug
// gets a real 404 status before the response starts streaming (the page's check would be a 200).
export default async function TitleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  if (!(await loadTitle((await params).slug))) notFound();
  return children;
}
