import { createTestDatabase } from '@/db/test-database';

import { describeOrganizationsRlsMatrix } from '@/test/suites/organizations-rls-matrix';

describeOrganizationsRlsMatrix(createTestDatabase);
