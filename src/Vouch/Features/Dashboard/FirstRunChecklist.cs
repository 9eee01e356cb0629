using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.ActivityTypes;

namespace Vouch.Features.Dashboard;

/// <summary>
/// The first steps of a new program, each ticked from what the database holds, so an admin sees what is left to set
/// up until every step is done.
/// </summary>
/// <param name="CustomersIn">
/// There are accounts. A file import, a Salesforce sync and the accounts page are the ways customers get in; once
/// any did, the program has its customers to work with.
/// </param>
/// <param name="ActivityTypesSet">
/// An activity type is no longer as it shipped: one was changed (its effort, rest period, what it offers, retired) or
/// added. Saving a type records a new version, so any type whose version is not the shipped one was set by an admin.
/// </param>
/// <param name="TeamInvited">Someone besides admins works in the program: an active reference manager, seller or executive.</param>
/// <param name="AdvocatesInvited">An advocate was invited to the portal: a login linked to a customer contact exists.</param>
public sealed record FirstRunChecklist(bool CustomersIn, bool ActivityTypesSet, bool TeamInvited, bool AdvocatesInvited)
{
    public bool AllDone => CustomersIn && ActivityTypesSet && TeamInvited && AdvocatesInvited;

    private static readonly Guid[] s_shippedVersions =
        [.. DefaultActivityTypes.All.Select(t => StableId.For("activity-type-version:" + t.Key))];

    private static readonly Guid[] s_teamRoles =
        [.. new[] { Roles.ReferenceManager, Roles.Seller, Roles.Executive }.Select(role => StableId.For("role:" + role))];

    /// <summary>Four existence queries, each answered from an index or a small table.</summary>
    public static async Task<FirstRunChecklist> ReadAsync(VouchDbContext db, CancellationToken ct) => new(
        await db.Accounts.AnyAsync(ct),
        await db.ActivityTypes.AnyAsync(t => !s_shippedVersions.Contains(t.Version), ct),
        await db.UserRoles.AnyAsync(r => s_teamRoles.Contains(r.RoleId) && db.Users.Any(u => u.Id == r.UserId && !u.IsDisabled), ct),
        await db.Users.AnyAsync(u => u.ContactId != null, ct));
}
