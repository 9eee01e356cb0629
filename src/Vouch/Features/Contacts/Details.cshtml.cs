using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.ActivityTypes;
using Vouch.Resources;

namespace Vouch.Features.Contacts;

/// <summary>
/// A contact's advocate profile. Everyone in the company reads the story and fitness; the reference team also sees
/// the private notes and the history, records NPS answers and deletes; admins erase.
/// </summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(VouchDbContext db, ContactProfiles profiles, PersonalData personalData, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public ContactResponse Contact { get; private set; } = null!;
    public IReadOnlyList<ContactChange> History { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ActivityNames { get; private set; } = new Dictionary<string, string>();
    public bool IsManager { get; private set; }
    public bool IsAdmin { get; private set; }
    public Refusal? NpsRefusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostNpsAsync(Guid id, int? score, DateOnly? answeredOn, string? comment, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var added = await profiles.AddNpsAnswerAsync(id, new NpsAnswerInput(score, answeredOn, comment), ct);
        if (added.Succeeded)
        {
            TempData["Notice"] = text["The NPS answer {0} was recorded.", added.Value.Score].Value;
            return Redirect($"/contacts/{id}");
        }
        if (added.Refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        NpsRefusal = added.Refusal;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        if (!(await profiles.DeleteAsync(id, ct)).Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = text["The contact was deleted. Undo it from Recently deleted."].Value;
        return Redirect("/accounts/deleted");
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.Administer))
        {
            return Forbid();
        }
        if (!(await personalData.EraseAsync(id, ct)).Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = text["The contact's personal data was erased."].Value;
        return Redirect($"/contacts/{id}");
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        IsManager = await user.MayAsync(Policies.ManageInventory);
        IsAdmin = await user.MayAsync(Policies.Administer);
        if (await db.FindContactAsync(id, IsManager, ct) is not { } contact)
        {
            return NotFound();
        }
        Contact = contact;
        ActivityNames = (await db.ListActivityTypesAsync(ct)).ToDictionary(t => t.Key, t => t.Name);
        // The history holds the notes' old values, so it is the reference team's too.
        if (IsManager)
        {
            History = await db.HistoryAsync(id, ct);
        }
        return Page();
    }
}
