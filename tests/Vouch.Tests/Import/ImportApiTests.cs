using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Import;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Import;

/// <summary>Scripts upload files to /api/v1/imports and poll the import until its report is there.</summary>
public sealed class ImportApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static MultipartFormDataContent Upload(string kind, params (string Name, string Type, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        foreach (var (name, type, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "files", name);
        }
        return form;
    }

    private static async Task<ImportResponse> FinishedAsync(HttpClient client, Uri location)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var import = (await client.GetFromJsonAsync<ImportResponse>(location, TestContext.Current.CancellationToken))!;
            if (import.Status is "Completed" or "Failed")
            {
                return import;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("The import did not finish.");
    }

    [Fact]
    public async Task A_reference_manager_uploads_a_csv_and_reads_the_counts_rejections_and_report()
    {
        using var client = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = Encoding.UTF8.GetBytes($"\uFEFFName,Employee count,Country\nApi {tag} One,10,FR\nApi {tag} Two,many,FR\n");
        using var form = Upload("accounts", ($"accounts-{tag}.csv", "text/csv", csv));
        form.Add(new StringContent("Employee count=Employees"), "map");

        using var response = await client.PostAsync("/api/v1/imports", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var import = await FinishedAsync(client, response.Headers.Location!);
        Assert.Equal(("Completed", 1, 0, 0, 1, 2, 2), (import.Status, import.Created, import.Updated, import.Unchanged, import.Rejected, import.RowsDone, import.RowsTotal));
        Assert.Equal($"accounts-{tag}.csv row 3: Employee count: 'many' is not a whole number", import.Rejections.Single().ToString());
        var report = await client.GetStringAsync($"/api/v1/imports/{import.Id}/report", TestContext.Current.CancellationToken);
        Assert.Equal($"file,row,column,reason\naccounts-{tag}.csv,3,Employee count,'many' is not a whole number\n", report.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task What_an_import_changed_is_listed_a_page_at_a_time_with_each_records_changed_fields()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        async Task<ImportResponse> ImportAsync(string csv)
        {
            using var form = Upload("accounts", ($"changes-{tag}.csv", "text/csv", Encoding.UTF8.GetBytes(csv)));
            using var response = await client.PostAsync("/api/v1/imports", form, ct);
            return await FinishedAsync(client, response.Headers.Location!);
        }
        var first = await ImportAsync($"Name,Employees\nChanges {tag} One,10\nChanges {tag} Two,20\n");
        var second = await ImportAsync($"Name,Employees\nChanges {tag} One,12\nChanges {tag} Two,20\n");
        var ids = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Accounts
            .Where(a => a.Name.StartsWith($"Changes {tag}")).OrderBy(a => a.Name).Select(a => a.Id).ToListAsync(ct));

        var created = await client.GetFromJsonAsync<Paged<ImportChangeResponse>>($"/api/v1/imports/{first.Id}/changes?pageSize=1&page=2", ct);
        var one = await client.GetFromJsonAsync<Paged<ImportChangeResponse>>($"/api/v1/imports/{first.Id}/changes?q={ids[0].ToString().ToUpperInvariant()}", ct);
        var changed = await client.GetFromJsonAsync<Paged<ImportChangeResponse>>($"/api/v1/imports/{second.Id}/changes", ct);
        var page = await client.GetStringAsync($"/import/{second.Id}", ct);

        Assert.Equal((2, 2, "Account", ids[1].ToString(), "Created", 0),
            (created!.Total, created.Page, created.Items.Single().RecordType, created.Items.Single().RecordId, created.Items.Single().Action, created.Items.Single().Fields.Count));
        Assert.Equal((1, ids[0].ToString()), (one!.Total, one.Items.Single().RecordId));
        var change = changed!.Items.Single();
        Assert.Equal((1, ids[0].ToString(), "Updated"), (changed.Total, change.RecordId, change.Action));
        Assert.Equal([("Employees", 10, 12)], change.Fields.Select(f => (f.Field, f.Before.GetInt32(), f.After.GetInt32())));
        Assert.Contains($"<a href=\"/accounts/{ids[0]}\"><code>{ids[0]}</code></a>", page, StringComparison.Ordinal);
        Assert.Contains("<li><strong>Employees</strong>: 10 → 12</li>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/imports/{Guid.NewGuid()}/changes", ct)).StatusCode);
    }

    [Fact]
    public async Task A_zipped_salesforce_export_is_imported()
    {
        using var client = await app.ClientForAsync(Roles.Admin);
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("export/Account.csv");
            await using var writer = new StreamWriter(entry.Open());
            await writer.WriteAsync("Id,Name,BillingCountry,Unknown_Column__c\n001Z00000000ZIP,Zipped Account,Norway,x\n");
        }
        using var form = Upload("salesforce", ("export.zip", "application/zip", zip.ToArray()));

        using var response = await client.PostAsync("/api/v1/imports", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var import = await FinishedAsync(client, response.Headers.Location!);
        Assert.Equal(("Completed", 1, 0), (import.Status, import.Created, import.Rejected));
        await app.WithScopeAsync(async services => Assert.Equal("NO", (await services.GetRequiredService<VouchDbContext>().Accounts
            .SingleAsync(a => a.ExternalId == "001Z00000000ZIP", TestContext.Current.CancellationToken)).CountryCode));
    }

    [Theory]
    [InlineData("accounts", "photo.png", "image/png", "PNG", "'photo.png' is not a .csv or .xlsx file.")]
    [InlineData("accounts", "accounts.csv", "image/png", "Name\nX\n", "'accounts.csv' is sent as image/png, which is not a CSV file.")]
    [InlineData("accounts", "accounts.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Name\nX\n", "The content of 'accounts.xlsx' is not an Excel (.xlsx) file.")]
    [InlineData("accounts", "accounts.csv", "text/csv", "Na\0me\n", "The content of 'accounts.csv' is not a CSV file in UTF-8 text.")]
    [InlineData("accounts", "accounts.csv", "text/csv", "", "'accounts.csv' is empty.")]
    [InlineData("salesforce", "Leads.csv", "text/csv", "Id\n1\n", "The upload holds none of User.csv, Account.csv, Contact.csv, Opportunity.csv, OpportunityContactRole.csv.")]
    public async Task A_file_of_the_wrong_kind_is_refused_with_the_reason_and_nothing_is_queued(string kind, string name, string type, string content, string error)
    {
        using var client = await app.ClientForAsync(Roles.ReferenceManager);
        var before = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ImportJobs.CountAsync());
        using var form = Upload(kind, (name, type, Encoding.UTF8.GetBytes(content)));

        using var response = await client.PostAsync("/api/v1/imports", form, TestContext.Current.CancellationToken);

        Assert.Equal([error], await response.AssertValidationProblemAsync("files"));
        Assert.Equal(before, await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ImportJobs.CountAsync()));
    }

    [Fact]
    public async Task A_file_whose_header_matches_no_field_fails_naming_its_columns_and_writes_nothing()
    {
        using var client = await app.ClientForAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var form = Upload("accounts", ($"colours-{tag}.csv", "text/csv", Encoding.UTF8.GetBytes($"Colour,Size\nred {tag},big\n")));

        using var response = await client.PostAsync("/api/v1/imports", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var import = await FinishedAsync(client, response.Headers.Location!);
        Assert.Equal(("Failed", $"colours-{tag}.csv has no column for Name; its columns are Colour, Size.", 0),
            (import.Status, import.Error, import.Created));
    }

    [Fact]
    public async Task A_mapping_to_a_field_that_does_not_exist_is_refused()
    {
        using var client = await app.ClientForAsync(Roles.ReferenceManager);
        using var form = Upload("contacts", ("contacts.csv", "text/csv", "Name\nX\n"u8.ToArray()));
        form.Add(new StringContent("Shoe size=ShoeSize"), "map");

        using var response = await client.PostAsync("/api/v1/imports", form, TestContext.Current.CancellationToken);

        Assert.Equal(["'ShoeSize' is not a field of contacts; the fields are ExternalId, AccountId, Account, FirstName, LastName, Title, Email, Phone."],
            await response.AssertValidationProblemAsync("map"));
    }

    [Fact]
    public async Task An_unknown_import_is_not_found()
    {
        using var client = await app.ClientForAsync(Roles.ReferenceManager);

        using var response = await client.GetAsync($"/api/v1/imports/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_seller_may_not_import()
    {
        using var client = await app.ClientForAsync(Roles.Seller);
        using var form = Upload("accounts", ("accounts.csv", "text/csv", "Name\nSeller Co\n"u8.ToArray()));

        using var response = await client.PostAsync("/api/v1/imports", form, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
