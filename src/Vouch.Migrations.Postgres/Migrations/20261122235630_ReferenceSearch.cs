using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Full-text search over contacts: a stored, generated tsvector of the name (weight A), the title
    /// (B) and the story (C), English-stemmed, with a GIN index. The database keeps it in step with
    /// every write, bulk COPY included; the model does not map it.
    /// </summary>
    public partial class ReferenceSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The filters on a contact's referenceability, per account: with it the total of a search that
            // filters accounts and stage or consent is read from the index alone, never from the rows.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Contacts_AccountId_Referenceability"
                ON "Contacts" ("AccountId", "AdvocacyStage", "Consent", "ConsentExpiresOn", "DeletedAt");
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "Contacts" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce("FirstName", '') || ' ' || coalesce("LastName", '')), 'A') ||
                    setweight(to_tsvector('english', coalesce("Title", '')), 'B') ||
                    setweight(to_tsvector('english', coalesce("UseCase", '') || ' ' || coalesce("Results", '') || ' ' || coalesce("Quotes", '')), 'C')
                ) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Contacts_SearchVector" ON "Contacts" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Contacts_AccountId_Referenceability";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Contacts_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Contacts" DROP COLUMN "SearchVector";""");
        }
    }
}
