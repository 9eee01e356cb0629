using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Features.Users;
using Vouch.Resources;

namespace Vouch.Features.Portal;

/// <summary>Where the link in an invitation lands: the advocate chooses a password and is signed in to the portal.</summary>
[AllowAnonymous]
[EnableRateLimiting(AuthServiceCollectionExtensions.SignInRateLimit)]
public sealed class WelcomeModel(
    PortalInvitations invitations, SignInManager<User> signIn, SingleSignOnAvailability sso, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public InvitationWelcome? Invited { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<string> PasswordErrors { get; private set; } = [];
    public SingleSignOnSettings? SingleSignOn => sso.Settings;

    public async Task OnGetAsync(CancellationToken ct) => await OpenAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? password, CancellationToken ct)
    {
        var accepted = await invitations.AcceptAsync(Token, password, ct);
        if (accepted.Succeeded)
        {
            await signIn.SignInAsync(accepted.Value, isPersistent: false);
            TempData["Notice"] = text["Welcome! Your password is set; from now on you sign in with your email and it."].Value;
            return LocalRedirect("/portal");
        }
        await OpenAsync(ct);
        if (accepted.Refusal.Errors?.TryGetValue("password", out var errors) == true)
        {
            PasswordErrors = errors;
        }
        else
        {
            Problem = accepted.Refusal.Message;
        }
        return Page();
    }

    private async Task OpenAsync(CancellationToken ct)
    {
        var opened = await invitations.OpenAsync(Token, ct);
        Invited = opened.Succeeded ? opened.Value : null;
        Problem = opened.Succeeded ? null : opened.Refusal.Message;
    }
}
