using Vouch.Auth;

namespace Vouch.Features.Ideas;

/// <summary>
/// Who is looking at the idea exchange: employees see the demand and the accounts behind an idea, managers also see
/// hidden ideas and change them.
/// </summary>
public sealed record Viewer(Guid UserId, bool IsEmployee, bool IsManager)
{
    public static async Task<Viewer> OfAsync(CurrentUser user) =>
        new(user.Id, await user.MayAsync(Policies.ReadInventory), await user.MayAsync(IdeasModule.ManageIdeas));
}
