using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;
using Vouch.Features.Users;
using Vouch.Hosting;

namespace Vouch.Features.Scim;

/// <summary>Marks the SCIM endpoints, whose refusals of who is calling are SCIM errors too.</summary>
public sealed class ScimEndpoint;

/// <summary>
/// SCIM 2.0 (RFC 7644) at <c>/scim/v2</c>, where identity providers expect it: users, the roles as groups, and the
/// documents that describe them. SCIM has its own discovery (<c>/Schemas</c>, <c>/ResourceTypes</c>), so these endpoints
/// are not in the OpenAPI document.
/// </summary>
public static class ScimEndpoints
{
    public const string BasePath = "/scim/v2";

    public static IEndpointRouteBuilder MapScim(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup(BasePath)
            // Bearer tokens only: a browser's sign-in cookie never reaches SCIM, so no page can make it write (CSRF).
            .RequireAuthorization(new AuthorizeAttribute(Policies.Administer) { AuthenticationSchemes = AccessTokenAuthenticationHandler.SchemeName })
            .WithMetadata(new RequestSizeLimitAttribute(VouchHost.MaxRequestBodyBytes), new ScimEndpoint())
            .ExcludeFromDescription();

        scim.MapGet("/ServiceProviderConfig", (HttpRequest request) => new ScimJson(ScimSchemas.ServiceProviderConfigDocument(BaseUrl(request))));
        scim.MapGet("/Schemas", (HttpRequest request) => Listed(ScimSchemas.Schemas(BaseUrl(request))));
        scim.MapGet("/Schemas/{id}", (string id, HttpRequest request) => OneOf(ScimSchemas.Schemas(BaseUrl(request)), id, "The schema"));
        scim.MapGet("/ResourceTypes", (HttpRequest request) => Listed(ScimSchemas.ResourceTypes(BaseUrl(request))));
        scim.MapGet("/ResourceTypes/{id}", (string id, HttpRequest request) => OneOf(ScimSchemas.ResourceTypes(BaseUrl(request)), id, "The resource type"));

        var users = scim.MapGroup("/Users");
        users.MapGet("/", ListUsers);
        users.MapGet("/{id}", GetUser);
        users.MapPost("/", CreateUser);
        users.MapPut("/{id}", ReplaceUser);
        users.MapPatch("/{id}", PatchUser);
        users.MapDelete("/{id}", DeleteUser);

        var groups = scim.MapGroup("/Groups");
        groups.MapGet("/", ListGroups);
        groups.MapGet("/{id}", GetGroup);
        groups.MapPut("/{id}", ReplaceGroup);
        groups.MapPatch("/{id}", PatchGroup);
        groups.MapPost("/", () => RefusedGroupChange);
        groups.MapDelete("/{id}", (string id) => RefusedGroupChange);
        return app;
    }

    /// <summary>Creating or deleting a group would create or delete a role, and Vouch's roles are fixed.</summary>
    private static ScimError RefusedGroupChange => new(StatusCodes.Status501NotImplemented, null, ScimGroups.RefusedChange);

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";

    private static ScimJson Listed(IReadOnlyList<JsonObject> documents) =>
        ScimJson.Of(ScimListResponse<JsonObject>.Of(documents, new ScimPage(1, documents.Count)));

    private static Results<ScimJson, ScimError> OneOf(IReadOnlyList<JsonObject> documents, string id, string what) =>
        documents.FirstOrDefault(d => string.Equals((string?)d["id"], id, StringComparison.OrdinalIgnoreCase)) is { } document
            ? new ScimJson(document)
            : ScimError.NotFound(what);

    private static async Task<Results<ScimJson, ScimError>> ListUsers(
        string? filter, string? startIndex, string? count, HttpRequest request, ScimUsers users, CancellationToken ct)
    {
        var (page, pageError) = ScimPage.Parse(startIndex, count);
        if (pageError is not null)
        {
            return pageError;
        }
        var (parsed, filterError) = ParseFilter(filter, ScimUserAttributes.Filterable);
        if (filterError is not null)
        {
            return filterError;
        }
        return ScimJson.Of(await users.ListAsync(parsed, page!, BaseUrl(request), ct));
    }

    private static async Task<Results<ScimJson, ScimError>> GetUser(string id, HttpRequest request, ScimUsers users, CancellationToken ct) =>
        Answer(await users.FindAsync(id, BaseUrl(request), ct));

