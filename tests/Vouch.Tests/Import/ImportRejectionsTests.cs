using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Import;
using Vouch.Testing;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Import;

/// <summary>
/// A file of which half the rows are bad keeps every good row and reports every bad one, a batch at a time into the
/// database rather than into memory: through the importer, the API's pages, the CSV report and the import's page.
/// </summary>
public sealed class ImportRejectionsTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Contacts of one account, every other row bad: by turns without a last name, or of an account that is not
    /// there. Returns the file and each bad row's rejection as the report words it.
    /// </summary>
    private static (string Csv, List<string> Rejections) HalfBadContacts(string file, string tag, int rows)
    {
        var csv = new StringBuilder("Account,FirstName,LastName\n");
        var rejections = new List<string>();
        for (var i = 1; i <= rows; i++)
        {
            var row = i + 1; // the header is row 1
            switch (i % 4)
            {
                case 2:
                    csv.Append($"Rejected {tag},First{i},\n");
                    rejections.Add($"{file} row {row}: LastName: is required");
                    break;
                case 0:
                    csv.Append($"Nobody {tag},First{i},Last{i}\n");
                    rejections.Add($"{file} row {row}: Account: no account named 'Nobody {tag}'");
                    break;
                default:
                    csv.Append($"Rejected {tag},First{i},Last{i}\n");
                    break;
            }
        }
        return (csv.ToString(), rejections);
    }

    private Task<Guid> AddAccountAsync(string tag) => app.WithScopeAsync(async services =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("vouch-rejections").FullName, "accounts.csv");
        await File.WriteAllTextAsync(path, $"Name\nRejected {tag}\n", Ct);
        await services.GetRequiredService<Importer>().RunAsync(
            [new ImportFile(ImportTables.Of(ImportKind.Accounts)!, path)], ColumnMapping.None, salesforce: false, ct: Ct);
        return await services.GetRequiredService<VouchDbContext>().Accounts.Where(a => a.Name == $"Rejected {tag}").Select(a => a.Id).SingleAsync(Ct);
    });

    private Task<int> ContactsOfAsync(Guid accountId) =>
        app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Contacts.CountAsync(c => c.AccountId == accountId, Ct));

    [Fact]
    public async Task The_importer_saves_every_rejection_batch_by_batch_and_keeps_only_the_first_few_in_memory()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var accountId = await AddAccountAsync(tag);
        var (csv, expected) = HalfBadContacts("contacts.csv", tag, 1_000);
        var path = Path.Combine(Directory.CreateTempSubdirectory("vouch-rejections").FullName, "contacts.csv");
        await File.WriteAllTextAsync(path, csv, Ct);

        var (report, saved) = await app.WithScopeAsync(async services =>
        {
            var importer = services.GetRequiredService<Importer>();
            importer.BatchSize = 128;
            var report = await importer.RunAsync([new ImportFile(ImportTables.Of(ImportKind.Contacts)!, path)], ColumnMapping.None, salesforce: false, ct: Ct);
            var saved = await ImportRejections.StreamAsync(services.GetRequiredService<VouchDbContext>(), importer.ImportId).ToListAsync(Ct);
            return (report, saved);
        });

        Assert.Equal((500, 0, 0, 500), (report.Created, report.Updated, report.Unchanged, report.Rejected));
        Assert.Equal(expected[..ImportReport.FirstRejectionsKept], report.FirstRejections.Select(r => r.ToString()));
        Assert.Empty(report.TakeUnsaved());
        Assert.Equal(expected, saved.Select(r => r.ToString()));
        Assert.Equal(500, await ContactsOfAsync(accountId));
    }

    [Fact]
    public async Task An_upload_with_many_bad_rows_is_read_a_page_at_a_time_and_downloaded_whole()
    {
        using var client = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var accountId = await AddAccountAsync(tag);
        var file = $"contacts-{tag}.csv";
        var (csv, expected) = HalfBadContacts(file, tag, 2_000);
        using var form = new MultipartFormDataContent { { new StringContent("contacts"), "kind" } };
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, "files", file);

        using var response = await client.PostAsync("/api/v1/imports", form, Ct);
        var import = await FinishedAsync(client, response.Headers.Location!);

        Assert.Equal(("Completed", 1_000, 1_000, 1_000), (import.Status, import.Created, import.Rejected, import.RejectionsTotal));
        Assert.Equal(1_000, await ContactsOfAsync(accountId));
        Assert.Equal(expected[..PageQuery.DefaultPageSize], import.Rejections.Select(r => r.ToString()));

        var third = await client.GetFromJsonAsync<Paged<ImportRejection>>($"/api/v1/imports/{import.Id}/rejections?page=3&pageSize=200", Ct);
        Assert.Equal((1_000, 3, 200), (third!.Total, third.Page, third.PageSize));
        Assert.Equal(expected[400..600], third.Items.Select(r => r.ToString()));
        var pastTheEnd = await client.GetFromJsonAsync<Paged<ImportRejection>>($"/api/v1/imports/{import.Id}/rejections?page=6&pageSize=200", Ct);
        Assert.Equal((1_000, 0), (pastTheEnd!.Total, pastTheEnd.Items.Count));

        using var report = await client.GetAsync($"/api/v1/imports/{import.Id}/report", Ct);
        Assert.Equal(("text/csv", $"import-{import.Id}-report.csv"), (report.Content.Headers.ContentType?.MediaType, report.Content.Headers.ContentDisposition?.FileName));
        var lines = (await report.Content.ReadAsStringAsync(Ct)).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("file,row,column,reason", lines[0]);
        Assert.Equal(expected, lines[1..].Select(ToRejection));

        // The import's page shows a hundred rejections a page: the tenth is the last.
        var lastPage = await client.GetStringAsync($"/import/{import.Id}?{DetailsModel.RejectionsPageParameter}=10", Ct);
        // The rejection k is of every other row from the second: row 2k + 3 of the file, after the header.
        string Row(int k) => $"<tr><td>{file}</td><td>{2 * k + 3}</td>";
        Assert.Contains(Row(900), lastPage, StringComparison.Ordinal);
        Assert.Contains(Row(999), lastPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Row(899), lastPage, StringComparison.Ordinal);
        // The page's list of changes has a pager of its own; the rejections' names its page apart.
        Assert.Contains($"href=\"?{DetailsModel.RejectionsPageParameter}=9\" rel=\"prev\"", lastPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"?{DetailsModel.RejectionsPageParameter}=11", lastPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=0", "page", "page must be 1 or more.")]
    [InlineData("pageSize=0", "pageSize", "pageSize must be between 1 and 200.")]
    [InlineData("pageSize=201", "pageSize", "pageSize must be between 1 and 200.")]
    public async Task A_bad_page_of_rejections_is_refused_naming_the_parameter(string query, string field, string error)
    {
        using var client = await app.ClientForAsync(Roles.ReferenceManager);

        using var response = await client.GetAsync($"/api/v1/imports/{Guid.NewGuid()}/rejections?{query}", Ct);

        Assert.Equal([error], await response.AssertValidationProblemAsync(field));
    }

    [Fact]
    public async Task The_rejections_and_report_of_an_unknown_import_are_not_found()
    {
        using var client = await app.ClientForAsync(Roles.ReferenceManager);

        using var rejections = await client.GetAsync($"/api/v1/imports/{Guid.NewGuid()}/rejections", Ct);
        using var report = await client.GetAsync($"/api/v1/imports/{Guid.NewGuid()}/report", Ct);

        await rejections.AssertProblemAsync(HttpStatusCode.NotFound);
        await report.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rejections_kept_as_json_by_earlier_imports_and_syncs_move_into_the_table_in_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        var options = new DbContextOptionsBuilder<VouchDbContext>();
        options.UseVouchDatabase(new DatabaseSettings(Enum.Parse<DatabaseProvider>(database.Provider), database.ConnectionString));
        await using var db = new VouchDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("ImportJobPace", Ct);
        var (import, clean, sync) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        // As the import and the sync wrote them: the report's JSON, names as they are written.
        const string importJson = """
            [
              { "file": "accounts.csv", "row": 3, "column": "Employee count", "reason": "'many' is not a whole number" },
              { "file": "accounts.csv", "row": 7, "column": "", "reason": "could not be saved: O'Brien's row" }
            ]
            """;
        const string syncJson = """[{ "file": "Contact 003A0000000X", "row": 1, "column": "Email", "reason": "'not an email' is not an email address" }]""";
        // The import, then the sync a minute later: the table keeps them in that order.
        var now = DateTimeOffset.UtcNow;
        object at = database.IsPostgres ? now.AddMinutes(-1) : now.AddMinutes(-1).ToUnixTimeMilliseconds();
        object later = database.IsPostgres ? now : now.ToUnixTimeMilliseconds();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ImportJobs" ("Id", "Kind", "Status", "StartedById", "CreatedAt", "Files", "Mapping", "RowsDone", "RowsTotal", "RowsPerSecond", "Created", "Updated", "Unchanged", "Rejected", "Rejections")
            VALUES ({import}, 'Accounts', 'Completed', {Guid.Empty}, {at}, 'accounts.csv', '', 9, 9, 0, 7, 0, 0, 2, {importJson}),
                   ({clean}, 'Accounts', 'Completed', {Guid.Empty}, {at}, 'clean.csv', '', 1, 1, 0, 1, 0, 0, 0, NULL)
            """, Ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SalesforceSyncRuns" ("Id", "Trigger", "Status", "StartedAt", "Created", "Updated", "Unchanged", "Rejected", "Deleted", "ActivitiesPushed", "LeadsPushed", "PushesFailed", "ApiCalls", "Rejections")
            VALUES ({sync}, 'Manual', 'Completed', {later}, 0, 0, 0, 1, 0, 0, 0, 0, 3, {syncJson})
            """, Ct);

        await migrator.MigrateAsync(null, Ct);

        var moved = await db.Set<ImportRejectionEntry>().OrderBy(r => r.Id).Select(r => new { r.ImportId, r.File, r.Row, r.Column, r.Reason }).ToListAsync(Ct);
        Assert.Equal(
        [
            (import, "accounts.csv row 3: Employee count: 'many' is not a whole number"),
            (import, "accounts.csv row 7: could not be saved: O'Brien's row"),
            (sync, "Contact 003A0000000X row 1: Email: 'not an email' is not an email address"),
        ], moved.Select(r => (r.ImportId, new ImportRejection(r.File, r.Row, r.Column, r.Reason).ToString())));
    }

    /// <summary>A CSV line of the report as the rejection's own words; the reasons here hold no comma or quote.</summary>
    private static string ToRejection(string line)
    {
        var cells = line.Split(',');
        return new ImportRejection(cells[0], int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), cells[2], cells[3]).ToString();
    }

    private static async Task<ImportResponse> FinishedAsync(HttpClient client, Uri location)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var import = (await client.GetFromJsonAsync<ImportResponse>(location, Ct))!;
            if (import.IsFinished)
            {
                return import;
            }
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("The import did not finish.");
    }
}
