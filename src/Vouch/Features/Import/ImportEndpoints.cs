using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Users;
using Vouch.Web;

namespace Vouch.Features.Import;

/// <summary>An import: its state, how far it has come and, once done, what it did.</summary>
public sealed record ImportResponse(
    Guid Id, string Kind, string Status, IReadOnlyList<string> Files, IReadOnlyList<string> Mapping,
    string? CurrentFile, int RowsDone, int RowsTotal, int RowsPerSecond, int? SecondsLeft,
    int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportRejection> Rejections,
    string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public bool IsFinished => Status is nameof(ImportStatus.Completed) or nameof(ImportStatus.Failed);

    public static ImportResponse From(ImportJob job) => new(
        job.Id, job.Kind.ToString().ToLowerInvariant(), job.Status.ToString(),
        job.Files.Split('\n', StringSplitOptions.RemoveEmptyEntries), job.Mapping.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        job.CurrentFile, job.RowsDone, job.RowsTotal, job.RowsPerSecond,
        (int?)new ImportPace(job.RowsDone, job.RowsTotal, job.RowsPerSecond).TimeLeft?.TotalSeconds,
        job.Created, job.Updated, job.Unchanged, job.Rejected,
        ImportReport.ReadRejections(job.Rejections), job.Error, job.CreatedAt, job.FinishedAt);
}

public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Policies.ManageInventory);
        imports.MapPost("/", Start)
            .WithName("StartImport")
            .WithSummary("Upload a CSV or Excel file of accounts, contacts or opportunities, or a Salesforce export, and import it in the background.")
            .WithDescription("Multipart form: `kind` (accounts, contacts, opportunities or salesforce), `files` (one .csv/.xlsx, or a Salesforce export's .csv files or one .zip), and any number of `map` entries \"Source column=Field\". Poll the Location for progress. (The body is read as a form, so a wrong role gets 403 whatever it sends.)")
            .WithMetadata(new RequestSizeLimitAttribute(ImportUploads.MaxRequestBytes))
            .ProducesValidationProblem();
        imports.MapGet("/{id:guid}", Get)
            .WithName("GetImport").WithSummary("An import's status, progress, counts and rejected rows.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapGet("/{id:guid}/changes", Changes)
            .WithName("ListImportChanges")
            .WithSummary("The records an import created or changed, in the order it wrote them: kind, id, action and each changed field before and after.")
            .WithDescription("`q` names a kind of record (Account, Contact, Opportunity, OpportunityContactRole, User) or one record's id.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapGet("/{id:guid}/report", Report)
            .WithName("GetImportReport").WithSummary("The rejected rows of a finished import as CSV: file, row, column, reason.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Accepted<ImportResponse>, ValidationProblem, ProblemHttpResult>> Start(
        HttpRequest request, ImportUploads uploads, ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            var errors = new ValidationErrors();
            errors.Add("files", "Send the files as multipart/form-data.");
            return errors.ToProblem();
        }
        var form = await request.ReadFormAsync(ct);
        var files = form.Files.Select(f => new UploadedFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        var started = await uploads.StartAsync(form["kind"], files, form["map"].Select(m => m ?? ""), principal.UserId(), ct);
        return started.ToApi(job => TypedResults.Accepted($"/api/v1/imports/{job.Id}", ImportResponse.From(job)));
    }

    private static async Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, VouchDbContext db, CancellationToken ct) =>
        (await FindAsync(db, id, ct)).ToApi(job => TypedResults.Ok(ImportResponse.From(job)));

    private static async Task<Results<Ok<Paged<ImportChangeResponse>>, ValidationProblem, ProblemHttpResult>> Changes(
        Guid id, [AsParameters] PageQuery page, VouchDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        return (errors.IsEmpty ? (await ImportChanges.ListAsync(db, id, page, ct)).OrNotFound("The import") : Refusal.Invalid(errors)).ToApi(TypedResults.Ok);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Report(Guid id, VouchDbContext db, CancellationToken ct) =>
        (await FindAsync(db, id, ct)).ToApi(job =>
            TypedResults.File(Encoding.UTF8.GetBytes(ReportOf(job).ToCsv()), "text/csv", $"import-{job.Id}-report.csv"));

    private static async Task<CommandResult<ImportJob>> FindAsync(VouchDbContext db, Guid id, CancellationToken ct) =>
        (await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct)).OrNotFound("The import");

    internal static ImportReport ReportOf(ImportJob job) => new()
    {
        Created = job.Created,
        Updated = job.Updated,
        Unchanged = job.Unchanged,
        Rejected = job.Rejected,
        Rejections = ImportReport.ReadRejections(job.Rejections),
    };
}
