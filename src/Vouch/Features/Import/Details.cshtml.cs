using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Import;

public sealed class DetailsModel(VouchDbContext db) : PageModel
{
    private const int ChangesPerPage = 50;

    public const int RejectionsPerPage = 100;

    /// <summary>The query parameter of the rejections' page: the changes' list has "page".</summary>
    public const string RejectionsPageParameter = "rejectionsPage";

    public ImportResponse Import { get; private set; } = null!;

    /// <summary>The page of rejected rows shown; the report has them all.</summary>
    public Pager RejectionsPager { get; private set; } = null!;

    /// <summary>A page of the records the import created or changed.</summary>
    public Paged<ImportChangeResponse> Changes { get; private set; } = new([], 0, 1, ChangesPerPage);

    /// <summary>The kind of record or the record's id the changes are narrowed to.</summary>
    public string? Q { get; private set; }

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task<IActionResult> OnGetAsync(
        Guid id, [FromQuery] PageQuery query, [FromQuery(Name = RejectionsPageParameter)] int? rejectionsPage, CancellationToken ct)
    {
        if (!await LoadAsync(id, rejectionsPage, ct))
        {
            return NotFound();
        }
        var errors = new ValidationErrors();
        query.Validate(errors);
        query = errors.IsEmpty ? query with { PageSize = ChangesPerPage } : new PageQuery { PageSize = ChangesPerPage };
        Q = query.Q;
        if (Import.IsFinished)
        {
            // The list is drawn only once the import has finished (the page reloads then).
            Changes = await ImportChanges.ListAsync(db, id, query, ct);
        }
        return Page();
    }

    /// <summary>
    /// The status section alone, for htmx to poll while the import runs: the job's progress and counts, without its
    /// rejections, which are shown once it has finished. Then the whole page is loaded again, with its rejections and the
    /// list of what it changed.
    /// </summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken ct)
    {
        if (await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is not { } job)
        {
            return NotFound();
        }
        Import = ImportResponse.From(job);
        if (Import.IsFinished)
        {
            Response.Headers["HX-Refresh"] = "true";
        }
        return Partial("_ImportStatus", this);
    }

    private async Task<bool> LoadAsync(Guid id, int? page, CancellationToken ct)
    {
        var rejections = new PageQuery { Page = Math.Max(1, page ?? 1), PageSize = RejectionsPerPage };
        var found = await ImportEndpoints.FindAsync(db, id, rejections, ct);
        if (!found.Succeeded)
        {
            return false;
        }
        Import = found.Value;
        // Links to the page itself.
        RejectionsPager = new Pager(rejections.PageNumber, rejections.Size, Import.RejectionsTotal, QueryCollection.Empty, RejectionsPageParameter);
        return true;
    }
}
