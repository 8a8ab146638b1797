import { AppError } from '@/server/platform/http/errors';
import { said } from '@/server/i18n/error-words';

/**
 * One answer for an organization that does not exist and one the caller does not
 * belong to: an organization's existence is its members' business.
 */
export const notAMember = () => new AppError('NOT_FOUND', said('organizations.notAMember'));
