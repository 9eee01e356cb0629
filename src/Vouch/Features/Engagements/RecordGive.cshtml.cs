using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Engagements;

/// <summary>The reference team records a give made by hand (an introduction, a seat); the contact's page holds the form too.</summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class RecordGiveModel(VouchDbContext db, LedgerEntries entries, IStringLocalizer<Strings> text) : PageModel
{
    public Guid ContactId { get; private set; }
    public string ContactName { get; private set; } = "";
    public GiveInput? Typed { get; private set; }
    public Refusal? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostAsync(Guid id, string? title, decimal? creditHours, DateOnly? on, CancellationToken ct)
    {
        var typed = new GiveInput(title, creditHours, on);
        return this.SaveFormAsync(
            () => entries.RecordGiveAsync(id, typed, ct),
            give => ($"/contacts/{id}#asks-and-gives", text["The give \"{0}\" ({1} h) was recorded.", give.What, give.Hours.ToString("0.##")].Value),
            async refusal =>
            {
                (Typed, Refusal) = (typed, refusal);
                return await ShowAsync(id, ct);
            });
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.FirstName, c.LastName }).SingleOrDefaultAsync(ct);
        if (contact is null)
        {
            return NotFound();
        }
        (ContactId, ContactName) = (id, $"{contact.FirstName} {contact.LastName}");
        return Page();
    }
}
