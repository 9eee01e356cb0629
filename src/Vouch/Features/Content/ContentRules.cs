namespace Vouch.Features.Content;

/// <summary>
/// The rules of the content library that need no database: the state an asset is in on a day, which state changes
/// are allowed, and when an asset may be offered and used.
/// </summary>
public static class ContentRules
{
    private static readonly Dictionary<ApprovalState, ApprovalState[]> s_moves = new()
    {
        [ApprovalState.Draft] = [ApprovalState.AwaitingCustomerApproval, ApprovalState.Approved, ApprovalState.Retired],
        [ApprovalState.AwaitingCustomerApproval] = [ApprovalState.Draft, ApprovalState.Approved, ApprovalState.Retired],
        // Asking again is how approved or expired content gets a new approval from the customer.
        [ApprovalState.Approved] = [ApprovalState.AwaitingCustomerApproval, ApprovalState.Approved, ApprovalState.Expired, ApprovalState.Retired],
        [ApprovalState.Expired] = [ApprovalState.AwaitingCustomerApproval, ApprovalState.Approved, ApprovalState.Retired],
        [ApprovalState.Retired] = [ApprovalState.Draft],
    };

    public static ApprovalState StateOn(ApprovalState state, DateOnly? approvedUntil, DateOnly today) =>
        state == ApprovalState.Approved && approvedUntil < today ? ApprovalState.Expired : state;

    /// <summary>The states an asset in <paramref name="from"/> may be moved to.</summary>
    public static IReadOnlyList<ApprovalState> MovesFrom(ApprovalState from) => s_moves[from];

    /// <summary>
    /// Why the move is refused, or null when it is allowed. Approving needs an approved-until date that has not passed
    /// (or none, for content the customer allows without end).
    /// </summary>
    public static string? RefuseMove(ApprovalState from, ApprovalState to, DateOnly? approvedUntil, DateOnly today)
    {
        if (!s_moves[from].Contains(to))
        {
            return $"Content that is {Describe(from)} cannot become {Describe(to)}; it can become {string.Join(", ", s_moves[from].Select(Describe))}.";
        }
        if (to == ApprovalState.Approved && approvedUntil < today)
        {
            return "approvedUntil has passed: content cannot be approved until a day behind us.";
        }
        return null;
    }

    /// <summary>Why the asset cannot be used (once more) today, or null when it can.</summary>
    public static string? RefuseUse(ApprovalState stateToday, int useCount, int? useLimit) => stateToday switch
    {
        ApprovalState.Expired => "The customer's approval of this content has expired.",
        not ApprovalState.Approved => $"This content is {Describe(stateToday)}: only approved content can be used.",
        _ when useCount >= useLimit => $"This content has been used {useCount} of the {useLimit} times the customer allows.",
        _ => null,
    };

    /// <summary>Days from <paramref name="today"/> to the last approved day: 0 on that day itself.</summary>
    public static int? DaysLeft(DateOnly? approvedUntil, DateOnly today) =>
        approvedUntil is { } until ? until.DayNumber - today.DayNumber : null;

    public static string Describe(ApprovalState state) => state switch
    {
        ApprovalState.AwaitingCustomerApproval => "awaiting customer approval",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Describe(ContentKind kind) => kind switch
    {
        ContentKind.CaseStudy => "Case study",
        _ => kind.ToString(),
    };
}
