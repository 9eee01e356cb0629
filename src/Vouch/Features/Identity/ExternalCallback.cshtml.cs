using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Features.Users;

namespace Vouch.Features.Identity;

/// <summary>
/// Where single sign-on returns. The person is signed in when a user with their email exists and is
/// enabled (the first time, the SSO login is linked to that user); nobody is created here.
/// </summary>
[AllowAnonymous]
public sealed class ExternalCallbackModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var login = await signIn.GetExternalLoginInfoAsync();
        if (login is null)
        {
            return RedirectToPage("/Identity/SignIn", new { error = "Single sign-on did not complete; try again." });
        }
        var result = await signIn.ExternalLoginSignInAsync(login.LoginProvider, login.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded)
        {
            return LocalRedirect(target);
        }
        var email = login.Principal.FindFirstValue(ClaimTypes.Email) ?? login.Principal.FindFirstValue("email");
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled)
        {
            return RedirectToPage("/Identity/SignIn", new { error = "Your single sign-on account has no Vouch user; ask an admin to add you." });
        }
        await users.AddLoginAsync(user, login);
        await signIn.SignInAsync(user, isPersistent: false, login.LoginProvider);
        return LocalRedirect(target);
    }
}
