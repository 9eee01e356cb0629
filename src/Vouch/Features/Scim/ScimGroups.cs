using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Users;

namespace Vouch.Features.Scim;

/// <summary>
/// Vouch's roles as SCIM groups: a group's members are the users with the role, and changing the members gives or takes
/// the role. The roles are fixed, so groups are never created, renamed or deleted (docs/decisions/0031).
/// </summary>
public sealed class ScimGroups(VouchDbContext db, UserAdministration admin)
{
    public static readonly IReadOnlyDictionary<string, ScimAttributeKind> Filterable = new Dictionary<string, ScimAttributeKind>
    {
        ["id"] = ScimAttributeKind.CaseExactText,
        ["displayname"] = ScimAttributeKind.Text,
        ["members"] = ScimAttributeKind.CaseExactText,
        ["members.value"] = ScimAttributeKind.CaseExactText,
    };

    /// <summary>What a filter inside <c>members[…]</c> compares.</summary>
    private static readonly IReadOnlyDictionary<string, ScimAttributeKind> s_memberAttributes =
        new Dictionary<string, ScimAttributeKind> { ["value"] = ScimAttributeKind.CaseExactText };

    public static string RefusedChange =>
        $"Vouch's groups are its roles ({string.Join(", ", Roles.All)}), which are fixed: put users in them, or take them out.";

    public async Task<ScimListResponse<ScimGroupResource>> ListAsync(ScimFilter? filter, ScimPage page, bool withMembers, string baseUrl, CancellationToken ct)
    {
        var members = await MembersAsync(null, baseUrl, ct);
        var matching = Roles.All
            .Where(role => filter is null || filter.Matches(attribute => attribute switch
            {
                "id" or "displayname" => [role],
                "members" or "members.value" => members[role].Select(m => (object?)m.Value),
                _ => [],
            }))
            .Select(role => Describe(role, members[role], withMembers, baseUrl))
            .ToList();
        return ScimListResponse<ScimGroupResource>.Of(matching, page);
    }

    public async Task<CommandResult<ScimGroupResource>> FindAsync(string id, bool withMembers, string baseUrl, CancellationToken ct)
    {
        if (Roles.Canonical(id) is not { } role)
        {
            return Refusal.NotFound("The group");
        }
        return Describe(role, (await MembersAsync(role, baseUrl, ct))[role], withMembers, baseUrl);
    }

    /// <summary>The ids of the group's members now, for a PATCH to change.</summary>
    public async Task<HashSet<string>> MemberIdsAsync(string role, CancellationToken ct) =>
        [.. (await MembersAsync(role, "", ct))[role].Select(m => m.Value)];

    /// <summary>Makes the members of <paramref name="role"/>'s group exactly <paramref name="memberIds"/>.</summary>
    public async Task<CommandResult<ScimGroupResource>> SetMembersAsync(string role, IReadOnlySet<string> memberIds, string baseUrl, CancellationToken ct)
    {
        var ids = new HashSet<Guid>();
        foreach (var memberId in memberIds)
        {
            if (!Guid.TryParse(memberId, out var id))
            {
                return Refusal.Invalid("members", $"No user has the id '{memberId}'.");
            }
            ids.Add(id);
        }
        return await (await admin.SetRoleMembersAsync(role, ids, ct)).ThenAsync(async () => (await FindAsync(role, true, baseUrl, ct)).Value!);
    }

