-- Retention without giving up append-only: rows leave the audit log only through
-- private.prune_audit_logs, which the service path alone may call. It marks the
-- cutoff in a transaction-local setting; the append-only trigger lets a row go only
-- when it is older than that cutoff, and still refuses every other UPDATE, DELETE
-- and TRUNCATE. The prune itself is audited.
CREATE OR REPLACE FUNCTION public.refuse_audit_log_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  v_cutoff text := coalesce(current_setting('lean_saas.audit_prune_before', true), '');
BEGIN
  -- Only inside private.prune_audit_logs: called as service_role (which holds no
  -- DELETE itself) and running as the table's owner (SECURITY DEFINER). A session of
  -- the owner setting the cutoff by hand is not service_role; service_role alone
  -- cannot delete at all.
  IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND v_cutoff <> ''
     AND current_setting('role') = 'service_role'
     AND current_user = (SELECT tableowner FROM pg_tables
                         WHERE schemaname = 'public' AND tablename = 'audit_logs') THEN
    IF OLD.created_at < v_cutoff::timestamptz THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege';
END
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION private.prune_audit_logs(p_older_than interval, p_request_id text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $fn$
DECLARE
  v_cutoff timestamptz := now() - p_older_than;
  v_deleted bigint;
BEGIN
  IF current_setting('role') <> 'service_role' THEN
    RAISE EXCEPTION 'only the service path prunes the audit log'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_older_than < interval '30 days' THEN
    RAISE EXCEPTION 'audit retention must be at least 30 days'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM set_config('lean_saas.audit_prune_before', v_cutoff::text, true);
  DELETE FROM public.audit_logs WHERE created_at < v_cutoff;
  GET DIAGNOSTICS v_deleted = ROW_COUNT;
  PERFORM set_config('lean_saas.audit_prune_before', '', true);
  INSERT INTO public.audit_logs (actor_id, action, resource_type, details, request_id, user_agent)
  VALUES (NULL, 'audit.pruned', 'audit_logs',
          jsonb_build_object('olderThan', p_older_than::text, 'cutoff', v_cutoff, 'deleted', v_deleted),
          p_request_id, 'audit:prune');
  RETURN v_deleted;
END
$fn$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.prune_audit_logs(interval, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION private.prune_audit_logs(interval, text) TO service_role;
