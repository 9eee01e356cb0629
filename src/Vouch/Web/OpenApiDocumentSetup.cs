using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vouch.Web;

/// <summary>What <c>/openapi/v1.json</c> says about the API as a whole: its purpose, licence, security and tags.</summary>
public static class OpenApiDocumentSetup
{
    private static readonly Dictionary<string, string> s_tags = new()
    {
        ["Users"] = "People who sign in to Vouch, and the caller themself.",
        ["Access tokens"] = "Personal access tokens for scripts and integrations.",
        ["Catalog"] = "Industries, products and countries, written and read by name or key.",
        ["Accounts"] = "Customer companies.",
        ["Contacts"] = "People at customer companies: the possible advocates.",
        ["Ideas"] = "The idea exchange: customers' and employees' product ideas, votes, comments, statuses and merges.",
        ["Notifications"] = "What the caller is told in the app, e.g. status changes of ideas they follow.",
        ["Email"] = "Delivery of notifications by email: what waits and what failed.",
        ["Audit"] = "The append-only log of every change.",
        ["Webhooks"] = "Signed outgoing webhooks: subscriptions, their deliveries, and (under webhooks) the events Vouch posts.",
        ["Chat channels"] = "Slack and Microsoft Teams channels events are posted to.",
    };

    public static OpenApiOptions AddVouchDocument(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Vouch API",
                Version = "v1",
                Description = "Customer reference and advocacy management. Send `Authorization: Bearer <token>` " +
                    "with a personal access token (`vouch tokens create`). Errors are RFC 9457 problem details.",
                License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/licenses/MIT") },
            };
            document.Servers = [new OpenApiServer { Url = "/", Description = "This Vouch server" }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token.",
                },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            document.Tags = new HashSet<OpenApiTag>(s_tags.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
            return Task.CompletedTask;
        });
}
