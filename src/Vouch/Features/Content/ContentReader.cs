using Vouch.Auth;

namespace Vouch.Features.Content;

/// <summary>
/// Who is looking at the library: reference managers and admins see and change content in every state; other
/// employees see only what may be used today (approved, not expired, under its use limit).
/// </summary>
public sealed record ContentReader(Guid UserId, bool IsManager)
{
    public static async Task<ContentReader> OfAsync(CurrentUser user) => new(user.Id, await user.MayAsync(Policies.ManageInventory));
}
