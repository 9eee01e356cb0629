using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Requests;

/// <summary>What references did for revenue: the same report as <c>GET /api/v1/reports/references</c>.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class ReportModel(ReferenceReports reports) : PageModel
{
    public ReferenceReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await reports.ReadAsync(ct);

    /// <summary>A win rate as people say it: "67%", or a dash when there were no deals to count.</summary>
    public static string Rate(double? rate) => rate is { } r ? r.ToString("P0", System.Globalization.CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "–";
}
