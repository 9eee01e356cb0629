using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Vouch.Features.Users;
using Vouch.Web;

namespace Vouch.Auth;

/// <summary>Identity's claims plus the display name the layout greets people with and the language they chose.</summary>
public sealed class VouchClaimsPrincipalFactory(
    UserManager<User> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        if (user.Language is { } language)
        {
            identity.AddClaim(new Claim(Languages.ClaimType, language));
        }
        return identity;
    }
}
