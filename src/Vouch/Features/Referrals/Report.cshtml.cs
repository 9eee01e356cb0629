using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Referrals;

/// <summary>The program's referrals: how many, at which stage, how many converted, and who brought the revenue.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class ReportModel(ReferralQueries queries) : PageModel
{
    public ReferralReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await queries.ReportAsync(ct);
}
