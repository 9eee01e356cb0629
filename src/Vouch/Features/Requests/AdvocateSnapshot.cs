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
/// A change to contacts, accounts, blackouts or their join tables saved through this instance is applied to the pool
/// before the next matching: the contacts it touched (and every contact of an account it touched) are read again and
/// replace their old selves, so a manager who records a consent sees it at once without waiting for the whole pool. A
/// change to activity types rebuilds the whole pool first. Changes saved elsewhere (another instance, another process)
/// are seen once <see cref="RequestOptions.AdvocatePoolSeconds"/> have passed since the last rebuild finished: the
/// first matching after that starts a rebuild in the background and is answered from the old pool, so what a matching
/// reads is at most that long plus two rebuilds old. The ledger in the pool only orders the shortlist; the matching
/// reads the ledger again for it, and assigning checks every rule against the database.
/// </remarks>
public sealed class AdvocateSnapshot(IServiceScopeFactory scopes, IOptions<RequestOptions> options, TimeProvider clock, ILogger<AdvocateSnapshot> logger)
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly Lock _logLock = new();
    private readonly List<(long Change, PoolChange What)> _log = [];
    private AdvocatePool? _pool;
    private long _refreshAfterTicks;
    private long _changes;
    private int _refreshing;

    /// <summary>Called when this instance saved a change to what makes a contact referenceable; without a word of which, the whole pool is read again.</summary>
    public void Changed(PoolChange? what = null)
    {
        lock (_logLock)
        {
            _log.Add((++_changes, what ?? PoolChange.Everything));
        }
    }

    public async Task<AdvocatePool> CurrentAsync(CancellationToken ct)
    {
        var pool = Volatile.Read(ref _pool) ?? await RebuildAsync(null, ct);
        var pending = ChangesAfter(pool.Changes).Pending;
        if (pending.Count > 0)
        {
            pool = pending.Any(p => p.IsEverything) ? await RebuildAsync(pool, ct) : await UpdateAsync(ct);
        }
        // Counted from when the last rebuild finished, so a rebuild slower than the bound does not start the next at once.
        if (clock.GetUtcNow().UtcTicks > Interlocked.Read(ref _refreshAfterTicks) && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            var old = pool;
            _ = Task.Run(async () =>
            {
                try
                {
                    await RebuildAsync(old, CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Could not refresh the advocate pool; the matching goes on with the one built at {BuiltAt}.", old.BuiltAt);
                }
                finally
                {
                    Volatile.Write(ref _refreshing, 0);
                }
            }, CancellationToken.None);
        }
        return pool;
    }

    /// <summary>The changes saved after the <paramref name="seen"/>th, and the number of the last.</summary>
    private (long UpTo, List<PoolChange> Pending) ChangesAfter(long seen)
    {
        lock (_logLock)
        {
            return (_changes, [.. _log.Where(l => l.Change > seen).Select(l => l.What)]);
        }
    }

    /// <summary>Reads the whole pool again, unless another caller built one since <paramref name="seen"/>.</summary>
    private async Task<AdvocatePool> RebuildAsync(AdvocatePool? seen, CancellationToken ct)
    {
        await _building.WaitAsync(ct);
        try
        {
            var current = Volatile.Read(ref _pool);
            if (current is not null && current != seen && ChangesAfter(current.Changes).Pending.All(p => !p.IsEverything))
            {
                return current;
            }
            // Changes saved while the pool is read may or may not be in it; they are applied again afterwards.
            var changes = Interlocked.Read(ref _changes);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VouchDbContext>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
            var advocates = await ReadAsync(db, null, vocabulary, today, ct);
            var pool = new AdvocatePool(advocates, vocabulary, await AccountAsksAsync(db, today, ct), clock.GetUtcNow(), changes);
            Interlocked.Exchange(ref _refreshAfterTicks, clock.GetUtcNow().AddSeconds(options.Value.AdvocatePoolSeconds).UtcTicks);
            await PublishAsync(pool, ct);
            Forget(changes);
            logger.LogInformation("Advocate pool of {Advocates} referenceable contacts built in {Milliseconds} ms.", pool.Count, started.ElapsedMilliseconds);
            return Volatile.Read(ref _pool)!;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>Applies the changes saved here since the current pool was made: their contacts are read again.</summary>
    private async Task<AdvocatePool> UpdateAsync(CancellationToken ct)
    {
        await _publishing.WaitAsync(ct);
        try
        {
            var pool = Volatile.Read(ref _pool)!;
            var (upTo, pending) = ChangesAfter(pool.Changes);
            if (pending.Count == 0)
            {
                return pool;
            }
            var contacts = pending.SelectMany(p => p.Contacts).ToHashSet();
            var accounts = pending.SelectMany(p => p.Accounts).ToHashSet();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VouchDbContext>();
            var vocabulary = new Dictionary<string, int>(pool.Vocabulary, StringComparer.Ordinal);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var arriving = await ReadAsync(db, new PoolChange(contacts, accounts), vocabulary, today, ct);
            var updated = pool.With(
                a => contacts.Contains(a.Candidate.ContactId) || accounts.Contains(a.Candidate.Account.Id), arriving, vocabulary, upTo);
            Volatile.Write(ref _pool, updated);
            return updated;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>Puts a rebuilt pool in place; an update made meanwhile is applied again to it by the next matching.</summary>
    private async Task PublishAsync(AdvocatePool pool, CancellationToken ct)
    {
        await _publishing.WaitAsync(ct);
        try
        {
            Volatile.Write(ref _pool, pool);
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>Drops the changes every pool from now on has read.</summary>
    private void Forget(long upTo)
    {
        lock (_logLock)
        {
            _log.RemoveAll(l => l.Change <= upTo);
        }
    }

    /// <summary>
    /// The referenceable contacts, all of them or those <paramref name="only"/> names (by contact or by account), with their
    /// accounts, activities, blackouts and ledger; the join tables are read whole for all of them (one pass each, rather
    /// than a query per contact).
    /// </summary>
    private static async Task<List<PooledAdvocate>> ReadAsync(
        VouchDbContext db, PoolChange? only, Dictionary<string, int> vocabulary, DateOnly today, CancellationToken ct)
    {
        var referenceable = db.Contacts.AsNoTracking().Where(c => c.Consent != ConsentLevel.None || c.AgreedActivities.Any());
        if (only is not null)
        {
            var (contactIds, accountIds) = (only.Contacts.ToList(), only.Accounts.ToList());
            referenceable = referenceable.Where(c => contactIds.Contains(c.Id) || accountIds.Contains(c.AccountId));
        }
        var contacts = await referenceable
            .Select(c => new
            {
                c.Id, c.AccountId, c.FirstName, c.LastName, c.Title, c.Consent, c.ConsentExpiresOn, c.MaxAsksPerQuarter,
                c.SocialCapitalWanted, c.UseCase, c.Results, c.Quotes,
            })
            .ToListAsync(ct);
        var ids = only is null ? null : contacts.Select(c => c.Id).ToList();
        var accountsRead = only is null ? null : contacts.Select(c => c.AccountId).Distinct().ToList();

        var agreedRows = db.Set<Dictionary<string, object>>("ContactActivityTypes")
            .Select(j => new { ContactId = EF.Property<Guid>(j, "ContactId"), Id = EF.Property<Guid>(j, "AgreedActivitiesId") });
        var agreed = (await (ids is null ? agreedRows : agreedRows.Where(a => ids.Contains(a.ContactId))).ToListAsync(ct))
            .ToLookup(a => a.ContactId, a => a.Id);
        var blackoutRows = db.ContactBlackouts.AsNoTracking().Where(b => b.Ends >= today);
        var blackouts = (await (ids is null ? blackoutRows : blackoutRows.Where(b => ids.Contains(b.ContactId))).ToListAsync(ct))
            .ToLookup(b => b.ContactId, b => new BlackoutDates(b.Starts, b.Ends));
        var productRows = db.Set<Dictionary<string, object>>("AccountProducts")
            .Select(j => new { AccountId = EF.Property<Guid>(j, "AccountId"), Id = EF.Property<Guid>(j, "ProductsId") });
        var products = (await (accountsRead is null ? productRows : productRows.Where(p => accountsRead.Contains(p.AccountId))).ToListAsync(ct))
            .ToLookup(p => p.AccountId, p => p.Id);
        var accountRows = db.Accounts.AsNoTracking()
            .Select(a => new { a.Id, a.Name, a.IndustryId, a.Region, a.CountryCode, a.Employees, a.CompetitorsReplaced, a.ContractDate });
        var wanted = contacts.Select(c => c.AccountId).ToHashSet();
        var accounts = (await (accountsRead is null ? accountRows : accountRows.Where(a => accountsRead.Contains(a.Id))).ToListAsync(ct))
            .Where(a => wanted.Contains(a.Id))
            .ToDictionary(a => a.Id, a => (a.Name, Account: new CandidateAccount(
                a.Id, a.IndustryId, [.. products[a.Id]], a.Region, a.CountryCode, a.Employees, a.CompetitorsReplaced, a.ContractDate)));

        var since = new DateTimeOffset(today.AddYears(-CandidatePool.LedgerYears).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var askRows = db.Engagements.AsNoTracking().Where(e => e.Kind == EngagementKind.Ask && e.At >= since);
        var ledger = (await (ids is null ? askRows : askRows.Where(e => ids.Contains(e.ContactId)))
                .Select(e => new { Engagement = e, e.ActivityType!.RestPeriodDays })
                .ToListAsync(ct))
            .Select(a => a.Engagement.ToPastAsk(a.RestPeriodDays))
            .ToLookup(a => a.ContactId);

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
        return advocates;
    }

    /// <summary>Per account, the asks not released in this quarter.</summary>
    private static async Task<Dictionary<Guid, (int Quarter, int Asks)>> AccountAsksAsync(VouchDbContext db, DateOnly today, CancellationToken ct)
    {
        var quarter = Dates.QuarterOf(today);
        var quarterStarted = new DateTimeOffset(new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var asks = await db.Engagements.AsNoTracking()
            .Where(e => e.Kind == EngagementKind.Ask && e.Status != EngagementStatus.Released && e.At >= quarterStarted)
            .Select(e => new { e.AccountId, e.At })
            .ToListAsync(ct);
        return asks.Where(a => Dates.QuarterOf(DateOnly.FromDateTime(a.At.UtcDateTime)) == quarter)
            .GroupBy(a => a.AccountId)
            .ToDictionary(g => g.Key, g => (quarter, g.Count()));
    }
}

/// <summary>What a save changed for the advocate pool: contacts, and accounts with all their contacts; or everything.</summary>
public sealed record PoolChange(IReadOnlySet<Guid> Contacts, IReadOnlySet<Guid> Accounts, bool IsEverything = false)
{
    public static PoolChange Everything { get; } = new(new HashSet<Guid>(), new HashSet<Guid>(), true);
}

/// <summary>Tells the <see cref="AdvocateSnapshot"/> when a save changed what makes a contact referenceable.</summary>
public sealed class ReferenceabilityChanges(AdvocateSnapshot snapshot) : SaveChangesInterceptor
{
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
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, PoolChange> _pending = [];

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var (contacts, accounts, everything) = (new HashSet<Guid>(), new HashSet<Guid>(), false);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case Contact contact:
                    contacts.Add(contact.Id);
                    break;
                case Account account:
                    accounts.Add(account.Id);
                    break;
                case ContactBlackout blackout:
                    contacts.Add(blackout.ContactId);
                    break;
                case ActivityType:
                    everything = true;
                    break;
                default:
                    switch (entry.Metadata.GetTableName())
                    {
                        case "ContactActivityTypes":
                            contacts.Add((Guid)entry.Property("ContactId").CurrentValue!);
                            break;
                        case "AccountProducts":
                            accounts.Add((Guid)entry.Property("AccountId").CurrentValue!);
                            break;
                    }
                    break;
            }
        }
        if (everything)
        {
            _pending.AddOrUpdate(context, PoolChange.Everything);
        }
        else if (contacts.Count > 0 || accounts.Count > 0)
        {
            _pending.AddOrUpdate(context, new PoolChange(contacts, accounts));
        }
    }

    private void Notice(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var change) && _pending.Remove(context))
        {
            snapshot.Changed(change);
        }
    }
}
