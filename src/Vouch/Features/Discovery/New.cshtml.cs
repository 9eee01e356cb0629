using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Discovery;

/// <summary>Nominating one contact, with a reason: from the candidate lists or the contact's page.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class NewModel(Nominations nominations, VouchDbContext db, IStringLocalizer<Strings> text) : PageModel
{
    public Contact Contact { get; private set; } = null!;
    public string? Account { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>Why the contact cannot be nominated, found on opening the form or on saving it.</summary>
    public Refusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid contactId, CancellationToken ct)
    {
        if (!await LoadAsync(contactId, ct))
        {
            return NotFound();
        }
        Refusal = await nominations.WhyNotNominated(Contact, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync([FromQuery] Guid contactId, [FromForm] string? reason, CancellationToken ct) =>
        this.SaveFormAsync(
            () => nominations.NominateAsync(new NominationInput(contactId, reason), ct),
            nomination => ($"/contacts/{nomination.ContactId}", text["{0} was nominated; the reference team decides.", nomination.Contact].Value),
            async refusal =>
            {
                if (!await LoadAsync(contactId, ct))
                {
                    return NotFound();
                }
                (Refusal, Reason) = (refusal, reason);
                return Page();
            });

    private async Task<bool> LoadAsync(Guid contactId, CancellationToken ct)
    {
        var found = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => new { Contact = c, Account = c.Account!.Name }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }
        (Contact, Account) = (found.Contact, found.Account);
        return true;
    }
}
