using System.Security.Claims;
using Vouch.Auth;
using Vouch.Features.Users;

namespace Vouch.Features.Ideas;

/// <summary>
/// Who is looking at the idea exchange: employees see the demand and the accounts behind an idea, managers also see
/// hidden ideas and change them.
/// </summary>
public sealed record Viewer(Guid UserId, bool IsEmployee, bool IsManager)
{
    public static Viewer Of(ClaimsPrincipal principal) => new(
        principal.UserId(),
        Policies.RolesByPolicy[Policies.ReadInventory].Any(principal.IsInRole),
        Policies.RolesByPolicy[IdeasModule.ManageIdeas].Any(principal.IsInRole));
}
