/** What went wrong, in the words of whatever was thrown: an Error's message; anything else (code
 * may throw a string, a worker's failure may arrive as one) as text, or `otherwise` when given. */
export function errorMessage(error: unknown, otherwise?: string): string {
  if (error instanceof Error) return error.message;
  return otherwise ?? String(error);
}
