using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;

namespace Vouch.Features.Programs;

/// <summary>The monthly executive report, printable; the same as <c>GET /api/v1/program/report</c> and its PDF.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class ReportModel(ExecutiveReport report, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public ExecutiveReportResponse Report { get; private set; } = null!;
    public bool Subscribed { get; private set; }
    public string? MonthError { get; private set; }

    public async Task OnGetAsync([FromQuery] string? month, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var first = ProgramPeriod.ParseMonth("month", month, errors) ?? report.LastMonth;
        MonthError = errors.IsEmpty ? null : string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value));
        Report = await report.ForAsync(first, ct);
        Subscribed = await report.IsSubscribedAsync(user.Id, ct);
    }

    public async Task<IActionResult> OnPostSubscribeAsync([FromForm] bool subscribed, [FromQuery] string? month, CancellationToken ct)
    {
        await report.SubscribeAsync(user.Id, new ReportSubscriptionInput(subscribed), ct);
        TempData["Notice"] = (subscribed ? text["You will get this report by email each month."] : text["You will no longer get this report by email."]).Value;
        return RedirectToPage(new { month });
    }
}
