using System.Security.Claims;
using Vouch.Auth;
using Vouch.Features.Users;

namespace Vouch.Features.Content;

/// <summary>
/// Who is looking at the library: reference managers and admins see and change content in every state; other
/// employees see only what may be used today (approved, not expired, under its use limit).
/// </summary>
public sealed record ContentReader(Guid UserId, bool IsManager)
{
    public static ContentReader Of(ClaimsPrincipal principal) =>
        new(principal.UserId(), Policies.RolesByPolicy[Policies.ManageInventory].Any(principal.IsInRole));
}
