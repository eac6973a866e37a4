import { type ArgumentMetadata, HttpException, Logger, ValidationPipe } from '@nestjs/common';
import { InvalidRequest, UnsupportedMediaType } from '../errors/api-exceptions';
import { invalidRequestFrom } from '../errors/validation-problems';
import { BODY_FIELD } from './body-shape';
import { QUERY_FIELD } from './query-string';

/**
 * The global ValidationPipe (whitelist, forbidNonWhitelisted, transform), bounded as a layer:
 * a DTO body must be a JSON object (an array or a bare value is one problem, not one per field
 * and item), and whatever else fails inside class-transformer or class-validator is a 400 naming
 * the body or parameter, logged, never a 500 — a defence in depth: input reaches it read by the
 * strict body parsers and bounded by the RequestInputInterceptor, so the hostile-input suite
 * counts any answer of this fallback as a failure.
 */
export class BoundedValidationPipe extends ValidationPipe {
  private readonly log = new Logger('Validation');

  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: invalidRequestFrom });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = fieldOf(metadata);
    if (metadata.type === 'body' && this.validates(metadata) && value !== undefined && !isPlainObject(value)) {
      throw new InvalidRequest([
        { field, message: `must be a JSON object (got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})` },
      ]);
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof InvalidRequest || error instanceof UnsupportedMediaType || error instanceof HttpException) throw error;
      this.log.warn(`Validation of the ${metadata.type} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
      throw new InvalidRequest([{ field, message: 'could not be validated: its shape is not one this route reads' }]);
    }
  }

  private validates(metadata: ArgumentMetadata): boolean {
    return typeof metadata.metatype === 'function' && this.toValidate(metadata);
  }
}

function fieldOf(metadata: ArgumentMetadata): string {
  if (typeof metadata.data === 'string') return metadata.data;
  return metadata.type === 'body' ? BODY_FIELD : metadata.type === 'query' ? QUERY_FIELD : `(${metadata.type})`;
}

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
