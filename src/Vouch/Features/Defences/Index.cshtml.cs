using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Defences;

/// <summary>The defences logged, latest first: every employee reads them; the reference team logs them.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(DefenceLog log, CurrentUser user) : PageModel
{
    public Paged<DefenceSummary> Results { get; private set; } = new([], 0, 1, 25);
    public bool MayManage { get; private set; }

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] PageQuery query, CancellationToken ct)
    {
        MayManage = await user.MayAsync(Policies.ManageInventory);
        var errors = new ValidationErrors();
        query.Validate(errors);
        Results = await log.ListAsync(errors.IsEmpty ? query with { PageSize = 25 } : new PageQuery { PageSize = 25 }, ct);
    }
}
