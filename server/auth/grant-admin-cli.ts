// `npm run admin:grant -- you@example.com`: makes that account an admin.
import { getDatabase } from '@/db/client';

import { grantAdminAsService } from './grant-admin';

const email = process.argv[2];
if (!email) {
  console.error('Usage: npm run admin:grant -- you@example.com');
  process.exit(2);
}
const database = await getDatabase();
const granted = await grantAdminAsService(database.db, email);
await database.close();
if (!granted) {
  console.error(`No account with the email ${email}.`);
  process.exit(1);
}
console.log(`${email} is now an admin; their sessions were ended, so they sign in again.`);
