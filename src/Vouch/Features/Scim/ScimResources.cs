using System.Globalization;
using System.Text.Json.Serialization;

namespace Vouch.Features.Scim;

/// <summary>Where a resource is, when it was made and last changed, and its version (the ETag a client compares).</summary>
public sealed record ScimMeta(string ResourceType, DateTimeOffset? Created, DateTimeOffset? LastModified, string Location, string? Version);

public sealed record ScimName(string? GivenName, string? FamilyName, string Formatted);

public sealed record ScimEmail(string Value, string Type, bool Primary);

/// <summary>A reference to another resource: a user's group, a group's member.</summary>
public sealed record ScimReference(string Value, string? Display, [property: JsonPropertyName("$ref")] string Ref);

public sealed record ScimUserResource(
    IReadOnlyList<string> Schemas,
    string Id,
    string? ExternalId,
    string UserName,
    ScimName Name,
    string DisplayName,
    IReadOnlyList<ScimEmail> Emails,
    bool Active,
    IReadOnlyList<ScimReference> Groups,
    ScimMeta Meta);

/// <summary>A Vouch role as a SCIM group; <see cref="Members"/> is left out when the client asks so (Entra ID does).</summary>
public sealed record ScimGroupResource(IReadOnlyList<string> Schemas, string Id, string DisplayName, IReadOnlyList<ScimReference>? Members, ScimMeta Meta);

/// <summary>One page of a query's results (RFC 7644 §3.4.2).</summary>
public sealed record ScimListResponse<T>(
    IReadOnlyList<string> Schemas,
    int TotalResults,
    int StartIndex,
    int ItemsPerPage,
    [property: JsonPropertyName("Resources")] IReadOnlyList<T> Resources)
{
    public static ScimListResponse<T> Of(IReadOnlyList<T> matching, ScimPage page) => Of(page.Slice(matching), matching.Count, page);

    /// <summary>The page of <paramref name="total"/> results that <paramref name="onPage"/> holds.</summary>
    public static ScimListResponse<T> Of(IReadOnlyList<T> onPage, int total, ScimPage page) =>
        new([ScimSchemas.ListResponse], total, page.StartIndex, onPage.Count, onPage);
}

/// <summary>
/// <c>startIndex</c> (1-based) and <c>count</c> as RFC 7644 §3.4.2.4 reads them: an index below 1 is 1, a negative count
/// is 0, and a count above <see cref="ScimSchemas.MaxResults"/> is that.
/// </summary>
public sealed record ScimPage(int StartIndex, int Count)
{
    public IReadOnlyList<T> Slice<T>(IEnumerable<T> all) => [.. all.Skip(StartIndex - 1).Take(Count)];

    public static (ScimPage? Page, ScimError? Error) Parse(string? startIndex, string? count)
    {
        var start = 1;
        var size = ScimSchemas.MaxResults;
        if (startIndex is not null && !int.TryParse(startIndex, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out start))
        {
            return (null, ScimError.InvalidValue($"startIndex is a whole number, not '{startIndex}'."));
        }
        if (count is not null && !int.TryParse(count, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out size))
        {
            return (null, ScimError.InvalidValue($"count is a whole number, not '{count}'."));
        }
        return (new ScimPage(Math.Max(start, 1), Math.Clamp(size, 0, ScimSchemas.MaxResults)), null);
    }
}
