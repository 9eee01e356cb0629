using System.Text.Json;
using System.Text.Json.Nodes;
using Vouch.Web;

namespace Vouch.Features.Scim;

/// <summary>A SCIM answer: a resource, a list or a discovery document, as <c>application/scim+json</c>.</summary>
public sealed class ScimJson(JsonNode body, int statusCode = StatusCodes.Status200OK, string? location = null, string? version = null) : IResult
{
    public const string MediaType = "application/scim+json";

    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public int StatusCode => statusCode;

    public JsonNode Body => body;

    public static ScimJson Of<T>(T resource, int statusCode = StatusCodes.Status200OK, string? location = null, string? version = null) =>
        new(JsonSerializer.SerializeToNode(resource, Options)!, statusCode, location, version);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = MediaType;
        if (location is not null)
        {
            response.Headers.Location = location;
        }
        if (version is not null)
        {
            response.Headers.ETag = version;
        }
        await response.WriteAsync(body.ToJsonString(Options), httpContext.RequestAborted);
    }
}

/// <summary>An answer with no body (a deleted user).</summary>
public sealed class ScimNoContent : IResult
{
    public static readonly ScimNoContent Instance = new();

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}

/// <summary>
/// A SCIM error (RFC 7644 §3.12): the HTTP status, for a 400 the <c>scimType</c> keyword a client acts on, and a detail
/// a person can read. Every refusal of the SCIM endpoints is one of these, never a problem document.
/// </summary>
public sealed record ScimError(int Status, string? ScimType, string Detail) : IResult
{
    public static ScimError InvalidFilter(string detail) => new(StatusCodes.Status400BadRequest, "invalidFilter", detail);

    public static ScimError InvalidValue(string detail) => new(StatusCodes.Status400BadRequest, "invalidValue", detail);

    public static ScimError InvalidSyntax(string detail) => new(StatusCodes.Status400BadRequest, "invalidSyntax", detail);

    public static ScimError InvalidPath(string detail) => new(StatusCodes.Status400BadRequest, "invalidPath", detail);

    public static ScimError NoTarget(string detail) => new(StatusCodes.Status400BadRequest, "noTarget", detail);

    public static ScimError Mutability(string detail) => new(StatusCodes.Status400BadRequest, "mutability", detail);

    public static ScimError Uniqueness(string detail) => new(StatusCodes.Status409Conflict, "uniqueness", detail);

    public static ScimError NotFound(string what) => new(StatusCodes.Status404NotFound, null, $"{what} was not found.");

    /// <summary>A service refusal in SCIM's terms: invalid input is an invalid value, a conflict a uniqueness clash.</summary>
    public static ScimError From(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => InvalidValue(refusal.Message),
        RefusalKind.Conflict => Uniqueness(refusal.Message),
        RefusalKind.NotFound => new(StatusCodes.Status404NotFound, null, refusal.Message),
        _ => new(refusal.Kind.StatusCode(), null, refusal.Message),
    };

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Error),
            ["status"] = Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = Detail,
        };
        if (ScimType is not null)
        {
            body["scimType"] = ScimType;
        }
        return new ScimJson(body, Status).ExecuteAsync(httpContext);
    }
}
