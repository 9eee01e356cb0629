using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.ActivityTypes;
using Vouch.Web;

namespace Vouch.Features.Contacts;

/// <summary>Adding a contact to an account, from the account's page.</summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class NewModel(VouchDbContext db, ContactProfiles profiles) : PageModel
{
    [BindProperty]
    public ContactForm Form { get; set; } = new();
    public ContactFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? account, CancellationToken ct)
    {
        Form = new ContactForm { AccountId = account };
        return await ShowAsync(new ValidationErrors(), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = ModelState.BindingErrors();
        if (errors.IsEmpty)
        {
            var outcome = await profiles.CreateAsync(Form.ToInput(), ct);
            if (outcome.Contact is { } contact)
            {
                TempData["Notice"] = "The contact was added.";
                return Redirect($"/contacts/{contact.Id}");
            }
            errors = outcome.Errors;
        }
        return await ShowAsync(errors, ct);
    }

    private async Task<IActionResult> ShowAsync(ValidationErrors errors, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == Form.AccountId).Select(a => a.Name).SingleOrDefaultAsync(ct);
        if (account is null)
        {
            // A contact is added from its account's page, which names the account.
            return Redirect("/accounts");
        }
        View = new ContactFormView(Form, account, await db.ListActivityTypesAsync(ct), errors, Conflict: false);
        return Page();
    }
}
