using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vouch.Features.Scim;

/// <summary>One operation of a PATCH request (RFC 7644 §3.5.2), its names read in any case as identity providers send them.</summary>
public sealed record ScimPatchOperation(string Op, ScimPath? Path, JsonNode? Value);

/// <summary>
/// Where a PATCH operation points: an attribute, maybe a filter on its values (<c>members[value eq "…"]</c>), maybe a
/// sub-attribute (<c>name.givenName</c>); or an extension schema's attribute, which Vouch accepts and does not keep.
/// </summary>
public sealed record ScimPath(string Attribute, string? Filter, string? SubAttribute, bool IsExtension)
{
    /// <summary>The path as the client wrote it, for the messages that name it.</summary>
    public string Text { get; private init; } = Attribute;

    public static ScimParse<ScimPath> Parse(string text)
    {
        var path = ScimSchemas.WithoutSchema(text.Trim());
        if (ScimSchemas.IsExtension(path))
        {
            return new(new ScimPath(path, null, null, IsExtension: true) { Text = text }, null);
        }
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        string attribute, rest;
        string? filter = null;
        if (bracket >= 0)
        {
            var close = path.LastIndexOf(']');
            if (close < bracket)
            {
                return new(null, $"The path '{text}' opens a filter with '[' and does not close it.");
            }
            attribute = path[..bracket];
            filter = path[(bracket + 1)..close];
            rest = path[(close + 1)..];
        }
        else
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            (attribute, rest) = dot >= 0 ? (path[..dot], path[dot..]) : (path, "");
        }
        if (rest.Length > 0 && (rest[0] != '.' || rest.Length == 1))
        {
            return new(null, $"The path '{text}' is not an attribute, a filter on one, or one of its sub-attributes.");
        }
        var sub = rest.Length > 0 ? rest[1..].ToLowerInvariant() : null;
        return attribute.Length == 0 || !attribute.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$')
            ? new(null, $"The path '{text}' does not name an attribute.")
            : new(new ScimPath(attribute.ToLowerInvariant(), filter, sub, IsExtension: false) { Text = text }, null);
    }
}

/// <summary>Reads a PATCH request's body into its operations, or the SCIM error that says what is wrong with it.</summary>
public static class ScimPatch
{
    public static (IReadOnlyList<ScimPatchOperation> Operations, ScimError? Error) Read(JsonObject body)
    {
        if (ScimJsonReading.Property(body, "schemas") is JsonArray schemas
            && !schemas.Any(s => s is JsonValue v && v.TryGetValue<string>(out var id) && id == ScimSchemas.PatchOp))
        {
            return ([], ScimError.InvalidSyntax($"A PATCH request's schemas are [\"{ScimSchemas.PatchOp}\"]."));
        }
        if (ScimJsonReading.Property(body, "Operations") is not JsonArray { Count: > 0 } operations)
        {
            return ([], ScimError.InvalidSyntax("A PATCH request has a non-empty 'Operations' array."));
        }
        var read = new List<ScimPatchOperation>();
        foreach (var node in operations)
        {
            if (node is not JsonObject operation)
            {
                return ([], ScimError.InvalidSyntax("Each operation is an object with 'op', and 'path' and 'value' as it needs."));
            }
            var op = ScimJsonReading.Text(ScimJsonReading.Property(operation, "op"))?.ToLowerInvariant();
            if (op is not ("add" or "replace" or "remove"))
            {
                return ([], ScimError.InvalidSyntax($"'op' is add, replace or remove, not '{ScimJsonReading.Property(operation, "op")?.ToJsonString()}'."));
            }
            ScimPath? path = null;
            if (ScimJsonReading.Property(operation, "path") is { } pathNode)
            {
                var text = ScimJsonReading.Text(pathNode);
                var parsed = text is null ? new ScimParse<ScimPath>(null, "'path' is a string.") : ScimPath.Parse(text);
                if (parsed.Error is not null)
                {
                    return ([], ScimError.InvalidPath(parsed.Error));
                }
                path = parsed.Value;
            }
            var value = ScimJsonReading.Property(operation, "value");
            if (path is null && op == "remove")
            {
                return ([], ScimError.NoTarget("A remove operation names the attribute it removes in 'path'."));
            }
            if (path is null && value is not JsonObject)
            {
                return ([], ScimError.InvalidValue($"An {op} operation without a path has an object of attributes as its value."));
            }
            read.Add(new ScimPatchOperation(op, path, value?.DeepClone()));
        }
        return (read, null);
    }
}

/// <summary>Reading JSON as SCIM does: attribute names in any case, and Booleans also as the strings some providers send.</summary>
public static class ScimJsonReading
{
    public static JsonNode? Property(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>true, false, or "True" / "False" as Entra ID sends them; null for anything else.</summary>
    public static bool? Boolean(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var parsed) => parsed,
        _ => null,
    };

    /// <summary>
    /// Parses a request body as a JSON object. Every object is walked here, so that a body with one name twice fails
    /// now, as invalid syntax, rather than later.
    /// </summary>
    public static async Task<(JsonObject? Body, ScimError? Error)> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (node is not JsonObject body)
            {
                return (null, ScimError.InvalidSyntax("The body is a JSON object."));
            }
            Walk(body);
            return (body, null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return (null, ScimError.InvalidSyntax($"The body is not valid JSON: {e.Message}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, new ScimError(e.StatusCode, null, $"Request bodies are limited to {Hosting.VouchHost.MaxRequestBodyBytes:N0} bytes."));
        }
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Walk(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child);
                }
                break;
        }
    }
}
