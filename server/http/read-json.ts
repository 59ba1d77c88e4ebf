import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { parseOrThrow } from '../../shared/validation.js';

/**
 * Reads a JSON request body and validates it with a shared schema; every route reads its
 * body through here. Malformed JSON is a 400 invalid_input, and so is every schema
 * failure, naming each bad field. An empty body counts as `{}` so requests whose fields
 * all have defaults need no body.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let body: unknown = {};
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError('invalid_input', 'Request body is not valid JSON');
    }
  }
  return parseOrThrow(schema, body, 'request');
}
