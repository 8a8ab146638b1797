import { getDb } from '@/db/client';
import { createRestHandler } from '@/server/adapters/rest';

export const dynamic = 'force-dynamic';

const handler = createRestHandler({ getDb });

export {
  handler as GET,
  handler as POST,
  handler as PUT,
  handler as PATCH,
  handler as DELETE,
  handler as HEAD,
};
