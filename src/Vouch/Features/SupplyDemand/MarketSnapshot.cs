using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;

namespace Vouch.Features.SupplyDemand;

/// <summary>
/// The <see cref="MarketHistory"/> of this instance, read from the database and kept as long as the advocate pool
/// (<see cref="RequestOptions.AdvocatePoolSeconds"/>), with the same promise: changes saved through this instance are
/// seen at once; changes saved elsewhere once the bound has passed since the last rebuild finished, the first report
/// after that starting a rebuild and being answered from the old history.
/// </summary>
/// <remarks>
/// A request made through this instance is laid on top of the history (<see cref="Added"/>) until a rebuild has read
/// it, so making requests never makes a report wait. Any other change the history counts makes the next report wait
/// for a new one. A rebuild drops the requests laid on top that it read. A request saved while a rebuild read the
/// database and told only after that rebuild was taken in may or may not have been read: such a request makes the
/// next report wait for a new history instead, so that nothing is counted twice or missed.
/// </remarks>
public sealed class MarketSnapshot(IServiceScopeFactory scopes, IOptions<RequestOptions> options, TimeProvider clock, ILogger<MarketSnapshot> logger)
{
    /// <summary>Requests laid on top of one history at most; beyond that the next report reads a new history.</summary>
    public const int MaxRecent = 10_000;

    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly Lock _gate = new();
    private Built? _current;
    private List<(Guid Id, RequestFact Fact)> _recent = [];
    private long _generation;
    private long _refreshAfterTicks;
    private long _changes;
    private int _refreshing;

    /// <summary>Called when this instance saved a change to what the history counts, other than new requests.</summary>
    public void Changed() => Interlocked.Increment(ref _changes);

    /// <summary>The histories taken in so far; a request is told with the number seen before it was saved.</summary>
    public long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    /// <summary>
    /// Called when this instance saved new <paramref name="requests"/>, having seen <paramref name="generation"/>
    /// before the save.
    /// </summary>
    public void Added(IReadOnlyList<(Guid Id, RequestFact Fact)> requests, long generation)
    {
        lock (_gate)
        {
            if (generation == _generation && _recent.Count + requests.Count <= MaxRecent)
            {
                _recent = [.. _recent, .. requests];
                return;
            }
        }
        Changed();
    }

