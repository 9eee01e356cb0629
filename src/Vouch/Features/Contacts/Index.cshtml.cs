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
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<ContactSummary> Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var stage = Enum.TryParse<AdvocacyStage>(Stage, ignoreCase: true, out var parsed) ? parsed : (AdvocacyStage?)null;
        var query = new PageQuery { Q = Q?.Length > 200 ? Q[..200] : Q, Page = Math.Max(1, PageNumber), PageSize = 25 };
        Results = await db.SearchContactsAsync(query, null, null, null, stage, ct);
    }
}
