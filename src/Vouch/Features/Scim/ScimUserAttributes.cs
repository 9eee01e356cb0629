using System.Text.Json.Nodes;
using Vouch.Features.Users;

namespace Vouch.Features.Scim;

/// <summary>
/// The attributes of a SCIM user that Vouch keeps, as a POST, a PUT or a PATCH leaves them, before they are saved
/// through <see cref="UserAdministration"/>.
/// </summary>
public sealed class ScimUserDraft
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? ExternalId { get; set; }

    /// <summary>A user the provider sends without <c>active</c> may sign in.</summary>
    public bool Active { get; set; } = true;

    public static ScimUserDraft Of(User user) => new()
    {
        UserName = user.Email,
        DisplayName = user.DisplayName,
        GivenName = user.GivenName,
        FamilyName = user.FamilyName,
        ExternalId = user.ScimExternalId,
        Active = !user.IsDisabled,
    };

    public ProvisionedUser ToProfile() => new(UserName, DisplayName, GivenName, FamilyName, ExternalId, Active);
}

/// <summary>
/// How SCIM's user attributes (RFC 7643 §4.1) land on a Vouch user: the ones kept, the core ones accepted and not kept
/// (a provider sends its whole profile), the read-only ones, and anything else, which is an error naming it.
/// </summary>
public static class ScimUserAttributes
{
    /// <summary>What a filter on users may compare (lower case).</summary>
    public static readonly IReadOnlyDictionary<string, ScimAttributeKind> Filterable = new Dictionary<string, ScimAttributeKind>
    {
        ["id"] = ScimAttributeKind.CaseExactText,
        ["externalid"] = ScimAttributeKind.CaseExactText,
        ["username"] = ScimAttributeKind.Text,
        ["displayname"] = ScimAttributeKind.Text,
        ["name.givenname"] = ScimAttributeKind.Text,
        ["name.familyname"] = ScimAttributeKind.Text,
        ["name.formatted"] = ScimAttributeKind.Text,
        ["emails"] = ScimAttributeKind.Text,
        ["emails.value"] = ScimAttributeKind.Text,
        ["emails.type"] = ScimAttributeKind.Text,
        ["emails.primary"] = ScimAttributeKind.Boolean,
        ["active"] = ScimAttributeKind.Boolean,
        ["groups"] = ScimAttributeKind.CaseExactText,
        ["groups.value"] = ScimAttributeKind.CaseExactText,
        ["groups.display"] = ScimAttributeKind.Text,
    };

    /// <summary>
    /// Core attributes a provider may send that Vouch has no place for. Emails are here because a Vouch user has one
    /// email, their user name.
    /// </summary>
    private static readonly HashSet<string> s_notKept =
    [
        "emails", "phonenumbers", "addresses", "title", "locale", "preferredlanguage", "timezone", "nickname", "profileurl",
        "usertype", "photos", "ims", "entitlements", "roles", "x509certificates", "password",
    ];

    private static readonly HashSet<string> s_readOnly = ["id", "meta", "groups", "schemas"];

    private static readonly HashSet<string> s_namePartsNotKept = ["formatted", "middlename", "honorificprefix", "honorificsuffix"];

    /// <summary>A POST's or PUT's body: every attribute Vouch keeps is what it says, or empty when it says nothing.</summary>
    public static (ScimUserDraft Draft, ScimError? Error) Read(JsonObject resource)
    {
        var draft = new ScimUserDraft();
        foreach (var (name, value) in resource)
        {
            if (ScimSchemas.IsExtension(name) || s_readOnly.Contains(name.ToLowerInvariant()))
            {
                continue;
            }
            if (Set(draft, name.ToLowerInvariant(), null, value, name, inPath: false) is { } error)
            {
                return (draft, error);
            }
        }
        return (draft, null);
    }

