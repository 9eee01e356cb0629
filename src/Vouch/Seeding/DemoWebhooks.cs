using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Ideas;
using Vouch.Features.Requests;
using Vouch.Features.Webhooks;

namespace Vouch.Seeding;

/// <summary>
/// The demo's webhooks and channels, as after weeks of running: a signed webhook to a data warehouse, a Slack channel
/// and a Teams channel, each with the demo ideas' status changes delivered (one on its second attempt, one given up
/// after every retry), the Slack channel also with the latest deal won with references, and an old CRM bridge that
/// Vouch turned off after failing again and again, its last deliveries waiting.
/// <para>
/// Every address is on a reserved <c>.example</c> host, and every subscription is off: a demo must not post customer
/// events to addresses nobody owns, and one left on would fill with failures at each click and, after enough of them in
/// a row, tell every admin that it was turned off, which someone trying Vouch would take for a fault. Each says why it is
/// off. Turned on, it would be posted to and fail like any unreachable endpoint. The seeded deliveries are final or belong to a
/// subscription that is off, so none is posted.
/// </para>
/// </summary>
public static class DemoWebhooks
{
    public const string DemoReason = "Demo data: the address is made up, so Vouch sends nothing to it. Subscribe an endpoint of your own to see events arrive.";

    public static async Task SeedAsync(VouchDbContext db, WebhookSubscriptions subscriptions, WebhookEvents events, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var admin = await db.Users.Where(u => u.Email == "admin@vouch.demo").Select(u => u.Id).SingleAsync(ct);
        var moved = await db.Ideas.Where(i => i.Status != IdeaStatus.New && i.Status != IdeaStatus.Duplicate)
            .OrderBy(i => i.StatusChangedAt).ThenBy(i => i.Id).ToListAsync(ct);
        if (moved.Count < 4)
        {
            return;
        }
        string[] ideaEvents = [WebhookEventTypes.IdeaStatusChanged];
        var warehouse = (await subscriptions.CreateAsync(admin, new WebhookBody("Data warehouse", "https://hooks.northwind.example/vouch/events",
            [WebhookEventTypes.IdeaStatusChanged, WebhookEventTypes.RequestCreated, WebhookEventTypes.RequestChanged, WebhookEventTypes.ReferralWon]), ct)).Value!.Subscription.Id;
        var slack = (await subscriptions.CreateChannelAsync(admin, new ChannelBody("Slack", "#customer-references", "https://hooks.slack.example/services/T0DEMO/B0DEMO/demo",
            [.. ideaEvents, WebhookEventTypes.RequestAccepted, WebhookEventTypes.RequestSlaAtRisk, WebhookEventTypes.OpportunityWon]), ct)).Value!.Id;
        var teams = (await subscriptions.CreateChannelAsync(admin,
            new ChannelBody("Teams", "Reference team", "https://northwind.webhook.office.example/workflows/demo", ideaEvents), ct)).Value!.Id;
        var bridge = (await subscriptions.CreateAsync(admin, new WebhookBody("Old CRM bridge", "https://crm-bridge.northwind.example/webhooks", ideaEvents), ct))
            .Value!.Subscription.Id;

        var unreachable = "The endpoint could not be reached: Name or service not known (crm-bridge.northwind.example:443)";
        var rows = await db.Set<WebhookSubscription>().Where(s => s.Id == warehouse || s.Id == slack || s.Id == teams || s.Id == bridge).ToDictionaryAsync(s => s.Id, ct);
        foreach (var subscription in rows.Values)
        {
            (subscription.IsEnabled, subscription.DisabledReason, subscription.CreatedAt) = (false, DemoReason, now.AddDays(-45));
        }
        (rows[bridge].DisabledReason, rows[bridge].ConsecutiveFailures, rows[bridge].CreatedAt) =
            (WebhookSender.TurnedOffReason(25, unreachable), 25, now.AddDays(-120));

        // The ideas moved over the last two weeks, the latest a day ago; the bridge had stopped answering before the last three.
        for (var i = 0; i < moved.Count; i++)
        {
            var at = now.AddDays(-1 - (moved.Count - 1 - i) * 13.0 / moved.Count).AddMinutes(-17 * i);
            var happened = events.IdeaStatusChanged(moved[i], IdeaStatus.New, at);
            db.Add(happened);
            var toWarehouse = i switch
            {
                1 => Delivered(warehouse, happened, 200, 143, attempts: 2, retriedAfter: TimeSpan.FromSeconds(30)),
                2 => GivenUp(warehouse, happened, 503, 2_011, "The endpoint answered 503 Service Unavailable: warehouse loader paused for maintenance"),
                _ => Delivered(warehouse, happened, 200, 90 + 37 * i % 120),
            };
            db.AddRange(toWarehouse, Delivered(slack, happened, 200, 210 + 53 * i % 190), Delivered(teams, happened, 202, 480 + 71 * i % 400));
            if (i >= moved.Count - 3)
            {
                db.Add(Waiting(bridge, happened, unreachable, attempts: 4 + moved.Count - 1 - i));
            }
        }
        // The reference team's channel heard of the latest deal its references helped win.
        var won = await ReportQueries.ClosedDeals(db).Where(d => d.IsWon && d.WithReferences).OrderByDescending(d => d.CloseDate).ThenBy(d => d.Id)
            .Select(d => d.Id).FirstOrDefaultAsync(ct);
        if (await db.Opportunities.FindAsync([won], ct) is { } deal
            && await events.OpportunityWonAsync(db, deal, now.AddDays(-2).AddHours(-5), ct) is { } dealWon)
        {
            db.AddRange(dealWon, Delivered(slack, dealWon, 200, 187));
        }
        await db.SaveChangesAsync(ct);

        WebhookDelivery Delivered(Guid subscription, WebhookEvent happened, int status, int ms, int attempts = 1, TimeSpan retriedAfter = default)
        {
            var delivery = WebhookEvents.Delivery(subscription, happened, happened.OccurredAt);
            var at = happened.OccurredAt.AddSeconds(1) + retriedAfter;
            (delivery.Status, delivery.Attempts, delivery.ResponseStatus, delivery.DurationMs, delivery.LastAttemptAt, delivery.DeliveredAt, delivery.NextAttemptAt) =
                (WebhookDeliveryStatus.Delivered, attempts, status, ms, at, at, at);
            return delivery;
        }

        WebhookDelivery GivenUp(Guid subscription, WebhookEvent happened, int status, int ms, string error)
        {
            // Ten attempts, the waits doubling from 30 s up to two hours: the last about eight and a half hours after the first.
            var delivery = WebhookEvents.Delivery(subscription, happened, happened.OccurredAt);
            var at = happened.OccurredAt.AddHours(8.5);
            (delivery.Status, delivery.Attempts, delivery.ResponseStatus, delivery.DurationMs, delivery.LastError, delivery.LastAttemptAt, delivery.NextAttemptAt) =
                (WebhookDeliveryStatus.Failed, 10, status, ms, error, at, at);
            return delivery;
        }

        WebhookDelivery Waiting(Guid subscription, WebhookEvent happened, string error, int attempts)
        {
            // Off, so it waits: turned on again, it is posted at once.
            var delivery = WebhookEvents.Delivery(subscription, happened, happened.OccurredAt);
            var at = happened.OccurredAt.AddMinutes(Math.Pow(2, attempts - 1) / 2);
            (delivery.Attempts, delivery.DurationMs, delivery.LastError, delivery.LastAttemptAt, delivery.NextAttemptAt) =
                (attempts, 12, error, at, at.AddMinutes(Math.Pow(2, attempts) / 2));
            return delivery;
        }
    }
}
