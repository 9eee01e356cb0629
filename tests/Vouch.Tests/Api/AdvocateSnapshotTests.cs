using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Requests;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>How stale the in-memory advocate pool may be: changes of this instance at once, others within the configured age.</summary>
public sealed class AdvocateSnapshotTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Adds a referenceable contact the way another instance would: not through the snapshot under test.</summary>
    private Task<Guid> AddAdvocateAsync(string name) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", Ct);
        var account = new Account { Name = name + " Ltd" };
        db.Accounts.Add(account);
        db.Contacts.Add(new Contact
        {
            AccountId = account.Id, FirstName = name, LastName = "Snapshot", Consent = ConsentLevel.Written,
            ConsentGivenOn = new DateOnly(2026, 1, 1), AgreedActivities = [call],
        });
        await db.SaveChangesAsync(Ct);
        return db.Contacts.Local.Single().Id;
    });

    private static async Task<bool> InPoolAsync(AdvocateSnapshot snapshot, string name) => await CountAsync(snapshot, name) > 0;

    private static async Task<int> CountAsync(AdvocateSnapshot snapshot, string name)
    {
        var pool = await snapshot.CurrentAsync(Ct);
        var activity = new Vouch.Features.Matching.MatchActivity(StableId.For("activity-type:reference-call"), "reference-call", "reference call", 30, SocialCapital.None);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return pool.Select(new Vouch.Features.Matching.MatchCriteria(activity, today.AddDays(30)), new(100, 0, today), 10_000, 0)
            .Allowed.Count(a => a.Name == $"{name} Snapshot");
    }

    [Fact]
    public async Task Changes_saved_here_are_seen_at_once_and_changes_saved_elsewhere_once_the_pool_is_older_than_its_bound()
    {
        var clock = new Clock();
        var snapshot = new AdvocateSnapshot(app.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new RequestOptions { AdvocatePoolSeconds = 60 }), clock, NullLogger<AdvocateSnapshot>.Instance);
        await snapshot.CurrentAsync(Ct);

        await AddAdvocateAsync("Elsewhere");
        clock.Now = clock.Now.AddSeconds(59);
        var within = await InPoolAsync(snapshot, "Elsewhere");
        snapshot.Changed();
        var afterLocalChange = await InPoolAsync(snapshot, "Elsewhere");

        await AddAdvocateAsync("Later");
        var beforeBound = await InPoolAsync(snapshot, "Later");
        clock.Now = clock.Now.AddSeconds(61);
        var answeredFromOldPool = await InPoolAsync(snapshot, "Later");
        var seen = false;
        for (var i = 0; i < 100 && !seen; i++)
        {
            await Task.Delay(100, Ct);
            seen = await InPoolAsync(snapshot, "Later");
        }

        Assert.False(within, "a change made elsewhere is not seen before the pool is 60 s old");
        Assert.True(afterLocalChange, "a change saved through this instance is seen by the next matching");
        Assert.False(beforeBound);
        Assert.False(answeredFromOldPool, "the first matching after the bound is answered from the old pool while a new one is built");
        Assert.True(seen, "the rebuilt pool has the change");
    }

    [Fact]
    public async Task The_app_sees_a_contact_saved_through_it_in_the_next_matching()
    {
        var snapshot = app.Services.GetRequiredService<AdvocateSnapshot>();
        await snapshot.CurrentAsync(Ct);

        await AddAdvocateAsync("Local");

        Assert.Equal(1, await CountAsync(snapshot, "Local"));
    }

    [Fact]
    public async Task A_change_saved_here_reads_again_only_the_contacts_it_touched()
    {
        var snapshot = new AdvocateSnapshot(app.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new RequestOptions { AdvocatePoolSeconds = 3_600 }), TimeProvider.System, NullLogger<AdvocateSnapshot>.Instance);
        await snapshot.CurrentAsync(Ct);
        await AddAdvocateAsync("Untold");
        var told = await AddAdvocateAsync("Told");

        snapshot.Changed(new PoolChange(new HashSet<Guid> { told }, new HashSet<Guid>()));

        Assert.True(await InPoolAsync(snapshot, "Told"));
        Assert.False(await InPoolAsync(snapshot, "Untold"), "only the contacts a change names are read again");
    }

    [Fact]
    public async Task Withdrawn_consent_and_a_deleted_account_leave_the_next_matching()
    {
        var snapshot = app.Services.GetRequiredService<AdvocateSnapshot>();
        var withdrawing = await AddAdvocateAsync("Withdrawing");
        var leaving = await AddAdvocateAsync("Leaving");
        var before = (await CountAsync(snapshot, "Withdrawing"), await CountAsync(snapshot, "Leaving"));

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            (await db.Contacts.SingleAsync(c => c.Id == withdrawing, Ct)).Consent = ConsentLevel.None;
            var contact = await db.Contacts.SingleAsync(c => c.Id == leaving, Ct);
            (await db.Accounts.SingleAsync(a => a.Id == contact.AccountId, Ct)).DeletedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(Ct);
        });

        Assert.Equal((1, 1), before);
        Assert.Equal(0, await CountAsync(snapshot, "Withdrawing"));
        Assert.Equal(0, await CountAsync(snapshot, "Leaving"));
        var pool = await snapshot.CurrentAsync(Ct);
        var activity = new Vouch.Features.Matching.MatchActivity(StableId.For("activity-type:reference-call"), "reference-call", "reference call", 30, SocialCapital.None);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ruledOut = pool.Select(new Vouch.Features.Matching.MatchCriteria(activity, today.AddDays(30)), new(100, 0, today), 0, 10_000).RuledOut;
        Assert.Contains(ruledOut, a => a.Candidate.ContactId == withdrawing);
        Assert.DoesNotContain(ruledOut, a => a.Candidate.ContactId == leaving);
    }
}