    /// <summary>Applies a PATCH's operations in order to the user as they are now.</summary>
    public static ScimError? Apply(ScimUserDraft draft, IEnumerable<ScimPatchOperation> operations)
    {
        foreach (var operation in operations)
        {
            var error = operation.Path switch
            {
                null => SetEach(draft, (JsonObject)operation.Value!),
                { IsExtension: true } => null,
                { Filter: not null } path when !s_notKept.Contains(path.Attribute) =>
                    Known(path.Attribute)
                        ? ScimError.InvalidPath($"'{path.Text}' has one value, so a path does not filter it.")
                        : Unknown(path.Text, inPath: true),
                { Filter: not null } => null,
                var path when s_readOnly.Contains(path.Attribute) =>
                    ScimError.Mutability($"'{path.Text}' is read-only{(path.Attribute == "groups" ? "; put the user in a group through /Groups" : "")}."),
                var path => Set(draft, path.Attribute, path.SubAttribute, operation.Op == "remove" ? null : operation.Value, path.Text, inPath: true, remove: operation.Op == "remove"),
            };
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    /// <summary>
    /// An add or replace without a path: each attribute of the value, whose names may themselves be paths
    /// ("name.givenName"), as Entra ID sends them.
    /// </summary>
    private static ScimError? SetEach(ScimUserDraft draft, JsonObject value)
    {
        foreach (var (name, attributeValue) in value)
        {
            var path = ScimPath.Parse(name);
            if (path.Error is not null)
            {
                return ScimError.InvalidValue(path.Error);
            }
            if (path.Value!.IsExtension || s_readOnly.Contains(path.Value.Attribute))
            {
                continue;
            }
            if (Set(draft, path.Value.Attribute, path.Value.SubAttribute, attributeValue, name, inPath: false) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    private static bool Known(string attribute) =>
        attribute is "username" or "displayname" or "externalid" or "active" or "name" || s_notKept.Contains(attribute) || s_readOnly.Contains(attribute);

    private static ScimError Unknown(string attribute, bool inPath) => inPath
        ? ScimError.InvalidPath($"Users have no attribute '{attribute}'.")
        : ScimError.InvalidValue($"Users have no attribute '{attribute}'.");

    /// <summary>
    /// Sets (or with <paramref name="remove"/> clears) one attribute, <paramref name="attribute"/> in lower case and
    /// <paramref name="written"/> as the client wrote it; a null value clears it too.
    /// </summary>
    private static ScimError? Set(ScimUserDraft draft, string attribute, string? sub, JsonNode? value, string written, bool inPath, bool remove = false)
    {
        if (sub is not null && attribute != "name")
        {
            return s_notKept.Contains(attribute) ? null
                : Known(attribute) ? ScimError.InvalidPath($"'{written}' is not a sub-attribute of a user.")
                : Unknown(written, inPath);
        }
        switch (attribute)
        {
            case "username":
                if (remove || value is null)
                {
                    return ScimError.Mutability("userName is required; it cannot be removed.");
                }
                return Text(value, "userName", text => draft.UserName = text);
            case "displayname":
                return Text(value, "displayName", text => draft.DisplayName = text);
            case "externalid":
                return Text(value, "externalId", text => draft.ExternalId = text);
            case "active":
                if (value is null)
                {
                    draft.Active = false;
                    return null;
                }
                if (ScimJsonReading.Boolean(value) is not { } active)
                {
                    return ScimError.InvalidValue($"active is true or false, not {value.ToJsonString()}.");
                }
                draft.Active = active;
                return null;
            case "name" when sub is null:
                if (value is null)
                {
                    draft.GivenName = draft.FamilyName = null;
                    return null;
                }
                if (value is not JsonObject name)
                {
                    return ScimError.InvalidValue("name is an object with givenName and familyName.");
                }
                foreach (var (part, partValue) in name)
                {
                    if (Set(draft, "name", part.ToLowerInvariant(), partValue, $"name.{part}", inPath) is { } error)
                    {
                        return error;
                    }
                }
                return null;
            case "name" when sub == "givenname":
                return Text(value, "name.givenName", text => draft.GivenName = text);
            case "name" when sub == "familyname":
                return Text(value, "name.familyName", text => draft.FamilyName = text);
            case "name" when s_namePartsNotKept.Contains(sub):
                return null;
            case "name":
                return inPath ? ScimError.InvalidPath($"'{written}' is not a part of a user's name.") : ScimError.InvalidValue($"'{written}' is not a part of a user's name.");
            default:
                return s_notKept.Contains(attribute) ? null : Unknown(written, inPath);
        }
    }

    private static ScimError? Text(JsonNode? value, string attribute, Action<string?> set)
    {
        if (value is null)
        {
            set(null);
            return null;
        }
        if (ScimJsonReading.Text(value) is not { } text)
        {
            return ScimError.InvalidValue($"{attribute} is a string, not {value.ToJsonString()}.");
        }
        set(text);
        return null;
    }
}
