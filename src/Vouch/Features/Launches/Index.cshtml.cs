using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Launches;

/// <summary>The launches and a form to plan one: product, day, segments and the references needed.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class IndexModel(LaunchPlanner planner, VouchDbContext db, CurrentUser user, IStringLocalizer<Strings> text)
    : PageModel
{
    /// <summary>The form offers this many target rows; the API takes any number.</summary>
    public const int TargetRows = 4;

    public Paged<LaunchSummary> Launches { get; private set; } = null!;
    public IReadOnlyList<(string Key, string Name)> Products { get; private set; } = [];
    public IReadOnlyList<(string Key, string Name)> Activities { get; private set; } = [];
    public bool MayPlan { get; private set; }
    public Refusal? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(null, ct);

    public async Task<IActionResult> OnPostAsync(
        string? name, string? product, DateOnly? date, string[]? segments, string[]? targetSegment, string[]? targetActivity, int?[]? targetNeeded,
        CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var rows = targetSegment ?? [];
        var targets = rows.Select((segment, i) => new LaunchTargetInput(segment,
                targetActivity is not null && i < targetActivity.Length ? targetActivity[i] : null,
                targetNeeded is not null && i < targetNeeded.Length ? targetNeeded[i] : null))
            // Rows left blank are not targets.
            .Where(t => !string.IsNullOrWhiteSpace(t.Segment) || !string.IsNullOrWhiteSpace(t.ActivityType) || t.Needed is not null)
            .ToList();
        return await this.SaveFormAsync(
            () => planner.CreateAsync(new LaunchInput(name, product, date, segments ?? [], targets), ct),
            launch => ($"/program/launches/{launch.Id}", text["{0} is planned.", launch.Name].Value),
            refusal => ShowAsync(refusal, ct));
    }

    private async Task<IActionResult> ShowAsync(Refusal? refusal, CancellationToken ct)
    {
        Refusal = refusal;
        Launches = await planner.ListAsync(new PageQuery(), ct);
        MayPlan = await user.MayAsync(Policies.ManageInventory);
        Products = [.. (await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Key, p.Name }).ToListAsync(ct)).Select(p => (p.Key, p.Name))];
        Activities = [.. (await db.ActivityTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).Select(t => new { t.Key, t.Name }).ToListAsync(ct))
            .Select(t => (t.Key, t.Name))];
        return Page();
    }
}
