using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Programs;

/// <summary>The records behind one figure of the dashboard, as <c>GET /api/v1/program/figures/{figure}/records</c> lists them.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class FigureModel(ProgramDashboard dashboard, FigureRecordsReader reader) : PageModel
{
    public const int PageSize = 50;

    public FigureRecords Records { get; private set; } = null!;

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task<IActionResult> OnGetAsync(string figure, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] int? page, CancellationToken ct)
    {
        if (!ProgramDashboard.IsFigure(figure))
        {
            return NotFound();
        }
        var range = new ProgramPeriod { From = from, To = to }.Resolve(dashboard.Today, new ValidationErrors())
            ?? new ProgramPeriod().Resolve(dashboard.Today, new ValidationErrors())!;
        Records = await reader.ListAsync(figure, range, (Math.Max(1, page ?? 1) - 1) * PageSize, PageSize, ct);
        return Page();
    }
}
