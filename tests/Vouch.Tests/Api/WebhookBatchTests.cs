using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Webhooks;
using Vouch.Testing;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>
/// One batch of deliveries whose posts end differently: the outcomes are written together, and each delivery must still
/// show its own answer, attempts, time taken and next try, and each subscription its own failures in a row.
/// </summary>
public sealed class WebhookBatchTests(WebhookBatchTests.App app) : IClassFixture<WebhookBatchTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app with a sender that runs only when the test sends, a retry a minute after a failure, and the receiver.</summary>
    public sealed class App : VouchApp
    {
        public const int MaxAttempts = 3;
        public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);
        public WebhookReceiver Receiver { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            Receiver = await WebhookReceiver.StartAsync();
            await base.InitializeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Webhooks:AllowHttp", "true");
            // Deliveries written straight to the database wake no sender; the test runs the round itself.
            builder.UseSetting("Webhooks:PollInterval", "01:00:00");
            builder.UseSetting("Webhooks:RetryDelay", RetryDelay.ToString());
            builder.UseSetting("Webhooks:Timeout", "00:00:01");
            builder.UseSetting("Webhooks:MaxAttempts", MaxAttempts.ToString());
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Receiver.DisposeAsync();
        }
    }

    [Fact]
    public async Task EachDeliveryOfABatchKeepsItsOwnAnswerAttemptsTimeAndNextTry()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var warehouse = await SubscribeAsync(admin, "Warehouse", "/ok");
        var teams = await ChannelAsync(admin, "Reference team", "/teams");
        var broken = await SubscribeAsync(admin, "Broken receiver", "/fail");
        var slow = await SubscribeAsync(admin, "Slow receiver", "/slow");
        var (first, second, toTeams, retried, givenUp, timedOut) = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            await db.Set<WebhookSubscription>().Where(s => s.Id == warehouse).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, 2), Ct);
            await db.Set<WebhookSubscription>().Where(s => s.Id == broken).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, 4), Ct);
            var happened = new WebhookEvent { Type = WebhookEventTypes.IdeaStatusChanged, OccurredAt = DateTimeOffset.UtcNow, Payload = "{}", Summary = "A batch test." };
            var deliveries = new[] { warehouse, warehouse, teams, broken, broken, slow }
                .Select(subscription => WebhookEvents.Delivery(subscription, happened, DateTimeOffset.UtcNow.AddSeconds(-1))).ToArray();
            // The second to the broken receiver has one attempt left.
            deliveries[4].Attempts = App.MaxAttempts - 1;
            db.Add(happened);
            db.AddRange(deliveries);
            await db.SaveChangesAsync(Ct);
            return (deliveries[0].Id, deliveries[1].Id, deliveries[2].Id, deliveries[3].Id, deliveries[4].Id, deliveries[5].Id);
        });

        var delivered = await app.WithScopeAsync(services => services.GetRequiredService<WebhookSender>().SendDueAsync("test", Ct));

        Assert.Equal(3, delivered);
        var rows = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.Event!.Summary == "A batch test.").ToDictionaryAsync(d => d.Id, Ct));
        Assert.Equal(6, rows.Count);
        Assert.All(rows.Values, d => Assert.Null(d.ClaimedBy));
        Assert.Single(rows.Values.Select(d => d.LastAttemptAt).Distinct());
        var at = rows[first].LastAttemptAt!.Value;

        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 200, at, null), Outcome(rows[first]));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 200, at, null), Outcome(rows[second]));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 202, at, null), Outcome(rows[toTeams]));
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, 500, at + App.RetryDelay, "The endpoint answered 500 Internal Server Error: database is down"),
            Outcome(rows[retried]));
        Assert.Equal((WebhookDeliveryStatus.Failed, App.MaxAttempts, 500, at, "The endpoint answered 500 Internal Server Error: database is down"),
            Outcome(rows[givenUp]));
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, null, at + App.RetryDelay, "The endpoint did not answer within 1 s."), Outcome(rows[timedOut]));
        Assert.All(new[] { first, second, toTeams }, id => Assert.Equal(at, rows[id].DeliveredAt));
        // Each row has the time of its own post: the one that waited for the timeout took a second, the others far less.
        Assert.InRange(rows[timedOut].DurationMs!.Value, 1_000, 5_000);
        Assert.All(new[] { first, second, toTeams, retried, givenUp }, id => Assert.InRange(rows[id].DurationMs!.Value, 0, 999));

        Assert.Equal(0, await FailuresInARowAsync(admin, $"/api/v1/webhooks/{warehouse}"));
        Assert.Equal(0, await FailuresInARowAsync(admin, $"/api/v1/integrations/channels/{teams}"));
        Assert.Equal(6, await FailuresInARowAsync(admin, $"/api/v1/webhooks/{broken}"));
        Assert.Equal(1, await FailuresInARowAsync(admin, $"/api/v1/webhooks/{slow}"));
    }

    private static (WebhookDeliveryStatus, int, int?, DateTimeOffset, string?) Outcome(WebhookDelivery d) =>
        (d.Status, d.Attempts, d.ResponseStatus, d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : d.LastAttemptAt!.Value, d.LastError);

    private async Task<Guid> SubscribeAsync(HttpClient admin, string name, string path)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/webhooks",
            new { name, url = app.Receiver.Url(path), events = new[] { WebhookEventTypes.IdeaStatusChanged } }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("subscription").GetProperty("id").GetGuid();
    }

    private async Task<Guid> ChannelAsync(HttpClient admin, string name, string path)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/integrations/channels",
            new { kind = "Teams", name, webhookUrl = app.Receiver.Url(path), events = new[] { WebhookEventTypes.IdeaStatusChanged } }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task<int> FailuresInARowAsync(HttpClient admin, string subscription) =>
        (await admin.GetFromJsonAsync<JsonElement>(subscription, Ct)).GetProperty("consecutiveFailures").GetInt32();
}
