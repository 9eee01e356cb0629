using Vouch.Features.Accounts;

namespace Vouch.Features.SupplyDemand;

/// <summary>
/// Occurrences counted per day and key, in day order, so that the counts of any period are one binary search and one
/// pass over that period's entries, without the records they were counted from.
/// </summary>
public sealed class DailyCounts<TKey> where TKey : notnull
{
    private readonly TKey[] _keys;
    private readonly int[] _days;
    private readonly int[] _keyOf;
    private readonly int[] _counts;

    public DailyCounts(IEnumerable<(DateOnly Day, TKey Key)> occurrences)
    {
        var keys = new Dictionary<TKey, int>();
        var perDay = new Dictionary<(int Day, int Key), int>();
        foreach (var (day, key) in occurrences)
        {
            if (!keys.TryGetValue(key, out var index))
            {
                keys[key] = index = keys.Count;
            }
            perDay[(day.DayNumber, index)] = perDay.GetValueOrDefault((day.DayNumber, index)) + 1;
        }
        _keys = new TKey[keys.Count];
        foreach (var (key, index) in keys)
        {
            _keys[index] = key;
        }
        var entries = perDay.OrderBy(e => e.Key.Day).ToArray();
        _days = [.. entries.Select(e => e.Key.Day)];
        _keyOf = [.. entries.Select(e => e.Key.Key)];
        _counts = [.. entries.Select(e => e.Value)];
    }

    /// <summary>The count of each key with any occurrence in <c>[from, to)</c>.</summary>
    public Dictionary<TKey, int> In(DateOnly from, DateOnly to)
    {
        var (first, end) = (Start(from), Start(to));
        var counts = new int[_keys.Length];
        for (var i = first; i < end; i++)
        {
            counts[_keyOf[i]] += _counts[i];
        }
        var found = new Dictionary<TKey, int>();
        for (var key = 0; key < counts.Length; key++)
        {
            if (counts[key] > 0)
            {
                found[_keys[key]] = counts[key];
            }
        }
        return found;
    }

    /// <summary>All occurrences in <c>[from, to)</c>, whatever their key.</summary>
    public int Total(DateOnly from, DateOnly to)
    {
        var total = 0;
        for (var i = Start(from); i < Start(to); i++)
        {
            total += _counts[i];
        }
        return total;
    }

    /// <summary>The first entry on or after <paramref name="day"/>.</summary>
    private int Start(DateOnly day)
    {
        var (low, high) = (0, _days.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = _days[middle] < day.DayNumber ? (middle + 1, high) : (low, middle);
        }
        return low;
    }
}

/// <summary>Where a request counts, as the database names it: a product it named, or none.</summary>
public readonly record struct DemandKey(Guid ActivityTypeId, Guid? IndustryId, Region? Region, Guid? ProductId);

/// <summary>What a request counts as in the totals: its activity and whether it was made for a deal.</summary>
public readonly record struct RequestKey(Guid ActivityTypeId, bool ForOpportunity);

/// <summary>Where an open deal is, as the database names it: a product it named, or none.</summary>
public readonly record struct DealKey(Guid? IndustryId, Region? Region, Guid? ProductId);

/// <summary>One request as the history counts it: the day it was made (UTC) and what it asked for.</summary>
public sealed record RequestFact(
    DateOnly CreatedOn, Guid ActivityTypeId, Guid? IndustryId, Region? Region, IReadOnlyCollection<Guid> ProductIds, bool ForOpportunity);

/// <summary>One open deal of an account that is not deleted: when it is due to close and where it is.</summary>
public sealed record OpenDealFact(DateOnly CloseDate, Guid? IndustryId, Region? Region, IReadOnlyCollection<Guid> ProductIds);

/// <summary>
/// The demand side of the reference market and the pipeline, counted per day: every request in the cells it counts
/// in, in the totals per activity, every open deal on its close date and every closed deal on its close date. A year's
/// report then adds up a few hundred thousand small counts instead of reading and grouping as many rows. Requests
/// made since it was read can be laid on top (<see cref="With(IReadOnlyList{RequestFact})"/>) without counting everything again.
/// </summary>
public sealed class MarketHistory
{
    private readonly DailyCounts<DemandKey> _cells;
    private readonly DailyCounts<RequestKey> _requests;
    private readonly IReadOnlyList<RequestFact> _recent;
    private readonly IReadOnlySet<Guid> _recentIds;

