/** Stripe's error body; the SDK turns it into the matching `Stripe.errors.*` class. */
export type StripeErrorBody = {
  error: {
    type: 'invalid_request_error' | 'idempotency_error' | 'api_error';
    code?: string;
    message: string;
    param?: string;
  };
};

/** Thrown by handlers; the HTTP layer answers it as Stripe would. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.error.message);
  }
}

const invalidRequest = (status: number, message: string, code?: string, param?: string) =>
  new StripeApiError(status, {
    error: {
      type: 'invalid_request_error',
      message,
      ...(code && { code }),
      ...(param && { param }),
    },
  });

/**
 * `No such customer: 'cus_x'`. A missing object named in the path is a 404; one named
 * by a parameter (`customer`, `line_items[0][price]`) is a 400, as in Stripe.
 */
export const noSuch = (kind: string, id: string, param = 'id') =>
  invalidRequest(param === 'id' ? 404 : 400, `No such ${kind}: '${id}'`, 'resource_missing', param);

export const missingParam = (param: string) =>
  invalidRequest(400, `Missing required param: ${param}.`, 'parameter_missing', param);

export const invalidParam = (param: string, message: string, code = 'parameter_invalid') =>
  invalidRequest(400, message, code, param);

/** A request that is well-formed but not allowed in the object's current state. */
export const invalidState = (message: string, param?: string) =>
  invalidRequest(400, message, 'resource_state_invalid', param);

/** A preview asked of a customer or subscription that will not be invoiced again. */
export const noUpcomingInvoice = (customer: string) =>
  invalidRequest(404, `No upcoming invoices for customer: ${customer}`, 'invoice_upcoming_none');

export const unrecognizedUrl = (method: string, pathname: string) =>
  invalidRequest(404, `Unrecognized request URL (${method}: ${pathname})`);

export const invalidApiKey = () =>
  new StripeApiError(401, {
    error: { type: 'invalid_request_error', message: 'Invalid API Key provided' },
  });
