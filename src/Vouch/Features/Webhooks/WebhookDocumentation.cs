using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vouch.Features.Webhooks;

/// <summary>
/// Lists every event under <c>webhooks</c> in the OpenAPI document, as OpenAPI 3.1 describes requests an API sends:
/// the body each event type is posted with and the signature headers, so a receiver can be written from the document.
/// </summary>
public static class WebhookDocumentation
{
    private const string Tag = "Webhooks";

    private static readonly (string Name, string Description)[] s_headers =
    [
        (WebhookSignature.IdHeader, "The event's id: the same on every retry, so a receiver can drop repeats."),
        (WebhookSignature.TimestampHeader, "When this attempt was signed, in Unix seconds: refuse one older than a few minutes."),
        (WebhookSignature.SignatureHeader, "v1, then the Base64 HMAC-SHA256 of {webhook-id}.{webhook-timestamp}.{body} with the subscription's secret."),
    ];

    public static OpenApiOptions AddWebhookEvents(this OpenApiOptions options) =>
        options.AddDocumentTransformer(async (document, context, ct) =>
        {
            document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
            foreach (var type in WebhookEventTypes.All)
            {
                var payload = typeof(WebhookPayload<>).MakeGenericType(type.Data);
                var schemaId = type.Data.Name[..^"Data".Length];
                document.AddComponent<IOpenApiSchema>(schemaId, await context.GetOrCreateSchemaAsync(payload, null, ct));
                document.Webhooks[type.Name] = new OpenApiPathItem
                {
                    Operations = new Dictionary<HttpMethod, OpenApiOperation>
                    {
                        [HttpMethod.Post] = new()
                        {
                            OperationId = "Webhook" + string.Concat(type.Name.Split('.', '-').Select(word => char.ToUpperInvariant(word[0]) + word[1..])),
                            Summary = type.Description,
                            Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
                            Parameters = [.. s_headers.Select(header => (IOpenApiParameter)new OpenApiParameter
                            {
                                Name = header.Name,
                                In = ParameterLocation.Header,
                                Required = true,
                                Description = header.Description,
                                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                            })],
                            RequestBody = new OpenApiRequestBody
                            {
                                Required = true,
                                Content = new Dictionary<string, OpenApiMediaType>
                                {
                                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(schemaId, document) },
                                },
                            },
                            Responses = new OpenApiResponses
                            {
                                ["200"] = new OpenApiResponse { Description = "Received. Any answer outside 2XX, a redirect or no answer within the timeout is retried." },
                            },
                        },
                    },
                };
            }
        });
}
