using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Data;

namespace Vouch.Features.ActivityTypes;

/// <summary>Admins tune what each activity costs an advocate and how long they rest after it, retire types and add new ones.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(VouchDbContext db) : PageModel
{
    public IReadOnlyList<ActivityTypeResponse> Types { get; private set; } = [];
    public string? EditedKey { get; private set; }
    public ValidationErrors Errors { get; private set; } = new();
    public bool Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Types = await db.ListActivityTypesAsync(ct);

    public async Task<IActionResult> OnPostAsync(
        string key, string? name, decimal? effortHours, int? restPeriodDays, List<string>? socialCapitalOffered, bool isActive, Guid? version, CancellationToken ct)
    {
        var (type, errors, stale) = await db.UpdateActivityTypeAsync(key, new ActivityTypeInput(null, name, effortHours, restPeriodDays, socialCapitalOffered, isActive, version), ct);
        if (type is not null)
        {
            TempData["Notice"] = $"{type.Name} was saved.";
            return Redirect("/activity-types");
        }
        if (errors.IsEmpty && !stale)
        {
            return NotFound();
        }
        (EditedKey, Errors, Conflict) = (key, errors, stale);
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string? key, string? name, decimal? effortHours, int? restPeriodDays, CancellationToken ct)
    {
        var (type, errors, _) = await db.AddActivityTypeAsync(new ActivityTypeInput(key, name, effortHours, restPeriodDays, [], true, null), ct);
        if (type is null)
        {
            (EditedKey, Errors) = ("", errors);
            await OnGetAsync(ct);
            return Page();
        }
        TempData["Notice"] = $"{type.Name} was added.";
        return Redirect("/activity-types");
    }
}
