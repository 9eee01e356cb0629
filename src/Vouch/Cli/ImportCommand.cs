using System.CommandLine;
using Vouch.Data;
using Vouch.Features.Import;

namespace Vouch.Cli;

/// <summary><c>vouch import accounts|contacts|opportunities FILE</c> and <c>vouch import salesforce FOLDER</c>.</summary>
public static class ImportCommand
{
    public static Command Create(string[] hostArgs)
    {
        var import = new Command("import", "Import accounts, contacts or opportunities from a CSV or Excel file, or a Salesforce data export.");
        foreach (var kind in new[] { ImportKind.Accounts, ImportKind.Contacts, ImportKind.Opportunities, ImportKind.Salesforce })
        {
            import.Subcommands.Add(Create(hostArgs, kind));
        }
        return import;
    }

    private static Command Create(string[] hostArgs, ImportKind kind)
    {
        var salesforce = kind == ImportKind.Salesforce;
        var name = kind.ToString().ToLowerInvariant();
        var source = new Argument<string>(salesforce ? "folder" : "file")
        {
            Description = salesforce
                ? "The folder of a Salesforce data export (Account.csv, Contact.csv, Opportunity.csv, OpportunityContactRole.csv, User.csv)."
                : "A .csv or .xlsx file with a header row; columns named like the fields are read, others ignored.",
        };
        var map = new Option<string[]>("--map")
        {
            Description = "\"Source column=Field\", e.g. --map \"Employee count=Employees\" or --map Gross_Profit__c=GrossProfit; repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var reportPath = new Option<string?>("--report")
        {
            Description = "Where to write the report: .json for JSON, otherwise CSV. Default: import-report-<time>.csv here.",
        };
        var command = new Command(name, salesforce
            ? "Import a Salesforce data export: users' CRM ids, accounts, contacts, opportunities and contact roles."
            : $"Import {name} from a CSV or Excel file. Fields: {string.Join(", ", ImportTables.Of(kind)!.Fields)}.")
        {
            source, map, reportPath,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(hostArgs, (services, token) =>
            RunAsync(services, kind, parse.GetValue(source)!, parse.GetValue(map) ?? [], parse.GetValue(reportPath), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        IServiceProvider services, ImportKind kind, string source, string[] mapEntries, string? reportPath, CancellationToken ct)
    {
        var (mapping, errors) = ColumnMapping.Parse(mapEntries, kind);
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"error: --map: {error}");
        }
        if (errors.Count > 0)
        {
            return CliHost.InvalidInput;
        }
        IReadOnlyList<ImportFile> files;
        if (kind == ImportKind.Salesforce)
        {
            if (!Directory.Exists(source))
            {
                return CliHost.Fail(CliHost.InvalidInput, $"There is no folder '{source}'.");
            }
            files = Importer.SalesforceExport(source);
            if (files.Count == 0)
            {
                return CliHost.Fail(CliHost.InvalidInput,
                    $"'{source}' holds none of {string.Join(", ", ImportTables.SalesforceFiles)}.");
            }
        }
        else
        {
            if (!File.Exists(source))
            {
                return CliHost.Fail(CliHost.InvalidInput, $"There is no file '{source}'.");
            }
            files = [new ImportFile(ImportTables.Of(kind)!, source)];
        }

        var started = TimeProvider.System.GetTimestamp();
        var bar = new ImportProgressBar(Console.Out, inPlace: !Console.IsOutputRedirected);
        var importer = services.GetRequiredService<Importer>();
        ImportReport report;
        try
        {
            report = await importer.RunAsync(files, mapping, kind == ImportKind.Salesforce, progress =>
            {
                bar.Show(progress);
                return Task.CompletedTask;
            }, ct);
        }
        catch (InvalidDataException e)
        {
            bar.Finish();
            return CliHost.Fail(CliHost.InvalidInput, e.Message);
        }
        bar.Finish();
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var path = reportPath ?? $"import-report-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv";
        // The report file is where a command-line import's rejections are kept: no page shows them.
        var db = services.GetRequiredService<VouchDbContext>();
        await report.WriteAsync(path, ImportRejections.StreamAsync(db, importer.ImportId), ct);
        await ImportRejections.DeleteAsync(db, importer.ImportId, ct);
        Console.WriteLine($"{report.Summary} {elapsed.TotalSeconds:F1} s ({report.Rows / Math.Max(elapsed.TotalSeconds, 0.001):F0} rows/s).");
        foreach (var rejection in report.FirstRejections)
        {
            Console.Error.WriteLine($"rejected: {rejection}");
        }
        if (report.Rejected > report.FirstRejections.Count)
        {
            Console.Error.WriteLine($"... and {report.Rejected - report.FirstRejections.Count} more rejected rows.");
        }
        Console.WriteLine($"Report: {Path.GetFullPath(path)}");
        return report.Rejected > 0 ? CliHost.InvalidInput : CliHost.Ok;
    }
}
