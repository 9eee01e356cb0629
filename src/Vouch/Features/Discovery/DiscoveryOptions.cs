namespace Vouch.Features.Discovery;

/// <summary>How discovery reads the program (section <c>Discovery</c>).</summary>
public sealed class DiscoveryOptions
{
    /// <summary>An advocate with no completed ask or give for this many days has gone quiet.</summary>
    public int QuietAfterDays { get; set; } = 180;

    /// <summary>A deal won this many days ago proposes its contacts as advocates: long enough to have seen it work.</summary>
    public int WonDealAfterDays { get; set; } = 90;

    /// <summary>How far back beyond <see cref="WonDealAfterDays"/> won deals still propose, so older wins do not flood the list.</summary>
    public int WonDealWithinDays { get; set; } = 365;
}
