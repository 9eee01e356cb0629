using System.Text.Json.Nodes;

namespace Vouch.Features.Scim;

/// <summary>
/// The schemas Vouch speaks (RFC 7643) and what it tells a client about itself: the service provider's configuration,
/// the resource types, and the attributes of each, as a client discovers them at <c>/scim/v2/Schemas</c>.
/// </summary>
public static class ScimSchemas
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    /// <summary>The most resources one list answers, whatever <c>count</c> asks.</summary>
    public const int MaxResults = 200;

    /// <summary>
    /// An attribute path without the core schema it may be written with
    /// ("urn:ietf:params:scim:schemas:core:2.0:User:userName" is "userName").
    /// </summary>
    public static string WithoutSchema(string path)
    {
        foreach (var schema in (string[])[User, Group])
        {
            if (path.StartsWith(schema + ":", StringComparison.OrdinalIgnoreCase))
            {
                return path[(schema.Length + 1)..];
            }
        }
        return path;
    }

    /// <summary>Whether <paramref name="path"/> is an attribute of an extension schema (the enterprise user's department).</summary>
    public static bool IsExtension(string path) => path.StartsWith("urn:", StringComparison.OrdinalIgnoreCase);

    public static JsonObject ServiceProviderConfigDocument(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ServiceProviderConfig),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = MaxResults },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "Personal access token",
            ["description"] = "An admin's Vouch personal access token, sent as 'Authorization: Bearer <token>'.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{baseUrl}/ServiceProviderConfig" },
    };

    public static IReadOnlyList<JsonObject> ResourceTypes(string baseUrl) =>
    [
        ResourceTypeDocument(baseUrl, "User", "/Users", User, "A person who signs in to Vouch.", [EnterpriseUser]),
        ResourceTypeDocument(baseUrl, "Group", "/Groups", Group, "A Vouch role; its members have it.", []),
    ];

    private static JsonObject ResourceTypeDocument(string baseUrl, string name, string endpoint, string schema, string description, string[] extensions) => new()
    {
        ["schemas"] = new JsonArray(ResourceType),
        ["id"] = name,
        ["name"] = name,
        ["endpoint"] = endpoint,
        ["description"] = description,
        ["schema"] = schema,
        ["schemaExtensions"] = new JsonArray([.. extensions.Select(e => (JsonNode)new JsonObject { ["schema"] = e, ["required"] = false })]),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/{name}" },
    };

    /// <summary>The attributes Vouch keeps; others a provider sends (title, phone numbers, extensions) are accepted and not kept.</summary>
    public static IReadOnlyList<JsonObject> Schemas(string baseUrl) =>
    [
        SchemaDocument(baseUrl, User, "User", "User Account",
        [
            Attribute("userName", "string", "The email the user signs in with; unique.", required: true, uniqueness: "server"),
            Complex("name", "The user's name.",
            [
                Attribute("givenName", "string", "Given name."),
                Attribute("familyName", "string", "Family name."),
                Attribute("formatted", "string", "The full name, as shown.", mutability: "readOnly"),
            ]),
            Attribute("displayName", "string", "The name Vouch shows; the given and family names, or the email's local part, when absent."),
            Attribute("externalId", "string", "The user's id in the identity provider.", caseExact: true),
            Attribute("active", "boolean", "Whether the user may sign in and use their tokens."),
            Complex("emails", "The user's one email, which is their user name.",
            [
                Attribute("value", "string", "The email."),
                Attribute("type", "string", "Always 'work'."),
                Attribute("primary", "boolean", "Always true."),
            ], multiValued: true, mutability: "readOnly"),
            Complex("groups", "The Vouch roles the user has.",
            [
                Attribute("value", "string", "The role's id.", mutability: "readOnly"),
                Attribute("display", "string", "The role's name.", mutability: "readOnly"),
            ], multiValued: true, mutability: "readOnly"),
        ]),
        SchemaDocument(baseUrl, Group, "Group", "A Vouch role",
        [
            Attribute("displayName", "string", "The role's name; fixed.", required: true, uniqueness: "server", mutability: "readOnly"),
            Complex("members", "The users with the role.",
            [
                Attribute("value", "string", "The user's id.", mutability: "immutable"),
                Attribute("display", "string", "The user's display name.", mutability: "readOnly"),
            ], multiValued: true),
        ]),
    ];

    private static JsonObject SchemaDocument(string baseUrl, string id, string name, string description, JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray(Schema),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray([.. attributes]),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{id}" },
    };

    private static JsonObject Attribute(
        string name, string type, string description, bool required = false, bool caseExact = false,
        string mutability = "readWrite", string uniqueness = "none") => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["multiValued"] = false,
        ["description"] = description,
        ["required"] = required,
        ["caseExact"] = caseExact,
        ["mutability"] = mutability,
        ["returned"] = "default",
        ["uniqueness"] = uniqueness,
    };

    private static JsonObject Complex(string name, string description, JsonObject[] subAttributes, bool multiValued = false, string mutability = "readWrite") => new()
    {
        ["name"] = name,
        ["type"] = "complex",
        ["multiValued"] = multiValued,
        ["description"] = description,
        ["required"] = false,
        ["mutability"] = mutability,
        ["returned"] = "default",
        ["subAttributes"] = new JsonArray([.. subAttributes]),
    };
}
