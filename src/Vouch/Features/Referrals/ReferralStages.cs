namespace Vouch.Features.Referrals;

/// <summary>
/// The lifecycle of a referral: New → Contacted → Qualified → Opportunity → Won or Lost. The team moves it forward
/// through the open stages by hand, or drops it as lost; it becomes an opportunity only by linking its deal, and from
/// then on the deal decides: won or lost is what the deal closed as. A lost referral without a deal can be reopened.
/// </summary>
public static class ReferralStages
{
    private static readonly ReferralStatus[] s_open = [ReferralStatus.New, ReferralStatus.Contacted, ReferralStatus.Qualified];

    /// <summary>Whether the team still works the referral by hand (no deal yet, not lost).</summary>
    public static bool IsOpen(ReferralStatus status) => s_open.Contains(status);

    /// <summary>The stages a person may move a referral to from <paramref name="from"/>, in lifecycle order.</summary>
    public static IReadOnlyList<ReferralStatus> MovesFrom(ReferralStatus from) =>
        [.. Enum.GetValues<ReferralStatus>().Where(to => WhyNot(from, to) is null)];

    /// <summary>Why a referral at <paramref name="from"/> cannot be moved to <paramref name="to"/> by hand; null when it can.</summary>
    public static string? WhyNot(ReferralStatus from, ReferralStatus to)
    {
        if (from == to)
        {
            return $"The referral is already {Words(to)}.";
        }
        if (from is ReferralStatus.Opportunity or ReferralStatus.Won)
        {
            return "Its deal decides now: the referral is won or lost when its opportunity closes.";
        }
        if (to == ReferralStatus.Opportunity)
        {
            return "A referral becomes an opportunity when its deal is linked: link an existing opportunity or create one from it.";
        }
        if (to == ReferralStatus.Won)
        {
            return "A referral is won when its deal is won: link its opportunity and close the deal won.";
        }
        if (from == ReferralStatus.Lost)
        {
            return to == ReferralStatus.Contacted ? null : "A lost referral is reopened as contacted.";
        }
        return to == ReferralStatus.Lost || to > from ? null : $"A referral moves forward: from {Words(from)} to a later stage, or to lost.";
    }

    /// <summary>
    /// The status people see: the one stored while there is no deal; with a deal, Opportunity while it is open and
    /// Won or Lost once it closed.
    /// </summary>
    public static ReferralStatus Outcome(ReferralStatus stored, bool hasDeal, bool dealClosed, bool dealWon) =>
        !hasDeal ? stored : !dealClosed ? ReferralStatus.Opportunity : dealWon ? ReferralStatus.Won : ReferralStatus.Lost;

    public static string Words(ReferralStatus status) => status switch
    {
        ReferralStatus.New => "new",
        ReferralStatus.Opportunity => "an opportunity",
        _ => status.ToString().ToLowerInvariant(),
    };
}
