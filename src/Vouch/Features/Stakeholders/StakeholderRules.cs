namespace Vouch.Features.Stakeholders;

/// <summary>A stakeholder group's rules of engagement as the engines read them.</summary>
public sealed record GroupRules(Guid Id, string Key, string Name, int Priority, IReadOnlyList<string> Activities, int CapacityShare)
{
    /// <summary>Why the group may not ask for <paramref name="activityType"/>, or null when it may.</summary>
    public string? Refuses(string activityType) =>
        Activities.Count == 0 || Activities.Contains(activityType, StringComparer.Ordinal)
            ? null
            : $"{Name} may not ask for '{activityType}' under its rules of engagement; it may ask for {string.Join(", ", Activities)}.";
}

/// <summary>A request waiting for an advocate: what for, whose group asked and how much the deal is worth.</summary>
public sealed record QueuedRequest(Guid Id, string ActivityType, int? GroupPriority, decimal? DealAmount, DateTimeOffset CreatedAt);

/// <summary>A request's place in the queue, and whether its activity is short of advocates.</summary>
public sealed record QueueEntry(QueuedRequest Request, bool Short);

/// <summary>The share of fulfilled requests a group got, against the share it is meant to get.</summary>
public sealed record GroupShare(string Key, string Name, int Fulfilled, decimal? Share, int Target);

/// <summary>
/// How the reference managers' queue is ordered and how capacity was shared. While an activity has more waiting requests
/// than advocates who could serve it, its requests go by stakeholder priority, then by deal value (largest first), then
/// first come; an activity with enough advocates keeps first come, first served. Requests of scarce activities come
/// first: they are the ones where the order decides who is served.
/// </summary>
public static class StakeholderQueue
{
    public static IReadOnlyList<QueueEntry> Order(IReadOnlyList<QueuedRequest> waiting, IReadOnlyDictionary<string, int> advocatesByActivity)
    {
        var demand = waiting.GroupBy(r => r.ActivityType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        bool IsShort(string activity) => demand[activity] > advocatesByActivity.GetValueOrDefault(activity);
        return [.. waiting
            .Select(r => new QueueEntry(r, IsShort(r.ActivityType)))
            .OrderByDescending(e => e.Short)
            .ThenBy(e => e.Short ? e.Request.GroupPriority ?? int.MaxValue : 0)
            .ThenByDescending(e => e.Short ? e.Request.DealAmount ?? 0 : 0)
            .ThenBy(e => e.Request.CreatedAt)
            .ThenBy(e => e.Request.Id)];
    }

    /// <summary>
    /// Each group's share of the fulfilled requests (given as the key of the group that asked, null for none) against its target.
    /// With nothing fulfilled a share cannot be computed and is null.
    /// </summary>
    public static IReadOnlyList<GroupShare> Shares(IReadOnlyList<GroupRules> groups, IReadOnlyList<string?> fulfilledBy)
    {
        var total = fulfilledBy.Count;
        return [.. groups.OrderBy(g => g.Priority).ThenBy(g => g.Name, StringComparer.Ordinal).Select(g =>
        {
            var count = fulfilledBy.Count(k => k == g.Key);
            return new GroupShare(g.Key, g.Name, count, total == 0 ? null : Math.Round(100m * count / total, 1), g.CapacityShare);
        })];
    }
}
