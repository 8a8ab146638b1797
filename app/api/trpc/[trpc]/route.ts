import { handleTrpcRequest } from '@/server/adapters/trpc';

export const dynamic = 'force-dynamic';

export { handleTrpcRequest as GET, handleTrpcRequest as POST };
