import { All, Controller, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/public.decorator';
import { IgnoresInput } from '../input/route-input';
import { Open311Error } from './errors/open311-error';
import { Open311ErrorFilter } from './errors/open311-error.filter';

/** Anything else under the Open311 base path: the spec's 404, in the spec's error format. */
@ApiExcludeController()
@Public()
// Whatever the query and body, the answer is the spec's 404.
@IgnoresInput()
@UseFilters(Open311ErrorFilter)
@Controller()
export class UnknownResourceController {
  /** Answers 404 for every path and method no Open311 resource serves. */
  @All('*')
  unknown(@Req() request: FastifyRequest): never {
    throw new Open311Error(404, `${request.method} ${request.url.split('?')[0]} is not an Open311 GeoReport v2 resource; see discovery.xml.`);
  }
}
