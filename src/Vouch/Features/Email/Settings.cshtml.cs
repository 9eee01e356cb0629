using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Users;

namespace Vouch.Features.Email;

/// <summary>The signed-in user's own settings: for now, whether their notifications also come by email.</summary>
public sealed class SettingsModel(VouchDbContext db, EmailSettings settings, CurrentUser user) : PageModel
{
    public bool EmailNotifications { get; private set; }
    public string Email { get; private set; } = "";
    public bool EmailConfigured => settings.IsConfigured;
    public bool Saved { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Show(await MeAsync(ct));

    public async Task OnPostAsync(bool emailNotifications, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        if (!ModelState.IsValid)
        {
            // Only the form's own values (true, false) are accepted; anything else changes nothing.
            Error = "Email notifications must be on or off.";
            Show(me);
            return;
        }
        me.EmailNotifications = emailNotifications;
        await db.SaveChangesAsync(ct);
        Saved = true;
        Show(me);
    }

    private Task<User> MeAsync(CancellationToken ct) => db.Users.SingleAsync(u => u.Id == user.Id, ct);

    private void Show(User me) => (EmailNotifications, Email) = (me.EmailNotifications, me.Email ?? "");
}
