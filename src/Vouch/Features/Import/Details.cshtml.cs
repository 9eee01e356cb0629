using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Import;

public sealed class DetailsModel(VouchDbContext db) : PageModel
{
    public ImportResponse Import { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

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