    /// <summary>Applies a PATCH's operations to the member ids, in order; the group's name can only be said again.</summary>
    public static ScimError? Apply(string role, HashSet<string> members, IEnumerable<ScimPatchOperation> operations)
    {
        foreach (var operation in operations)
        {
            var error = operation.Path switch
            {
                null => ApplyEach(role, members, operation.Op, (JsonObject)operation.Value!),
                { Attribute: "members", SubAttribute: not null } => ScimError.InvalidPath("A path into members names members, or members[value eq \"…\"]."),
                { Attribute: "members", Filter: { } filter } when operation.Op == "remove" => RemoveMatching(members, filter),
                { Attribute: "members", Filter: not null } => ScimError.InvalidPath("Only remove takes a filter on members; add and replace name them in the value."),
                { Attribute: "members" } when operation.Op == "remove" && operation.Value is null => Clear(members),
                { Attribute: "members" } => ApplyMembers(members, operation.Op, operation.Value),
                { Attribute: "displayname" } => SameName(role, operation.Op == "remove" ? null : operation.Value),
                { IsExtension: true } or { Attribute: "externalid" } => null,
                var path => ScimError.InvalidPath($"Groups have no attribute '{path.Text}' that can be changed."),
            };
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    /// <summary>
    /// Applies a PUT's body to the members: the group's name as it is, and its members, which replace the ones it has.
    /// A body without <c>members</c> does not assert them (RFC 7644 §3.5.1 leaves that to the server): taking a role
    /// from everyone takes an explicit empty list.
    /// </summary>
    public static ScimError? Replace(string role, HashSet<string> members, JsonObject resource)
    {
        if (ScimJsonReading.Property(resource, "displayName") is { } name && SameName(role, name) is { } renamed)
        {
            return renamed;
        }
        return ScimJsonReading.Property(resource, "members") is { } sent ? ApplyMembers(members, "replace", sent) : null;
    }

    private static ScimError? ApplyEach(string role, HashSet<string> members, string op, JsonObject value)
    {
        foreach (var (name, attributeValue) in value)
        {
            var error = name.ToLowerInvariant() switch
            {
                "members" => ApplyMembers(members, op, attributeValue),
                "displayname" => SameName(role, attributeValue),
                "id" or "schemas" or "meta" or "externalid" => null,
                _ when ScimSchemas.IsExtension(name) => null,
                _ => ScimError.InvalidValue($"Groups have no attribute '{name}' that can be changed."),
            };
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    private static ScimError? ApplyMembers(HashSet<string> members, string op, JsonNode? value)
    {
        var values = new List<string>();
        foreach (var member in value switch { JsonArray array => [.. array], JsonObject one => [one], _ => (List<JsonNode?>)[] })
        {
            if (member is not JsonObject obj || ScimJsonReading.Text(ScimJsonReading.Property(obj, "value")) is not { } id)
            {
                return ScimError.InvalidValue("Members are objects with the user's id as 'value': [{\"value\": \"…\"}].");
            }
            values.Add(id);
        }
        if (value is not (JsonArray or JsonObject))
        {
            return ScimError.InvalidValue("Members are a list of objects with the user's id as 'value'.");
        }
        switch (op)
        {
            case "add":
                members.UnionWith(values);
                break;
            case "remove":
                members.ExceptWith(values);
                break;
            default:
                members.Clear();
                members.UnionWith(values);
                break;
        }
        return null;
    }

    private static ScimError? RemoveMatching(HashSet<string> members, string filterText)
    {
        var filter = ScimFilter.Parse(filterText, s_memberAttributes);
        if (filter.Error is not null)
        {
            return ScimError.InvalidFilter(filter.Error);
        }
        members.RemoveWhere(id => filter.Value!.Matches(attribute => attribute == "value" ? [id] : []));
        return null;
    }

    private static ScimError? Clear(HashSet<string> members)
    {
        members.Clear();
        return null;
    }

    private static ScimError? SameName(string role, JsonNode? value) =>
        string.Equals(ScimJsonReading.Text(value), role, StringComparison.OrdinalIgnoreCase)
            ? null
            : ScimError.Mutability($"The group '{role}' keeps its name. {RefusedChange}");

    private static ScimGroupResource Describe(string role, IEnumerable<ScimReference> members, bool withMembers, string baseUrl)
    {
        var list = members.OrderBy(m => m.Value, StringComparer.Ordinal).ToList();
        // The version changes when the members do: a hash of their ids.
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", list.Select(m => m.Value)))))[..16];
        return new(
            [ScimSchemas.Group], role, role, withMembers ? list : null,
            new ScimMeta("Group", null, null, $"{baseUrl}/Groups/{role}", $"W/\"{version}\""));
    }

    private async Task<ILookup<string, ScimReference>> MembersAsync(string? role, string baseUrl, CancellationToken ct) =>
        (await db.UserRoles
                .Join(db.Roles.Where(r => role == null || r.Name == role), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Role = r.Name })
                .Join(db.Users.Where(u => u.DeprovisionedAt == null), m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Id, u.DisplayName })
                .ToListAsync(ct))
            .ToLookup(m => m.Role!, m => new ScimReference(m.Id.ToString(), m.DisplayName, $"{baseUrl}/Users/{m.Id}"));
}
