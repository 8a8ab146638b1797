// Creates the e2e run's database on TEST_DATABASE_URL's server (see playwright.config.ts).
import postgres from 'postgres';

const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
const name = process.env.E2E_DATABASE_NAME!;
if (!/^leansaas_e2e_\d+$/.test(name)) throw new Error(`unexpected e2e database name ${name}`);
await admin.unsafe(`create database "${name}"`);
await admin.end();
