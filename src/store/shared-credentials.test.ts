import { describe, expect, it } from 'vitest';
import { passwordFrom, sharedEntriesOf, storedPasswordFor, type SecretBox } from './shared-credentials';

/** A keychain stand-in: reversible, visibly not plain text, and switchable off. */
function fakeBox(available = true): SecretBox & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => available,
    encryptString: (plain) => {
      calls.push('encrypt');
      return Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`);
    },
    decryptString: (encrypted) => {
      calls.push('decrypt');
      const text = encrypted.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'hex').toString();
    },
  };
}

describe('a shared log’s password between sessions', () => {
  it('is kept encrypted by the keychain when it can encrypt, and read back', () => {
    const box = fakeBox();
    const stored = storedPasswordFor(box, 'hunter2 é');
    expect(stored.kind).toBe('encrypted');
    expect(JSON.stringify(stored)).not.toContain('hunter2');
    expect(passwordFrom(box, stored)).toEqual({ password: 'hunter2 é' });
  });

  it('is not kept at all when the keychain cannot encrypt: asked each time, never written in plain text', () => {
    const box = fakeBox(false);
    expect(storedPasswordFor(box, 'hunter2')).toEqual({ kind: 'ask' });
    expect(box.calls).toEqual([]);
    expect(passwordFrom(box, { kind: 'ask' })).toBe('ask');
  });

  it('is not kept where Linux has no keychain and Electron would use its built-in key (basic_text)', () => {
    const box = { ...fakeBox(), backend: () => 'basic_text' };
    expect(storedPasswordFor(box, 'hunter2')).toEqual({ kind: 'ask' });
    expect(box.calls).toEqual([]);
    expect(storedPasswordFor({ ...fakeBox(), backend: () => 'gnome_libsecret' }, 'hunter2').kind).toBe('encrypted');
  });

  it('is asked for again when the keychain no longer can decrypt it', () => {
    const stored = storedPasswordFor(fakeBox(), 'hunter2');
    expect(passwordFrom(fakeBox(false), stored)).toBe('ask');
    expect(passwordFrom(fakeBox(), { kind: 'encrypted', data: Buffer.from('garbage').toString('base64') })).toBe('ask');
  });

  it('needs nothing when none was given (PGPASSWORD, ~/.pgpass)', () => {
    const box = fakeBox();
    expect(storedPasswordFor(box, undefined)).toEqual({ kind: 'none' });
    expect(passwordFrom(box, { kind: 'none' })).toEqual({});
    expect(box.calls).toEqual([]);
  });

  it('settings entries are checked as read: a malformed one, or one whose URL has a password, is ignored', () => {
    const good = { url: 'postgres://alice@db:5432/news?log=x', password: { kind: 'none' } };
    expect(sharedEntriesOf([good, { url: 'postgres://alice:pw@db/news?log=x', password: { kind: 'none' } }, { url: 'postgres://a@db/n?log=x', password: { kind: 'plain', data: 'pw' } }, 'junk', null])).toEqual([good]);
    expect(sharedEntriesOf(undefined)).toEqual([]);
    expect(sharedEntriesOf({ url: 'x' })).toEqual([]);
  });
});
