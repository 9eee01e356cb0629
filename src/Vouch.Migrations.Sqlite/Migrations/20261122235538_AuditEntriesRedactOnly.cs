using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
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
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_NoUpdate\";");
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_RedactOnly" BEFORE UPDATE ON "AuditEntries"
                WHEN NOT (NEW."RedactedAt" IS NOT NULL AND NEW."Id" = OLD."Id" AND NEW."At" = OLD."At"
                    AND NEW."UserId" IS OLD."UserId" AND NEW."Action" = OLD."Action"
                    AND NEW."RecordType" = OLD."RecordType" AND NEW."RecordId" = OLD."RecordId")
                BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only; only a redaction may change one.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_RedactOnly\";");
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only.'); END;
                """);
        }
    }
}
