using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Vouch.Auth;
using Vouch.Features.Users;

namespace Vouch.Features.Identity;

[AllowAnonymous]
[EnableRateLimiting(AuthServiceCollectionExtensions.SignInRateLimit)]
public sealed class SignInModel(SignInManager<User> signIn, UserManager<User> users, SingleSignOnAvailability sso) : PageModel
{
    public string? Message { get; private set; }
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";
    public SingleSignOnSettings? SingleSignOn => sso.Settings;

    public void OnGet(string? returnUrl, string? error)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        Message = error;
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        Email = email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Message = "Enter your email and password.";
            return Page();
        }
        var user = await users.FindByEmailAsync(email.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var home = await users.IsInRoleAsync(user!, Roles.Advocate) && ReturnUrl == "/" ? "/portal" : ReturnUrl;
            return LocalRedirect(home);
        }
        Message = result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes."
            : "The email or password is not right, or the account is disabled.";
        return Page();
    }

    /// <summary>Starts single sign-on; the identity provider returns to <see cref="ExternalCallbackModel"/>.</summary>
    public IActionResult OnPostExternal(string? returnUrl)
    {
        if (sso.Settings is null)
        {
            return NotFound();
        }
        var properties = signIn.ConfigureExternalAuthenticationProperties(
            SingleSignOnSettings.Scheme, Url.Page("/Identity/ExternalCallback", new { returnUrl = SafeReturnUrl(returnUrl) }));
        return Challenge(properties, SingleSignOnSettings.Scheme);
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
