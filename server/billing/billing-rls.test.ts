import { createTestDatabase } from '@/db/test-database';

import { describeBillingRlsMatrix } from './billing-rls';

describeBillingRlsMatrix(createTestDatabase);
