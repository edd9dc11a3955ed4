import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The PostgreSQL fault suite (`npm run test:db-fault`): run inside
// scripts/with-postgres.sh, which provides DATABASE_URL, PG_TEST_DIR and
// PG_TEST_BIN. Each test starts its own production server; no shared webServer.
export default defineConfig({
  ...base,
  testMatch: '**/*.pg.ts',
  webServer: undefined,
  retries: 0,
});
