/**
 * Why an encrypted database could not be opened, in one sentence naming the file. Neutral: each
 * door (terminal, browser mode, desktop app) adds how to give a key there.
 */
export class EncryptionKeyError extends Error {}

/** The file is encrypted (or is to be created encrypted) and nothing that opens it was given. */
export class KeyNeededError extends EncryptionKeyError {}

/** What was given does not open the file. Nothing in the file was changed. */
export class WrongKeyError extends EncryptionKeyError {}

/** A recovery key that cannot be right as written (a typo): which group, and what to check. */
export class RecoveryKeyTypoError extends WrongKeyError {}
