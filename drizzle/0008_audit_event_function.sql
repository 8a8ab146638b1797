-- Audit rows are added only through this function. It lives in a schema that
-- Supabase's Data API does not expose, so a signed-in user calling PostgREST
-- directly cannot write to the trail at all; the app, in its RLS transactions, can,
-- and then only as the user it acts for. The service path names any actor: it is
-- recognised by the role actually assumed (only members of service_role can take
-- it), not by the claims, which any SQL session can set.
CREATE SCHEMA IF NOT EXISTS private;
--> statement-breakpoint
REVOKE ALL ON SCHEMA private FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA private TO authenticated, service_role;
--> statement-breakpoint
REVOKE INSERT ON public.audit_logs FROM anon, authenticated, service_role;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION private.record_audit_event(
  p_actor_id uuid,
  p_action text,
  p_resource_type text,
  p_resource_id text,
  p_details jsonb,
  p_success boolean,
  p_request_id text,
  p_ip text,
  p_user_agent text
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
BEGIN
  IF current_setting('role') <> 'service_role'
     AND (auth.uid() IS NULL OR p_actor_id IS DISTINCT FROM auth.uid()) THEN
    RAISE EXCEPTION 'an audit event may only name the signed-in user as its actor'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO public.audit_logs
    (actor_id, action, resource_type, resource_id, details, success, request_id, ip, user_agent)
  VALUES
    (p_actor_id, p_action, p_resource_type, p_resource_id, p_details, p_success, p_request_id,
     p_ip, p_user_agent);
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.record_audit_event(uuid, text, text, text, jsonb, boolean, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION private.record_audit_event(uuid, text, text, text, jsonb, boolean, text, text, text) TO authenticated, service_role;
