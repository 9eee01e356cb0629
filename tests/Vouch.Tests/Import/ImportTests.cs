using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Audit;
using Vouch.Features.Contacts;
using Vouch.Features.Discovery;
using Vouch.Features.Import;
using Vouch.Features.Users;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Import;

/// <summary>Importing the fixture Salesforce export and spreadsheets into a database of each test's own.</summary>
public sealed class ImportTests
{
    private static readonly string s_salesforce = Path.Combine(AppContext.BaseDirectory, "Data", "import", "salesforce");
    private static readonly ColumnMapping s_salesforceMapping =
        ColumnMapping.Parse(["Gross_Profit__c=GrossProfit", "Products__c=Products"], ImportKind.Salesforce).Mapping;

    /// <summary>The bad rows of the fixture export, each with the reason a person fixing the file needs.</summary>
    internal static readonly string[] SalesforceRejections =
    [
        "Account.csv row 4: NumberOfEmployees: 'lots' is not a whole number",
        "Account.csv row 5: BillingCountry: 'Atlantis' is not a country name or ISO code",
        "Contact.csv row 4: AccountId: no account with Salesforce id 001A00000003",
        "Contact.csv row 6: LastName: is required",
        "Contact.csv row 7: Email: 'not-an-email' is not an email address",
        "Opportunity.csv row 4: Amount: 'abc' is not a number",
        "Opportunity.csv row 4: CloseDate: '2026-13-01' is not a date (yyyy-mm-dd)",
        "OpportunityContactRole.csv row 4: OpportunityId: no opportunity with Salesforce id 006A00000003",
    ];

    private static async Task<VouchApp> StartAsync()
    {
        var app = new VouchApp();
        await app.InitializeAsync();
        return app;
    }

    private static Task<ImportReport> ImportSalesforceAsync(VouchApp app) => app.WithScopeAsync(services =>
        services.GetRequiredService<Importer>().RunAsync(Importer.SalesforceExport(s_salesforce), s_salesforceMapping, salesforce: true,
            ct: TestContext.Current.CancellationToken));

    [Fact]
    public async Task A_salesforce_export_is_imported_in_order_with_each_bad_row_rejected_and_the_good_rows_kept()
    {
        await using var app = await StartAsync();
        var rita = await app.AddUserAsync(Roles.Seller, "rita.owner@example.com");

        var report = await ImportSalesforceAsync(app);

        Assert.Equal((10, 1, 1, 7), (report.Created, report.Updated, report.Unchanged, report.Rejected));
        Assert.Equal(SalesforceRejections, report.FirstRejections.Select(r => r.ToString()));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var accounts = await db.Accounts.Include(a => a.Industry).OrderBy(a => a.ExternalId).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["001A00000001", "001A00000002", "001A00000005"], accounts.Select(a => a.ExternalId));
            var muller = accounts[0];
            Assert.Equal(("Müller Präzisionstechnik GmbH", "DE", 1200, 250000.50m, "Manufacturing", rita.Id, (string?)null),
                (muller.Name, muller.CountryCode, muller.Employees!.Value, muller.GrossProfit!.Value, muller.Industry!.Name, muller.OwnerId!.Value, muller.ExternalOwnerId));
            // Salesforce's AnnualRevenue is the customer's own revenue, not what the customer is worth to us.
            Assert.Null(muller.AnnualRevenue);
            var sakura = accounts[1];
            Assert.Equal(("株式会社サクラ", "JP", (Guid?)null, "005A00000002"), (sakura.Name, sakura.CountryCode, sakura.OwnerId, sakura.ExternalOwnerId));

            var hanako = await db.Contacts.SingleAsync(c => c.ExternalId == "003A00000002", TestContext.Current.CancellationToken);
            Assert.Equal(("花子", "山田", sakura.Id), (hanako.FirstName, hanako.LastName, hanako.AccountId));
            var zoe = await db.Contacts.SingleAsync(c => c.ExternalId == "003A00000004", TestContext.Current.CancellationToken);
            Assert.Equal(("Zoë", "O'Brien", "VP, Sales"), (zoe.FirstName, zoe.LastName, zoe.Title));

