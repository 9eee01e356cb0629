using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditEntriesAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only in the database too, whatever writes to it.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'Audit entries are append-only.'; END; $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_AppendOnly\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP FUNCTION audit_entries_append_only();");
        }
    }
}
