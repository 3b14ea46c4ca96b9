// Next.js ambient types (CSS imports, images) for `tsc --noEmit` on a clean clone, before any
// `next build` has written next-env.d.ts.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
