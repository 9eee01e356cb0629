using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Users;
using Vouch.Resources;

namespace Vouch.Features.Email;

/// <summary>The signed-in user's own settings: their language, and whether their notifications also come by email.</summary>
public sealed class SettingsModel(
    VouchDbContext db, EmailSettings settings, CurrentUser user, UserLanguages languages, IStringLocalizer<Strings> text) : PageModel
{
    public bool EmailNotifications { get; private set; }
    public string Email { get; private set; } = "";
    public string? Language { get; private set; }
    public bool EmailConfigured => settings.IsConfigured;
    public bool Saved => TempData["Saved"] is true;
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Show(await MeAsync(ct));

    /// <summary>
    /// Saves both settings and shows the page again from a redirect: the request came in the old language, the next
    /// one comes in the new.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(bool emailNotifications, string? language, CancellationToken ct)
    {
        var me = await MeAsync(ct);
        if (!ModelState.IsValid)
        {
            // Only the form's own values (true, false) are accepted; anything else changes nothing.
            Error = text["Email notifications must be on or off."];
            Show(me);
            return Page();
        }
        me.EmailNotifications = emailNotifications;
        await db.SaveChangesAsync(ct);
        var chosen = await languages.ChooseAsync(user.Id, language, ct);
        if (!chosen.Succeeded)
        {
            Error = chosen.Refusal.Message;
            Show(me);
            return Page();
        }
        TempData["Saved"] = true;
        return RedirectToPage();
    }

    private Task<User> MeAsync(CancellationToken ct) => db.Users.SingleAsync(u => u.Id == user.Id, ct);

    private void Show(User me) => (EmailNotifications, Email, Language) = (me.EmailNotifications, me.Email ?? "", me.Language);
}
