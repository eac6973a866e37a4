import type { ValidationError } from 'class-validator';
import { InvalidRequest, type FieldProblem } from './api-exceptions';

/** Every constraint violation of a (possibly nested) DTO, with dotted field paths. */
export function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** The ValidationPipe's exceptionFactory: one 400 that lists every invalid field. */
export const invalidRequestFrom = (errors: ValidationError[]): InvalidRequest => new InvalidRequest(fieldProblems(errors));
