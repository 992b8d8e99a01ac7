/** Electron's safeStorage as the app's SecretBox (the policy lives in store/shared-credentials.ts). */
import { safeStorage } from 'electron';
import type { SecretBox } from '../store/shared-credentials';

export const keychain: SecretBox = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  encryptString: (plainText) => safeStorage.encryptString(plainText),
  decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  ...(process.platform === 'linux' ? { backend: () => safeStorage.getSelectedStorageBackend() } : {}),
};
