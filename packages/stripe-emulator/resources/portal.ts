import type { ApiRoute } from '../context';
import { newId, nowSeconds } from '../ids';
import { nullIfEmpty, optionalString, requiredString } from '../params';
import type { PortalSession } from '../types';
import { getCustomer } from './customers';

export const portalRoutes: ApiRoute[] = [
  {
    method: 'POST',
    pattern: '/v1/billing_portal/sessions',
    handler: (ctx, { params }) => {
      const customer = getCustomer(ctx, requiredString(params, 'customer'), 'customer');
      const id = newId.portalSession();
      const session: PortalSession = {
        id,
        object: 'billing_portal.session',
        configuration: 'bpc_emulator_default',
        created: nowSeconds(),
        customer: customer.id,
        flow: null,
        livemode: false,
        locale: null,
        on_behalf_of: null,
        return_url: nullIfEmpty(optionalString(params, 'return_url')) ?? null,
        url: `${ctx.baseUrl()}/portal/${id}`,
      };
      ctx.state.portalSessions.set(id, session);
      return session;
    },
  },
];
