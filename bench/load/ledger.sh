# Sourced by the load scripts that need a long ledger: tops the Engagements table up to a number of entries with
# completed gives copied from the seeded asks, each copy a few weeks earlier than the last, so that every advocate with
# asks has a long ledger on both sides.
#
# Needs from the caller: PROVIDER (Sqlite or Postgres), a function `sql` that runs one statement and prints the
# result, and `say`.

# A day in the stored form of a DateTimeOffset on SQLite (EF's binary converter: thousands of ticks, shifted past 11
# offset bits).
LEDGER_SQLITE_DAY=1769472000000

# Prints the number of entries once there are at least $1.
top_up_ledger() {
  local target=$1 entries shift=1 id version earlier
  entries=$(sql 'SELECT count(*) FROM "Engagements"')
  while [ "$entries" -lt "$target" ]; do
    say "ledger has $entries entries; adding gives"
    if [ "$PROVIDER" = Postgres ]; then
      id='gen_random_uuid()' version='gen_random_uuid()' earlier="\"At\" - interval '$((shift * 7)) days'"
    else
      id="upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
      version="upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
      earlier="\"At\" - $((shift * 7)) * $LEDGER_SQLITE_DAY"
    fi
    sql "INSERT INTO \"Engagements\" (\"Id\", \"ContactId\", \"AccountId\", \"Kind\", \"Status\", \"At\", \"Version\", \"Title\", \"CreditHours\")
         SELECT $id, \"ContactId\", \"AccountId\", 'Give', 'Completed', $earlier, $version, 'Early access to the beta', '2.0'
         FROM \"Engagements\" WHERE \"Kind\" = 'Ask' LIMIT $((target - entries))" >/dev/null
    entries=$(sql 'SELECT count(*) FROM "Engagements"')
    shift=$((shift + 1))
  done
  echo "$entries"
}
