using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Search;

public static class ReferenceEndpoints
{
    public static RouteGroupBuilder MapReferences(this RouteGroupBuilder api)
    {
        var references = api.MapGroup("/references").WithTags("References");
        references.MapGet("/", Search)
            .WithName("SearchReferences")
            .WithSummary("Search the reference inventory by account, advocacy, consent, agreed activities and story; a page at a time, with the total.")
            .RequireAuthorization(Policies.ReadInventory);
        references.MapGet("/export.csv", ExportCsv)
            .WithName("ExportReferencesCsv").WithSummary("The same search as a CSV file, every match (up to 50,000).")
            .Produces(StatusCodes.Status200OK, contentType: ReferenceExport.CsvContentType)
            .RequireAuthorization(ReferencesModule.ExportReferences);
        references.MapGet("/export.xlsx", ExportExcel)
            .WithName("ExportReferencesXlsx").WithSummary("The same search as an Excel workbook, every match (up to 50,000).")
            .Produces(StatusCodes.Status200OK, contentType: ReferenceExport.ExcelContentType)
            .RequireAuthorization(ReferencesModule.ExportReferences);
        return api;
    }

    private static async Task<Results<Ok<Paged<ReferenceSummary>>, ValidationProblem>> Search(
        [AsParameters] ReferenceFilter filter, VouchDbContext db, ReferenceFinder finder, TimeProvider clock, CancellationToken ct,
        [FromQuery(Name = "page")] int? pageNumber = null, [FromQuery(Name = "pageSize")] int? pageSize = null)
    {
        var errors = new ValidationErrors();
        // The filter has the free text, q; this is the rest of the list endpoints' paging.
        var page = new PageQuery { Page = pageNumber, PageSize = pageSize };
        page.Validate(errors);
        var criteria = await filter.ResolveAsync(db, Today(clock), errors, ct);
        if (criteria is null)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await finder.SearchAsync(criteria, page.PageNumber, page.Size, ct));
    }

    private static Task<Results<PushStreamHttpResult, ValidationProblem>> ExportCsv(
        [AsParameters] ReferenceFilter filter, VouchDbContext db, ReferenceFinder finder, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(filter, db, finder, clock, ReferenceExport.CsvContentType, "csv", ReferenceExport.WriteCsvAsync, ct);

    private static Task<Results<PushStreamHttpResult, ValidationProblem>> ExportExcel(
        [AsParameters] ReferenceFilter filter, VouchDbContext db, ReferenceFinder finder, TimeProvider clock, CancellationToken ct) =>
        ExportAsync(filter, db, finder, clock, ReferenceExport.ExcelContentType, "xlsx", ReferenceExport.WriteExcelAsync, ct);

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportAsync(
        ReferenceFilter filter, VouchDbContext db, ReferenceFinder finder, TimeProvider clock, string contentType, string extension,
        Func<Stream, IAsyncEnumerable<ReferenceExportRow>, CancellationToken, Task> write, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var today = Today(clock);
        var criteria = await filter.ResolveAsync(db, today, errors, ct);
        if (criteria is null)
        {
            return errors.ToProblem();
        }
        return TypedResults.Stream(
            stream => write(stream, finder.StreamAsync(criteria, ct), ct), contentType, ReferenceExport.FileName(today, extension));
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
