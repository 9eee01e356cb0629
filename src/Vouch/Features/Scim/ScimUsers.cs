using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Users;

namespace Vouch.Features.Scim;

/// <summary>
/// Vouch's users as SCIM users: read and filtered here; written through <see cref="UserAdministration"/>, the one writes
/// service for users, so that SCIM, the API and the users page keep the same rules.
/// </summary>
public sealed class ScimUsers(VouchDbContext db, UserAdministration admin)
{
    public static readonly Refusal NotFound = UserAdministration.NotFound;

    /// <summary>
    /// Every user the filter lets through, oldest first, then the page asked for. The filter runs over the users in
    /// memory: it is the same engine for every attribute, and a program has thousands of users, not millions.
    /// </summary>
    public async Task<ScimListResponse<ScimUserResource>> ListAsync(ScimFilter? filter, ScimPage page, string baseUrl, CancellationToken ct)
    {
        var all = await db.Users.AsNoTracking().Where(u => u.DeprovisionedAt == null).ToListAsync(ct);
        var roles = await RolesAsync(null, ct);
        var matching = all
            .Where(u => filter is null || filter.Matches(attribute => ValuesOf(u, roles[u.Id], attribute)))
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .ToList();
        var onPage = page.Slice(matching);
        var lastModified = await LastModifiedAsync([.. onPage.Select(u => u.Id)], ct);
        var resources = onPage.Select(u => Describe(u, roles[u.Id], lastModified.GetValueOrDefault(u.Id), baseUrl)).ToList();
        return ScimListResponse<ScimUserResource>.Of(resources, matching.Count, page);
    }

    public async Task<CommandResult<ScimUserResource>> FindAsync(string id, string baseUrl, CancellationToken ct)
    {
        var user = Guid.TryParse(id, out var userId) ? await admin.FindProvisionedAsync(userId) : null;
        if (user is null)
        {
            return NotFound;
        }
        var roles = await RolesAsync(user.Id, ct);
        var lastModified = await LastModifiedAsync([user.Id], ct);
        return Describe(user, roles[user.Id], lastModified.GetValueOrDefault(user.Id), baseUrl);
    }

    public async Task<CommandResult<ScimUserResource>> CreateAsync(ScimUserDraft draft, string baseUrl, CancellationToken ct) =>
        await (await admin.ProvisionAsync(draft.ToProfile())).MapAsync(user => DescribeAsync(user, baseUrl, ct));

    public async Task<CommandResult<ScimUserResource>> ReplaceAsync(Guid id, ScimUserDraft draft, string baseUrl, CancellationToken ct) =>
        await (await admin.UpdateProvisionedAsync(id, draft.ToProfile())).MapAsync(user => DescribeAsync(user, baseUrl, ct));

    /// <summary>The user's attributes as they are, for a PATCH to change; null for a user SCIM cannot see.</summary>
    public async Task<ScimUserDraft?> DraftAsync(string id) =>
        Guid.TryParse(id, out var userId) && await admin.FindProvisionedAsync(userId) is { } user ? ScimUserDraft.Of(user) : null;

    private async Task<ScimUserResource> DescribeAsync(User user, string baseUrl, CancellationToken ct) =>
        (await FindAsync(user.Id.ToString(), baseUrl, ct)).Value!;

    private static ScimUserResource Describe(User user, IEnumerable<string> roles, DateTimeOffset? lastModified, string baseUrl) => new(
        [ScimSchemas.User],
        user.Id.ToString(),
        user.ScimExternalId,
        user.Email!,
        new ScimName(user.GivenName, user.FamilyName, user.DisplayName),
        user.DisplayName,
        [new ScimEmail(user.Email!, "work", Primary: true)],
        !user.IsDisabled,
        [.. roles.Order(StringComparer.Ordinal).Select(role => new ScimReference(role, role, $"{baseUrl}/Groups/{role}"))],
        new ScimMeta("User", user.CreatedAt, lastModified ?? user.CreatedAt, $"{baseUrl}/Users/{user.Id}", VersionOf(user)));

    /// <summary>Identity changes the concurrency stamp on every save of the user, their roles included.</summary>
    public static string VersionOf(User user) => $"W/\"{user.ConcurrencyStamp}\"";

    private static IEnumerable<object?> ValuesOf(User user, IEnumerable<string> roles, string attribute) => attribute switch
    {
        "id" => [user.Id.ToString()],
        "externalid" => [user.ScimExternalId],
        "username" or "emails" or "emails.value" => [user.Email],
        "displayname" or "name.formatted" => [user.DisplayName],
        "name.givenname" => [user.GivenName],
        "name.familyname" => [user.FamilyName],
        "emails.type" => ["work"],
        "emails.primary" => [true],
        "active" => [!user.IsDisabled],
        "groups" or "groups.value" or "groups.display" => roles,
        _ => [],
    };

    private async Task<ILookup<Guid, string>> RolesAsync(Guid? userId, CancellationToken ct) =>
        (await db.UserRoles.Where(ur => userId == null || ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct))
        .ToLookup(ur => ur.UserId, ur => ur.Name!);

    /// <summary>
    /// When each user was last changed, as the audit log recorded it: the newest entry about them, found by its id
    /// (entries are numbered in order), as SQLite does not compare times stored as text.
    /// </summary>
    private async Task<Dictionary<Guid, DateTimeOffset?>> LastModifiedAsync(IReadOnlyList<Guid> userIds, CancellationToken ct)
    {
        var recordIds = userIds.Select(id => id.ToString()).ToList();
        var newest = await db.AuditEntries
            .Where(e => e.RecordType == nameof(User) && recordIds.Contains(e.RecordId))
            .GroupBy(e => e.RecordId)
            .Select(g => g.Max(e => e.Id))
            .ToListAsync(ct);
        return (await db.AuditEntries.Where(e => newest.Contains(e.Id)).Select(e => new { e.RecordId, e.At }).ToListAsync(ct))
            .ToDictionary(e => Guid.Parse(e.RecordId), e => (DateTimeOffset?)e.At);
    }
}
