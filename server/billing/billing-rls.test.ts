import { createTestDatabase } from '@/db/test-database';

import { describeBillingRlsMatrix } from '@/test/suites/billing-rls-matrix';

describeBillingRlsMatrix(createTestDatabase);
