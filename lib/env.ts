import 'server-only';
/**
 * Server environment, validated once with zod so a typo in DATABASE_URL is a
 * clear start-up error rather than a confusing failure later.
 */
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Folder for the embedded database (PGlite). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Public origin used in printed links (setup link, join links), e.g. https://reader.school.org */
  PUBLIC_URL: z.url().optional(),
  PORT: z.string().regex(/^\d+$/).default('3000'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const r = envSchema.safeParse(process.env);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new Error(`Invalid environment: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    cached = r.data;
  }
  return cached;
}

export function dataDir(): string {
  if (env().DATA_DIR.startsWith('memory://')) return env().DATA_DIR;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().DATA_DIR);
}

export function publicOrigin(): string {
  return env().PUBLIC_URL?.replace(/\/$/, '') ?? `http://localhost:${env().PORT}`;
}
