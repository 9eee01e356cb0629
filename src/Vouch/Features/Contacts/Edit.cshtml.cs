using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.ActivityTypes;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Contacts;

/// <summary>
/// Adding a contact to an account (no id, from the account's page) or editing a contact's whole profile. A save over
/// someone else's newer one is refused with the user's input kept in the form, so nothing is lost silently either way.
/// </summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class EditModel(VouchDbContext db, ContactProfiles profiles, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public ContactForm Form { get; set; } = new();
    public ContactFormView View { get; private set; } = null!;
    public Guid? Id { get; private set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid? id, [FromQuery] Guid? account, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await db.FindContactAsync(existing, withNotes: true, ct) is not { } contact)
            {
                return NotFound();
            }
            Form = ContactForm.From(contact);
        }
        else
        {
            Form = new ContactForm { AccountId = account };
        }
        return await ShowAsync(id, refusal: null, ct);
    }

    public Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct) => this.SaveFormAsync(
        () => id is { } existing ? profiles.UpdateAsync(existing, Form.ToInput(), ct) : profiles.CreateAsync(Form.ToInput(), ct),
        contact => ($"/contacts/{contact.Id}", (id is null ? text["The contact was added."] : text["The contact was saved."]).Value),
        refusal => ShowAsync(id, refusal, ct));

    private async Task<IActionResult> ShowAsync(Guid? id, Refusal? refusal, CancellationToken ct)
    {
        string? account;
        if (id is { } existing)
        {
            var current = await db.Contacts.AsNoTracking().Where(c => c.Id == existing)
                .Select(c => new { Name = c.FirstName + " " + c.LastName, Account = c.Account!.Name })
                .SingleOrDefaultAsync(ct);
            if (current is null)
            {
                return NotFound();
            }
            (Name, account) = (current.Name, current.Account);
        }
        else
        {
            account = await db.Accounts.AsNoTracking().Where(a => a.Id == Form.AccountId).Select(a => a.Name).SingleOrDefaultAsync(ct);
            if (account is null)
            {
                // A contact is added from its account's page, which names the account.
                return Redirect("/accounts");
            }
        }
        Id = id;
        View = new ContactFormView(Form, account, await db.ListActivityTypesAsync(ct), refusal);
        return Page();
    }
}
