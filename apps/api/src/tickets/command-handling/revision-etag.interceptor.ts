import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

/** Sends `ETag: W/"<revision>"` with every ticket answer, so the next command can send it back as If-Match. */
@Injectable()
export class RevisionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const revision = (body as { revision?: unknown } | undefined)?.revision;
        if (typeof revision === 'number') void context.switchToHttp().getResponse<FastifyReply>().header('ETag', `W/"${revision}"`);
        return body;
      }),
    );
  }
}
