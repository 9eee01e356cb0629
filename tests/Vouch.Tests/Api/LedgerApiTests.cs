using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Matching;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

public sealed class LedgerApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid s_referenceCall = StableId.For("activity-type:reference-call");
    private static readonly Guid s_caseStudy = StableId.For("activity-type:case-study");

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private Task<(Guid ContactId, Guid AccountId)> AddContactAsync(string lastName = "Lee") => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var account = new Account { Name = $"Ledger {Guid.NewGuid():N}"[..20] };
        var contact = new Contact { AccountId = account.Id, FirstName = "Ann", LastName = lastName };
        db.AddRange(account, contact);
        await db.SaveChangesAsync(Ct);
        return (contact.Id, account.Id);
    });

    private Task AddAsync(params Engagement[] entries) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        db.Engagements.AddRange(entries);
        await db.SaveChangesAsync(Ct);
    });

    private static Engagement Ask((Guid ContactId, Guid AccountId) who, Guid activity, DateTimeOffset at, EngagementStatus status = EngagementStatus.Completed, string? notes = null) => new()
    {
        ContactId = who.ContactId, AccountId = who.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = activity, Status = status, At = at, Notes = notes,
    };

    private static Engagement Give((Guid ContactId, Guid AccountId) who, string title, decimal hours, DateTimeOffset at, EngagementStatus status = EngagementStatus.Completed) => new()
    {
        ContactId = who.ContactId, AccountId = who.AccountId, Kind = EngagementKind.Give, Title = title, CreditHours = hours, Status = status, At = at,
    };

    [Fact]
    public async Task The_ledger_lists_asks_and_gives_newest_first_with_the_balance()
    {
        var who = await AddContactAsync();
        await AddAsync(
            Ask(who, s_referenceCall, Now.AddDays(-30)),
            Ask(who, s_caseStudy, Now.AddDays(-10)),
            Give(who, "Speaking slot at the summit", 3, Now.AddDays(-5)),
            Ask(who, s_referenceCall, Now.AddDays(-2), EngagementStatus.Released));
        using var seller = await app.ClientForAsync(Roles.Seller);

        var ledger = (await seller.GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{who.ContactId}/ledger", Ct))!;

        Assert.Equal(
            [("Ask", "Released", "Reference call", 1m), ("Give", "Completed", "Speaking slot at the summit", 3m), ("Ask", "Completed", "Case study", 6m), ("Ask", "Completed", "Reference call", 1m)],
            ledger.Items.Select(i => (i.Kind, i.Status, i.What, i.Hours)));
        Assert.Equal(4, ledger.Total);
        Assert.Equal(new BalanceResponse(2, 7, 1, 3, -4, true, 365, "asked 2 times (7 h), given 1 (3 h) in the last year"), ledger.Balance);
    }

    [Fact]
    public async Task The_ledger_of_a_contact_not_there_deleted_or_erased_is_not_found()
    {
        var deleted = await AddContactAsync();
        var erased = await AddContactAsync();
        using var admin = await app.ClientForAsync(Roles.Admin);
        (await admin.DeleteAsync($"/api/v1/contacts/{deleted.ContactId}", Ct)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/v1/contacts/{erased.ContactId}/erase", null, Ct)).EnsureSuccessStatusCode();

        foreach (var id in new[] { Guid.NewGuid(), deleted.ContactId, erased.ContactId })
        {
            await (await admin.GetAsync($"/api/v1/contacts/{id}/ledger", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await admin.PostAsJsonAsync($"/api/v1/contacts/{id}/ledger/gives", new { title = "Seat", creditHours = 2 }, Ct))
                .AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_give_recorded_by_hand_counts_in_the_balance_and_bad_input_changes_nothing()
    {
        var who = await AddContactAsync();
        await AddAsync(Ask(who, s_caseStudy, Now.AddDays(-3)));
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.Equal(["title is required."],
            await (await manager.PostAsJsonAsync($"/api/v1/contacts/{who.ContactId}/ledger/gives", new { creditHours = 2 }, Ct)).AssertValidationProblemAsync("title"));
        Assert.Equal(["creditHours must be more than 0 and at most 1000, with at most two decimals."],
            await (await manager.PostAsJsonAsync($"/api/v1/contacts/{who.ContactId}/ledger/gives", new { title = "Seat", creditHours = 0 }, Ct)).AssertValidationProblemAsync("creditHours"));
        Assert.Equal(["on cannot be in the future: record a give once it is given."],
            await (await manager.PostAsJsonAsync($"/api/v1/contacts/{who.ContactId}/ledger/gives", new { title = "Seat", creditHours = 2, on = today.AddDays(1) }, Ct)).AssertValidationProblemAsync("on"));
        Assert.Equal(1, (await manager.GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{who.ContactId}/ledger", Ct))!.Total);

        using var created = await manager.PostAsJsonAsync($"/api/v1/contacts/{who.ContactId}/ledger/gives",
            new { title = "Introduction to a peer", creditHours = 2.5m, on = today.AddDays(-1) }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var give = (await created.Content.ReadFromJsonAsync<LedgerItem>(Ct))!;
        Assert.Equal(("Give", "Completed", "Introduction to a peer", 2.5m, today.AddDays(-1)), (give.Kind, give.Status, give.What, give.Hours, DateOnly.FromDateTime(give.At.UtcDateTime)));
        var ledger = (await manager.GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{who.ContactId}/ledger", Ct))!;
        Assert.Equal((1, 6m, 1, 2.5m, false), (ledger.Balance.Asks, ledger.Balance.AskedHours, ledger.Balance.Gives, ledger.Balance.GivenHours, ledger.Balance.Owed));
    }

    [Fact]
    public async Task The_balance_added_up_in_SQL_equals_the_balance_of_the_entries()
    {
        var random = new Random(19);
        var contacts = new List<(Guid ContactId, Guid AccountId)>();
        var entries = new List<Engagement>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var windowStart = new DateTimeOffset(today.AddDays(-364).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var tomorrow = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        DateTimeOffset[] edges = [windowStart, windowStart.AddTicks(-10), tomorrow, tomorrow.AddTicks(-10), Now];
        var statuses = Enum.GetValues<EngagementStatus>();
        for (var c = 0; c < 12; c++)
        {
            var who = await AddContactAsync($"Sum{c}");
            contacts.Add(who);
            for (var e = random.Next(0, 15); e > 0; e--)
            {
                var at = random.Next(4) == 0 ? edges[random.Next(edges.Length)] : Now.AddDays(-random.Next(-20, 420)).AddMinutes(random.Next(1440));
                var status = statuses[random.Next(statuses.Length)];
                entries.Add(random.Next(2) == 0
                    ? Ask(who, random.Next(2) == 0 ? s_referenceCall : s_caseStudy, at, status)
                    : Give(who, "Give", random.Next(1, 900) / 100m, at, status));
            }
        }
        await AddAsync([.. entries]);

        var (fromRows, summed) = await app.WithScopeAsync(async services =>
        {
            var ledger = services.GetRequiredService<Ledger>();
            var db = services.GetRequiredService<VouchDbContext>();
            var ids = contacts.Select(c => c.ContactId).ToList();
            var rows = await ledger.BalancesAsync(ids, Ct);
            var sums = await ledger.Aggregated(db.Engagements.Where(e => ids.Contains(e.ContactId))).ToListAsync(Ct);
            return (rows, sums.ToDictionary(r => r.ContactId, ledger.ToBalance));
        });

        foreach (var (contactId, _) in contacts)
        {
            var expected = fromRows.GetValueOrDefault(contactId);
            var actual = summed.GetValueOrDefault(contactId);
            // A contact whose entries all fall outside or do not count has no row in SQL and an empty balance in memory.
            Assert.Equal(expected is null or { Asks: 0, Gives: 0 } ? null : expected, actual);
        }
        Assert.Contains(summed.Values, b => b.Asks > 0 && b.Gives > 0);
    }

    [Fact]
    public async Task The_owed_report_lists_the_most_owed_first_and_can_keep_to_those_owed()
    {
        var most = await AddContactAsync("Most");
        var some = await AddContactAsync("Some");
        var even = await AddContactAsync("Even");
        await AddAsync(
            Ask(most, s_caseStudy, Now.AddDays(-1)), Ask(most, s_caseStudy, Now.AddDays(-2)), Ask(most, s_caseStudy, Now.AddDays(-3)),
            Ask(some, s_caseStudy, Now.AddDays(-1)), Give(some, "Seat", 1.5m, Now.AddDays(-1)),
            Ask(even, s_referenceCall, Now.AddDays(-1)), Give(even, "Seat", 1, Now.AddDays(-1)));
        using var executive = await app.ClientForAsync(Roles.Executive);

        var owed = (await executive.GetFromJsonAsync<Paged<OwedAdvocate>>("/api/v1/reports/balance?owedOnly=true&pageSize=200", Ct))!;
        var all = (await executive.GetFromJsonAsync<Paged<OwedAdvocate>>("/api/v1/reports/balance?pageSize=200", Ct))!;

        var mine = new[] { most.ContactId, some.ContactId, even.ContactId };
        Assert.Equal(
            [("Ann Most", 18m, true, "asked 3 times (18 h), given nothing in the last year"), ("Ann Some", 4.5m, true, "asked once (6 h), given 1 (1.5 h) in the last year")],
            owed.Items.Where(o => mine.Contains(o.ContactId)).Select(o => (o.Name, o.HoursOwed, o.Balance.Owed, o.Balance.Words)));
        Assert.All(owed.Items, o => Assert.True(o.Balance.Owed));
        Assert.Equal([most.ContactId, some.ContactId, even.ContactId], all.Items.Where(o => mine.Contains(o.ContactId)).Select(o => o.ContactId));
        Assert.Equal(all.Items.OrderByDescending(o => o.HoursOwed).Select(o => o.HoursOwed), all.Items.Select(o => o.HoursOwed));
        await (await executive.GetAsync("/api/v1/reports/balance?pageSize=0", Ct)).AssertValidationProblemAsync("pageSize");
    }

    [Fact]
    public async Task Matching_names_an_advocate_owed_a_give()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var opportunityId = await app.AddOpportunityAsync(people.SellerId, advocate);
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), opportunityId }, Ct);
        var request = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);

        async Task<string[]> ReasonsAsync()
        {
            var matches = await people.Seller.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.GetProperty("id").GetGuid()}/matches", Ct);
            return [.. matches.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("contactId").GetGuid() == advocate.ContactId)
                .GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];
        }
        var before = await ReasonsAsync();
        // Two case studies long enough ago to have rested from: 12 hours asked, nothing given.
        await AddAsync(
            Ask((advocate.ContactId, advocate.AccountId), s_caseStudy, Now.AddDays(-300)),
            Ask((advocate.ContactId, advocate.AccountId), s_caseStudy, Now.AddDays(-320)));
        var after = await ReasonsAsync();

        Assert.DoesNotContain(Matcher.OwedReason, before);
        Assert.Equal(Matcher.OwedReason, after[^1]);
    }

    [Fact]
    public async Task The_advocate_sees_their_own_history_and_never_anothers()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var who = (advocate.ContactId, advocate.AccountId);
        var other = await AddContactAsync("Other");
        var othersGive = Give(other, "Someone else's seat", 2, Now.AddDays(-1));
        var done = Ask(who, s_caseStudy, Now.AddDays(-40), notes: "Private: was grumpy about pricing.");
        var scheduled = Ask(who, s_referenceCall, Now.AddDays(5), EngagementStatus.Scheduled);
        await AddAsync(
            done, scheduled, othersGive,
            Ask(who, s_referenceCall, Now.AddDays(-3), EngagementStatus.Reserved),
            Ask(who, s_referenceCall, Now.AddDays(-4), EngagementStatus.Released),
            Give(who, "Advisory board seat", 8, Now.AddDays(-10)),
            Give(who, "Promised keynote", 4, Now.AddDays(20), EngagementStatus.Scheduled));

        var history = (await people.Advocate.GetFromJsonAsync<HistoryResponse>("/api/v1/portal/history", Ct))!;
        var text = await people.Advocate.GetStringAsync("/api/v1/portal/history", Ct);

        Assert.Equal(
            [("Ask", "Reference call", "Scheduled"), ("Give", "Advisory board seat", "Completed"), ("Ask", "Case study", "Completed")],
            history.Items.Select(i => (i.Kind, i.What, i.Status)));
        Assert.Equal("asked 2 times (7 h), given 1 (8 h) in the last year", history.Balance.Words);
        Assert.DoesNotContain("grumpy", text, StringComparison.Ordinal);
        Assert.Equal("Case study", (await people.Advocate.GetFromJsonAsync<HistoryItem>($"/api/v1/portal/history/{done.Id}", Ct))!.What);
        await (await people.Advocate.GetAsync($"/api/v1/portal/history/{othersGive.Id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var page = await people.Advocate.GetStringAsync("/portal/history", Ct);
        Assert.Contains("Advisory board seat", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else", page, StringComparison.Ordinal);
    }
}
