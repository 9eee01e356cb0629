using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Requests;
using Vouch.Features.Webhooks;
using Vouch.Testing;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>
/// Webhooks and chat channels end to end: a change in Vouch reaches a real HTTP server on 127.0.0.1 signed, retried,
/// reported with the answer it got, and turned off when the endpoint keeps failing.
/// </summary>
public sealed class WebhooksTests(WebhooksTests.App app) : IClassFixture<WebhooksTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app delivering every tenth of a second, with short waits, a short timeout and an early switch-off; and the receiver.</summary>
    public sealed class App : VouchApp
    {
        public const int MaxAttempts = 3;
        public WebhookReceiver Receiver { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            Receiver = await WebhookReceiver.StartAsync();
            await base.InitializeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Vouch:PublicUrl", "https://vouch.example.com");
            builder.UseSetting("Webhooks:AllowHttp", "true");
            builder.UseSetting("Webhooks:PollInterval", "00:00:00.1");
            builder.UseSetting("Webhooks:RetryDelay", "00:00:00.1");
            builder.UseSetting("Webhooks:Timeout", "00:00:01");
            builder.UseSetting("Webhooks:MaxAttempts", MaxAttempts.ToString());
            builder.UseSetting("Webhooks:DisableAfterFailures", MaxAttempts.ToString());
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Receiver.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnEndpointGetsTheEventsItChoseSignedWithItsSecret()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var path = $"/ok/{Guid.NewGuid():N}";
        var created = await CreateAsync(admin, "Warehouse", app.Receiver.Url(path), [WebhookEventTypes.IdeaStatusChanged]);
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        var id = created.GetProperty("subscription").GetProperty("id").GetGuid();

        var title = $"Export to the data warehouse {Guid.NewGuid():N}";
        var idea = await PostIdeaAsync(admin, title);
        using (var vote = await admin.PostAsync($"/api/v1/ideas/{idea}/votes", null, Ct))
        {
            Assert.True(vote.IsSuccessStatusCode);
        }
        await SetStatusAsync(admin, idea, "Planned");

        var received = Assert.Single(await app.Receiver.WaitForAsync(path, 1));
        Assert.Equal("application/json; charset=utf-8", received.Headers["content-type"]);
        Assert.True(WebhookSignature.Verify(secret, received.Headers["webhook-id"], received.Headers["webhook-timestamp"], received.Body,
            received.Headers["webhook-signature"], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        // As a receiver checks it from the Standard Webhooks specification alone, without Vouch's code: "v1," and the
        // Base64 HMAC-SHA256 of "{id}.{timestamp}.{body}", keyed with the Base64-decoded secret after "whsec_".
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{received.Headers["webhook-id"]}.{received.Headers["webhook-timestamp"]}.{received.Body}");
        Assert.Contains("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)), received.Headers["webhook-signature"].Split(' '));
        var sentAt = long.Parse(received.Headers["webhook-timestamp"], CultureInfo.InvariantCulture);
        Assert.InRange(sentAt, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 120, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.False(WebhookSignature.Verify(secret, received.Headers["webhook-id"], received.Headers["webhook-timestamp"], received.Body.Replace("Planned", "Delivered"),
            received.Headers["webhook-signature"], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal("idea.status-changed", body.RootElement.GetProperty("type").GetString());
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(idea, data.GetProperty("ideaId").GetGuid());
        Assert.Equal(title, data.GetProperty("title").GetString());
        Assert.Equal("New", data.GetProperty("from").GetString());
        Assert.Equal("Planned", data.GetProperty("to").GetString());
        Assert.Equal($"https://vouch.example.com/ideas/{idea}", data.GetProperty("link").GetString());

        var delivery = await WaitForDeliveryAsync(admin, $"/api/v1/webhooks/{id}", title, "Delivered");
        Assert.Equal(200, delivery.GetProperty("responseStatus").GetInt32());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task EveryStepOfARequestAndTheAskItCompletesAreSent()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var path = $"/ok/{Guid.NewGuid():N}";
        await CreateAsync(admin, "Deal desk", app.Receiver.Url(path),
            [WebhookEventTypes.RequestCreated, WebhookEventTypes.RequestChanged, WebhookEventTypes.AskCompleted]);
        var (people, advocate) = await app.AddPeopleAsync();
        var opportunityId = await app.AddOpportunityAsync(people.SellerId, advocate);

        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), opportunityId, useCase = "invoicing" }, Ct);
        var request = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await StepAsync(people.Seller, $"/api/v1/requests/{request}/assign", new { contactId = advocate.ContactId });
        await StepAsync(people.Owner, $"/api/v1/requests/{request}/owner-consent", new { decision = "approve" });
        await StepAsync(people.Advocate, $"/api/v1/requests/{request}/accept", null);
        await StepAsync(people.Seller, $"/api/v1/requests/{request}/schedule", new { at = DateTimeOffset.UtcNow.AddDays(7) });
        await StepAsync(people.Seller, $"/api/v1/requests/{request}/complete", null);

        var received = (await app.Receiver.WaitForAsync(path, 7)).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        // Deliveries go out in parallel, so they may arrive in any order; each carries when it happened.
        Assert.Equal(["ask.completed", "request.changed", "request.created"], received.Select(e => e.GetProperty("type").GetString()).Distinct().Order());
        var steps = received.Where(e => e.GetProperty("type").GetString() == "request.changed").Select(e => e.GetProperty("data")).ToList();
        Assert.Equal(["Accepted", "CandidateProposed", "Completed", "OwnerApproved", "Scheduled"], steps.Select(d => d.GetProperty("to").GetString()).Order());
        Assert.Equal(7, received.Count);
        var completed = steps.Single(d => d.GetProperty("to").GetString() == "Completed");
        Assert.Equal((request, "Scheduled", "Reference call"),
            (completed.GetProperty("requestId").GetGuid(), completed.GetProperty("from").GetString(), completed.GetProperty("activity").GetString()));
        var ask = received.Single(e => e.GetProperty("type").GetString() == "ask.completed").GetProperty("data");
        Assert.Equal((advocate.ContactId, request), (ask.GetProperty("contactId").GetGuid(), ask.GetProperty("requestId").GetGuid()));
    }

    [Fact]
    public async Task AnAdvocatesAcceptanceReachesAChannelThatChoseAcceptancesAlone()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var (path, slackPath) = ($"/ok/{Guid.NewGuid():N}", $"/slack/{Guid.NewGuid():N}");
        var webhook = (await CreateAsync(admin, "Acceptances", app.Receiver.Url(path), [WebhookEventTypes.RequestAccepted]))
            .GetProperty("subscription").GetProperty("id").GetGuid();
        await CreateChannelAsync(admin, "Slack", "#wins", app.Receiver.Url(slackPath), [WebhookEventTypes.RequestAccepted]);
        var (people, advocate) = await app.AddPeopleAsync();
        var request = await RequestThroughConsentAsync(people, advocate);
        var offered = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(9).AddHours(15), TimeSpan.Zero);

        await StepAsync(people.Advocate, $"/api/v1/requests/{request}/accept", new { proposedTimes = new[] { offered } });
        await StepAsync(people.Seller, $"/api/v1/requests/{request}/schedule", new { at = offered });

        using var body = JsonDocument.Parse(Assert.Single(await app.Receiver.WaitForAsync(path, 1)).Body);
        Assert.Equal("request.accepted", body.RootElement.GetProperty("type").GetString());
        var data = body.RootElement.GetProperty("data");
        var (name, account, seller) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VouchDbContext>();
            var contact = await db.Contacts.Include(c => c.Account).SingleAsync(c => c.Id == advocate.ContactId, Ct);
            return (contact.FullName, contact.Account!.Name, (await db.Users.SingleAsync(u => u.Id == people.SellerId, Ct)).DisplayName);
        });
        Assert.Equal((request, "Reference call", name, account, seller, offered),
            (data.GetProperty("requestId").GetGuid(), data.GetProperty("activity").GetString(), data.GetProperty("advocate").GetString(),
                data.GetProperty("account").GetString(), data.GetProperty("requester").GetString(), Assert.Single(data.GetProperty("proposedTimes").EnumerateArray()).GetDateTimeOffset()));
        Assert.Equal($"https://vouch.example.com/requests/{request}", data.GetProperty("link").GetString());

        using var message = JsonDocument.Parse(Assert.Single(await app.Receiver.WaitForAsync(slackPath, 1)).Body);
        Assert.Equal($"{name} of {account} accepted the reference call for {seller}: it waits to be scheduled. They offered {offered.UtcDateTime:d MMM HH:mm} UTC."
            + $" <https://vouch.example.com/requests/{request}|Open in Vouch>", message.RootElement.GetProperty("text").GetString());
        // The schedule after it is a step like any other: these subscriptions chose acceptances alone. Deliveries are written with their change.
        var deliveries = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{webhook}/deliveries", Ct);
        Assert.Single(deliveries.EnumerateArray());
    }

    [Fact]
    public async Task AStepAboutToMissItsServiceLevelIsSentOnceAndAgainForTheNextStepButNeverOnceOverdue()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var path = $"/ok/{Guid.NewGuid():N}";
        await CreateAsync(admin, "Service levels", app.Receiver.Url(path), [WebhookEventTypes.RequestSlaAtRisk]);
        var (people, advocate) = await app.AddPeopleAsync();
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) }, Ct);
        var request = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await StepAsync(people.Seller, $"/api/v1/requests/{request}/assign", new { contactId = advocate.ContactId });

        // The owner's consent is due in two hours, within the eight of the default warning: a warning, and the next run none.
        // Runs are called here as the scheduled job calls them; whichever runs first warns.
        var consentDue = await DueInAsync(request, TimeSpan.FromHours(2));
        await WarnAsync();
        await WarnAsync();
        Assert.Equal(1, await AtRiskEventsAsync(request));
        var owner = await NotificationsAsync(people.OwnerId, request);
        Assert.Equal($"Due soon: the account owner's consent on a reference call request, by {consentDue.UtcDateTime:d MMM HH:mm} UTC.", Assert.Single(owner).Text);

        // The step moves on: its new due time is days away, so no warning yet; near it, one again, to the advocate.
        await StepAsync(people.Owner, $"/api/v1/requests/{request}/owner-consent", new { decision = "approve" });
        await WarnAsync();
        Assert.Equal(1, await AtRiskEventsAsync(request));
        var answerDue = await DueInAsync(request, TimeSpan.FromHours(1));
        await WarnAsync();
        await WarnAsync();
        Assert.Equal(2, await AtRiskEventsAsync(request));
        Assert.Contains(await NotificationsAsync(people.AdvocateUserId, request),
            n => n.Text == $"Due soon: the advocate's answer on a reference call request, by {answerDue.UtcDateTime:d MMM HH:mm} UTC.");

        // A step already overdue is escalated, not warned of, and once escalated stays so.
        await StepAsync(people.Advocate, $"/api/v1/requests/{request}/accept", null);
        await DueInAsync(request, TimeSpan.FromMinutes(-1));
        await WarnAsync();
        await app.WithScopeAsync(s => s.GetRequiredService<RequestWorkflow>().EscalateAsync(Ct));
        await DueInAsync(request, TimeSpan.FromHours(1));
        await WarnAsync();
        Assert.Equal(2, await AtRiskEventsAsync(request));

        var received = (await app.Receiver.WaitForAsync(path, 2)).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["request.sla-at-risk"], received.Select(e => e.GetProperty("type").GetString()).Distinct());
        var steps = received.Select(e => e.GetProperty("data")).OrderBy(d => d.GetProperty("step").GetString(), StringComparer.Ordinal).ToList();
        Assert.Equal([(request, "CandidateProposed", "the account owner's consent", consentDue), (request, "OwnerApproved", "the advocate's answer", answerDue)],
            steps.Select(d => (d.GetProperty("requestId").GetGuid(), d.GetProperty("step").GetString(), d.GetProperty("waitingOn").GetString(), d.GetProperty("dueAt").GetDateTimeOffset())));
        Assert.Equal(("Reference call", $"https://vouch.example.com/requests/{request}"), (steps[0].GetProperty("activity").GetString(), steps[0].GetProperty("link").GetString()));
    }

    [Fact]
    public async Task ADealWonWithReferencesIsSentWithThemAndOneWonWithoutIsNot()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var (path, teamsPath) = ($"/ok/{Guid.NewGuid():N}", $"/teams/{Guid.NewGuid():N}");
        var webhook = (await CreateAsync(admin, "Won deals", app.Receiver.Url(path), [WebhookEventTypes.OpportunityWon]))
            .GetProperty("subscription").GetProperty("id").GetGuid();
        await CreateChannelAsync(admin, "Teams", "Sales wins", app.Receiver.Url(teamsPath), [WebhookEventTypes.OpportunityWon]);
        var (people, advocate) = await app.AddPeopleAsync();
        var helped = await app.AddOpportunityAsync(people.SellerId, advocate);
        var alone = await app.AddOpportunityAsync(people.SellerId, advocate);
        var request = await RequestThroughConsentAsync(people, advocate, helped);
        await StepAsync(people.Advocate, $"/api/v1/requests/{request}/accept", null);
        await StepAsync(people.Seller, $"/api/v1/requests/{request}/schedule", new { at = DateTimeOffset.UtcNow.AddDays(2) });
        await StepAsync(people.Seller, $"/api/v1/requests/{request}/complete", null);
        await StepAsync(people.Seller, $"/api/v1/requests/{request}/feedback", new { happened = true, rating = 4, helped = true });

        await CloseWonAsync(people.Seller, alone, 20_000m);
        await CloseWonAsync(people.Seller, helped, 72_500.50m);

        using var body = JsonDocument.Parse(Assert.Single(await app.Receiver.WaitForAsync(path, 1)).Body);
        Assert.Equal("opportunity.won", body.RootElement.GetProperty("type").GetString());
        var data = body.RootElement.GetProperty("data");
        var (name, account, prospect) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VouchDbContext>();
            var contact = await db.Contacts.Include(c => c.Account).SingleAsync(c => c.Id == advocate.ContactId, Ct);
            return (contact.FullName, contact.Account!.Name, await db.Opportunities.Where(o => o.Id == helped).Select(o => o.Account!.Name).SingleAsync(Ct));
        });
        Assert.Equal((helped, "Prospect expansion", prospect, 72_500.50m, $"https://vouch.example.com/opportunities/{helped}"),
            (data.GetProperty("opportunityId").GetGuid(), data.GetProperty("name").GetString(), data.GetProperty("account").GetString(),
                data.GetProperty("amount").GetDecimal(), data.GetProperty("link").GetString()));
        var reference = Assert.Single(data.GetProperty("references").EnumerateArray());
        Assert.Equal((request, name, account, "Reference call", 4, 72_500.50m),
            (reference.GetProperty("requestId").GetGuid(), reference.GetProperty("contact").GetString(), reference.GetProperty("account").GetString(),
                reference.GetProperty("activity").GetString(), reference.GetProperty("rating").GetInt32(), reference.GetProperty("credit").GetDecimal()));

        using var card = JsonDocument.Parse(Assert.Single(await app.Receiver.WaitForAsync(teamsPath, 1)).Body);
        Assert.Equal($"Prospect expansion ({prospect}) was won for 72,500.5, with references from {name}.",
            card.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString());
        // The deal won without a reference is no such event: nothing was written for it.
        var deliveries = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{webhook}/deliveries", Ct);
        Assert.Single(deliveries.EnumerateArray());
    }

    [Fact]
    public async Task AFailingEndpointIsRetriedThenTurnedOffAndTheAdminsAreTold()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var created = await CreateAsync(admin, "Broken receiver", app.Receiver.Url("/fail"), [WebhookEventTypes.IdeaStatusChanged]);
        var id = created.GetProperty("subscription").GetProperty("id").GetGuid();
        var title = $"Bulk archive {Guid.NewGuid():N}";
        await SetStatusAsync(admin, await PostIdeaAsync(admin, title), "UnderReview");

        var delivery = await WaitForDeliveryAsync(admin, $"/api/v1/webhooks/{id}", title, "Failed");
        Assert.Equal(App.MaxAttempts, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(500, delivery.GetProperty("responseStatus").GetInt32());
        Assert.Equal("The endpoint answered 500 Internal Server Error: database is down", delivery.GetProperty("lastError").GetString());

        var subscription = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{id}", Ct);
        Assert.False(subscription.GetProperty("enabled").GetBoolean());
        Assert.StartsWith($"Turned off after {App.MaxAttempts} failed attempts in a row.", subscription.GetProperty("disabledReason").GetString());
        var notifications = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        Assert.Contains(notifications.GetProperty("items").EnumerateArray(), n =>
            n.GetProperty("text").GetString() == $"The webhook \"Broken receiver\" was turned off after failing {App.MaxAttempts} times in a row. Fix the endpoint, then turn it on again.");

        // Turned on again by a person, it starts with a clean slate.
        using var on = await admin.PutAsJsonAsync($"/api/v1/webhooks/{id}",
            new { enabled = true, version = subscription.GetProperty("version").GetGuid() }, Ct);
        var turnedOn = await on.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(turnedOn.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, turnedOn.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(JsonValueKind.Null, turnedOn.GetProperty("disabledReason").ValueKind);
    }

    [Theory]
    [InlineData("/moved", "The endpoint redirected to http://elsewhere.example/hooks; deliveries do not follow redirects: subscribe the final address.")]
    [InlineData("/slow", "The endpoint did not answer within 1 s.")]
    public async Task AnEndpointThatRedirectsOrDoesNotAnswerIsAFailureThatSaysWhy(string path, string error)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var created = await CreateAsync(admin, $"Endpoint at {path}", app.Receiver.Url(path), [WebhookEventTypes.ReferralWon]);
        var id = created.GetProperty("subscription").GetProperty("id").GetGuid();

        using var ping = await admin.PostAsync($"/api/v1/webhooks/{id}/ping", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);

        var delivery = await WaitForDeliveryAsync(admin, $"/api/v1/webhooks/{id}", "A test from Vouch", "Failed");
        Assert.Equal(error, delivery.GetProperty("lastError").GetString());
        Assert.DoesNotContain(app.Receiver.Requests, r => r.Path == "/hooks");
    }

    [Fact]
    public async Task SlackAndTeamsChannelsGetTheEventInASentenceAndTheirAddressIsNeverShown()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var slackPath = $"/slack/{Guid.NewGuid():N}";
        var teamsPath = $"/teams/{Guid.NewGuid():N}";
        var slack = await CreateChannelAsync(admin, "Slack", "#references", app.Receiver.Url(slackPath));
        await CreateChannelAsync(admin, "Teams", "Reference team", app.Receiver.Url(teamsPath));
        Assert.Equal($"{app.Receiver.Root.Scheme}://{app.Receiver.Root.Authority}/…", slack.GetProperty("url").GetString());
        var listed = await admin.GetStringAsync("/api/v1/integrations/channels", Ct);
        Assert.DoesNotContain(slackPath, listed);
        // Nor is it in the audit log, not even encrypted: the log keeps it for ever, beyond any rotation of the keys.
        var logged = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == nameof(WebhookSubscription) && e.RecordId == slack.GetProperty("id").GetGuid().ToString()).Select(e => e.After).SingleAsync(Ct));
        Assert.Contains("\"ProtectedSecret\":\"(secret)\"", logged, StringComparison.Ordinal);

        var title = $"Alerts <when> deals & references move {Guid.NewGuid():N}";
        var idea = await PostIdeaAsync(admin, title);
        await SetStatusAsync(admin, idea, "InProgress");

        var toSlack = (await app.Receiver.WaitForAsync(slackPath, 1)).Single(r => r.Body.Contains("moved from", StringComparison.Ordinal));
        using (var message = JsonDocument.Parse(toSlack.Body))
        {
            var escaped = title.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
            Assert.Equal($"The idea \"{escaped}\" moved from New to In progress. <https://vouch.example.com/ideas/{idea}|Open in Vouch>",
                message.RootElement.GetProperty("text").GetString());
        }
        Assert.False(toSlack.Headers.ContainsKey("webhook-signature"));

        var toTeams = (await app.Receiver.WaitForAsync(teamsPath, 1)).Single();
        using var card = JsonDocument.Parse(toTeams.Body);
        var attachment = card.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal($"The idea \"{title}\" moved from New to In progress.", attachment.GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal($"https://vouch.example.com/ideas/{idea}", attachment.GetProperty("content").GetProperty("actions")[0].GetProperty("url").GetString());
        var delivery = await WaitForDeliveryAsync(admin, $"/api/v1/integrations/channels/{slack.GetProperty("id").GetGuid()}", title, "Delivered");
        Assert.Equal(200, delivery.GetProperty("responseStatus").GetInt32());
    }

    [Fact]
    public async Task ASubscriptionWithBadFieldsIsRefusedNamingEachField()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        using var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "", url = "ftp://example.com/hooks", events = new[] { "request.created", "deal.lost" } }, Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("name is required.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("url must start with https://: events carry customer data.", errors.GetProperty("url")[0].GetString());
        Assert.StartsWith("events has 'deal.lost', which Vouch does not send; it sends request.created, ", errors.GetProperty("events")[0].GetString());

        using var channel = await admin.PostAsJsonAsync("/api/v1/integrations/channels", new { kind = "Signed", name = "x", webhookUrl = "https://user:pw@hooks.example.com/x", events = Array.Empty<string>() }, Ct);
        var channelErrors = (await channel.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("kind must be one of Slack, Teams.", channelErrors.GetProperty("kind")[0].GetString());
        Assert.StartsWith("webhookUrl must not hold a user name or password", channelErrors.GetProperty("webhookUrl")[0].GetString());
        Assert.StartsWith("events must name at least one of request.created", channelErrors.GetProperty("events")[0].GetString());

        using var missing = await admin.GetAsync($"/api/v1/webhooks/{Guid.NewGuid()}", Ct);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AChangeSavedOverAnotherIsRefused()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var created = await CreateAsync(admin, "Twice changed", app.Receiver.Url("/ok/twice"), [WebhookEventTypes.AskCompleted]);
        var subscription = created.GetProperty("subscription");
        var (id, version) = (subscription.GetProperty("id").GetGuid(), subscription.GetProperty("version").GetGuid());
        using var first = await admin.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { name = "First", version }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var second = await admin.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { name = "Second", version }, Ct);
        await second.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryEventAndItsSignature()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var webhooks = document.GetProperty("webhooks");
        Assert.Equal(WebhookEventTypes.All.Select(t => t.Name).Order(), webhooks.EnumerateObject().Select(w => w.Name).Order());
        var post = webhooks.GetProperty(WebhookEventTypes.IdeaStatusChanged).GetProperty("post");
        Assert.Equal(["webhook-id", "webhook-timestamp", "webhook-signature"], post.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("#/components/schemas/IdeaEvent", post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var data = document.GetProperty("components").GetProperty("schemas").GetProperty("IdeaEvent").GetProperty("properties").GetProperty("data");
        Assert.True(data.TryGetProperty("$ref", out _) || data.TryGetProperty("properties", out _), data.ToString());
    }

    private static async Task StepAsync(HttpClient client, string path, object? body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<JsonElement> CreateAsync(HttpClient admin, string name, string url, string[] events)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name, url, events }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> CreateChannelAsync(HttpClient admin, string kind, string name, string webhookUrl, string[]? events = null)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/integrations/channels",
            new { kind, name, webhookUrl, events = events ?? [WebhookEventTypes.IdeaStatusChanged] }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>A request of the seller's, its advocate proposed and the account owner's consent given: it waits on the advocate.</summary>
    private static async Task<Guid> RequestThroughConsentAsync(RequestScenario.People people, RequestScenario.Advocate advocate, Guid? opportunityId = null)
    {
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), opportunityId }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await StepAsync(people.Seller, $"/api/v1/requests/{request}/assign", new { contactId = advocate.ContactId });
        await StepAsync(people.Owner, $"/api/v1/requests/{request}/owner-consent", new { decision = "approve" });
        return request;
    }

    private static async Task CloseWonAsync(HttpClient seller, Guid opportunity, decimal amount)
    {
        var read = await seller.GetFromJsonAsync<JsonElement>($"/api/v1/opportunities/{opportunity}", Ct);
        await StepAsync(seller, $"/api/v1/opportunities/{opportunity}/close",
            new { won = true, amount, closeDate = DateOnly.FromDateTime(DateTime.UtcNow), version = read.GetProperty("version").GetGuid() });
    }

    /// <summary>Sets the request's current step due <paramref name="from"/> now, as time passing would; returns when.</summary>
    private Task<DateTimeOffset> DueInAsync(Guid request, TimeSpan from) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<VouchDbContext>();
        var stored = await db.ReferenceRequests.SingleAsync(r => r.Id == request, Ct);
        // Whole seconds, as every database keeps them.
        var due = DateTimeOffset.FromUnixTimeSeconds((DateTimeOffset.UtcNow + from).ToUnixTimeSeconds());
        stored.StepDueAt = due;
        await db.SaveChangesAsync(Ct);
        return due;
    });

    private Task<int> WarnAsync() => app.WithScopeAsync(s => s.GetRequiredService<RequestWorkflow>().WarnAsync(Ct));

    private Task<int> AtRiskEventsAsync(Guid request) => app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Set<WebhookEvent>()
        .CountAsync(e => e.Type == WebhookEventTypes.RequestSlaAtRisk && e.Link == $"/requests/{request}", Ct));

    private Task<List<Features.Notifications.Notification>> NotificationsAsync(Guid userId, Guid request) => app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>()
        .Notifications.Where(n => n.UserId == userId && n.Text.StartsWith("Due soon:") && (n.Link == $"/requests/{request}" || n.Link == "/portal")).ToListAsync(Ct));

    private static async Task<Guid> PostIdeaAsync(HttpClient client, string title)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/ideas", new { title, description = "So that the team sees it where it works." }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task SetStatusAsync(HttpClient client, Guid idea, string status)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/ideas/{idea}/status", new { status }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The subscription's delivery whose summary has <paramref name="about"/>, once it reaches <paramref name="status"/>.</summary>
    private static async Task<JsonElement> WaitForDeliveryAsync(HttpClient admin, string subscription, string about, string status)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            var deliveries = await admin.GetFromJsonAsync<JsonElement>($"{subscription}/deliveries", Ct);
            var delivery = deliveries.EnumerateArray().FirstOrDefault(d => d.GetProperty("summary").GetString()!.Contains(about, StringComparison.Ordinal));
            if (delivery.ValueKind != JsonValueKind.Undefined && delivery.GetProperty("status").GetString() == status)
            {
                return delivery;
            }
            Assert.True(DateTimeOffset.UtcNow < until, $"No delivery about '{about}' became {status}: {deliveries}");
            await Task.Delay(100, Ct);
        }
    }
}
