import { createOAuthHandlers } from '@/server/auth/oauth/routes';
import { pipelineDeps } from '@/server/pipeline-deps';

export const dynamic = 'force-dynamic';

export const GET = createOAuthHandlers(pipelineDeps()).callback;
