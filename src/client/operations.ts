import type { paths } from './openapi';

/**
 * Types of one operation, read from `paths` (the generated contract) rather than from named
 * component schemas: an operation's path and method are stable where a schema's component name
 * may still change, so callers that name shapes this way survive a renaming of components.
 */
export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths that have an operation for `M`. */
export type PathWith<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never }[keyof paths];

type Success = 200 | 201 | 202 | 203;
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of an operation's success answer (`OkJson<'/api/cases/{id}', 'get'>`). */
export type OkJson<P extends PathWith<M>, M extends Method> = paths[P][M] extends { responses: infer R }
  ? { [S in keyof R & Success]: JsonOf<R[S]> }[keyof R & Success]
  : never;

/** The JSON request body of an operation (`RequestJson<'/api/users', 'post'>`). */
export type RequestJson<P extends PathWith<M>, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** One element of a listing's `items` (`ItemOf<OkJson<'/api/cases', 'get'>>`). */
export type ItemOf<Page> = Page extends { items: readonly (infer Item)[] } ? Item : never;
