using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Data;
using Vouch.Resources;

namespace Vouch.Features.Portal;

/// <summary>A contact's way into the portal: their login, the invitations sent, and a new one.</summary>
public sealed class AccessModel(VouchDbContext db, PortalInvitations invitations, IStringLocalizer<Strings> text) : PageModel
{
    public sealed record Sent(DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt);

    public Guid ContactId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Email { get; private set; }

    /// <summary>Whether the contact has a login they can sign in with (a password set).</summary>
    public bool SignsIn { get; private set; }
    public IReadOnlyList<Sent> Invitations { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var invited = await invitations.InviteAsync(id, ct);
        if (invited.Succeeded)
        {
            TempData["Notice"] = text["Invitation sent to {0}; the link works until {1}.", invited.Value.Email, invited.Value.ExpiresAt.UtcDateTime.ToString(text["d MMMM yyyy"])].Value;
            return RedirectToPage(new { id });
        }
        if (invited.Refusal.Kind == RefusalKind.NotFound || !await ShowAsync(id, ct))
        {
            return NotFound();
        }
        Error = invited.Refusal.Message;
        return Page();
    }

    private async Task<bool> ShowAsync(Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email }).SingleOrDefaultAsync(ct);
        if (contact is null)
        {
            return false;
        }
        (ContactId, Name, Email) = (contact.Id, $"{contact.FirstName} {contact.LastName}", contact.Email);
        SignsIn = await db.Users.AnyAsync(u => u.ContactId == id && u.PasswordHash != null, ct);
        Invitations = await db.Set<AdvocateInvitation>().AsNoTracking().Where(i => i.ContactId == id)
            .OrderByDescending(i => i.CreatedAt).Take(10)
            .Select(i => new Sent(i.CreatedAt, i.ExpiresAt, i.AcceptedAt)).ToListAsync(ct);
        return true;
    }
}
