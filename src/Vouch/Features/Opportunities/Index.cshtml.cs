using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;

namespace Vouch.Features.Opportunities;

/// <summary>Open deals: a seller's own, or everyone's for managers and executives; where a reference is asked for.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(VouchDbContext db, CurrentUser user) : PageModel
{
    public const int Shown = 100;

    public sealed record Row(Guid Id, string Name, string Account, decimal Amount, string Stage, DateOnly CloseDate, string? Owner);

    public IReadOnlyList<Row> Opportunities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var access = await OpportunityAccess.OfAsync(user);
        Opportunities = await access.Visible(db.Opportunities.AsNoTracking()).Where(o => !o.IsClosed).OrderBy(o => o.CloseDate).ThenBy(o => o.Id).Take(Shown)
            .Select(o => new Row(o.Id, o.Name, o.Account!.Name, o.Amount, o.Stage, o.CloseDate, o.Owner == null ? null : o.Owner.DisplayName))
            .ToListAsync(ct);
    }
}
