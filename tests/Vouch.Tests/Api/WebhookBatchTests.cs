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
/// Deliveries whose posts end differently: the outcomes that finish together are written together, and each delivery must
/// still show its own answer, attempts, time taken and next try, and each subscription its own failures in a row. A post
/// that waits for its timeout holds back nobody else's outcome.
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
        // The five quick answers were written without waiting for the post that timed out.
        var timedOutAt = rows[timedOut].LastAttemptAt!.Value;
        Assert.All(new[] { first, second, toTeams, retried, givenUp }, id => Assert.True(rows[id].LastAttemptAt <= timedOutAt.AddSeconds(-0.5),
            $"A quick answer was written at {rows[id].LastAttemptAt:O}, the timed-out post at {timedOutAt:O}."));

        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 200, TimeSpan.Zero, null), Outcome(rows[first]));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 200, TimeSpan.Zero, null), Outcome(rows[second]));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 1, 202, TimeSpan.Zero, null), Outcome(rows[toTeams]));
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, 500, App.RetryDelay, "The endpoint answered 500 Internal Server Error: database is down"),
            Outcome(rows[retried]));
        Assert.Equal((WebhookDeliveryStatus.Failed, App.MaxAttempts, 500, TimeSpan.Zero, "The endpoint answered 500 Internal Server Error: database is down"),
            Outcome(rows[givenUp]));
        Assert.Equal((WebhookDeliveryStatus.Pending, 1, null, App.RetryDelay, "The endpoint did not answer within 1 s."), Outcome(rows[timedOut]));
        Assert.All(new[] { first, second, toTeams }, id => Assert.Equal(rows[id].LastAttemptAt, rows[id].DeliveredAt));
        // Each row has the time of its own post: the one that waited for the timeout took a second, the others far less.
        Assert.InRange(rows[timedOut].DurationMs!.Value, 900, 5_000);
        Assert.All(new[] { first, second, toTeams, retried, givenUp }, id => Assert.InRange(rows[id].DurationMs!.Value, 0, 999));

        Assert.Equal(0, await FailuresInARowAsync(admin, $"/api/v1/webhooks/{warehouse}"));
        Assert.Equal(0, await FailuresInARowAsync(admin, $"/api/v1/integrations/channels/{teams}"));
        Assert.Equal(6, await FailuresInARowAsync(admin, $"/api/v1/webhooks/{broken}"));
        Assert.Equal(1, await FailuresInARowAsync(admin, $"/api/v1/webhooks/{slow}"));
    }

    [Fact]
    public async Task TwoInstancesSendingAtOncePostEveryDeliveryExactlyOnce()
    {
        // More than one instance keeps under way, so each claims again as its posts finish.
        const int Count = WebhookSender.UnderWayAtMost * 3;
        using var admin = await app.ClientForAsync(Roles.Admin);
        var receiver = await SubscribeAsync(admin, "Shared receiver", "/ok/two-instances");
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var events = Enumerable.Range(0, Count).Select(i => new WebhookEvent
            {
                Type = WebhookEventTypes.IdeaStatusChanged, OccurredAt = DateTimeOffset.UtcNow, Payload = $"{{\"n\":{i}}}", Summary = $"Change {i}",
            }).ToList();
            db.AddRange(events);
            db.AddRange(events.Select(e => WebhookEvents.Delivery(receiver, e, DateTimeOffset.UtcNow.AddSeconds(-1))));
            await db.SaveChangesAsync(Ct);
        });

        using var start = new Barrier(2);
        var sentBy = await Task.WhenAll(new[] { "instance-a", "instance-b" }.Select(instance => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
            start.SignalAndWait(Ct);
            return await sender.SendDueAsync(instance, Ct);
        }, Ct)));

        Assert.Equal(Count, sentBy.Sum());
        var posted = app.Receiver.Requests.Where(r => r.Path == "/ok/two-instances").Select(r => r.Body).ToList();
        Assert.Equal(Count, posted.Count);
        Assert.Equal(Count, posted.Distinct().Count());
        var delivered = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Set<WebhookDelivery>()
            .CountAsync(d => d.SubscriptionId == receiver && d.Status == WebhookDeliveryStatus.Delivered && d.Attempts == 1 && d.ClaimedBy == null, Ct));
        Assert.Equal(Count, delivered);
    }

    /// <summary>A delivery's state, attempts, answer, wait from its last attempt to its next (none once done) and error.</summary>
    private static (WebhookDeliveryStatus, int, int?, TimeSpan, string?) Outcome(WebhookDelivery d) =>
        (d.Status, d.Attempts, d.ResponseStatus, d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt - d.LastAttemptAt!.Value : TimeSpan.Zero, d.LastError);

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
