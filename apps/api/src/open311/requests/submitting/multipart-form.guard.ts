import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MAX_PHOTOS_PER_REPORT } from '@switchboard/ticketing';
import { isMultipart, readMultipart, type UploadedFile } from '../../../attachments/multipart-upload';
import type { ApiConfig } from '../../../config/api-config';
import { API_CONFIG } from '../../../config/config.module';

/** The request after MultipartFormGuard: its text fields are the body, its `media` files here. */
export interface RequestWithMedia extends FastifyRequest {
  media?: readonly UploadedFile[];
}

/** The files a POST requests form carried (none for a form-encoded one). */
export const mediaOf = (request: FastifyRequest): readonly UploadedFile[] => (request as RequestWithMedia).media ?? [];

/**
 * POST requests may be multipart/form-data with `media` files (the GeoReport v2.1 draft). This guard
 * runs before the api_key guard, which reads the form's `api_key`: it reads the parts — each file
 * within the photo size limit while it streams in, at most MAX_PHOTOS_PER_REPORT of them — makes the
 * text fields the request's form body (checked like any form body afterwards) and keeps the files.
 */
@Injectable()
export class MultipartFormGuard implements CanActivate {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithMedia>();
    if (!isMultipart(request)) return true;
    const upload = await readMultipart(request, { fileFields: ['media'], maxBytes: this.config.attachments.policy.maxBytes, maxFiles: MAX_PHOTOS_PER_REPORT });
    request.body = upload.fields;
    request.media = upload.files;
    return true;
  }
}
