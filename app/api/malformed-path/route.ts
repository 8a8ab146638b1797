import { malformedPathResponse } from '@/server/platform/http/malformed-path';

// Reached through server.mjs's rewrite of paths Next.js cannot decode; harmless when
// called directly (it only ever answers 400).
export const dynamic = 'force-dynamic';

export {
  malformedPathResponse as GET,
  malformedPathResponse as POST,
  malformedPathResponse as PUT,
  malformedPathResponse as PATCH,
  malformedPathResponse as DELETE,
  malformedPathResponse as OPTIONS,
};
