/**
 * Secrets at rest: {@link io.gatehouse.server.crypto.SecretBox} seals secret access keys, TOTP seeds and signing
 * keys with AES-256-GCM under the master key that {@link io.gatehouse.server.crypto.MasterKeyLoader} finds, so that
 * the database alone never reveals a usable credential. Nothing here logs or puts in a message a key or a
 * plaintext.
 */
package io.gatehouse.server.crypto;
