import { createTestDatabase } from '@/db/test-database';

import { describeAuthRlsMatrix } from './rls-matrix';

describeAuthRlsMatrix(createTestDatabase);
