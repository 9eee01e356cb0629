using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Import;

public sealed class DetailsModel(VouchDbContext db) : PageModel
{
    public const int RejectionsPerPage = 100;

    public ImportResponse Import { get; private set; } = null!;

    /// <summary>The page of rejected rows shown; the report has them all.</summary>
    public Pager RejectionsPager { get; private set; } = null!;

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] int? page, CancellationToken ct) =>
        await LoadAsync(id, page, ct) ? Page() : NotFound();

    /// <summary>The status section alone, for htmx to poll while the import runs.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, 1, ct) ? Partial("_ImportStatus", this) : NotFound();

    private async Task<bool> LoadAsync(Guid id, int? page, CancellationToken ct)
    {
        var rejections = new PageQuery { Page = Math.Max(1, page ?? 1), PageSize = RejectionsPerPage };
        var found = await ImportEndpoints.FindAsync(db, id, rejections, ct);
        if (!found.Succeeded)
        {
            return false;
        }
        Import = found.Value;
        // Links to the page itself, whichever request (the page or its status poll) drew the section.
        RejectionsPager = new Pager(rejections.PageNumber, rejections.Size, Import.RejectionsTotal, QueryCollection.Empty);
        return true;
    }
}