            var expansion = await db.Opportunities.Include(o => o.Products).SingleAsync(o => o.ExternalId == "006A00000001", TestContext.Current.CancellationToken);
            Assert.Equal(("Müller expansion", 120000m, "Closed Won", new DateOnly(2026, 3, 31), true, true, rita.Id),
                (expansion.Name, expansion.Amount, expansion.Stage, expansion.CloseDate, expansion.IsClosed, expansion.IsWon, expansion.OwnerId!.Value));
            Assert.Equal(["Analytics", "Payments"], expansion.Products.Select(p => p.Name).Order());
            Assert.Equal(new DateOnly(2025, 11, 2), expansion.OpenedOn);

            var roles = await db.OpportunityContactRoles.OrderBy(r => r.ExternalId).Select(r => r.Role).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["Decision Maker", "Economic Buyer"], roles);
            Assert.Equal("005A00000001", (await db.Users.SingleAsync(u => u.Id == rita.Id, TestContext.Current.CancellationToken)).ExternalId);
        });
    }

    [Fact]
    public async Task A_bulk_write_widens_sqlites_page_cache_for_its_connection_and_puts_it_back_after()
    {
        await using var app = await StartAsync();
        Assert.SkipWhen(app.Database.IsPostgres, "The page cache is SQLite's.");
        await app.WithScopeAsync(async services =>
        {
            var database = services.GetRequiredService<VouchDbContext>().Database;
            var ct = TestContext.Current.CancellationToken;
            await database.OpenConnectionAsync(ct);
            async Task<long> CacheSize() => await database.SqlQueryRaw<long>("SELECT cache_size AS \"Value\" FROM pragma_cache_size").SingleAsync(ct);
            var before = await CacheSize();
            var writer = BulkWriter.For(services.GetRequiredService<VouchDbContext>());

            await writer.BeginAsync(ct);
            var during = await CacheSize();
            await writer.EndAsync();

            Assert.Equal(-64 * 1024, during);
            Assert.Equal(before, await CacheSize());
        });
    }

    [Fact]
    public async Task Importing_the_same_export_again_changes_nothing()
    {
        await using var app = await StartAsync();
        await app.AddUserAsync(Roles.Seller, "rita.owner@example.com");
        await ImportSalesforceAsync(app);
        var before = await SnapshotAsync(app);

        var again = await ImportSalesforceAsync(app);

        Assert.Equal((0, 0, 12, 7), (again.Created, again.Updated, again.Unchanged, again.Rejected));
        Assert.Equal(SalesforceRejections, again.FirstRejections.Select(r => r.ToString()));
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Fact]
    public async Task Records_of_a_crm_owner_become_theirs_when_a_user_with_that_crm_id_is_added()
    {
        await using var app = await StartAsync();
        await ImportSalesforceAsync(app);

        var sam = await app.WithScopeAsync(async services =>
            (await services.GetRequiredService<UserAdministration>().AddAsync("sam@example.com", null, Roles.Seller, VouchApp.Password, "005A00000002")).Value!);

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var sakura = await db.Accounts.SingleAsync(a => a.ExternalId == "001A00000002", TestContext.Current.CancellationToken);
            var pilot = await db.Opportunities.SingleAsync(o => o.ExternalId == "006A00000002", TestContext.Current.CancellationToken);
            Assert.Equal((sam.Id, (string?)null), (sakura.OwnerId!.Value, sakura.ExternalOwnerId));
            Assert.Equal((sam.Id, (string?)null), (pilot.OwnerId!.Value, pilot.ExternalOwnerId));
            // Rita is not a user here: her accounts keep her CRM id.
            Assert.Equal("005A00000001", (await db.Accounts.SingleAsync(a => a.ExternalId == "001A00000001", TestContext.Current.CancellationToken)).ExternalOwnerId);
        });
    }

    [Fact]
    public async Task An_excel_file_is_imported_with_a_column_mapping_and_named_references()
    {
        await using var app = await StartAsync();
        var folder = Directory.CreateTempSubdirectory("vouch-import-test");
        var accounts = Path.Combine(folder.FullName, "accounts.xlsx");
        MiniExcel.SaveAs(accounts, new[]
        {
            new Dictionary<string, object?> { ["Company"] = "Ørsted Vind A/S", ["Industry"] = "Energy", ["Country"] = "Denmark", ["Staff"] = 640, ["Customer since"] = new DateTime(2021, 5, 1), ["Products"] = "Analytics; Payments", ["Notes"] = "ignored" },
            new Dictionary<string, object?> { ["Company"] = "Contoso", ["Industry"] = "Aerospace", ["Country"] = "US", ["Staff"] = 10, ["Customer since"] = null, ["Products"] = null, ["Notes"] = null },
        });
        var contacts = Path.Combine(folder.FullName, "contacts.xlsx");
        MiniExcel.SaveAs(contacts, new[]
        {
            new Dictionary<string, object?> { ["Account"] = "Ørsted Vind A/S", ["First name"] = "Søren", ["Last name"] = "Kierkegaard", ["Email"] = "soren@example.dk" },
            new Dictionary<string, object?> { ["Account"] = "Nobody Inc", ["First name"] = "Ann", ["Last name"] = "Other", ["Email"] = "ann@example.com" },
        });

        var (accountReport, contactReport) = await app.WithScopeAsync(async services =>
        {
            var importer = services.GetRequiredService<Importer>();
            var mapping = ColumnMapping.Parse(["Company=Name", "Staff=Employees"], ImportKind.Accounts).Mapping;
            var a = await importer.RunAsync([new ImportFile(ImportTables.Accounts, accounts)], mapping, salesforce: false, ct: TestContext.Current.CancellationToken);
            var c = await importer.RunAsync([new ImportFile(ImportTables.Contacts, contacts)], ColumnMapping.None, salesforce: false, ct: TestContext.Current.CancellationToken);
            return (a, c);
        });
        var again = await app.WithScopeAsync(services => services.GetRequiredService<Importer>().RunAsync(
            [new ImportFile(ImportTables.Contacts, contacts)], ColumnMapping.None, salesforce: false, ct: TestContext.Current.CancellationToken));

        Assert.Equal((1, 1), (accountReport.Created, accountReport.Rejected));
        Assert.Equal(["accounts.xlsx row 3: Industry: 'Aerospace' is not an industry of Salesforce's standard list"], accountReport.FirstRejections.Select(r => r.ToString()));
        Assert.Equal(["contacts.xlsx row 3: Account: no account named 'Nobody Inc'"], contactReport.FirstRejections.Select(r => r.ToString()));
        Assert.Equal((1, 0, 1), (again.Unchanged, again.Created, again.Rejected));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var orsted = await db.Accounts.Include(a => a.Products).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("DK", 640, new DateOnly(2021, 5, 1)), (orsted.CountryCode, orsted.Employees!.Value, orsted.CustomerSince!.Value));
            Assert.Equal(["Analytics", "Payments"], orsted.Products.Select(p => p.Name).Order());
            var soren = await db.Contacts.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("Søren", orsted.Id), (soren.FirstName, soren.AccountId));
        });
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_changed_row_updates_its_record_in_place_and_the_history_names_the_import_and_what_changed()
    {
        await using var app = await StartAsync();
        var folder = Directory.CreateTempSubdirectory("vouch-import-test");
        var accounts = Path.Combine(folder.FullName, "accounts.csv");
        await File.WriteAllTextAsync(accounts, "ExternalId,Name\nA1,Alpha\n", TestContext.Current.CancellationToken);
        var contacts = Path.Combine(folder.FullName, "contacts.csv");
        await File.WriteAllTextAsync(contacts, "ExternalId,AccountId,FirstName,LastName,Title\nC1,A1,Ada,Lovelace,Analyst\nC2,A1,Alan,Turing,Engineer\n", TestContext.Current.CancellationToken);
        Task<ImportReport> ImportAsync(string file, TableImporter table) => app.WithScopeAsync(services =>
        {
            services.GetRequiredService<AuditActor>().Set(null, "cli");
            return services.GetRequiredService<Importer>().RunAsync([new ImportFile(table, file)], ColumnMapping.None, salesforce: false, ct: TestContext.Current.CancellationToken);
        });
        await ImportAsync(accounts, ImportTables.Accounts);
        var first = await ImportAsync(contacts, ImportTables.Contacts);
        var ada = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Contacts.AsNoTracking()
            .SingleAsync(c => c.ExternalId == "C1", TestContext.Current.CancellationToken));
        await File.WriteAllTextAsync(contacts, "ExternalId,AccountId,FirstName,LastName,Title\nC1,A1,Ada,Lovelace,Chief Analyst\nC2,A1,Alan,Turing,Engineer\n", TestContext.Current.CancellationToken);

        var again = await ImportAsync(contacts, ImportTables.Contacts);

        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 1, 1), (again.Created, again.Updated, again.Unchanged));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var ct = TestContext.Current.CancellationToken;
            var changed = await db.Contacts.SingleAsync(c => c.ExternalId == "C1", ct);
            Assert.Equal((ada.Id, "Chief Analyst"), (changed.Id, changed.Title));
            Assert.NotEqual(ada.Version, changed.Version);
            var history = await db.HistoryAsync(ada.Id, ct);
            Assert.Equal(
                [("cli", "Updated", "{\"Title\":\"Analyst\"}", "{\"Title\":\"Chief Analyst\"}"), ("cli", "Created", (string?)null, (string?)null)],
                history.Select(h => (h.Actor, h.Action, h.Before, h.After)));
            // Each import has its own entry with its counts, and the changes name it.
            var imports = await db.AuditEntries.Where(e => e.RecordType == ImportAudit.RecordType).OrderBy(e => e.Id).ToListAsync(ct);
            Assert.Equal(3, imports.Count);
            Assert.Contains("\"Files\":[\"contacts.csv\"],\"Created\":0,\"Updated\":1,\"Unchanged\":1,\"Rejected\":0", imports[2].After, StringComparison.Ordinal);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ImportId == imports[2].ImportId && e.RecordType == "Contact", ct));
            // Both contacts are scored for discovery, as a save through the app scores them.
            Assert.Equal(2, await db.Set<CandidateScore>().CountAsync(ct));
        });
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_value_longer_than_vouch_keeps_rejects_its_row_naming_the_column_and_the_imported_record_stays_as_it_was()
    {
        await using var app = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("vouch-import-test");
        var accounts = Path.Combine(folder.FullName, "accounts.csv");
        await File.WriteAllTextAsync(accounts, "ExternalId,Name\nA1,Alpha\n", ct);
        var contacts = Path.Combine(folder.FullName, "contacts.csv");
        await File.WriteAllTextAsync(contacts, "ExternalId,AccountId,FirstName,LastName,Title\nC1,A1,Ada,Lovelace,Analyst\n", ct);
        Task<ImportReport> ImportAsync(string file, TableImporter table) => app.WithScopeAsync(services =>
            services.GetRequiredService<Importer>().RunAsync([new ImportFile(table, file)], ColumnMapping.None, salesforce: false, ct: ct));
        await ImportAsync(accounts, ImportTables.Accounts);
        await ImportAsync(contacts, ImportTables.Contacts);
        var ada = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Contacts.AsNoTracking().SingleAsync(c => c.ExternalId == "C1", ct));
        // A title of 211 characters where Vouch keeps 200, a last name of 104 where it keeps 100.
        var title = string.Join(" and ", Enumerable.Repeat("Chief Analyst", 12));
        var lastName = string.Join("-", Enumerable.Repeat("Turing", 15));
        await File.WriteAllTextAsync(contacts,
            $"ExternalId,AccountId,FirstName,LastName,Title\nC1,A1,Ada,Lovelace,{title}\nC2,A1,Alan,{lastName},Engineer\nC3,A1,Grace,Hopper,Admiral\n", ct);

        var report = await ImportAsync(contacts, ImportTables.Contacts);

        Assert.Equal((1, 0, 0, 2), (report.Created, report.Updated, report.Unchanged, report.Rejected));
        Assert.Equal(
            [
                $"contacts.csv row 2: Title: '{title[..57]}...' is longer than 200 characters",
                $"contacts.csv row 3: LastName: '{lastName[..57]}...' is longer than 100 characters",
            ],
            report.FirstRejections.Select(r => r.ToString()));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var kept = await db.Contacts.SingleAsync(c => c.ExternalId == "C1", ct);
            Assert.Equal(("Analyst", ada.Version), (kept.Title, kept.Version));
            Assert.Equal(["C1", "C3"], await db.Contacts.OrderBy(c => c.ExternalId).Select(c => c.ExternalId).ToListAsync(ct));
        });
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Users_crm_ids_opportunities_and_contact_roles_are_audited_as_part_of_the_import_that_wrote_them()
    {
        await using var app = await StartAsync();
        var rita = await app.AddUserAsync(Roles.Seller, "rita.owner@example.com");
        await ImportSalesforceAsync(app);
        var folder = Directory.CreateTempSubdirectory("vouch-import-test");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Opportunity.csv"),
            "Id,AccountId,Name,StageName,CloseDate\n006A00000001,001A00000001,Müller expansion,Closed Lost,2026-03-31\n", TestContext.Current.CancellationToken);

        await app.WithScopeAsync(async services =>
        {
            var ct = TestContext.Current.CancellationToken;
            var db = services.GetRequiredService<VouchDbContext>();
            var first = (await db.AuditEntries.SingleAsync(e => e.RecordType == ImportAudit.RecordType, ct)).ImportId;
            var entries = await db.AuditEntries.Where(e => e.ImportId == first && e.RecordType != ImportAudit.RecordType).ToListAsync(ct);
            Assert.Equal(
                [("Account", "Created", 3), ("Contact", "Created", 3), ("Opportunity", "Created", 2), ("OpportunityContactRole", "Created", 2),
                    ("OpportunityProducts", "Created", 3), ("Product", "Created", 2), ("User", "Updated", 1)],
                entries.GroupBy(e => (e.RecordType, Action: e.Action.ToString())).Select(g => (g.Key.RecordType, g.Key.Action, g.Count())).Order());
            // A created record's entry holds its id alone; a changed one's only what changed.
            Assert.All(entries.Where(e => e.Action == AuditAction.Created), e => Assert.Equal((null, null), (e.Before, e.After)));
            var user = entries.Single(e => e.RecordType == "User");
            Assert.Equal((rita.Id.ToString(), "{\"ExternalId\":null}", "{\"ExternalId\":\"005A00000001\"}"), (user.RecordId, user.Before, user.After));

            // The same scope saves for the next import, and for nothing once it is done.
            var importer = services.GetRequiredService<Importer>();
            importer.ImportId = Guid.CreateVersion7();
            await importer.RunAsync(Importer.SalesforceExport(folder.FullName), s_salesforceMapping, salesforce: true, ct: ct);
            var expansion = await db.Opportunities.SingleAsync(o => o.ExternalId == "006A00000001", ct);
            expansion.Competitor = "Acme";
            await db.SaveChangesAsync(ct);
            var changes = await db.AuditEntries.Where(e => e.RecordType == "Opportunity" && e.RecordId == expansion.Id.ToString() && e.Action == AuditAction.Updated)
                .OrderBy(e => e.Id).ToListAsync(ct);
            Assert.Equal(2, changes.Count);
            Assert.Equal((importer.ImportId, "{\"Stage\":\"Closed Won\"}", "{\"Stage\":\"Closed Lost\"}"), (changes[0].ImportId!.Value, changes[0].Before, changes[0].After));
            Assert.Equal((null, true), (changes[1].ImportId, changes[1].After!.Contains("\"Competitor\":\"Acme\"", StringComparison.Ordinal)));
        });
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Two_imports_of_the_same_file_at_once_create_each_record_once()
    {
        await using var app = await StartAsync();
        var folder = Directory.CreateTempSubdirectory("vouch-import-test");
        var accounts = Path.Combine(folder.FullName, "accounts.csv");
        await File.WriteAllTextAsync(accounts,
            "ExternalId,Name\n" + string.Concat(Enumerable.Range(1, 300).Select(i => $"A{i},Account {i}\n")), TestContext.Current.CancellationToken);
        Task<ImportReport> ImportAsync() => app.WithScopeAsync(services =>
        {
            var importer = services.GetRequiredService<Importer>();
            importer.BatchSize = 50;
            return importer.RunAsync([new ImportFile(ImportTables.Accounts, accounts)], ColumnMapping.None, salesforce: false, ct: TestContext.Current.CancellationToken);
        });

        var reports = await Task.WhenAll(ImportAsync(), ImportAsync());

        Assert.Equal((300, 0), (reports.Sum(r => r.Created), reports.Sum(r => r.Rejected)));
        Assert.Equal(600, reports.Sum(r => r.Created + r.Unchanged));
        var count = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Accounts.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(300, count);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_row_that_fails_while_its_batch_is_written_is_rejected_whole_and_the_rest_of_the_batch_is_kept()
    {
        await using var app = await StartAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("vouch-import-test").FullName, "accounts.csv");
        await File.WriteAllTextAsync(file, "ExternalId,Name,Products\nA1,Alpha,\nB2,Bravo,Analytics\nC3,Charlie,\n", TestContext.Current.CancellationToken);
        // The database fails the moment Bravo's products are written, after Alpha and Bravo were inserted in the same transaction.
        await app.WithScopeAsync(async services =>
        {
            var database = services.GetRequiredService<VouchDbContext>().Database;
            await database.ExecuteSqlRawAsync(database.IsNpgsql()
                ? """
                  CREATE FUNCTION refuse_product_links() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'The database went away.'; END $$ LANGUAGE plpgsql;
                  CREATE TRIGGER refuse_product_links BEFORE INSERT ON "AccountProducts" FOR EACH ROW EXECUTE FUNCTION refuse_product_links();
                  """
                : """
                  CREATE TRIGGER refuse_product_links BEFORE INSERT ON "AccountProducts" BEGIN SELECT RAISE(ABORT, 'The database went away.'); END;
                  """,
                TestContext.Current.CancellationToken);
        });

        var report = await app.WithScopeAsync(services => services.GetRequiredService<Importer>().RunAsync(
            [new ImportFile(ImportTables.Accounts, file)], ColumnMapping.None, salesforce: false, ct: TestContext.Current.CancellationToken));

        Assert.Equal((2, 1), (report.Created, report.Rejected));
        Assert.StartsWith("accounts.csv row 3: could not be saved: ", report.FirstRejections.Single().ToString(), StringComparison.Ordinal);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var ct = TestContext.Current.CancellationToken;
            var accounts = await db.Accounts.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
            Assert.Equal(["Alpha", "Charlie"], accounts.Select(a => a.Name));
            // The audit names the two accounts created, and nothing of Bravo's rolled-back insert.
            Assert.Equal(
                accounts.Select(a => a.Id.ToString()).Order(StringComparer.Ordinal),
                (await db.AuditEntries.Where(e => e.RecordType == "Account").Select(e => e.RecordId).ToListAsync(ct)).Order(StringComparer.Ordinal));
        });
    }

    /// <summary>Every imported record with its version, and the number of audit entries about records (each import has its own too).</summary>
    private static Task<(int Audit, string Records)> SnapshotAsync(VouchApp app) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var records = string.Join("\n",
            (await db.Accounts.Select(a => a.ExternalId + " " + a.Version).ToListAsync(ct))
            .Concat(await db.Contacts.Select(c => c.ExternalId + " " + c.Version).ToListAsync(ct))
            .Concat(await db.Opportunities.Select(o => o.ExternalId + " " + o.Version).ToListAsync(ct))
            .Concat(await db.OpportunityContactRoles.Select(r => r.ExternalId + " " + r.Role).ToListAsync(ct))
            .Order(StringComparer.Ordinal));
        return (await db.AuditEntries.CountAsync(e => e.RecordType != ImportAudit.RecordType, ct), records);
    });
}
