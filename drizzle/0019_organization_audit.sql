-- A new, nullable column without a default: no rewrite, a brief lock only.
ALTER TABLE "audit_logs" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
-- lock-ok: audit_logs only receives inserts, which wait while the index builds. On a
-- large log, create it first with CREATE INDEX CONCURRENTLY (same name) and this
-- statement skips it.
CREATE INDEX IF NOT EXISTS "audit_logs_organization_id_created_at_idx" ON "audit_logs" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE POLICY "audit_logs_select_organization" ON "audit_logs" AS PERMISSIVE FOR SELECT TO "authenticated" USING ("audit_logs"."organization_id" = (select private.acting_organization_id()) and (select private.acting_role()) in ('owner', 'admin'));
--> statement-breakpoint
-- The one way in, now naming the organization too. Under RLS the app may record an
-- event only about the signed-in user (as before) and only in an organization they
-- belong to; the service path names any.
CREATE OR REPLACE FUNCTION private.record_audit_event(
  p_actor_id uuid,
  p_action text,
  p_resource_type text,
  p_resource_id text,
  p_details jsonb,
  p_success boolean,
  p_request_id text,
  p_ip text,
  p_user_agent text,
  p_organization_id uuid
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
BEGIN
  IF current_setting('role') <> 'service_role' THEN
    IF auth.uid() IS NULL OR p_actor_id IS DISTINCT FROM auth.uid() THEN
      RAISE EXCEPTION 'an audit event may only name the signed-in user as its actor'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_organization_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM public.memberships m
      WHERE m.organization_id = p_organization_id AND m.user_id = auth.uid()
    ) THEN
      RAISE EXCEPTION 'an audit event may only name an organization the signed-in user belongs to'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  INSERT INTO public.audit_logs
    (actor_id, action, resource_type, resource_id, details, success, request_id, ip, user_agent,
     organization_id)
  VALUES
    (p_actor_id, p_action, p_resource_type, p_resource_id, p_details, p_success, p_request_id,
     p_ip, p_user_agent, p_organization_id);
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.record_audit_event(uuid, text, text, text, jsonb, boolean, text, text, text, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION private.record_audit_event(uuid, text, text, text, jsonb, boolean, text, text, text, uuid) TO authenticated, service_role;
