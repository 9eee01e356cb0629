using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Offers;

/// <summary>The offer catalogue: every employee reads it; the program team adds, opens and closes offers.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class IndexModel(OfferQueries queries, CurrentUser user) : PageModel
{
    public IReadOnlyList<OfferResponse> Offers { get; private set; } = [];
    public OfferState? State { get; private set; }
    public bool MayManage { get; private set; }

    public async Task OnGetAsync(string? state, CancellationToken ct)
    {
        State = EnumText.ParseOrNull<OfferState>(state);
        MayManage = await user.MayAsync(OffersModule.ManageOffers);
        Offers = await queries.ListAsync(State, ct);
    }
}
