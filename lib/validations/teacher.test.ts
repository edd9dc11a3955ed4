import { describe, expect, it } from 'vitest';
import { accountSchema, fieldErrors, formValues, safeNextPath, signInSchema } from './teacher';

describe('account schema', () => {
  const ok = { name: ' Ada Lovelace ', email: ' Ada@School.ORG ', password: 'long enough pw', confirm: 'long enough pw' };
  it('trims the name and lower-cases the email', () => {
    const r = accountSchema.parse(ok);
    expect(r.name).toBe('Ada Lovelace');
    expect(r.email).toBe('ada@school.org');
  });
  it('names each bad field', () => {
    const r = accountSchema.safeParse({ name: '', email: 'nope', password: 'short', confirm: 'short' });
    expect(r.success).toBe(false);
    const errors = fieldErrors(r.error!);
    expect(errors.name).toMatch(/name/);
    expect(errors.email).toMatch(/email address/);
    expect(errors.password).toBe('Use at least 10 characters.');
  });
  it('requires 10 to 200 characters and the confirmation to match', () => {
    expect(accountSchema.safeParse({ ...ok, password: '123456789', confirm: '123456789' }).success).toBe(false);
    expect(accountSchema.safeParse({ ...ok, password: '1234567890', confirm: '1234567890' }).success).toBe(true);
    const long = 'x'.repeat(201);
    expect(accountSchema.safeParse({ ...ok, password: long, confirm: long }).success).toBe(false);
    const mismatch = accountSchema.safeParse({ ...ok, confirm: 'something else' });
    expect(mismatch.success).toBe(false);
    expect(fieldErrors(mismatch.error!)).toEqual({ confirm: 'The two passwords are not the same.' });
    expect(accountSchema.safeParse({ ...ok, password: ' '.repeat(12), confirm: ' '.repeat(12) }).success).toBe(false);
  });
  it('sign-in needs an email and a password', () => {
    expect(signInSchema.safeParse({ email: 'a@b.org', password: '' }).success).toBe(false);
    expect(signInSchema.parse({ email: 'A@B.org ', password: 'x' }).email).toBe('a@b.org');
  });
});

describe('safeNextPath', () => {
  it('keeps same-site paths', () => {
    expect(safeNextPath('/teacher/classes/abc?x=1#y')).toBe('/teacher/classes/abc?x=1#y');
    expect(safeNextPath('/')).toBe('/');
  });
  it('refuses anything that could leave the site', () => {
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'teacher', '', null, undefined, 42, '/\t/evil.example', '/' + 'a'.repeat(600)]) {
      expect(safeNextPath(bad)).toBe('/teacher');
    }
  });
});

describe('formValues', () => {
  it('reads named string fields only, cut to a maximum length', () => {
    const f = new FormData();
    f.set('name', 'Ada');
    f.set('big', 'x'.repeat(50));
    f.set('file', new Blob(['x']), 'x.txt');
    expect(formValues(f, ['name', 'big', 'file', 'missing'], 10)).toEqual({ name: 'Ada', big: 'x'.repeat(10) });
  });
});
