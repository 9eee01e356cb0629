-- The ceiling of an import on PostgreSQL: the database itself moving the loader's plain tables (accounts, contacts, in
-- the same database) into Vouch's Accounts and Contacts, with their indexes, foreign keys and search vectors, in one
-- transaction. Only what every import must write: no audit, no discovery scores, no checks. See bench/import/run.sh.
BEGIN;
INSERT INTO "Accounts" ("Id", "Name", "Employees", "CompetitorsReplaced", "ExternalId", "ExternalOwnerId", "Version")
SELECT gen_random_uuid(), "Name", "NumberOfEmployees"::integer, '{}', "Id", "OwnerId", gen_random_uuid()
FROM accounts;
INSERT INTO "Contacts" ("Id", "AccountId", "FirstName", "LastName", "Title", "Email", "Phone", "SocialCapitalWanted",
                        "IsLeadUser", "HelpsOthers", "AdvocacyStage", "IsDefender", "ExternalId", "Version", "Consent")
SELECT gen_random_uuid(), a."Id", c."FirstName", c."LastName", nullif(c."Title", ''), nullif(c."Email", ''),
       nullif(c."Phone", ''), 0, false, false, 'Customer', false, c."Id", gen_random_uuid(), 'None'
FROM contacts AS c JOIN "Accounts" AS a ON a."ExternalId" = c."AccountId";
COMMIT;
