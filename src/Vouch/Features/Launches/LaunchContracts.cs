namespace Vouch.Features.Launches;

/// <summary>References of one activity needed in one segment (SmallBusiness, MidMarket, Enterprise).</summary>
public sealed record LaunchTargetInput(string? Segment, string? ActivityType, int? Needed);

/// <summary>A launch: its name, the product by key or name, the day, the target segments and the references needed.</summary>
public sealed record LaunchInput(string? Name, string? Product, DateOnly? Date, IReadOnlyList<string>? Segments, IReadOnlyList<LaunchTargetInput>? Targets);

public sealed record LaunchSummary(Guid Id, string Name, string Product, DateOnly Date, IReadOnlyList<string> Segments, int Needed, int Recruited);

/// <summary>Recruited: referenceable contacts of accounts in the segment that use the product and agreed to the activity.</summary>
public sealed record TargetProgress(string Segment, string ActivityType, string Activity, int Needed, int Recruited);

public sealed record LaunchResponse(
    Guid Id, string Name, string Product, DateOnly Date, IReadOnlyList<string> Segments, IReadOnlyList<TargetProgress> Targets,
    IReadOnlyList<RankedAdopter> Candidates);
