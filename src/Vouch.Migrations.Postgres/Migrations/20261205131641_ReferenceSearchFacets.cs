using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The reference search's filters join the full-text index, as they do on SQLite: a column "SearchFacets"
    /// holds one lexeme per filter value of the contact (stage, consent, agreed activities) and of its account
    /// (industry, segment, region, country, size band, products), and one GIN index covers the words and the
    /// facets together, so a search with text and filters is one intersection inside the index instead of a
    /// bitmap of the words ANDed with B-tree bitmaps and rechecked row by row. The function
    /// <c>contact_search_facets</c> is the one definition of the facets; it gives none (NULL) to a deleted contact
    /// or a contact of a deleted account, which leaves them out of the index. Triggers keep the column in step with
    /// every change to a contact, its activities, its account and the account's products; the three on other
    /// tables run once per statement over its changed rows, so a bulk load updates each contact once.
    /// <para>
    /// The words gain the first three and five letters of each word as lexemes of their own, as SQLite's index
    /// keeps prefixes: a word still being typed is then an exact entry in the index, and only the few contacts it
    /// finds are checked for the whole prefix, where a prefix query would make the index gather every contact
    /// with any word it starts. Every lexeme that is not a word starts with "_" and has a space inside
    /// ("_stg promoter", "_pfx integ"): a word typed (letters and digits only) can neither be one nor start one.
    /// </para>
    /// </summary>
    public partial class ReferenceSearchFacets : Migration
    {
        private const string RefreshContacts = """UPDATE "Contacts" AS c SET "SearchFacets" = contact_search_facets(c)""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION contact_search_vector(first_name text, last_name text, title text, use_case text, results text, quotes text)
                RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT words || array_to_tsvector(ARRAY(
                        SELECT DISTINCT '_pfx ' || left(lexeme, n)
                        FROM unnest(tsvector_to_array(words)) AS lexeme, (VALUES (3), (5)) AS prefix(n)
                        WHERE length(lexeme) >= n))
                    FROM (SELECT setweight(to_tsvector('english', coalesce(first_name, '') || ' ' || coalesce(last_name, '')), 'A') ||
                                 setweight(to_tsvector('english', coalesce(title, '')), 'B') ||
                                 setweight(to_tsvector('english', coalesce(use_case, '') || ' ' || coalesce(results, '') || ' ' || coalesce(quotes, '')), 'C')
                                 AS words) AS text
                $$;
                """);
            migrationBuilder.Sql("""ALTER TABLE "Contacts" DROP COLUMN "SearchVector";""");
            migrationBuilder.Sql("""
                ALTER TABLE "Contacts" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    contact_search_vector("FirstName", "LastName", "Title", "UseCase", "Results", "Quotes")) STORED;
                """);

            migrationBuilder.Sql("""ALTER TABLE "Contacts" ADD COLUMN "SearchFacets" tsvector;""");
            migrationBuilder.Sql("""
                CREATE FUNCTION contact_search_facets(contact "Contacts") RETURNS tsvector
                LANGUAGE sql STABLE AS $$
                    SELECT array_to_tsvector(array_remove(ARRAY[
                            '_stg ' || lower(contact."AdvocacyStage"),
                            '_con ' || lower(contact."Consent"),
                            '_ind ' || replace(a."IndustryId"::text, '-', ''),
                            '_seg ' || lower(a."Segment"),
                            '_reg ' || lower(a."Region"),
                            '_cty ' || lower(trim(a."CountryCode")),
                            '_emp ' || CASE
                                WHEN a."Employees" >= 10001 THEN 10001 WHEN a."Employees" >= 5001 THEN 5001
                                WHEN a."Employees" >= 1001 THEN 1001 WHEN a."Employees" >= 501 THEN 501
                                WHEN a."Employees" >= 201 THEN 201 WHEN a."Employees" >= 51 THEN 51
                                WHEN a."Employees" >= 11 THEN 11 WHEN a."Employees" >= 1 THEN 1
                                WHEN a."Employees" >= 0 THEN 0 END], NULL)
                        || ARRAY(SELECT '_act ' || replace(ca."AgreedActivitiesId"::text, '-', '')
                                 FROM "ContactActivityTypes" AS ca WHERE ca."ContactId" = contact."Id")
                        || ARRAY(SELECT '_prd ' || replace(ap."ProductsId"::text, '-', '')
                                 FROM "AccountProducts" AS ap WHERE ap."AccountId" = contact."AccountId"))
                    FROM "Accounts" AS a
                    WHERE a."Id" = contact."AccountId" AND a."DeletedAt" IS NULL AND contact."DeletedAt" IS NULL
                $$;
                """);

            migrationBuilder.Sql("""
                CREATE FUNCTION contacts_search_facets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."SearchFacets" := contact_search_facets(NEW);
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_SearchFacets_Insert" BEFORE INSERT ON "Contacts"
                FOR EACH ROW EXECUTE FUNCTION contacts_search_facets();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contacts_SearchFacets_Update" BEFORE UPDATE OF "AccountId", "AdvocacyStage", "Consent", "DeletedAt" ON "Contacts"
                FOR EACH ROW WHEN ((OLD."AccountId", OLD."AdvocacyStage", OLD."Consent", OLD."DeletedAt")
                    IS DISTINCT FROM (NEW."AccountId", NEW."AdvocacyStage", NEW."Consent", NEW."DeletedAt"))
                EXECUTE FUNCTION contacts_search_facets();
                """);

            migrationBuilder.Sql($"""
                CREATE FUNCTION accounts_search_facets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {RefreshContacts}
                    FROM old_accounts AS o JOIN new_accounts AS n ON n."Id" = o."Id"
                    WHERE c."AccountId" = n."Id"
                      AND (o."IndustryId", o."Segment", o."Region", o."CountryCode", o."Employees", o."DeletedAt")
                          IS DISTINCT FROM (n."IndustryId", n."Segment", n."Region", n."CountryCode", n."Employees", n."DeletedAt");
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Accounts_SearchFacets" AFTER UPDATE ON "Accounts"
                REFERENCING OLD TABLE AS old_accounts NEW TABLE AS new_accounts
                FOR EACH STATEMENT EXECUTE FUNCTION accounts_search_facets();
                """);

            migrationBuilder.Sql($"""
                CREATE FUNCTION account_products_search_facets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {RefreshContacts} WHERE c."AccountId" IN (SELECT "AccountId" FROM changed);
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql($"""
                CREATE FUNCTION contact_activities_search_facets() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {RefreshContacts} WHERE c."Id" IN (SELECT "ContactId" FROM changed);
                    RETURN NULL;
                END $$;
                """);
            foreach (var (when, rows) in new[] { ("Insert", "NEW"), ("Delete", "OLD") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "AccountProducts_SearchFacets_{when}" AFTER {when.ToUpperInvariant()} ON "AccountProducts"
                    REFERENCING {rows} TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION account_products_search_facets();
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "ContactActivityTypes_SearchFacets_{when}" AFTER {when.ToUpperInvariant()} ON "ContactActivityTypes"
                    REFERENCING {rows} TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION contact_activities_search_facets();
                    """);
            }

            migrationBuilder.Sql($"""{RefreshContacts};""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Contacts_Search" ON "Contacts" USING GIN (("SearchVector" || "SearchFacets"));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Contacts_Search";""");
            foreach (var trigger in new[] { "AccountProducts_SearchFacets_Insert", "AccountProducts_SearchFacets_Delete", "ContactActivityTypes_SearchFacets_Insert", "ContactActivityTypes_SearchFacets_Delete" })
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{trigger}" ON "{trigger[..trigger.IndexOf('_')]}";""");
            }
            migrationBuilder.Sql("""DROP TRIGGER "Accounts_SearchFacets" ON "Accounts";""");
            migrationBuilder.Sql("""DROP TRIGGER "Contacts_SearchFacets_Insert" ON "Contacts";""");
            migrationBuilder.Sql("""DROP TRIGGER "Contacts_SearchFacets_Update" ON "Contacts";""");
            foreach (var function in new[] { "contact_activities_search_facets", "account_products_search_facets", "accounts_search_facets", "contacts_search_facets" })
            {
                migrationBuilder.Sql($"""DROP FUNCTION {function}();""");
            }
            migrationBuilder.Sql("""DROP FUNCTION contact_search_facets("Contacts");""");
            migrationBuilder.Sql("""ALTER TABLE "Contacts" DROP COLUMN "SearchFacets";""");
            migrationBuilder.Sql("""ALTER TABLE "Contacts" DROP COLUMN "SearchVector";""");
            migrationBuilder.Sql("""
                ALTER TABLE "Contacts" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce("FirstName", '') || ' ' || coalesce("LastName", '')), 'A') ||
                    setweight(to_tsvector('english', coalesce("Title", '')), 'B') ||
                    setweight(to_tsvector('english', coalesce("UseCase", '') || ' ' || coalesce("Results", '') || ' ' || coalesce("Quotes", '')), 'C')
                ) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Contacts_SearchVector" ON "Contacts" USING GIN ("SearchVector");""");
            migrationBuilder.Sql("""DROP FUNCTION contact_search_vector(text, text, text, text, text, text);""");
        }
    }
}
