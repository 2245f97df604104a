// Join codes are read off a projector and typed on phones: no 0/O, 1/I/L look-alikes.
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 6;

const pattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Random bytes at or above this would make some characters likelier than others: drawn again. */
const UNBIASED_BELOW = 256 - (256 % JOIN_CODE_ALPHABET.length);

/**
 * A random code; 31^6 ≈ 887 million of them, so collisions are rare and retried by the caller.
 * Web Crypto (not node:crypto) because the forms import this file's constants into the browser.
 */
export function randomJoinCode(): string {
  let code = "";
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(JOIN_CODE_LENGTH * 2))) {
      if (byte < UNBIASED_BELOW && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
    }
  }
  return code;
}

/** The code as stored, from what someone typed (any case, spaces or dashes), or null if it cannot be one. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  return pattern.test(code) ? code : null;
}
