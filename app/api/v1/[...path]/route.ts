import { handleRestRequest } from '@/server/adapters/rest';

export const dynamic = 'force-dynamic';

export {
  handleRestRequest as GET,
  handleRestRequest as POST,
  handleRestRequest as PUT,
  handleRestRequest as PATCH,
  handleRestRequest as DELETE,
  handleRestRequest as HEAD,
};
