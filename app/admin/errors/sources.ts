import type { ErrorReport } from '../_components/types';

export const SOURCES: Record<ErrorReport['source'], string> = {
  client: 'Browser',
  server: 'Server',
};