    /// <summary>
    /// The history of <paramref name="requests"/> and deals; <paramref name="recentIds"/> are the ids of the requests
    /// counted that were made lately, so that one told again (by another instance) is not counted twice.
    /// </summary>
    public MarketHistory(
        IReadOnlyCollection<RequestFact> requests, IEnumerable<OpenDealFact> openDeals, IEnumerable<DateOnly> closedDealDates, DateTimeOffset builtAt,
        IReadOnlySet<Guid>? recentIds = null)
    {
        _recentIds = recentIds ?? new HashSet<Guid>();
        _cells = new(requests.SelectMany(r => CellsOf(r).Select(cell => (r.CreatedOn, cell))));
        _requests = new(requests.Select(r => (r.CreatedOn, KeyOf(r))));
        _recent = [];
        OpenDeals = new(openDeals.SelectMany(d => d.ProductIds.Count == 0
            ? [(d.CloseDate, new DealKey(d.IndustryId, d.Region, null))]
            : d.ProductIds.Distinct().Select(p => (d.CloseDate, new DealKey(d.IndustryId, d.Region, p)))));
        ClosedDeals = new(closedDealDates.Select(d => (d, true)));
        BuiltAt = builtAt;
    }

    private MarketHistory(MarketHistory counted, IReadOnlyList<RequestFact> recent, IReadOnlySet<Guid> recentIds)
    {
        (_cells, _requests, OpenDeals, ClosedDeals, BuiltAt) = (counted._cells, counted._requests, counted.OpenDeals, counted.ClosedDeals, counted.BuiltAt);
        (_recent, _recentIds) = (recent, recentIds);
    }

    /// <summary>Open deals per close date, once per distinct product they named, or once without a product.</summary>
    public DailyCounts<DealKey> OpenDeals { get; }

    /// <summary>Closed deals per close date.</summary>
    public DailyCounts<bool> ClosedDeals { get; }

    /// <summary>When the counted records were read.</summary>
    public DateTimeOffset BuiltAt { get; }

    /// <summary>This history with <paramref name="recent"/>, requests made since it was read, counted as well.</summary>
    public MarketHistory With(IReadOnlyList<RequestFact> recent) => new(this, [.. _recent, .. recent], _recentIds);

    /// <summary>This history with the <paramref name="recent"/> requests it does not count yet (by id) counted as well.</summary>
    public MarketHistory With(IReadOnlyList<(Guid Id, RequestFact Fact)> recent)
    {
        var ids = new HashSet<Guid>(_recentIds);
        var added = recent.Where(r => ids.Add(r.Id)).Select(r => r.Fact).ToList();
        return new(this, [.. _recent, .. added], ids);
    }

    /// <summary>Requests made in <c>[from, to)</c> in each cell: once per distinct product they named, or once without a product.</summary>
    public Dictionary<DemandKey, int> CellsIn(DateOnly from, DateOnly to)
    {
        var counts = _cells.In(from, to);
        foreach (var request in _recent.Where(r => r.CreatedOn >= from && r.CreatedOn < to))
        {
            foreach (var cell in CellsOf(request))
            {
                counts[cell] = counts.GetValueOrDefault(cell) + 1;
            }
        }
        return counts;
    }

    /// <summary>Requests made in <c>[from, to)</c>, each once, by activity and whether it was made for a deal.</summary>
    public Dictionary<RequestKey, int> RequestsIn(DateOnly from, DateOnly to)
    {
        var counts = _requests.In(from, to);
        foreach (var request in _recent.Where(r => r.CreatedOn >= from && r.CreatedOn < to))
        {
            counts[KeyOf(request)] = counts.GetValueOrDefault(KeyOf(request)) + 1;
        }
        return counts;
    }

    private static IEnumerable<DemandKey> CellsOf(RequestFact request) =>
        request.ProductIds.Count == 0
            ? [new DemandKey(request.ActivityTypeId, request.IndustryId, request.Region, null)]
            : request.ProductIds.Distinct().Select(p => new DemandKey(request.ActivityTypeId, request.IndustryId, request.Region, p));

    private static RequestKey KeyOf(RequestFact request) => new(request.ActivityTypeId, request.ForOpportunity);
}
