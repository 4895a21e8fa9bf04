#!/bin/sh
# Patroni bootstrap.post_bootstrap script of the Patroni Console lab cluster: runs once, on the node
# that initialises the cluster, with a superuser DSN as $1 (authenticated through PGPASSFILE).
# Passwords come from the environment (the lab passes them explicitly; Docker Compose sets them).
set -eu
dsn=${1:?usage: post_bootstrap.sh SUPERUSER_DSN}
psql -X -q -v ON_ERROR_STOP=1 \
     -v app_password="${POSTGRES_PASSWORD:-app_password}" \
     -v readonly_password="${POSTGRES_READONLY_PASSWORD:-readonly_password}" \
     -d "$dsn" <<'SQL'
CREATE ROLE email_app LOGIN PASSWORD :'app_password';
CREATE ROLE email_readonly LOGIN PASSWORD :'readonly_password';
ALTER ROLE email_readonly SET default_transaction_read_only = on;
CREATE DATABASE enterprise_email OWNER email_app;
REVOKE ALL ON DATABASE enterprise_email FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE enterprise_email TO email_app;
GRANT CONNECT ON DATABASE enterprise_email TO email_readonly;
\connect enterprise_email
ALTER SCHEMA public OWNER TO email_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO email_readonly;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO email_readonly;
GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO email_readonly;
ALTER DEFAULT PRIVILEGES FOR ROLE email_app IN SCHEMA public GRANT SELECT ON TABLES TO email_readonly;
ALTER DEFAULT PRIVILEGES FOR ROLE email_app IN SCHEMA public GRANT SELECT ON SEQUENCES TO email_readonly;
SQL
