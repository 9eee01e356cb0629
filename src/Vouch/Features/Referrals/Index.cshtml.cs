using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Referrals;

/// <summary>The referrals, newest first, searched and filtered by stage, advocate or account.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(ReferralQueries queries, CurrentUser user) : PageModel
{
    public string? Q { get; private set; }
    public string? Status { get; private set; }
    public Paged<ReferralSummary> Results { get; private set; } = null!;
    public bool MayRecord { get; private set; }

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] string? q, [FromQuery] string? status, [FromQuery] Guid? referrerContactId, [FromQuery] Guid? accountId,
        [FromQuery] int? page, CancellationToken ct)
    {
        (Q, Status) = (q, status);
        MayRecord = await user.MayAsync(Policies.ManageInventory);
        var query = new PageQuery { Q = q?.Length > 200 ? q[..200] : q, Page = Math.Max(1, page ?? 1), PageSize = 25 };
        // A status that is not one lists every status, as "Any" does.
        Results = await queries.ListAsync(query, new ReferralFilter { Status = status, ReferrerContactId = referrerContactId, AccountId = accountId }, ct);
    }
}
