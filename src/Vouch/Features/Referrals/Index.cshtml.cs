using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vouch.Features.Referrals;

public sealed class IndexModel(ReferralIntake referrals) : PageModel
{
    public IReadOnlyList<ReferralResponse> Referrals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Referrals = await referrals.ListAsync(null, ct);
}
