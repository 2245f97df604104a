#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit tests, the data-layer suite on SQLite and on PostgreSQL,
# then e2e in Chromium (desktop and phone), then load with crashes on both databases. Stops at the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "npm test: Chromium is missing at $chromium. Install Debian's: sudo apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
  exit 1
fi
pg_url="${TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432}"
if ! node -e 'const c=new (require("pg").Client)({connectionString:process.argv[1]+"/postgres",connectionTimeoutMillis:3000});c.connect().then(()=>c.end(),()=>process.exit(1))' "$pg_url"; then
  echo "npm test: PostgreSQL does not answer at $pg_url. Start it (Debian: sudo apt-get install -y postgresql && sudo pg_ctlcluster 15 main start) or set TEST_PG_URL." >&2
  exit 1
fi

step() { echo; echo "=== $1"; }
step "lint";                 npm run --silent lint
step "typecheck";            npm run --silent typecheck
step "unit tests";           npm run --silent test:unit
step "data layer: SQLite and PostgreSQL"; npm run --silent test:db
step "e2e: Chromium desktop and phone";   npm run --silent test:e2e
# After e2e, so the production build it made is reused.
step "load and crash: SQLite and PostgreSQL"; npm run --silent test:load
