using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Portal;

/// <summary>A contact's way into the portal: their login, the invitations sent, and a new one.</summary>
public sealed class AccessModel(VouchDbContext db, PortalInvitations invitations) : PageModel
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
            TempData["Notice"] = $"Invitation sent to {invited.Value.Email}; the link works until {invited.Value.ExpiresAt.UtcDateTime:d MMMM yyyy}.";
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
