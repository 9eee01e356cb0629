using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Contacts;

[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(VouchDbContext db) : PageModel
{
    public string? Q { get; private set; }
    public string? Stage { get; private set; }
    public Paged<ContactSummary> Results { get; private set; } = null!;

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] string? q, [FromQuery] string? stage, [FromQuery] int? page, CancellationToken ct)
    {
        (Q, Stage) = (q, stage);
        var query = new PageQuery { Q = q?.Length > 200 ? q[..200] : q, Page = Math.Max(1, page ?? 1), PageSize = 25 };
        // A stage that is not one lists every stage, as "Any" does.
        Results = await db.SearchContactsAsync(query, new ContactFilter { AdvocacyStage = stage }, ct);
    }
}
