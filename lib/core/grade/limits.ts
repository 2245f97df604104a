/**
 * The longest answer text accepted (characters), per field. Its own module so the answer input
 * can use it without pulling the grader (and its dictionary) into the browser.
 */
export const MAX_RESPONSE_LENGTH = 500;