    private static async Task<Results<ScimJson, ScimError>> CreateUser(HttpRequest request, ScimUsers users, CancellationToken ct)
    {
        var (body, error) = await ScimJsonReading.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }
        var (draft, invalid) = ScimUserAttributes.Read(body!);
        if (invalid is not null)
        {
            return invalid;
        }
        return Answer(await users.CreateAsync(draft, BaseUrl(request), ct), StatusCodes.Status201Created);
    }

    private static async Task<Results<ScimJson, ScimError>> ReplaceUser(string id, HttpRequest request, ScimUsers users, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var userId))
        {
            return ScimError.From(ScimUsers.NotFound);
        }
        var (body, error) = await ScimJsonReading.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }
        var (draft, invalid) = ScimUserAttributes.Read(body!);
        if (invalid is not null)
        {
            return invalid;
        }
        return Answer(await users.ReplaceAsync(userId, draft, BaseUrl(request), ct));
    }

    private static async Task<Results<ScimJson, ScimError>> PatchUser(string id, HttpRequest request, ScimUsers users, CancellationToken ct)
    {
        if (await users.DraftAsync(id) is not { } draft)
        {
            return ScimError.From(ScimUsers.NotFound);
        }
        var (body, error) = await ScimJsonReading.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }
        var (operations, invalid) = ScimPatch.Read(body!);
        if ((invalid ?? ScimUserAttributes.Apply(draft, operations)) is { } refused)
        {
            return refused;
        }
        return Answer(await users.ReplaceAsync(Guid.Parse(id), draft, BaseUrl(request), ct));
    }

    private static async Task<Results<ScimNoContent, ScimError>> DeleteUser(string id, UserAdministration admin)
    {
        var deleted = Guid.TryParse(id, out var userId) ? await admin.DeprovisionAsync(userId) : ScimUsers.NotFound;
        return deleted.Succeeded ? ScimNoContent.Instance : ScimError.From(deleted.Refusal);
    }

    private static async Task<Results<ScimJson, ScimError>> ListGroups(
        string? filter, string? startIndex, string? count, string? excludedAttributes, HttpRequest request, ScimGroups groups, CancellationToken ct)
    {
        var (page, pageError) = ScimPage.Parse(startIndex, count);
        if (pageError is not null)
        {
            return pageError;
        }
        var (parsed, filterError) = ParseFilter(filter, ScimGroups.Filterable);
        if (filterError is not null)
        {
            return filterError;
        }
        return ScimJson.Of(await groups.ListAsync(parsed, page!, WithMembers(excludedAttributes), BaseUrl(request), ct));
    }

    private static async Task<Results<ScimJson, ScimError>> GetGroup(
        string id, string? excludedAttributes, HttpRequest request, ScimGroups groups, CancellationToken ct) =>
        Answer(await groups.FindAsync(id, WithMembers(excludedAttributes), BaseUrl(request), ct));

    private static async Task<Results<ScimJson, ScimError>> ReplaceGroup(string id, HttpRequest request, ScimGroups groups, CancellationToken ct)
    {
        if (Roles.Canonical(id) is not { } role)
        {
            return ScimError.NotFound("The group");
        }
        var (body, error) = await ScimJsonReading.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }
        var members = await groups.MemberIdsAsync(role, ct);
        if (ScimGroups.Replace(role, members, body!) is { } invalid)
        {
            return invalid;
        }
        return Answer(await groups.SetMembersAsync(role, members, BaseUrl(request), ct));
    }

    /// <summary>Answers 204: a group's members can be thousands of advocates, and a provider has what it sent.</summary>
    private static async Task<Results<ScimNoContent, ScimError>> PatchGroup(string id, HttpRequest request, ScimGroups groups, CancellationToken ct)
    {
        if (Roles.Canonical(id) is not { } role)
        {
            return ScimError.NotFound("The group");
        }
        var (body, error) = await ScimJsonReading.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }
        var members = await groups.MemberIdsAsync(role, ct);
        var (operations, invalid) = ScimPatch.Read(body!);
        if ((invalid ?? ScimGroups.Apply(role, members, operations)) is { } refused)
        {
            return refused;
        }
        var saved = await groups.SetMembersAsync(role, members, BaseUrl(request), ct);
        return saved.Succeeded ? ScimNoContent.Instance : ScimError.From(saved.Refusal);
    }

    private static bool WithMembers(string? excludedAttributes) =>
        excludedAttributes is null
        || !excludedAttributes.Split(',', StringSplitOptions.TrimEntries).Any(a => string.Equals(ScimSchemas.WithoutSchema(a), "members", StringComparison.OrdinalIgnoreCase));

    private static (ScimFilter? Filter, ScimError? Error) ParseFilter(string? filter, IReadOnlyDictionary<string, ScimAttributeKind> attributes)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return (null, null);
        }
        var parsed = ScimFilter.Parse(filter, attributes);
        return parsed.Error is null ? (parsed.Value, null) : (null, ScimError.InvalidFilter(parsed.Error));
    }

    private static Results<ScimJson, ScimError> Answer(CommandResult<ScimUserResource> result, int status = StatusCodes.Status200OK) =>
        result.Succeeded
            ? ScimJson.Of(result.Value, status, status == StatusCodes.Status201Created ? result.Value.Meta.Location : null, result.Value.Meta.Version)
            : ScimError.From(result.Refusal);

    private static Results<ScimJson, ScimError> Answer(CommandResult<ScimGroupResource> result) =>
        result.Succeeded ? ScimJson.Of(result.Value, version: result.Value.Meta.Version) : ScimError.From(result.Refusal);
}
