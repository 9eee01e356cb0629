using System.Text.Json;
using System.Text.RegularExpressions;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Import;

/// <summary><c>vouch import</c> as an admin runs it: progress, a summary, a report file and an exit code that says whether rows were rejected.</summary>
public sealed class ImportCommandTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static readonly string s_vouch = Path.Combine(AppContext.BaseDirectory, "vouch.dll");

    private Task<ProcessResult> VouchAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [s_vouch, .. arguments], new Dictionary<string, string>
        {
            ["Database__Provider"] = app.Database.Provider,
            ["ConnectionStrings__Vouch"] = app.Database.ConnectionString,
            ["DOTNET_ENVIRONMENT"] = "Production",
        });

    [Fact]
    public async Task A_salesforce_export_with_bad_rows_prints_progress_writes_the_report_and_exits_1()
    {
        await app.AddUserAsync(Roles.Seller, "rita.owner@example.com");
        var folder = Directory.CreateTempSubdirectory("vouch-import-cli");
        var report = Path.Combine(folder.FullName, "report.json");
        var export = Path.Combine(AppContext.BaseDirectory, "Data", "import", "salesforce");

        var result = await VouchAsync("import", "salesforce", export, "--map", "Gross_Profit__c=GrossProfit", "--map", "Products__c=Products", "--report", report);

        Assert.Equal(1, result.ExitCode);
        // The app's own log warnings (on stdout) are not part of what the command prints.
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith("warn:", StringComparison.Ordinal) && !l.StartsWith(' ')).ToArray();
        // Written to a pipe, the progress is a plain line a batch, with the pace (which varies from run to run).
        string[] progress = ["User.csv: 2/2 rows", "Account.csv: 5/5 rows", "Contact.csv: 6/6 rows", "Opportunity.csv: 3/3 rows", "OpportunityContactRole.csv: 3/3 rows"];
        Assert.All(progress.Zip(lines[..5]), line => Assert.Matches($@"^{Regex.Escape(line.First)} \([\d,]+ rows/s\)$", line.Second));
        Assert.StartsWith("19 rows: 10 created, 1 updated, 1 unchanged, 7 rejected.", lines[5], StringComparison.Ordinal);
        Assert.Equal($"Report: {report}", lines[6]);
        Assert.Equal(ImportTests.SalesforceRejections.Select(r => $"rejected: {r}"), result.Error.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken));
        Assert.Equal((10, 1, 1, 7), (json.RootElement.GetProperty("created").GetInt32(), json.RootElement.GetProperty("updated").GetInt32(),
            json.RootElement.GetProperty("unchanged").GetInt32(), json.RootElement.GetProperty("rejected").GetInt32()));
        var first = json.RootElement.GetProperty("rejections")[0];
        Assert.Equal(("Account.csv", 4, "NumberOfEmployees", "'lots' is not a whole number"),
            (first.GetProperty("file").GetString(), first.GetProperty("row").GetInt32(), first.GetProperty("column").GetString(), first.GetProperty("reason").GetString()));

        var again = await VouchAsync("import", "salesforce", export, "--map", "Gross_Profit__c=GrossProfit", "--map", "Products__c=Products", "--report", report);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("19 rows: 0 created, 0 updated, 12 unchanged, 7 rejected.", again.Output, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_clean_file_exits_0_and_writes_a_csv_report()
    {
        var folder = Directory.CreateTempSubdirectory("vouch-import-cli");
        var file = Path.Combine(folder.FullName, "contacts-accounts.csv");
        await File.WriteAllTextAsync(file, "Name,Industry\nCli Clean Co,Banking\n", TestContext.Current.CancellationToken);
        var report = Path.Combine(folder.FullName, "report.csv");

        var result = await VouchAsync("import", "accounts", file, "--report", report);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("1 rows: 1 created, 0 updated, 0 unchanged, 0 rejected.", result.Output, StringComparison.Ordinal);
        Assert.Equal("file,row,column,reason\n", (await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n"));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_before_anything_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("vouch-import-cli");
        var file = Path.Combine(folder.FullName, "opportunities.csv");
        await File.WriteAllTextAsync(file, "Name,Stage\nDeal,Prospecting\n", TestContext.Current.CancellationToken);

        var result = await VouchAsync("import", "opportunities", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: opportunities.csv has no column for AccountId or Account; its columns are Name, Stage.", result.Error.Trim());
        folder.Delete(recursive: true);
    }
}
