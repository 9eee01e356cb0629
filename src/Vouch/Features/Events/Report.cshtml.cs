using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Events;

/// <summary>How many prospects who came to events became customers within the window, and the revenue that followed.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class ReportModel(EventReport report) : PageModel
{
    public EventConversionReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await report.ConversionAsync(ct);
}
