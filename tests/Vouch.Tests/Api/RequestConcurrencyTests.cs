using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Engagements;
using Vouch.Features.Requests;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>Sellers racing for one advocate's last slot over real connections, and scheduled jobs started twice.</summary>
public sealed class RequestConcurrencyTests(VouchApp.OnKestrel app) : IClassFixture<VouchApp.OnKestrel>
{
    private const int Sellers = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_many_sellers_booking_the_last_slot_at_once_exactly_one_gets_it()
    {
        // The advocate has one ask a quarter left: one of their two is already reserved.
        var advocate = await app.AddAdvocateAsync(null, c => c.MaxAsksPerQuarter = 2);
        await app.WithScopeAsync(async s =>
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
            var client = await app.ClientForAsync(Roles.Seller);
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
        var reserved = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Engagements
            .CountAsync(e => e.ContactId == advocate.ContactId && e.Status == EngagementStatus.Reserved, Ct));
        Assert.Equal(2, reserved);
        foreach (var seller in sellers)
        {
            seller.Client.Dispose();
        }
    }

    [Fact]
    public async Task A_scheduled_job_called_by_several_instances_at_once_runs_once()
    {
        const int Instances = 8;
        await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().JobLeases
            .Where(l => l.Name == RequestDeadlines.JobName).ExecuteUpdateAsync(set => set.SetProperty(l => l.Until, DateTimeOffset.UnixEpoch), Ct));

        using var start = new SemaphoreSlim(0);
        var runs = Enumerable.Range(0, Instances).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync(Ct);
            return await app.WithScopeAsync(s => s.GetRequiredService<RequestDeadlines>().RunAsync($"instance-{i}", Ct));
        }, Ct)).ToList();
        start.Release(Instances);
        var answers = await Task.WhenAll(runs);

        Assert.Single(answers, run => run is not null);
        var lease = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().JobLeases.AsNoTracking().SingleAsync(l => l.Name == RequestDeadlines.JobName, Ct));
        Assert.StartsWith("instance-", lease.HeldBy);
        Assert.True(lease.Until > DateTimeOffset.UtcNow.AddSeconds(30));
        // While the lease is held, nobody runs it again.
        Assert.Null(await app.WithScopeAsync(s => s.GetRequiredService<RequestDeadlines>().RunAsync("late", Ct)));
    }
}
