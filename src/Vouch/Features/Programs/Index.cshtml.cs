using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Programs;

/// <summary>The program dashboard: the same figures as <c>GET /api/v1/program/dashboard</c>, drawn as charts.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class IndexModel(ProgramDashboard dashboard) : PageModel
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public ProgramDashboardResponse? Figures { get; private set; }
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public ValidationErrors Errors { get; } = new();

    public async Task OnGetAsync([FromQuery] string? from, [FromQuery] string? to, CancellationToken ct)
    {
        var period = new ProgramPeriod { From = from, To = to };
        var range = period.Resolve(dashboard.Today, Errors) ?? new ProgramPeriod().Resolve(dashboard.Today, new ValidationErrors())!;
        Figures = await dashboard.FiguresAsync(range, ct);
        (From, To) = (Figures.From, Figures.To);
    }

    /// <summary>A figure as the chart script reads it from the canvas's data attribute.</summary>
    public static string ChartData(Figure figure) => JsonSerializer.Serialize(new { figure.Key, figure.Chart, figure.Labels, figure.Series }, s_json);

    public static string Value(FigureNumber number) => ReportFormat.Value(number.Value, number.Unit);
}
