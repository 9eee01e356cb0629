using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Reviews;

/// <summary>The review campaigns with their progress: every employee reads them; the reference team runs them.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(ReviewQueries queries, CurrentUser user) : PageModel
{
    public Paged<ReviewCampaignResponse> Results { get; private set; } = new([], 0, 1, 25);
    public bool MayManage { get; private set; }

    /// <summary>A campaign's or an invitation's state in the reader's language; one Vouch does not know shows as it is.</summary>
    public static string StateLabel(string state, IStringLocalizer<Strings> text) => state switch
    {
        "Upcoming" => text["Upcoming"],
        "Running" => text["Running"],
        "Ended" => text["Ended"],
        nameof(InvitationState.Invited) => text["Invited"],
        nameof(InvitationState.Reminded) => text["Reminded"],
        nameof(InvitationState.Reviewed) => text["Reviewed"],
        nameof(InvitationState.Verified) => text["Verified"],
        nameof(InvitationState.Withdrawn) => text["Withdrawn"],
        _ => state,
    };

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] PageQuery query, CancellationToken ct)
    {
        MayManage = await user.MayAsync(Policies.ManageInventory);
        var errors = new ValidationErrors();
        query.Validate(errors);
        Results = await queries.ListAsync(errors.IsEmpty ? query with { PageSize = 25 } : new PageQuery { PageSize = 25 }, ct);
    }
}
