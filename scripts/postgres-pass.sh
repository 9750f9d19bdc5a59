#!/bin/sh
# Runs its arguments as the PostgreSQL pass of the tests when TEST_DATABASE_URL names a server
# (.ci/run starts a throwaway one), and says it skipped the pass otherwise.
if [ -z "$TEST_DATABASE_URL" ]; then
  echo "Skipping the PostgreSQL pass: TEST_DATABASE_URL is not set (for example postgres://postgres@127.0.0.1:5432/postgres; .ci/run starts a throwaway server and sets it)."
  exit 0
fi
exec "$@"
