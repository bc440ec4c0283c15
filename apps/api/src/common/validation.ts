import { StandardSchemaValidationPipe } from '@nestjs/common';
import { ValidationError } from '../../../../libs/domain/errors.js';

/**
 * The one validation path: every `@Body({ schema })`, `@Query({ schema })` and
 * `@Param(name, { schema })` is checked against its zod schema, and a failure is a 400
 * naming each field.
 */
export function validationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) => {
      const fields = issues.map((issue) => ({
        field: (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') || '(body)',
        message: issue.message,
      }));
      return new ValidationError(fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
    },
  });
}
