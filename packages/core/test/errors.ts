/** Test helper: the CliffbenchError a promise rejects with (anything else fails the test). */
import { CliffbenchError } from '../src/errors.js';

export async function errorOf(p: Promise<unknown>): Promise<CliffbenchError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof CliffbenchError) return error;
    throw error;
  }
  throw new Error('expected a CliffbenchError');
}
