using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Import;

public sealed class DetailsModel(VouchDbContext db) : PageModel
{
    private const int ChangesPerPage = 50;

    public ImportResponse Import { get; private set; } = null!;

    /// <summary>A page of the records the import created or changed.</summary>
    public Paged<ImportChangeResponse> Changes { get; private set; } = new([], 0, 1, ChangesPerPage);

    /// <summary>The kind of record or the record's id the changes are narrowed to.</summary>
    public string? Q { get; private set; }

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] PageQuery query, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var errors = new ValidationErrors();
        query.Validate(errors);
        query = errors.IsEmpty ? query with { PageSize = ChangesPerPage } : new PageQuery { PageSize = ChangesPerPage };
        Q = query.Q;
        Changes = (await ImportChanges.ListAsync(db, id, query, ct))!;
        return Page();
    }

    /// <summary>The status section alone, for htmx to poll while the import runs.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Partial("_ImportStatus", Import) : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return false;
        }
        Import = ImportResponse.From(job);
        return true;
    }
}
