/**
 * Where a shared log's password is kept between sessions. The policy: encrypted with the operating
 * system's keychain (Electron's `safeStorage`) when it can encrypt; otherwise not kept at all, and
 * asked for each time. A password is never written in plain text.
 *
 * `SecretBox` is the part of `safeStorage` used, passed in, so the policy is tested without Electron.
 */
import { z } from 'zod';

export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: the keychain behind it (`safeStorage.getSelectedStorageBackend()`). */
  backend?(): string;
}

/**
 * True when the box really encrypts. On Linux without a keychain, Electron "encrypts" with a key
 * built into Chromium (`basic_text`): anyone who can read the file can read the password, so that
 * counts as plain text here.
 */
export const canKeepSecrets = (box: SecretBox): boolean => box.isEncryptionAvailable() && box.backend?.() !== 'basic_text';

/** How a remembered shared log gets its password: none needed, encrypted here, or asked each time. */
export const storedPasswordSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('encrypted'), data: z.base64().min(1) }),
  z.strictObject({ kind: z.literal('ask') }),
]);
export type StoredPassword = z.infer<typeof storedPasswordSchema>;

/** A shared log as the settings file keeps it: the connection string without its password. */
export const sharedLogEntrySchema = z.strictObject({
  url: z.string().regex(/^postgres:\/\/[^:@/]+@/, 'a postgres:// URL with a user and no password'),
  password: storedPasswordSchema,
});
export type SharedLogEntry = z.infer<typeof sharedLogEntrySchema>;

/** What to keep for `password` (given by the user, possibly none). */
export function storedPasswordFor(box: SecretBox, password: string | undefined): StoredPassword {
  if (password === undefined) return { kind: 'none' };
  if (!canKeepSecrets(box)) return { kind: 'ask' };
  return { kind: 'encrypted', data: box.encryptString(password).toString('base64') };
}

/** The password to connect with (`{}` when none is needed), or 'ask' when the user must type it. */
export function passwordFrom(box: SecretBox, stored: StoredPassword): { password?: string } | 'ask' {
  if (stored.kind === 'none') return {};
  if (stored.kind === 'ask' || !canKeepSecrets(box)) return 'ask';
  try {
    return { password: box.decryptString(Buffer.from(stored.data, 'base64')) };
  } catch {
    // Another user's or machine's keychain, or a changed key: ask rather than fail.
    return 'ask';
  }
}

/** The entries of a settings file that are well-formed; anything else in it is ignored, never trusted. */
export function sharedEntriesOf(raw: unknown): SharedLogEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = sharedLogEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
