using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Webhooks;

public static class WebhookEndpoints
{
    /// <summary>Signed webhooks at <c>/webhooks</c>, chat channels at <c>/integrations/channels</c>: admins only.</summary>
    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Administer);
        webhooks.MapGet("/", async (WebhookSubscriptions subscriptions, CancellationToken ct) => TypedResults.Ok(await subscriptions.ListAsync(channels: false, ct)))
            .WithName("ListWebhooks").WithSummary("List the webhook subscriptions, with what waits and what failed.");
        webhooks.MapGet("/event-types", () => TypedResults.Ok(WebhookEventTypes.All.Select(t => new EventTypeResponse(t.Name, t.Description))))
            .WithName("ListWebhookEventTypes").WithSummary("List the events Vouch sends; their payloads are under webhooks in this document.");
        webhooks.MapPost("/", async (WebhookBody body, CurrentUser user, WebhookSubscriptions subscriptions, CancellationToken ct) =>
                (await subscriptions.CreateAsync(user.Id, body, ct)).ToApi(created => TypedResults.Created($"/api/v1/webhooks/{created.Subscription.Id}", created)))
            .WithName("CreateWebhook").WithSummary("Subscribe an HTTPS endpoint to events; the signing secret is shown only in this response.");
        MapSubscription(webhooks, channel: false, "Webhook", "webhook");

        var channels = api.MapGroup("/integrations/channels").WithTags("Chat channels").RequireAuthorization(Policies.Administer);
        channels.MapGet("/", async (WebhookSubscriptions subscriptions, CancellationToken ct) => TypedResults.Ok(await subscriptions.ListAsync(channels: true, ct)))
            .WithName("ListChannels").WithSummary("List the Slack and Teams channels events are posted to.");
        channels.MapPost("/", async (ChannelBody body, CurrentUser user, WebhookSubscriptions subscriptions, CancellationToken ct) =>
                (await subscriptions.CreateChannelAsync(user.Id, body, ct)).ToApi(created => TypedResults.Created($"/api/v1/integrations/channels/{created.Id}", created)))
            .WithName("CreateChannel").WithSummary("Connect a Slack or Teams channel by its incoming webhook's address, which is not shown again.");
        MapSubscription(channels, channel: true, "Channel", "channel");
        return api;
    }

    private static void MapSubscription(RouteGroupBuilder group, bool channel, string name, string what)
    {
        group.MapGet("/{id:guid}", async Task<Results<Ok<WebhookSubscriptionResponse>, ValidationProblem, ProblemHttpResult>> (
                Guid id, WebhookSubscriptions subscriptions, CancellationToken ct) => (await subscriptions.GetAsync(id, channel, ct)).ToApi(TypedResults.Ok))
            .WithName($"Get{name}").WithSummary($"Show one {what}.");
        if (channel)
        {
            group.MapPut("/{id:guid}", async (Guid id, ChannelBody body, WebhookSubscriptions subscriptions, CancellationToken ct) =>
                    (await subscriptions.UpdateChannelAsync(id, body, ct)).ToApi(TypedResults.Ok))
                .WithName($"Update{name}").WithSummary($"Change a {what}: its name, address, events or whether it is on; send the version you read.");
        }
        else
        {
            group.MapPut("/{id:guid}", async (Guid id, WebhookBody body, WebhookSubscriptions subscriptions, CancellationToken ct) =>
                    (await subscriptions.UpdateAsync(id, body, ct)).ToApi(TypedResults.Ok))
                .WithName($"Update{name}").WithSummary($"Change a {what}: its name, address, events or whether it is on; send the version you read.");
        }
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (
                Guid id, WebhookSubscriptions subscriptions, CancellationToken ct) => (await subscriptions.DeleteAsync(id, channel, ct)).ToApi(TypedResults.NoContent))
            .WithName($"Delete{name}").WithSummary($"Delete a {what} with its deliveries.");
        group.MapGet("/{id:guid}/deliveries", async Task<Results<Ok<List<WebhookDeliveryResponse>>, NotFound>> (
                Guid id, WebhookSubscriptions subscriptions, CancellationToken ct) =>
                await subscriptions.DeliveriesAsync(id, channel, ct) is { } deliveries ? TypedResults.Ok(deliveries) : TypedResults.NotFound())
            .WithName($"List{name}Deliveries").WithSummary($"The {what}'s latest {WebhookSubscriptions.DeliveriesShown} deliveries, newest first, with the answers they got.");
        group.MapPost("/{id:guid}/ping", async Task<Results<Accepted<WebhookDeliveryResponse>, ValidationProblem, ProblemHttpResult>> (
                Guid id, WebhookSubscriptions subscriptions, CancellationToken ct) =>
                (await subscriptions.PingAsync(id, channel, ct)).ToApi(delivery => TypedResults.Accepted((string?)null, delivery)))
            .WithName($"Ping{name}").WithSummary($"Send the {what} a webhook.ping event now, to try it.");
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async Task<Results<Accepted<WebhookDeliveryResponse>, ValidationProblem, ProblemHttpResult>> (
                Guid id, Guid deliveryId, WebhookSubscriptions subscriptions, CancellationToken ct) =>
                (await subscriptions.RedeliverAsync(id, deliveryId, channel, ct)).ToApi(delivery => TypedResults.Accepted((string?)null, delivery)))
            .WithName($"Redeliver{name}Delivery").WithSummary("Queue a delivery again, now.");
    }
}

public sealed record EventTypeResponse(string Name, string Description);
