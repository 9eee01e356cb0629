#!/usr/bin/env bash
# Bad requests survived: the OpenAPI-driven fuzzer of the test suite (tests/Vouch.Tests/Faults/OpenApiFuzzer.cs) at
# full size, against the app on a real Kestrel server on 127.0.0.1: REQUESTS generated requests to every operation,
# from nobody, a token nobody issued and a user of each role. Prints the counts by status; fails on any 5xx or any
# 4xx that is not problem details, naming the requests. See bench/README.md ("Faults").
#
# Settings (environment variables):
#   REQUESTS=10000
#   SEED=20261205       the same seed sends the same requests (but for ids learned from earlier answers)
#   PROVIDER=Sqlite     or Postgres (then VOUCH_TEST_POSTGRES names the server, as for the test suite)
#   NO_BUILD=1          use the existing test build
set -euo pipefail

REQUESTS=${REQUESTS:-10000}
SEED=${SEED:-20261205}
PROVIDER=${PROVIDER:-Sqlite}

cd "$(dirname "$0")/../.."
if [ "${NO_BUILD:-}" != 1 ]; then
  dotnet build tests/Vouch.Tests -nologo -v q >/dev/null
fi
export VOUCH_FUZZ_REQUESTS=$REQUESTS VOUCH_FUZZ_SEED=$SEED VOUCH_TEST_DATABASE=$PROVIDER
echo "OpenAPI fuzz on $PROVIDER, $(nproc) cores, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet test tests/Vouch.Tests --no-build --filter "FullyQualifiedName~Vouch.Tests.Faults.OpenApiFuzzTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E '^ *[0-9,]+ requests to|^#|^    |Passed!|Failed!'
