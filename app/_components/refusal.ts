import type { ApiError } from './api-types';

/** A 400 or 404: asking again gives the same answer. */
export const isRefusal = (error: ApiError) =>
  error.data?.httpStatus === 400 || error.data?.httpStatus === 404;

/** Retry a failed query unless the server refused it for good. */
export const retryUnlessRefused = (failures: number, error: ApiError) =>
  !isRefusal(error) && failures < 3;

/**
 * A 400 names the fields the server refused; they are shown by their labels
 * (the field's path when it has none). Null for any other error.
 */
export function refusedFields(error: ApiError | null, labels: Record<string, string>) {
  if (error?.data?.httpStatus !== 400) return null;
  const fields = error.data.details?.fields ?? [];
  if (fields.length === 0) return error.message;
  return fields.map((field) => `${labels[field.path] ?? field.path}: ${field.message}`).join('; ');
}
