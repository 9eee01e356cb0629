-- The ceiling of an import on SQLite: the database itself moving the loader's plain tables (attached as "loader")
-- into Vouch's Accounts and Contacts, with their indexes, foreign keys and search-index triggers, in one transaction.
-- Only what every import must write: no audit, no discovery scores, no checks. See bench/import/run.sh.
-- The same page cache as the import's connection (BulkWriter.BeginAsync).
PRAGMA cache_size = -65536;
BEGIN;
INSERT INTO "Accounts" ("Id", "Name", "Employees", "CompetitorsReplaced", "ExternalId", "ExternalOwnerId", "Version")
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8'
             || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       "Name", CAST("NumberOfEmployees" AS INTEGER), '[]', "Id", "OwnerId",
       upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8'
             || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
FROM loader.accounts;
INSERT INTO "Contacts" ("Id", "AccountId", "FirstName", "LastName", "Title", "Email", "Phone", "SocialCapitalWanted",
                        "IsLeadUser", "HelpsOthers", "AdvocacyStage", "IsDefender", "ExternalId", "Version", "Consent")
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8'
             || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       a."Id", c."FirstName", c."LastName", nullif(c."Title", ''), nullif(c."Email", ''), nullif(c."Phone", ''), 0,
       0, 0, 'Customer', 0, c."Id",
       upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8'
             || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'None'
FROM loader.contacts AS c JOIN "Accounts" AS a ON a."ExternalId" = c."AccountId";
COMMIT;
