using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Users;
using Vouch.Web;

namespace Vouch.Features.Import;

/// <summary>
/// An import: its state, how far it has come and what it did so far: its counts and the first page of its rejections
/// (<see cref="RejectionsTotal"/> in all; the rest page by page from its rejections, or all at once as its report).
/// </summary>
public sealed record ImportResponse(
    Guid Id, string Kind, string Status, IReadOnlyList<string> Files, IReadOnlyList<string> Mapping,
    string? CurrentFile, int RowsDone, int RowsTotal, int RowsPerSecond, int? SecondsLeft,
    int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportRejection> Rejections, int RejectionsTotal,
    string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public bool IsFinished => Status is nameof(ImportStatus.Completed) or nameof(ImportStatus.Failed);

    public static ImportResponse From(ImportJob job, Paged<ImportRejection>? rejections = null) => new(
        job.Id, job.Kind.ToString().ToLowerInvariant(), job.Status.ToString(),
        job.Files.Split('\n', StringSplitOptions.RemoveEmptyEntries), job.Mapping.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        job.CurrentFile, job.RowsDone, job.RowsTotal, job.RowsPerSecond,
        (int?)new ImportPace(job.RowsDone, job.RowsTotal, job.RowsPerSecond).TimeLeft?.TotalSeconds,
        job.Created, job.Updated, job.Unchanged, job.Rejected, rejections?.Items ?? [], rejections?.Total ?? 0,
        job.Error, job.CreatedAt, job.FinishedAt);
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
            .WithName("GetImport").WithSummary("An import's status, progress, counts and the first page of its rejected rows.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapGet("/{id:guid}/rejections", Rejections)
            .WithName("ListImportRejections").WithSummary("An import's rejected rows a page at a time, in the order the import met them: file, row, column, reason.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapGet("/{id:guid}/changes", Changes)
            .WithName("ListImportChanges")
            .WithSummary("The records an import created or changed, in the order it wrote them: kind, id, action and each changed field before and after.")
            .WithDescription("`q` names a kind of record (Account, Contact, Opportunity, OpportunityContactRole, User) or one record's id.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapGet("/{id:guid}/report", Report)
            .WithName("GetImportReport").WithSummary("Every rejected row of an import as CSV: file, row, column, reason.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
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
        (await FindAsync(db, id, new PageQuery(), ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<Paged<ImportChangeResponse>>, ValidationProblem, ProblemHttpResult>> Changes(
        Guid id, [AsParameters] PageQuery page, VouchDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        CommandResult<Paged<ImportChangeResponse>> found = !errors.IsEmpty ? Refusal.Invalid(errors)
            : await db.ImportJobs.AnyAsync(j => j.Id == id, ct) ? await ImportChanges.ListAsync(db, id, page, ct)
            : Refusal.NotFound(TheImport);
        return found.ToApi(TypedResults.Ok);
    }

    private static async Task<Results<Ok<Paged<ImportRejection>>, ValidationProblem, ProblemHttpResult>> Rejections(
        Guid id, VouchDbContext db, CancellationToken ct, [FromQuery(Name = "page")] int? page = null, [FromQuery(Name = "pageSize")] int? pageSize = null)
    {
        var query = new PageQuery { Page = page, PageSize = pageSize };
        var errors = new ValidationErrors();
        query.Validate(errors);
        CommandResult<Paged<ImportRejection>> found = !errors.IsEmpty ? Refusal.Invalid(errors)
            : await db.ImportJobs.AnyAsync(j => j.Id == id, ct) ? await ImportRejections.PageAsync(db, id, query, ct)
            : Refusal.NotFound(TheImport);
        return found.ToApi(TypedResults.Ok);
    }

    /// <summary>Written to the response as the rejections are read, so a report of any size is never held whole.</summary>
    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Report(Guid id, VouchDbContext db, CancellationToken ct)
    {
        CommandResult found = await db.ImportJobs.AnyAsync(j => j.Id == id, ct) ? CommandResult.Success : Refusal.NotFound(TheImport);
        return found.ToApi(() => TypedResults.Stream(
            stream => ImportRejections.WriteCsvAsync(stream, ImportRejections.StreamAsync(db, id), ct), "text/csv", $"import-{id}-report.csv"));
    }

    /// <summary>The import with its counts and one page of its rejections, or the refusal that there is no such import.</summary>
    internal static async Task<CommandResult<ImportResponse>> FindAsync(VouchDbContext db, Guid id, PageQuery rejections, CancellationToken ct) =>
        await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is { } job
            ? ImportResponse.From(job, await ImportRejections.PageAsync(db, id, rejections, ct))
            : Refusal.NotFound(TheImport);

    private const string TheImport = "The import";
}
