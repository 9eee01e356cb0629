using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.ActivityTypes;
using Vouch.Web;

namespace Vouch.Features.Contacts;

/// <summary>
/// Editing a contact's whole profile. A save over someone else's newer one is refused with the user's input kept in
/// the form, so nothing is lost silently either way.
/// </summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class EditModel(VouchDbContext db, ContactProfiles profiles) : PageModel
{
    [BindProperty]
    public ContactForm Form { get; set; } = new();
    public ContactFormView View { get; private set; } = null!;
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.FindContactAsync(id, withNotes: true, ct) is not { } contact)
        {
            return NotFound();
        }
        Form = ContactForm.From(contact);
        return await ShowAsync(id, new ValidationErrors(), conflict: false, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var errors = ModelState.BindingErrors();
        if (errors.IsEmpty)
        {
            var outcome = await profiles.UpdateAsync(id, Form.ToInput(), ct);
            if (outcome.NotFound)
            {
                return NotFound();
            }
            if (outcome.Contact is not null)
            {
                TempData["Notice"] = "The contact was saved.";
                return Redirect($"/contacts/{id}");
            }
            if (outcome.Stale)
            {
                return await ShowAsync(id, errors, conflict: true, ct);
            }
            errors = outcome.Errors;
        }
        return await ShowAsync(id, errors, conflict: false, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, ValidationErrors errors, bool conflict, CancellationToken ct)
    {
        var current = await db.Contacts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { Name = c.FirstName + " " + c.LastName, Account = c.Account!.Name })
            .SingleOrDefaultAsync(ct);
        if (current is null)
        {
            return NotFound();
        }
        (Id, Name) = (id, current.Name);
        View = new ContactFormView(Form, current.Account, await db.ListActivityTypesAsync(ct), errors, conflict);
        return Page();
    }
}
