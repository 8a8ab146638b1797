import { createTestDatabase } from '@/db/test-database';

import { describeAuthRlsMatrix } from '@/test/suites/auth-rls-matrix';

describeAuthRlsMatrix(createTestDatabase);
