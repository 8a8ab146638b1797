import { createTrpcHandler } from '@/server/adapters/trpc';
import { pipelineDeps } from '@/server/pipeline-deps';

export const dynamic = 'force-dynamic';

const handler = createTrpcHandler(pipelineDeps());

export { handler as GET, handler as POST };
