using Microsoft.Extensions.DependencyInjection;
using Vouch.Features.Webhooks;
using Vouch.Seeding;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

public sealed class DemoWebhooksTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_a_webhook_and_two_channels_with_their_history_and_one_turned_off_after_failing_and_posts_nothing()
    {
        await app.WithScopeAsync(async services =>
        {
            Assert.True(await ActivatorUtilities.CreateInstance<DemoData>(services).SeedAsync(Ct));
            var subscriptions = services.GetRequiredService<WebhookSubscriptions>();

            var webhooks = await subscriptions.ListAsync(channels: false, Ct);
            var channels = await subscriptions.ListAsync(channels: true, Ct);
            Assert.Equal(["Data warehouse", "Old CRM bridge"], webhooks.Select(w => w.Name));
            Assert.Equal([("Slack", "#customer-references"), ("Teams", "Reference team")], channels.Select(c => (c.Kind, c.Name)));
            Assert.All(webhooks.Concat(channels), s => Assert.False(s.Enabled));
            Assert.All(webhooks.Concat(channels).Where(s => s.Name != "Old CRM bridge"), s => Assert.Equal(DemoWebhooks.DemoReason, s.DisabledReason));

            var warehouse = (await subscriptions.DeliveriesAsync(webhooks[0].Id, channel: false, Ct))!;
            Assert.Equal((0, 1, 0), (webhooks[0].Waiting, webhooks[0].Failed, webhooks[0].ConsecutiveFailures));
            var givenUp = warehouse.Single(d => d.Status == "Failed");
            Assert.Equal((10, 503, "The endpoint answered 503 Service Unavailable: warehouse loader paused for maintenance"),
                (givenUp.Attempts, givenUp.ResponseStatus, givenUp.LastError));
            Assert.Contains(warehouse, d => d is { Status: "Delivered", Attempts: 2, ResponseStatus: 200 });
            Assert.All((await subscriptions.DeliveriesAsync(channels[1].Id, channel: true, Ct))!, d => Assert.Equal(("Delivered", 202), (d.Status, d.ResponseStatus)));
            // The reference team's channel heard of the ideas' moves and of the latest deal its references helped win.
            var slack = (await subscriptions.DeliveriesAsync(channels[0].Id, channel: true, Ct))!;
            Assert.Contains(WebhookEventTypes.OpportunityWon, channels[0].Events);
            Assert.All(slack.Where(d => d.Type != WebhookEventTypes.OpportunityWon), d => Assert.StartsWith("The idea \"", d.Summary));
            Assert.Contains(", with references from ", Assert.Single(slack, d => d.Type == WebhookEventTypes.OpportunityWon).Summary, StringComparison.Ordinal);

            var bridge = webhooks[1];
            Assert.Equal((3, 25), (bridge.Waiting, bridge.ConsecutiveFailures));
            Assert.Equal("Turned off after 25 failed attempts in a row. The last: The endpoint could not be reached: Name or service not known (crm-bridge.northwind.example:443)",
                bridge.DisabledReason);

            // Every subscription is off, so the sender finds nothing to post to the made-up addresses.
            Assert.Equal(0, await services.GetRequiredService<WebhookSender>().SendDueAsync("test", Ct));
        });
    }
}
