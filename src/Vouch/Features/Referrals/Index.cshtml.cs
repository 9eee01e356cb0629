using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
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

    /// <summary>A referral's status in the reader's language; one Vouch does not know shows as it is.</summary>
    public static string StatusLabel(string status, IStringLocalizer<Strings> text) =>
        Enum.TryParse<ReferralStatus>(status, ignoreCase: true, out var known) ? known switch
        {
            ReferralStatus.New => text["New"],
            ReferralStatus.Contacted => text["Contacted"],
            ReferralStatus.Qualified => text["Qualified"],
            ReferralStatus.Opportunity => text["Opportunity"],
            ReferralStatus.Won => text["Won"],
            _ => text["Lost"],
        } : status;

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
