using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Requests;

namespace Vouch.Features.SupplyDemand;

[Authorize(Policy = Policies.ReadReports)]
public sealed class IndexModel(VouchDbContext db, AdvocateSnapshot advocates, MarketSnapshot market, TimeProvider clock) : PageModel
{
    /// <summary>The page shows this many cells and forecast rows, the largest gaps first; the API returns every one.</summary>
    public const int ShownRows = 100;

    public ReportPeriod Period { get; private set; } = new();
    public SupplyDemandReport? Report { get; private set; }
    public ValidationErrors? Errors { get; private set; }

    /// <summary>The largest demand in the table: the full length of a bar.</summary>
    public int Scale { get; private set; }

    public async Task OnGetAsync([FromQuery] ReportPeriod period, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ValidationErrors();
        period.Validate(today, errors);
        var (from, to) = period.Resolve(today);
        Period = new ReportPeriod { From = from, To = to };
        if (!errors.IsEmpty)
        {
            Errors = errors;
            return;
        }
        Report = await db.ReportAsync(advocates, market, from, to, today, SupplyDemandEndpoints.DefaultAsksPerQuarter, ct);
        Scale = Math.Max(1, Report.Cells.Select(c => c.Demand).DefaultIfEmpty(0).Max());
    }
}