    public async Task<MarketHistory> CurrentAsync(CancellationToken ct)
    {
        var (seen, recent) = Read();
        if (seen is null || seen.Changes != Interlocked.Read(ref _changes))
        {
            return await RebuildAsync(seen, ct);
        }
        if (clock.GetUtcNow().UtcTicks > Interlocked.Read(ref _refreshAfterTicks) && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await RebuildAsync(seen, CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Could not refresh the market history; reports go on with the one built at {BuiltAt}.", seen.History.BuiltAt);
                }
                finally
                {
                    Volatile.Write(ref _refreshing, 0);
                }
            }, CancellationToken.None);
        }
        return seen.History.With(recent);
    }

    private (Built? Current, List<RequestFact> Recent) Read()
    {
        lock (_gate)
        {
            return (_current, [.. _recent.Select(r => r.Fact)]);
        }
    }

    private async Task<MarketHistory> RebuildAsync(Built? seen, CancellationToken ct)
    {
        await _building.WaitAsync(ct);
        try
        {
            var (current, recent) = Read();
            var changes = Interlocked.Read(ref _changes);
            if (current is not null && current != seen && current.Changes == changes)
            {
                return current.History.With(recent);
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VouchDbContext>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var (history, read) = await ReadAsync(db, clock.GetUtcNow(), ct);
            Interlocked.Exchange(ref _refreshAfterTicks, clock.GetUtcNow().AddSeconds(options.Value.AdvocatePoolSeconds).UtcTicks);
            lock (_gate)
            {
                var waiting = _recent.Select(r => r.Id).ToHashSet();
                waiting.IntersectWith(read);
                _recent = [.. _recent.Where(r => !waiting.Contains(r.Id))];
                _generation++;
                _current = new Built(history, changes);
                recent = [.. _recent.Select(r => r.Fact)];
            }
            logger.LogInformation("Market history read in {Milliseconds} ms.", started.ElapsedMilliseconds);
            return history.With(recent);
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>A history and the count of saved changes it has seen: a later change makes it out of date.</summary>
    private sealed record Built(MarketHistory History, long Changes);

    /// <summary>
    /// Every request and deal, read narrowly: the join tables whole, rather than a query per record; with the ids of
    /// the requests read.
    /// </summary>
    public static async Task<(MarketHistory History, IEnumerable<Guid> RequestIds)> ReadAsync(VouchDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        // Requests before their products: a request read was saved with its products, so they are read too.
        var rows = await db.ReferenceRequests.AsNoTracking()
            .Select(r => new { r.Id, r.CreatedAt, r.ActivityTypeId, r.IndustryId, r.Region, ForOpportunity = r.OpportunityId != null })
            .ToListAsync(ct);
        var requestProducts = (await db.Set<Dictionary<string, object>>("ReferenceRequestProducts")
                .Select(j => new { RequestId = EF.Property<Guid>(j, "ReferenceRequestId"), ProductId = EF.Property<Guid>(j, "ProductsId") })
                .ToListAsync(ct))
            .ToLookup(j => j.RequestId, j => j.ProductId);
        var requests = rows
            .Select(r => new RequestFact(
                DateOnly.FromDateTime(r.CreatedAt.UtcDateTime), r.ActivityTypeId, r.IndustryId, r.Region, [.. requestProducts[r.Id]], r.ForOpportunity))
            .ToList();

        var open = db.Opportunities.Where(o => !o.IsClosed);
        var dealProducts = (await (
                from op in db.Set<Dictionary<string, object>>("OpportunityProducts")
                join o in open on EF.Property<Guid>(op, "OpportunityId") equals o.Id
                select new { DealId = o.Id, ProductId = EF.Property<Guid>(op, "ProductsId") })
                .ToListAsync(ct))
            .ToLookup(j => j.DealId, j => j.ProductId);
        // Through the account, so that deals of deleted accounts are left out.
        var openDeals = (await open.AsNoTracking()
                .Select(o => new { o.Id, o.CloseDate, o.Account!.IndustryId, o.Account.Region })
                .ToListAsync(ct))
            .Select(d => new OpenDealFact(d.CloseDate, d.IndustryId, d.Region, [.. dealProducts[d.Id]]));
        var closedDates = await db.Opportunities.Where(o => o.IsClosed).Select(o => o.CloseDate).ToListAsync(ct);

        return (new MarketHistory(requests, openDeals, closedDates, now), rows.Select(r => r.Id));
    }
}

/// <summary>
/// Tells the <see cref="MarketSnapshot"/> when a save changed a request or deal in what the report counts: the new
/// requests themselves when that is all it did, or that the history is out of date.
/// </summary>
public sealed class MarketChanges(MarketSnapshot snapshot) : SaveChangesInterceptor
{
    private static readonly HashSet<string> s_joinTables = ["ReferenceRequestProducts", "OpportunityProducts"];

    // Requests move through their workflow all day; only what places them in the market matters here.
    private static readonly HashSet<string> s_counted =
    [
        nameof(ReferenceRequest.CreatedAt), nameof(ReferenceRequest.ActivityTypeId), nameof(ReferenceRequest.IndustryId),
        nameof(ReferenceRequest.Region), nameof(ReferenceRequest.OpportunityId),
        nameof(Opportunity.CloseDate), nameof(Opportunity.IsClosed), nameof(Opportunity.AccountId),
        nameof(Account.IndustryId), nameof(Account.Region), nameof(Account.DeletedAt),
    ];

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, Pending> _pending = [];

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

    private static bool Counts(EntityEntry entry) => entry.Entity switch
    {
        ReferenceRequest or Opportunity => entry.State is EntityState.Added or EntityState.Deleted || Modifies(entry),
        Account => entry.State is EntityState.Deleted || Modifies(entry),
        // Requests and deals lose them in the database (set to none, or the product struck from their list).
        Industry or Product => entry.State is EntityState.Deleted,
        _ => entry.State is EntityState.Added or EntityState.Deleted && s_joinTables.Contains(entry.Metadata.GetTableName() ?? ""),
    };

    private static bool Modifies(EntityEntry entry) =>
        entry.State is EntityState.Modified && entry.Properties.Any(p => p.IsModified && s_counted.Contains(p.Metadata.Name));

    // The entries are unchanged once saved, so what changed is noted before the save and told after it.
    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var counted = context.ChangeTracker.Entries().Where(Counts).ToList();
        if (counted.Count == 0)
        {
            _pending.Remove(context);
            return;
        }
        var added = counted.Select(e => e.Entity).OfType<ReferenceRequest>().Where(r => context.Entry(r).State == EntityState.Added).ToList();
        var addedIds = added.Select(r => r.Id).ToHashSet();
        // New requests with their products, saved on their own (a transaction of the caller's could still be rolled back).
        var onlyNewRequests = context.Database.CurrentTransaction is null && counted.All(e =>
            e.State == EntityState.Added
            && (e.Entity is ReferenceRequest
                || (e.Metadata.GetTableName() == "ReferenceRequestProducts" && e.Property("ReferenceRequestId").CurrentValue is Guid id && addedIds.Contains(id))));
        _pending.AddOrUpdate(context, onlyNewRequests
            ? new Pending([.. added.Select(r => (r.Id, new RequestFact(
                DateOnly.FromDateTime(r.CreatedAt.UtcDateTime), r.ActivityTypeId, r.IndustryId, r.Region, [.. r.Products.Select(p => p.Id)], r.OpportunityId != null)))],
                snapshot.Generation)
            : new Pending(null, 0));
    }

    private void Notice(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }
        _pending.Remove(context);
        if (pending.Added is null)
        {
            snapshot.Changed();
        }
        else
        {
            snapshot.Added(pending.Added, pending.Generation);
        }
    }

    /// <summary>What a save will change: only new requests (with the generation seen before saving), or anything else (none).</summary>
    private sealed record Pending(IReadOnlyList<(Guid Id, RequestFact Fact)>? Added, long Generation);
}
