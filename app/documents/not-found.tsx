// [id]/layout.tsx rejects unknown ids before streaming (for a real 404 status); a layout's
// notFound() is caught one segment up, here, so this shows the same page as [id]/not-found.
export { default } from "./[id]/not-found";
