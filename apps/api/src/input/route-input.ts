import { applyDecorators, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ApiConsumes, ApiQuery } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { FORM_MEDIA_TYPE, JSON_MEDIA_TYPE } from './media-type';

const QUERY_PARAMETERS = 'switchboard:queryParameters';
const IGNORES_INPUT = 'switchboard:ignoresInput';
const BODY_MEDIA_TYPE = 'switchboard:bodyMediaType';
const MULTIPART = 'switchboard:multipart';

/**
 * Declares the query parameters of a route that reads its query itself (Open311's), with a
 * description of each: the route accepts those and no other (400 naming an unknown one), and the
 * OpenAPI document lists them. Routes with a query DTO need nothing: the DTO declares them.
 */
export const QueryParameters = (parameters: Readonly<Record<string, string>>) =>
  applyDecorators(
    SetMetadata(QUERY_PARAMETERS, Object.keys(parameters)),
    ...Object.entries(parameters).map(([name, description]) => ApiQuery({ name, required: false, type: String, description })),
  );

/** The route answers the same whatever its query and body hold (the Open311 catch-all 404); query values are still checked. */
export const IgnoresInput = () => SetMetadata(IGNORES_INPUT, true);

/** The route reads a form-encoded body (Open311 POST requests) instead of JSON. */
export const FormBody = () => applyDecorators(SetMetadata(BODY_MEDIA_TYPE, FORM_MEDIA_TYPE), ApiConsumes(FORM_MEDIA_TYPE));

/**
 * The route reads a multipart/form-data body itself (photo uploads; Open311 POST requests with
 * `media`). Every other route refuses one with 415, as it refuses any media type it does not read.
 */
export const MultipartBody = () => SetMetadata(MULTIPART, true);

/** What a route reads from the request besides its path, from its decorators. */
export interface RouteInput {
  /** Query parameter names it accepts; undefined: a validated DTO whitelists them (the validation pipe names unknown ones), or the route ignores them. */
  readonly queryNames?: ReadonlySet<string>;
  /** Whether it reads a body; undefined: it ignores any. */
  readonly takesBody?: boolean;
  readonly bodyMediaType: string;
  /** It reads multipart/form-data bodies itself (MultipartBody). */
  readonly multipart: boolean;
}

interface RouteArgument {
  readonly index: number;
  readonly data?: unknown;
}

/** A controller class and one of its methods, as Nest's execution context hands them over. */
export type NestClass = ReturnType<ExecutionContext['getClass']>;
export type NestHandler = ReturnType<ExecutionContext['getHandler']>;

const byHandler = new WeakMap<NestHandler, RouteInput>();

/** The input a controller method declares: its @Query and @Body parameters and the decorators above. Cached per method. */
export function routeInputOf(controller: NestClass, handler: NestHandler): RouteInput {
  const known = byHandler.get(handler);
  if (known) return known;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, RouteArgument>;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, handler.name) ?? []) as unknown[];
  const of = (type: RouteParamtypes) =>
    Object.entries(args)
      .filter(([key]) => key.split(':')[0] === String(type))
      .map(([, arg]) => arg);
  const queries = of(RouteParamtypes.QUERY);
  const validatedDto = queries.some((arg) => arg.data === undefined && isValidatedClass(types[arg.index]));
  const meta = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
  const ignores = meta<boolean>(IGNORES_INPUT) === true;
  const input: RouteInput = {
    queryNames:
      validatedDto || ignores
        ? undefined
        : new Set([...queries.filter((arg) => typeof arg.data === 'string').map((arg) => arg.data as string), ...(meta<string[]>(QUERY_PARAMETERS) ?? [])]),
    takesBody: ignores ? undefined : of(RouteParamtypes.BODY).length > 0,
    bodyMediaType: meta<string>(BODY_MEDIA_TYPE) ?? JSON_MEDIA_TYPE,
    multipart: meta<boolean>(MULTIPART) === true,
  };
  byHandler.set(handler, input);
  return input;
}

function isValidatedClass(type: unknown): boolean {
  return typeof type === 'function' && type !== Object && getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
}
