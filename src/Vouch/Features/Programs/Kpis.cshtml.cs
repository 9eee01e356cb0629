using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;

namespace Vouch.Features.Programs;

/// <summary>One row of the KPI form: the target as typed, so a word in it is refused with its reason, not lost.</summary>
public sealed class KpiRow
{
    public string? Measure { get; set; }
    public string? Name { get; set; }
    public string? Target { get; set; }
    public bool HigherIsBetter { get; set; } = true;
}

/// <summary>The program's five KPIs: where each stands, and for reference managers and admins the form that sets them.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class KpisModel(ProgramKpis kpis, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public KpisResponse Status { get; private set; } = null!;
    public bool MaySet { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty]
    public List<KpiRow> Form { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var defined = await kpis.DefinedAsync(ct);
        Form = [.. defined.Select(k => new KpiRow
        {
            Measure = k.Measure, Name = k.Name, Target = k.Target.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), HigherIsBetter = k.HigherIsBetter,
        })];
        await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var errors = new ValidationErrors();
        var rows = Form.Where(r => !string.IsNullOrWhiteSpace(r.Measure)).ToList();
        var input = new List<KpiInput>();
        for (var i = 0; i < rows.Count; i++)
        {
            decimal? target = null;
            if (decimal.TryParse(rows[i].Target, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                target = parsed;
            }
            else if (!string.IsNullOrWhiteSpace(rows[i].Target))
            {
                errors.Add($"kpis[{i}].target", $"target must be a number; '{rows[i].Target}' is not.");
            }
            input.Add(new KpiInput(rows[i].Measure, rows[i].Name, target, rows[i].HigherIsBetter));
        }
        var result = errors.IsEmpty ? await kpis.SetAsync(new KpisInput(input), ct) : Refusal.Invalid(errors);
        if (!result.Succeeded)
        {
            Errors = result.Refusal.Errors ?? new Dictionary<string, string[]> { [""] = [result.Refusal.Detail ?? result.Refusal.Title] };
            await ShowAsync(ct);
            return Page();
        }
        TempData["Notice"] = text["The KPIs were saved."].Value;
        return RedirectToPage();
    }

    /// <summary>Where a KPI stands, as <see cref="ReportFormat.Standing"/> says it in English, in the reader's language.</summary>
    public static string Standing(KpiStatus kpi, IStringLocalizer<Strings> text) => kpi.OnTrack switch
    {
        true => text["on track"],
        false => text["off track"],
        null => text["not measured yet"],
    };

    /// <summary>A KPI's trend, as <see cref="ReportFormat.Trend"/> says it in English, in the reader's language.</summary>
    public static string Trend(KpiStatus kpi, IStringLocalizer<Strings> text) => (kpi.Trend, kpi.Improving) switch
    {
        ("up", true) => text["up, improving"],
        ("up", false) => text["up, worsening"],
        ("up", null) => text["up"],
        ("down", true) => text["down, improving"],
        ("down", false) => text["down, worsening"],
        ("down", null) => text["down"],
        ("flat", _) => text["flat"],
        _ => ReportFormat.Trend(kpi),
    };

    private async Task ShowAsync(CancellationToken ct)
    {
        MaySet = await user.MayAsync(Policies.ManageInventory);
        Status = await kpis.StatusAsync(ct);
        while (Form.Count < ProgramMeasures.MaxKpis)
        {
            Form.Add(new KpiRow());
        }
    }
}
