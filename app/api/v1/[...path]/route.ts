import { createRestHandler } from '@/server/adapters/rest';
import { pipelineDeps } from '@/server/pipeline-deps';

export const dynamic = 'force-dynamic';

const handler = createRestHandler(pipelineDeps());

export {
  handler as GET,
  handler as POST,
  handler as PUT,
  handler as PATCH,
  handler as DELETE,
  handler as HEAD,
};
