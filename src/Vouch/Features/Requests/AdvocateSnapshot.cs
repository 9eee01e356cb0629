using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Matching;

namespace Vouch.Features.Requests;

/// <summary>
/// The <see cref="AdvocatePool"/> of this instance: every referenceable contact in memory, read from the database and
/// kept for a bounded time.
/// </summary>
/// <remarks>
/// A change to contacts, accounts, blackouts or activity types saved through this instance makes the next matching
/// wait for a new pool, so a manager who records a consent sees it at once. Changes saved elsewhere (another instance,
/// another process) are seen once <see cref="RequestOptions.AdvocatePoolSeconds"/> have passed since the last rebuild
/// finished: the first matching after that starts a rebuild and is answered from the old pool, so what a matching reads
/// is at most that long plus two rebuilds old. The ledger in the pool only orders the shortlist; the matching reads the ledger again for it, and
/// assigning checks every rule against the database.
/// </remarks>
public sealed class AdvocateSnapshot(IServiceScopeFactory scopes, IOptions<RequestOptions> options, TimeProvider clock, ILogger<AdvocateSnapshot> logger)
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private AdvocatePool? _pool;
    private long _refreshAfterTicks;
    private long _changes;
    private int _refreshing;

    /// <summary>Called when this instance saved a change to what makes a contact referenceable.</summary>
    public void Changed() => Interlocked.Increment(ref _changes);

    public async Task<AdvocatePool> CurrentAsync(CancellationToken ct)
    {
        var pool = Volatile.Read(ref _pool);
        if (pool is null || pool.Changes != Interlocked.Read(ref _changes))
        {
            return await RebuildAsync(pool, ct);
        }
        // Counted from when the last rebuild finished, so a rebuild slower than the bound does not start the next at once.
        if (clock.GetUtcNow().UtcTicks > Interlocked.Read(ref _refreshAfterTicks) && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await RebuildAsync(pool, CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Could not refresh the advocate pool; the matching goes on with the one built at {BuiltAt}.", pool.BuiltAt);
                }
                finally
                {
                    Volatile.Write(ref _refreshing, 0);
                }
            }, CancellationToken.None);
        }
        return pool;
    }

    /// <summary>Builds a new pool unless another caller built one since <paramref name="seen"/> that is current.</summary>
    private async Task<AdvocatePool> RebuildAsync(AdvocatePool? seen, CancellationToken ct)
    {
        await _building.WaitAsync(ct);
        try
        {
            var pool = Volatile.Read(ref _pool);
            var changes = Interlocked.Read(ref _changes);
            if (pool is not null && pool != seen && pool.Changes == changes)
            {
                return pool;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VouchDbContext>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            pool = await BuildAsync(db, changes, ct);
            Interlocked.Exchange(ref _refreshAfterTicks, clock.GetUtcNow().AddSeconds(options.Value.AdvocatePoolSeconds).UtcTicks);
            Volatile.Write(ref _pool, pool);
            logger.LogInformation("Advocate pool of {Advocates} referenceable contacts built in {Milliseconds} ms.", pool.Count, started.ElapsedMilliseconds);
            return pool;
        }
        finally
        {
            _building.Release();
        }
    }

    private async Task<AdvocatePool> BuildAsync(VouchDbContext db, long changes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.Consent != ConsentLevel.None || c.AgreedActivities.Any())
            .Select(c => new
            {
                c.Id, c.AccountId, c.FirstName, c.LastName, c.Title, c.Consent, c.ConsentExpiresOn, c.MaxAsksPerQuarter,
                c.SocialCapitalWanted, c.UseCase, c.Results, c.Quotes,
            })
            .ToListAsync(ct);
        // The join tables are read whole: one pass each, rather than a query per contact.
        var agreed = (await db.Set<Dictionary<string, object>>("ContactActivityTypes")
                .Select(j => new { ContactId = EF.Property<Guid>(j, "ContactId"), Id = EF.Property<Guid>(j, "AgreedActivitiesId") })
                .ToListAsync(ct))
            .ToLookup(a => a.ContactId, a => a.Id);
        var blackouts = (await db.ContactBlackouts.AsNoTracking().Where(b => b.Ends >= today).ToListAsync(ct))
            .ToLookup(b => b.ContactId, b => new BlackoutDates(b.Starts, b.Ends));
        var products = (await db.Set<Dictionary<string, object>>("AccountProducts")
                .Select(j => new { AccountId = EF.Property<Guid>(j, "AccountId"), Id = EF.Property<Guid>(j, "ProductsId") })
                .ToListAsync(ct))
            .ToLookup(p => p.AccountId, p => p.Id);
        var accountIds = contacts.Select(c => c.AccountId).ToHashSet();
        var accounts = (await db.Accounts.AsNoTracking()
                .Select(a => new { a.Id, a.Name, a.IndustryId, a.Region, a.CountryCode, a.Employees, a.CompetitorsReplaced, a.ContractDate })
                .ToListAsync(ct))
            .Where(a => accountIds.Contains(a.Id))
            .ToDictionary(a => a.Id, a => (a.Name, Account: new CandidateAccount(
                a.Id, a.IndustryId, [.. products[a.Id]], a.Region, a.CountryCode, a.Employees, a.CompetitorsReplaced, a.ContractDate)));

        var since = new DateTimeOffset(today.AddYears(-CandidatePool.LedgerYears).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var asks = (await db.Engagements.AsNoTracking()
                .Where(e => e.Kind == EngagementKind.Ask && e.At >= since)
                .Select(e => new { Engagement = e, e.ActivityType!.RestPeriodDays })
                .ToListAsync(ct))
            .Select(a => a.Engagement.ToPastAsk(a.RestPeriodDays))
            .ToList();
        var quarter = Dates.QuarterOf(today);
        var accountAsks = asks.Where(a => a.State != AskState.Released && Dates.QuarterOf(a.On) == quarter)
            .GroupBy(a => a.AccountId)
            .ToDictionary(g => g.Key, g => (quarter, g.Count()));
        var ledger = asks.ToLookup(a => a.ContactId);

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var advocates = new List<PooledAdvocate>(contacts.Count);
        foreach (var c in contacts)
        {
            if (!accounts.TryGetValue(c.AccountId, out var account))
            {
                continue;
            }
            var story = string.Join(' ', new[] { c.UseCase, c.Results, c.Quotes }.Where(t => !string.IsNullOrWhiteSpace(t)));
            var terms = Matcher.Terms(story).Select(t => vocabulary.TryGetValue(t, out var id) ? id : vocabulary[t] = vocabulary.Count).ToArray();
            Array.Sort(terms);
            var candidate = new MatchCandidate(
                c.Id, account.Account, c.Consent, c.ConsentExpiresOn, [.. agreed[c.Id]], c.MaxAsksPerQuarter, [.. blackouts[c.Id]],
                c.SocialCapitalWanted, story);
            advocates.Add(new PooledAdvocate(candidate, $"{c.FirstName} {c.LastName}", c.Title, account.Name, terms,
                LedgerSummary.Of([.. ledger[c.Id]], today)));
        }
        return new AdvocatePool(advocates, vocabulary, accountAsks, now, changes);
    }
}

/// <summary>Tells the <see cref="AdvocateSnapshot"/> when a save changed what makes a contact referenceable.</summary>
public sealed class ReferenceabilityChanges(AdvocateSnapshot snapshot) : SaveChangesInterceptor
{
    private static readonly HashSet<string> s_joinTables = ["AccountProducts", "ContactActivityTypes"];

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notice(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notice(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // The entries are unchanged once saved, so what changed is noted before the save and told after it.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _pending = [];

    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && (e.Entity is Contact or Account or ContactBlackout or ActivityType || s_joinTables.Contains(e.Metadata.GetTableName() ?? ""))))
        {
            _pending.AddOrUpdate(context, context);
        }
    }

    private void Notice(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            snapshot.Changed();
        }
    }
}
