import { getDb } from '@/db/client';
import { createTrpcHandler } from '@/server/adapters/trpc';

export const dynamic = 'force-dynamic';

const handler = createTrpcHandler({ getDb });

export { handler as GET, handler as POST };
