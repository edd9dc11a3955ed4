/**
 * Parsing of content files into validated objects. Pure (no file system), so
 * the same code serves the app, `npm run content:check` and tests. Every
 * problem is reported as { file, path, message } so a teacher editing YAML by
 * hand can find it.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { articleFrontMatterSchema, articleSchema, exerciseSchema, type Article, type Exercise } from './schema';

export interface ContentProblem {
  file: string;
  /** Dotted path inside the file, e.g. "sections[1].questions[0].key.quote"; "" for the whole file. */
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: ContentProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += (out ? '.' : '') + String(p);
  }
  return out;
}

export function zodProblems(file: string, error: z.ZodError, prefix: readonly PropertyKey[] = []): ContentProblem[] {
  return error.issues.flatMap((i): ContentProblem[] => {
    const at = [...prefix, ...i.path];
    // An unknown field (often a typo) is reported at that field, not at its parent.
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ file, path: formatPath([...at, k]), message: `unknown field "${k}" (check the spelling; see the format at the top of the shipped file)` }));
    if (i.code === 'invalid_type' && /received undefined$/.test(i.message))
      return [{ file, path: formatPath(at), message: `required field is missing (expected ${i.expected})` }];
    return [{ file, path: formatPath(at), message: i.message }];
  });
}

function yamlProblems(file: string, e: unknown): ContentProblem[] {
  if (e instanceof YAMLParseError) {
    const pos = e.linePos?.[0];
    return [{ file, path: pos ? `line ${pos.line}, column ${pos.col}` : '', message: `invalid YAML: ${e.message.split('\n')[0]}` }];
  }
  return [{ file, path: '', message: `invalid YAML: ${String(e)}` }];
}

/** Parse YAML safely; a syntax error becomes a problem, never an exception. */
export function parseYamlFile(file: string, source: string): Parsed<unknown> {
  try {
    return { ok: true, value: parseYaml(source, { prettyErrors: true }) };
  } catch (e) {
    return { ok: false, problems: yamlProblems(file, e) };
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * An article file is YAML front matter between `---` lines, then the body:
 * one paragraph per block, paragraphs separated by a blank line. Line breaks
 * inside a paragraph are joined with a space.
 */
export function parseArticle(file: string, source: string): Parsed<Article> {
  const m = FRONT_MATTER.exec(source.replace(/^\uFEFF/, ''));
  if (!m) return { ok: false, problems: [{ file, path: '', message: 'missing front matter: the file must start with a line "---", the YAML fields, and another "---"' }] };
  const front = parseYamlFile(file, m[1] ?? '');
  if (!front.ok) return front;
  const fm = articleFrontMatterSchema.safeParse(front.value ?? {});
  const paragraphs = (m[2] ?? '')
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter(Boolean);
  if (!fm.success) return { ok: false, problems: zodProblems(file, fm.error) };
  const full = articleSchema.safeParse({ ...fm.data, paragraphs });
  if (!full.success) return { ok: false, problems: zodProblems(file, full.error) };
  return { ok: true, value: full.data };
}

export function parseExercise(file: string, source: string): Parsed<Exercise> {
  const y = parseYamlFile(file, source);
  if (!y.ok) return y;
  const r = exerciseSchema.safeParse(y.value ?? {});
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: zodProblems(file, r.error) };
}
