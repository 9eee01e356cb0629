using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The reference search's filters join the full-text index: a fourth column, "Facets", holds one
    /// token per filter value of the contact (stage, consent, agreed activities) and of its account
    /// (industry, segment, region, country, size band, products), so a search with text and filters is one
    /// intersection of the index's lists instead of a row lookup per word match. The view
    /// "ContactSearchSource" is the one definition of what is indexed; deleted contacts and contacts
    /// of deleted accounts are left out. Triggers keep the index in step with every change to a
    /// contact, its activities, its account and the account's products. A bulk load may drop the
    /// triggers, load, rebuild the index from the view and create them again (as seeding does).
    /// </summary>
    public partial class ReferenceSearchFacets : Migration
    {
        private static readonly string[] s_previousTriggers =
            ["Contacts_ContactSearch_Insert", "Contacts_ContactSearch_Update", "Contacts_ContactSearch_Delete"];

        private static readonly string[] s_newTriggers =
        [
            .. s_previousTriggers,
            "ContactActivityTypes_ContactSearch_Insert", "ContactActivityTypes_ContactSearch_Delete",
            "AccountProducts_ContactSearch_Insert", "AccountProducts_ContactSearch_Delete",
            "Accounts_ContactSearch_Update",
        ];

        private const string Columns = """rowid, "Name", "Title", "Story", "Facets" """;
        private const string FromSource = """SELECT "ContactRowId", "Name", "Title", "Story", "Facets" FROM "ContactSearchSource" """;

        private static string Refresh(string contactRowIds, string sourceWhere) => $"""
            DELETE FROM "ContactSearch" WHERE rowid IN ({contactRowIds});
            INSERT INTO "ContactSearch" ({Columns}) {FromSource} WHERE {sourceWhere};
            """;

        private static string ContactOf(string row) => $"""(SELECT rowid FROM "Contacts" WHERE "Id" = {row}."ContactId")""";

        private static string ContactsOfAccount(string accountId) => $"""SELECT rowid FROM "Contacts" WHERE "AccountId" = {accountId}""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in s_previousTriggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{trigger}";""");
            }
            migrationBuilder.Sql("""DROP TABLE "ContactSearch";""");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ContactSearch" USING fts5(
                    "Name", "Title", "Story", "Facets",
                    content = '', contentless_delete = 1,
                    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4');
                """);
            // Ids lose their hyphens so that each one stays a single token.
            migrationBuilder.Sql("""
                CREATE VIEW "ContactSearchSource" AS
                SELECT c.rowid AS "ContactRowId", c."AccountId",
                       c."FirstName" || ' ' || c."LastName" AS "Name",
                       c."Title",
                       coalesce(c."UseCase", '') || ' ' || coalesce(c."Results", '') || ' ' || coalesce(c."Quotes", '') AS "Story",
                       'stg' || c."AdvocacyStage" || ' con' || c."Consent"
                           || coalesce(' ind' || replace(a."IndustryId", '-', ''), '')
                           || coalesce(' seg' || a."Segment", '')
                           || coalesce(' reg' || a."Region", '')
                           || coalesce(' cty' || trim(a."CountryCode"), '')
                           || coalesce(' emp' || CASE
                                  WHEN a."Employees" >= 10001 THEN 10001 WHEN a."Employees" >= 5001 THEN 5001
                                  WHEN a."Employees" >= 1001 THEN 1001 WHEN a."Employees" >= 501 THEN 501
                                  WHEN a."Employees" >= 201 THEN 201 WHEN a."Employees" >= 51 THEN 51
                                  WHEN a."Employees" >= 11 THEN 11 WHEN a."Employees" >= 1 THEN 1
                                  WHEN a."Employees" >= 0 THEN 0 END, '')
                           || coalesce((SELECT ' ' || group_concat('act' || replace(ca."AgreedActivitiesId", '-', ''), ' ')
                                        FROM "ContactActivityTypes" AS ca WHERE ca."ContactId" = c."Id"), '')
                           || coalesce((SELECT ' ' || group_concat('prd' || replace(ap."ProductsId", '-', ''), ' ')
                                        FROM "AccountProducts" AS ap WHERE ap."AccountId" = c."AccountId"), '') AS "Facets"
                FROM "Contacts" AS c
                JOIN "Accounts" AS a ON a."Id" = c."AccountId"
                WHERE c."DeletedAt" IS NULL AND a."DeletedAt" IS NULL;
                """);
            migrationBuilder.Sql($"""INSERT INTO "ContactSearch" ({Columns}) {FromSource};""");

            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contacts_ContactSearch_Insert" AFTER INSERT ON "Contacts" BEGIN
                    INSERT INTO "ContactSearch" ({Columns}) {FromSource} WHERE "ContactRowId" = new.rowid;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contacts_ContactSearch_Update"
                AFTER UPDATE OF "FirstName", "LastName", "Title", "UseCase", "Results", "Quotes", "AdvocacyStage", "Consent", "AccountId", "DeletedAt"
                ON "Contacts" BEGIN
                    {Refresh("old.rowid", "\"ContactRowId\" = new.rowid")}
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_ContactSearch_Delete" AFTER DELETE ON "Contacts" BEGIN
                    DELETE FROM "ContactSearch" WHERE rowid = old.rowid;
                END;
                """);
            foreach (var (when, row) in new[] { ("Insert", "new"), ("Delete", "old") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "ContactActivityTypes_ContactSearch_{when}" AFTER {when.ToUpperInvariant()} ON "ContactActivityTypes" BEGIN
                        {Refresh(ContactOf(row), $"\"ContactRowId\" = {ContactOf(row)}")}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "AccountProducts_ContactSearch_{when}" AFTER {when.ToUpperInvariant()} ON "AccountProducts" BEGIN
                        {Refresh(ContactsOfAccount($"{row}.\"AccountId\""), $"\"AccountId\" = {row}.\"AccountId\"")}
                    END;
                    """);
            }
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Accounts_ContactSearch_Update"
                AFTER UPDATE OF "IndustryId", "Segment", "Region", "CountryCode", "Employees", "DeletedAt" ON "Accounts" BEGIN
                    {Refresh(ContactsOfAccount("new.\"Id\""), "\"AccountId\" = new.\"Id\"")}
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in s_newTriggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{trigger}";""");
            }
            migrationBuilder.Sql("""DROP VIEW "ContactSearchSource";""");
            migrationBuilder.Sql("""DROP TABLE "ContactSearch";""");
            const string values = """("FirstName" || ' ' || "LastName"), "Title", (coalesce("UseCase", '') || ' ' || coalesce("Results", '') || ' ' || coalesce("Quotes", ''))""";
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ContactSearch" USING fts5(
                    "Name", "Title", "Story",
                    content = '', contentless_delete = 1,
                    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4');
                """);
            migrationBuilder.Sql($"""INSERT INTO "ContactSearch" (rowid, "Name", "Title", "Story") SELECT rowid, {values} FROM "Contacts";""");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contacts_ContactSearch_Insert" AFTER INSERT ON "Contacts" BEGIN
                    INSERT INTO "ContactSearch" (rowid, "Name", "Title", "Story")
                    SELECT rowid, {values} FROM "Contacts" WHERE rowid = new.rowid;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contacts_ContactSearch_Update" AFTER UPDATE OF "FirstName", "LastName", "Title", "UseCase", "Results", "Quotes" ON "Contacts" BEGIN
                    DELETE FROM "ContactSearch" WHERE rowid = old.rowid;
                    INSERT INTO "ContactSearch" (rowid, "Name", "Title", "Story")
                    SELECT rowid, {values} FROM "Contacts" WHERE rowid = new.rowid;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_ContactSearch_Delete" AFTER DELETE ON "Contacts" BEGIN
                    DELETE FROM "ContactSearch" WHERE rowid = old.rowid;
                END;
                """);
        }
    }
}
