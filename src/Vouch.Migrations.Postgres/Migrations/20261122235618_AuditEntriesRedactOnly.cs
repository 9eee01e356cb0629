using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Audit entries stay append-only, except for one narrow change: erasing a person's data redacts the entries about
    /// them (it sets <c>RedactedAt</c> and blanks the values), never who did what to which record, or when.
    /// </summary>
    public partial class AuditEntriesRedactOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Entries stay append-only; the one update let through is a redaction, which marks the entry redacted and
            // changes nothing but the values and actor that held personal data.
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_AppendOnly\" ON \"AuditEntries\";");
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE OR TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_redact_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW."RedactedAt" IS NOT NULL AND NEW."Id" = OLD."Id" AND NEW."At" = OLD."At"
                        AND NEW."UserId" IS NOT DISTINCT FROM OLD."UserId" AND NEW."Action" = OLD."Action"
                        AND NEW."RecordType" = OLD."RecordType" AND NEW."RecordId" = OLD."RecordId" THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'Audit entries are append-only; only a redaction may change one.';
                END; $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_RedactOnly" BEFORE UPDATE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION audit_entries_redact_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_RedactOnly\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP FUNCTION audit_entries_redact_only();");
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_NoDelete\" ON \"AuditEntries\";");
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }
    }
}
