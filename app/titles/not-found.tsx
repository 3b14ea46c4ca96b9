// [slug]/layout.tsx rejects unknown slugs before streaming (for a real 404 status); a layout's
// notFound() is caught one segment up, here, so this shows the same page as [slug]/not-found.
export { default } from "./[slug]/not-found";
