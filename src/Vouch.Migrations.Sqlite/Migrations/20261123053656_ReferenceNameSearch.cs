using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A second, narrow full-text index of every contact's name and title. A broad reference search lists the matches
    /// with the words in the name or title first; asking the main index for those means reading the whole list of each
    /// word across every story, which at a million contacts cost as much as the search itself. In this index a word's
    /// list holds only the names and titles it is in. It holds every contact, deleted or not: a search keeps only those
    /// the main index matched. Triggers keep it in step; a bulk load may drop them with the main index's and rebuild it.
    /// </summary>
    public partial class ReferenceNameSearch : Migration
    {
        private static readonly string[] s_triggers =
            ["Contacts_ContactSearch_NameInsert", "Contacts_ContactSearch_NameUpdate", "Contacts_ContactSearch_NameDelete"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ContactNameSearch" USING fts5(
                    "Name", "Title",
                    content = '', contentless_delete = 1,
                    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ContactNameSearch" (rowid, "Name", "Title")
                SELECT rowid, "FirstName" || ' ' || "LastName", "Title" FROM "Contacts";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_ContactSearch_NameInsert" AFTER INSERT ON "Contacts" BEGIN
                    INSERT INTO "ContactNameSearch" (rowid, "Name", "Title") VALUES (new.rowid, new."FirstName" || ' ' || new."LastName", new."Title");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_ContactSearch_NameUpdate" AFTER UPDATE OF "FirstName", "LastName", "Title" ON "Contacts" BEGIN
                    DELETE FROM "ContactNameSearch" WHERE rowid = old.rowid;
                    INSERT INTO "ContactNameSearch" (rowid, "Name", "Title") VALUES (new.rowid, new."FirstName" || ' ' || new."LastName", new."Title");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_ContactSearch_NameDelete" AFTER DELETE ON "Contacts" BEGIN
                    DELETE FROM "ContactNameSearch" WHERE rowid = old.rowid;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in s_triggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{trigger}";""");
            }
            migrationBuilder.Sql("""DROP TABLE "ContactNameSearch";""");
        }
    }
}
