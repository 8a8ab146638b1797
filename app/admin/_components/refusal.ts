/** The parts of a tRPC client error the admin pages look at. */
export type Refusal = {
  message: string;
  data?: {
    httpStatus?: number;
    details?: { fields?: { path: string; message: string }[] };
  } | null;
};

/** A 400 or 404: asking again gives the same answer. */
export const isRefusal = (error: Refusal) =>
  error.data?.httpStatus === 400 || error.data?.httpStatus === 404;

/** Retry a failed query unless the server refused it for good. */
export const retryUnlessRefused = (failures: number, error: Refusal) =>
  !isRefusal(error) && failures < 3;
