using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.ProgramPolicies;

/// <summary>The program's policies: executives read them, reference managers and admins change them; the exceptions counted.</summary>
[Authorize(Policy = Auth.Policies.ReadReports)]
public sealed class IndexModel(PolicyRegister policies, PolicyExceptions exceptions, VouchDbContext db, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public sealed record ActivityRow(string Key, string Name, string? MinimumStage, decimal? MinimumDealSize);

    public PolicyResponse Current { get; private set; } = null!;
    public IReadOnlyList<ActivityRow> Activities { get; private set; } = [];
    public ExceptionCounts Counts { get; private set; } = null!;
    public bool MayChange { get; private set; }
    public Refusal? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(null, ct);

    public async Task<IActionResult> OnPostAsync(
        string[]? activityType, string[]? minimumStage, decimal?[]? minimumDealSize, bool logoNeedsWrittenConsent, int? caseStudyReapprovalMonths,
        Guid? version, CancellationToken ct)
    {
        if (!await user.MayAsync(Auth.Policies.ManageInventory))
        {
            return Forbid();
        }
        var keys = activityType ?? [];
        var rules = keys.Select((key, i) => new ActivityRuleInput(key,
            minimumStage is not null && i < minimumStage.Length && !string.IsNullOrWhiteSpace(minimumStage[i]) ? minimumStage[i] : null,
            minimumDealSize is not null && i < minimumDealSize.Length ? minimumDealSize[i] : null))
            .Where(r => r.MinimumStage is not null || r.MinimumDealSize is not null)
            .ToList();
        var input = new PolicyInput(rules, logoNeedsWrittenConsent, caseStudyReapprovalMonths, version);
        return await this.SaveFormAsync(
            () => policies.UpdateAsync(input, ct),
            _ => ("/program/policies", text["The policies were saved."].Value),
            refusal => ShowAsync(refusal, ct));
    }

    private async Task<IActionResult> ShowAsync(Refusal? refusal, CancellationToken ct)
    {
        Refusal = refusal;
        Current = await policies.GetAsync(ct);
        Counts = await exceptions.CountsAsync(ct);
        MayChange = await user.MayAsync(Auth.Policies.ManageInventory);
        var rules = Current.Activities.ToDictionary(a => a.ActivityType);
        Activities = [.. (await db.ActivityTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).Select(t => new { t.Key, t.Name }).ToListAsync(ct))
            .Select(t => new ActivityRow(t.Key, t.Name, rules.GetValueOrDefault(t.Key)?.MinimumStage, rules.GetValueOrDefault(t.Key)?.MinimumDealSize))];
        return Page();
    }
}
