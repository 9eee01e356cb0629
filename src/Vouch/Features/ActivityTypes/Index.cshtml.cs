using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;

namespace Vouch.Features.ActivityTypes;

/// <summary>Admins tune what each activity costs an advocate and how long they rest after it, retire types and add new ones.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(VouchDbContext db, IStringLocalizer<Strings> text) : PageModel
{
    public IReadOnlyList<ActivityTypeResponse> Types { get; private set; } = [];
    public string? EditedKey { get; private set; }

    /// <summary>Why the last change was not saved.</summary>
    public Refusal? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Types = await db.ListActivityTypesAsync(ct);

    public async Task<IActionResult> OnPostAsync(
        string key, string? name, decimal? effortHours, int? restPeriodDays, List<string>? socialCapitalOffered, bool isActive, Guid? version, CancellationToken ct)
    {
        var saved = await db.UpdateActivityTypeAsync(key, new ActivityTypeInput(null, name, effortHours, restPeriodDays, socialCapitalOffered, isActive, version), ct);
        if (saved.Succeeded)
        {
            TempData["Notice"] = text["{0} was saved.", saved.Value.Name].Value;
            return Redirect("/activity-types");
        }
        return saved.Refusal.Kind == RefusalKind.NotFound ? NotFound() : await RefuseAsync(key, saved.Refusal, ct);
    }

    public async Task<IActionResult> OnPostAddAsync(string? key, string? name, decimal? effortHours, int? restPeriodDays, CancellationToken ct)
    {
        var added = await db.AddActivityTypeAsync(new ActivityTypeInput(key, name, effortHours, restPeriodDays, [], true, null), ct);
        if (!added.Succeeded)
        {
            return await RefuseAsync("", added.Refusal, ct);
        }
        TempData["Notice"] = text["{0} was added.", added.Value.Name].Value;
        return Redirect("/activity-types");
    }

    private async Task<IActionResult> RefuseAsync(string editedKey, Refusal refusal, CancellationToken ct)
    {
        (EditedKey, Refusal) = (editedKey, refusal);
        await OnGetAsync(ct);
        return Page();
    }
}
