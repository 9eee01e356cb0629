namespace Vouch.Features.Stakeholders;

public sealed record MemberResponse(Guid UserId, string Name);

public sealed record StakeholderGroupResponse(
    string Key, string Name, int Priority, IReadOnlyList<string> Activities, int CapacityShare, IReadOnlyList<MemberResponse> Members, Guid Version);

/// <summary>A group's priority (1 first) and rules of engagement: the activity keys it may ask for (empty for any) and its share in percent.</summary>
public sealed record StakeholderGroupInput(int? Priority, IReadOnlyList<string>? Activities, int? CapacityShare, Guid? Version);

/// <summary>The user's group by its key; none takes them out of every group.</summary>
public sealed record MembershipInput(string? Group);

public sealed record QueueItemResponse(
    int Place, Guid RequestId, string ActivityType, string? Group, decimal? DealAmount, DateTimeOffset CreatedAt, bool Short);
