using System.IO.Compression;
using System.Text.Unicode;
using Vouch.Data;

namespace Vouch.Features.Import;

/// <summary>A file sent for import: its name, declared content type and content.</summary>
public sealed record UploadedFile(string Name, string? ContentType, long Length, Func<Stream> Open);

/// <summary>
/// Checks uploaded files (size, kind, content), keeps them in the import folder and queues the import. One set of
/// rules for the API and the import page.
/// </summary>
public sealed class ImportUploads(VouchDbContext db, ImportQueue queue, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>The most an upload may hold, all files together.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    /// <summary>The request limit: a little above <see cref="MaxUploadBytes"/>, so an upload just over it gets a clear message.</summary>
    public const long MaxRequestBytes = MaxUploadBytes + 1024 * 1024;

    /// <summary>What a zip may unpack to, against archives built to fill the disk.</summary>
    private const long MaxUnpackedBytes = 10 * MaxUploadBytes;

    private static readonly string[] s_csvTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream", ""];
    private static readonly string[] s_xlsxTypes = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream", ""];
    private static readonly string[] s_zipTypes = ["application/zip", "application/x-zip-compressed", "application/octet-stream", ""];

    public string Folder => configuration["Import:Folder"] is { Length: > 0 } folder
        ? folder
        : Path.Combine(Path.GetTempPath(), "vouch-imports");

    /// <summary>Checks and stores the files and queues the import; the job, or a refusal naming the fields (kind, map, files).</summary>
    public async Task<CommandResult<ImportJob>> StartAsync(
        string? kindText, IReadOnlyList<UploadedFile> files, IEnumerable<string> mapEntries, Guid userId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var kind = EnumText.ParseOrNull<ImportKind>(kindText);
        if (kind is null)
        {
            errors.Add("kind", "kind must be one of accounts, contacts, opportunities, salesforce.");
            return Refusal.Invalid(errors);
        }
        var (mapping, mapErrors) = ColumnMapping.Parse(mapEntries, kind.Value);
        foreach (var error in mapErrors)
        {
            errors.Add("map", error);
        }
        CheckFiles(kind.Value, files, errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }

        var job = new ImportJob
        {
            Kind = kind.Value,
            Status = ImportStatus.Queued,
            StartedById = userId,
            CreatedAt = clock.GetUtcNow(),
            Files = string.Join('\n', files.Select(f => Path.GetFileName(f.Name))),
            Mapping = string.Join('\n', mapping.Entries),
        };
        var folder = FolderOf(job.Id);
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in files)
            {
                if (file.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    await UnpackSalesforceExportAsync(file, folder, ct);
                }
                else
                {
                    await using var source = file.Open();
                    await using var target = File.Create(Path.Combine(folder, Path.GetFileName(file.Name)));
                    await source.CopyToAsync(target, ct);
                }
            }
        }
        catch (InvalidDataException e)
        {
            Directory.Delete(folder, recursive: true);
            errors.Add("files", e.Message);
            return Refusal.Invalid(errors);
        }
        if (kind == ImportKind.Salesforce && Importer.SalesforceExport(folder).Count == 0)
        {
            Directory.Delete(folder, recursive: true);
            errors.Add("files", $"The upload holds none of {string.Join(", ", ImportTables.SalesforceFiles)}.");
            return Refusal.Invalid(errors);
        }
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync(job.Id, ct);
        return job;
    }

    public string FolderOf(Guid jobId) => Path.Combine(Folder, jobId.ToString("N"));

    /// <summary>The files the import of a job reads, in the order it reads them.</summary>
    public IReadOnlyList<ImportFile> FilesOf(ImportJob job)
    {
        var folder = FolderOf(job.Id);
        if (job.Kind == ImportKind.Salesforce)
        {
            return Importer.SalesforceExport(folder);
        }
        return [.. Directory.EnumerateFiles(folder).Select(path => new ImportFile(ImportTables.Of(job.Kind)!, path))];
    }

    private static void CheckFiles(ImportKind kind, IReadOnlyList<UploadedFile> files, ValidationErrors errors)
    {
        if (files.Count == 0)
        {
            errors.Add("files", "Choose a file to import.");
            return;
        }
        if (kind != ImportKind.Salesforce && files.Count > 1)
        {
            errors.Add("files", $"An import of {kind.ToString().ToLowerInvariant()} reads one file; {files.Count} were sent.");
        }
        if (files.Sum(f => f.Length) > MaxUploadBytes)
        {
            errors.Add("files", $"The files are {files.Sum(f => f.Length) / 1024 / 1024:N0} MB together; an upload may be at most {MaxUploadBytes / 1024 / 1024} MB. Split the file, or use `vouch import` on the server.");
            return;
        }
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.Name);
            var type = (file.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
            var extension = Path.GetExtension(name).ToLowerInvariant();
            var (allowedTypes, what) = extension switch
            {
                ".csv" => (s_csvTypes, "a CSV file"),
                ".xlsx" when kind != ImportKind.Salesforce => (s_xlsxTypes, "an Excel (.xlsx) file"),
                ".zip" when kind == ImportKind.Salesforce => (s_zipTypes, "a zip file"),
                _ => ([], ""),
            };
            if (allowedTypes.Length == 0)
            {
                errors.Add("files", kind == ImportKind.Salesforce
                    ? $"'{name}' is not a .csv or .zip file of a Salesforce export."
                    : $"'{name}' is not a .csv or .xlsx file.");
            }
            else if (!allowedTypes.Contains(type))
            {
                errors.Add("files", $"'{name}' is sent as {type}, which is not {what}.");
            }
            else if (file.Length == 0)
            {
                errors.Add("files", $"'{name}' is empty.");
            }
            else if (!HasContentOf(extension, file))
            {
                errors.Add("files", $"The content of '{name}' is not {what}{(extension == ".csv" ? " in UTF-8 text" : "")}.");
            }
        }
    }

    /// <summary>Excel files and zips are zip archives; a CSV is UTF-8 text without NUL bytes.</summary>
    private static bool HasContentOf(string extension, UploadedFile file)
    {
        using var stream = file.Open();
        var head = new byte[8192];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (extension != ".csv")
        {
            return read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
        var text = head.AsSpan(0, read);
        if (text.Contains((byte)0))
        {
            return false;
        }
        // The first block may end inside a character: leave up to three bytes of it out.
        for (var cut = 0; cut <= 3 && cut < read; cut++)
        {
            if (Utf8.IsValid(text[..^cut]))
            {
                return true;
            }
        }
        return false;
    }

    private static async Task UnpackSalesforceExportAsync(UploadedFile file, string folder, CancellationToken ct)
    {
        await using var stream = file.Open();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        long unpacked = 0;
        foreach (var entry in zip.Entries)
        {
            var standard = ImportTables.SalesforceFiles.FirstOrDefault(f => string.Equals(f, entry.Name, StringComparison.OrdinalIgnoreCase));
            if (standard is null)
            {
                continue;
            }
            unpacked += entry.Length;
            if (unpacked > MaxUnpackedBytes)
            {
                throw new InvalidDataException($"'{file.Name}' unpacks to more than {MaxUnpackedBytes / 1024 / 1024} MB.");
            }
            await using var source = entry.Open();
            await using var target = File.Create(Path.Combine(folder, standard));
            await source.CopyToAsync(target, ct);
        }
    }
}
