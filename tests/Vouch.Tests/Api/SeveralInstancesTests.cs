using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Requests;
using Vouch.Features.SupplyDemand;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>Two instances of the app on one database, as behind a load balancer.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public VouchApp First { get; } = new();

    public VouchApp Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await First.InitializeAsync();
        Second = new VouchApp.Beside(First);
        await Second.InitializeAsync();
        // Each hears the other from here on.
        await Task.WhenAll(
            First.Services.GetRequiredService<SnapshotNotifications>().Listening,
            Second.Services.GetRequiredService<SnapshotNotifications>().Listening);
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}

/// <summary>
/// What one instance saves, the other sees: its in-memory views within 5 s (on PostgreSQL, whose databases several
/// instances share), its sign-in cookies, and the limits of every advocate.
/// </summary>
public sealed partial class SeveralInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private static readonly TimeSpan s_within = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private VouchApp First => instances.First;

    private VouchApp Second => instances.Second;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Asks <paramref name="seen"/> again until it holds, for at most 5 s; how long that took.</summary>
    private static async Task<TimeSpan> WithinAsync(Func<Task<bool>> seen)
    {
        var waited = Stopwatch.StartNew();
        using var polling = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!await seen())
        {
            Assert.True(waited.Elapsed < s_within, $"not seen within {s_within.TotalSeconds} s");
            await polling.WaitForNextTickAsync(Ct);
        }
        return waited.Elapsed;
    }

    private static async Task<PooledAdvocateView?> InPoolAsync(VouchApp app, Guid contactId)
    {
        var pool = await app.Services.GetRequiredService<AdvocateSnapshot>().CurrentAsync(Ct);
        return pool.Advocates.FirstOrDefault(a => a.Candidate.ContactId == contactId) is { } advocate
            ? new PooledAdvocateView(advocate.Candidate.Consent, advocate.Ledger.AsksInQuarter)
            : null;
    }

    private sealed record PooledAdvocateView(ConsentLevel Consent, int AsksInQuarter);

    private static void RequirePostgres(VouchApp app) =>
        Assert.SkipUnless(app.Database.IsPostgres, "Only on PostgreSQL do several instances share a database; SQLite's is served by one.");

    [Fact]
    public async Task A_consent_and_a_completed_ask_saved_on_one_instance_reach_matching_on_the_other_within_5_s()
    {
        RequirePostgres(First);
        var advocate = await First.AddAdvocateAsync(null, c => { c.Consent = ConsentLevel.None; c.AgreedActivities = []; });
        var snapshot = Second.Services.GetRequiredService<AdvocateSnapshot>();
        Assert.Null(await InPoolAsync(Second, advocate.ContactId));
        var wholeReads = snapshot.Generation;

        await First.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VouchDbContext>();
            var contact = await db.Contacts.Include(c => c.AgreedActivities).SingleAsync(c => c.Id == advocate.ContactId, Ct);
            contact.Consent = ConsentLevel.Written;
            contact.ConsentGivenOn = new DateOnly(2026, 1, 1);
            contact.AgreedActivities.Add(await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", Ct));
            await db.SaveChangesAsync(Ct);
        });
        await WithinAsync(async () => await InPoolAsync(Second, advocate.ContactId) is { Consent: ConsentLevel.Written });

        await First.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VouchDbContext>();
            var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", Ct);
            db.Engagements.Add(new Engagement
            {
                ContactId = advocate.ContactId, AccountId = advocate.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = call.Id,
                Status = EngagementStatus.Completed, At = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        });
        await WithinAsync(async () => await InPoolAsync(Second, advocate.ContactId) is { AsksInQuarter: 1 });

        // Taken in from the notifications: only the contact was read again, not the whole pool.
        Assert.Equal(wholeReads, snapshot.Generation);
    }

    [Fact]
    public async Task A_request_made_on_one_instance_reaches_supply_and_demand_on_the_other_within_5_s()
    {
        RequirePostgres(First);
        var market = Second.Services.GetRequiredService<MarketSnapshot>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var caseStudy = StableId.For("activity-type:case-study");
        async Task<int> CaseStudiesAsync() =>
            (await market.CurrentAsync(Ct)).RequestsIn(today, today.AddDays(1)).GetValueOrDefault(new RequestKey(caseStudy, false));
        var before = await CaseStudiesAsync();
        var wholeReads = market.Generation;

        using var seller = await First.ClientForAsync(Roles.Seller);
        using var created = await seller.PostAsJsonAsync("/api/v1/requests", new { activityType = "case-study", neededBy = today.AddDays(20) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await WithinAsync(async () => await CaseStudiesAsync() == before + 1);
        Assert.Equal(wholeReads, market.Generation);
    }

    [Fact]
    public async Task Sellers_on_two_instances_booking_one_advocates_last_slot_at_once_never_both_get_it()
    {
        const int Sellers = 10;
        var advocate = await First.AddAdvocateAsync(null, c => c.MaxAsksPerQuarter = 2);
        await First.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VouchDbContext>();
            var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", Ct);
            db.Engagements.Add(new Engagement
            {
                ContactId = advocate.ContactId, AccountId = advocate.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = call.Id,
                Status = EngagementStatus.Reserved, At = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        });
        var sellers = new List<(HttpClient Client, Guid RequestId)>();
        for (var i = 0; i < Sellers; i++)
        {
            var user = await First.AddUserAsync(Roles.Seller);
            var token = await First.CreateTokenAsync(user.Id);
            // Half of them on each instance.
            var client = (i % 2 == 0 ? First : Second).ClientWithToken(token);
            using var created = await client.PostAsJsonAsync("/api/v1/requests",
                new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20) }, Ct);
            sellers.Add((client, (await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!.Id));
        }

        using var start = new SemaphoreSlim(0);
        var racing = sellers.Select(async seller =>
        {
            await start.WaitAsync(Ct);
            using var response = await seller.Client.PostAsJsonAsync($"/api/v1/requests/{seller.RequestId}/assign", new { contactId = advocate.ContactId }, Ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }).ToList();
        start.Release(Sellers);
        var answers = await Task.WhenAll(racing);

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) == 1, string.Join("\n", answers.Select(a => $"{a.StatusCode} {a.Body}").Distinct()));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Contains("Quarterly limit reached (2 of 2).", a.Body, StringComparison.Ordinal);
        });
        var reserved = await Second.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Engagements
            .CountAsync(e => e.ContactId == advocate.ContactId && e.Status == EngagementStatus.Reserved, Ct));
        Assert.Equal(2, reserved);
        foreach (var seller in sellers)
        {
            seller.Client.Dispose();
        }
    }

    [Fact]
    public async Task A_sign_in_cookie_made_by_one_instance_is_accepted_by_the_other()
    {
        var user = await First.AddUserAsync(Roles.Seller);
        using var browser = First.AnonymousClient();
        var form = await browser.GetStringAsync("/sign-in", Ct);
        using var signedIn = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = user.Email, ["password"] = VouchApp.Password, ["returnUrl"] = "/accounts",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]));

        using var elsewhere = Second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/accounts");
        withCookie.Headers.Add("Cookie", cookies);
        using var accepted = await elsewhere.SendAsync(withCookie, Ct);
        using var withoutCookie = await elsewhere.GetAsync("/accounts", Ct);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withoutCookie.StatusCode);
    }
}
