using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Full-text search over contacts: an FTS5 index of the name, the title and the story (use case,
    /// results, quotes), stemmed (porter) and with prefix indexes for words still being typed. It
    /// stores no copy of the text (contentless, with deletes) and shares the contacts' rowids; the
    /// triggers keep it in step with every insert, update and delete, including bulk loads.
    /// A later migration that rebuilds the Contacts table must create the triggers again and rebuild
    /// the index from the new rowids (delete from it, then insert from Contacts as below).
    /// </summary>
    public partial class ReferenceSearch : Migration
    {
        /// <summary>The indexed columns from a row of Contacts, named by <paramref name="row"/> (a table or new).</summary>
        private static string Values(string row) =>
            $"""({row}."FirstName" || ' ' || {row}."LastName"), {row}."Title", (coalesce({row}."UseCase", '') || ' ' || coalesce({row}."Results", '') || ' ' || coalesce({row}."Quotes", ''))""";

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
                CREATE VIRTUAL TABLE "ContactSearch" USING fts5(
                    "Name", "Title", "Story",
                    content = '', contentless_delete = 1,
                    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4');
                """);
            migrationBuilder.Sql($"""INSERT INTO "ContactSearch" (rowid, "Name", "Title", "Story") SELECT rowid, {Values("\"Contacts\"")} FROM "Contacts";""");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contacts_ContactSearch_Insert" AFTER INSERT ON "Contacts" BEGIN
                    INSERT INTO "ContactSearch" (rowid, "Name", "Title", "Story") VALUES (new.rowid, {Values("new")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contacts_ContactSearch_Update" AFTER UPDATE OF "FirstName", "LastName", "Title", "UseCase", "Results", "Quotes" ON "Contacts" BEGIN
                    DELETE FROM "ContactSearch" WHERE rowid = old.rowid;
                    INSERT INTO "ContactSearch" (rowid, "Name", "Title", "Story") VALUES (new.rowid, {Values("new")});
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_ContactSearch_Delete" AFTER DELETE ON "Contacts" BEGIN
                    DELETE FROM "ContactSearch" WHERE rowid = old.rowid;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Contacts_AccountId_Referenceability";""");
            migrationBuilder.Sql("""DROP TRIGGER "Contacts_ContactSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Contacts_ContactSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Contacts_ContactSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "ContactSearch";""");
        }
    }
}
